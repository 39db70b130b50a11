// Turns `yaml` AST nodes into the plain values the daemon would see. From disk the daemon reads
// with PyYAML (`safe_load`, YAML 1.1), so plain scalars go through PyYAML's resolver and `<<`
// merge keys are honoured; otherwise (a document sent as JSON) the YAML 1.2 core schema applies.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { resolvePyYamlPlain } from './pyyamlResolve';

/**
 * Guards against alias bombs ("billion laughs") and runaway nesting in hostile input. Hitting one
 * is reported as one finding for the whole document (see `valueLimit`), never as the missing
 * fields the cut-off values would otherwise look like.
 */
export const MAX_VALUE_NODES = 100_000;
export const MAX_VALUE_DEPTH = 200;
const MAX_DEPTH = MAX_VALUE_DEPTH;

export interface ValueContext {
  doc: Document;
  fromDisk: boolean;
  /** PyYAML construction failures met on the way (safe_load would raise). */
  constructErrors: Array<{ node: YamlNode; message: string }>;
  nodesVisited: number;
  /** Set when a cap below cut the conversion short: the values read are incomplete. */
  limitExceeded?: 'nodes' | 'depth';
}

export function createValueContext(doc: Document, fromDisk: boolean): ValueContext {
  return { doc, fromDisk, constructErrors: [], nodesVisited: 0 };
}

/** True when this plain scalar would be a PyYAML merge key (`<<`). */
export function isMergeKey(node: unknown, ctx: ValueContext): boolean {
  return ctx.fromDisk && isScalar(node) && node.source === MERGE_KEY && node.type === 'PLAIN' && !node.tag;
}
const MERGE_KEY = '<<';

export function nodeValue(node: unknown, ctx: ValueContext, depth = 0): unknown {
  if (node === null || node === undefined) return null;
  if (++ctx.nodesVisited > MAX_VALUE_NODES) {
    ctx.limitExceeded ??= 'nodes';
    return null;
  }
  if (depth > MAX_DEPTH) {
    ctx.limitExceeded ??= 'depth';
    return null;
  }
  if (isAlias(node)) {
    const target = node.resolve(ctx.doc);
    return target ? nodeValue(target, ctx, depth + 1) : null;
  }
  if (isScalar(node)) return scalarValue(node, ctx);
  if (isSeq(node)) return node.items.map((item) => nodeValue(item, ctx, depth + 1));
  if (isMap(node)) {
    const result: Record<string, unknown> = {};
    for (const pair of effectivePairs(node.items as Pair[], ctx, depth)) {
      defineKey(result, keyString(pair.key, ctx, depth + 1), nodeValue(pair.value, ctx, depth + 1));
    }
    return result;
  }
  return null;
}

function scalarValue(node: import('yaml').Scalar, ctx: ValueContext): unknown {
  if (ctx.fromDisk && node.type === 'PLAIN' && !node.tag) {
    const resolved = resolvePyYamlPlain(String(node.source ?? ''));
    if (resolved.constructError) ctx.constructErrors.push({ node, message: resolved.constructError });
    return resolved.value;
  }
  // Quoted scalars, explicit tags and the 1.2 core schema: what `yaml` resolved.
  return node.value;
}

/**
 * The key as the daemon's dict would hold it, stringified for a JavaScript object. `depth` carries
 * the nesting on: a key can be an alias of an enclosing node (`&a {*a: x}`), and resetting the depth
 * here would let such a cycle recurse until the stack overflows.
 */
export function keyString(key: unknown, ctx: ValueContext, depth = 0): string {
  const value = nodeValue(key, ctx, depth);
  return typeof value === 'string' ? value : String(value);
}

/**
 * The pairs of a mapping as PyYAML's `flatten_mapping` orders them: merged pairs first (earlier
 * merge sources win over later ones), then the explicit pairs; when read into a dict the last
 * occurrence of a key wins.
 */
export function effectivePairs(pairs: Pair[], ctx: ValueContext, depth = 0): Pair[] {
  if (!ctx.fromDisk || !pairs.some((pair) => isMergeKey(pair.key, ctx))) return pairs;
  const merged: Pair[] = [];
  const explicit: Pair[] = [];
  for (const pair of pairs) {
    if (!isMergeKey(pair.key, ctx)) {
      explicit.push(pair);
      continue;
    }
    const sources = isSeq(pair.value) ? [...pair.value.items].reverse() : [pair.value];
    for (const source of sources) {
      const target = isAlias(source) ? source.resolve(ctx.doc) : source;
      if (isMap(target) && depth < MAX_DEPTH) {
        merged.push(...effectivePairs(target.items.filter(isPair) as Pair[], ctx, depth + 1));
      }
    }
  }
  return [...merged, ...explicit];
}

/** Assigns without ever touching the prototype (a key may be `__proto__`). */
export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
