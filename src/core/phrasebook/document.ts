// A phrasebook YAML file with positions: one `yaml` parse (CST kept for exact source ranges), then
// a cheap walk that records, for every item of the top-level `entries` list, the value the daemon
// would receive and the source span of the item, of each key and of each value. Syntax errors are
// collected, and every entry that did parse is still available for checking.
import { normalizeLoneCarriageReturns, pyYamlTokenTab, pyYamlUnprintable } from './yaml/pyyamlReader';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type CST,
  type Node as YamlNode,
  type Pair,
  type YAMLError,
} from 'yaml';
import type { Finding, Position, Range } from '../findings';
import { resolvePyYamlPlain, type PyYamlScalar } from './yaml/pyyamlResolve';
import { ScalarOffsetMap, type SourceSpan } from './yaml/scalarOffsets';
import { FINDING_CODES } from './lint/registry';
import {
  createValueContext,
  defineKey,
  effectivePairs,
  isMergeKey,
  keyString,
  nodeValue,
  type ValueContext,
} from './yaml/yamlValues';

export interface DocumentOptions {
  /**
   * Read values as the daemon reads its override file from disk: PyYAML `safe_load`, YAML 1.1
   * (`no` → False, `1:30` → 90, `<<` merges). Default true. With false, the YAML 1.2 core schema
   * applies (a document whose values are sent as JSON by a YAML 1.2 tool).
   */
  fromDisk?: boolean;
  /** The top-level key of the list read as `entries` (default `entries`; test files use `cases`). */
  listKey?: string;
}

export interface FieldNode {
  /** The key when it is a string key; null for a non-string key (`yes:` is the boolean True). */
  name: string | null;
  keySpan: SourceSpan;
  /** The value node; for a missing value, an empty span right after the key. */
  valueSpan: SourceSpan;
  /** From the key's first character to the end of the value. */
  pairSpan: SourceSpan;
  /** The value as the daemon would see it. */
  value: unknown;
  /** For an unquoted, untagged scalar: its text and how PyYAML reads it. */
  plain: { text: string; pyyaml: PyYamlScalar } | null;
  /** True when the pair came in through a `<<` merge key (its spans are the merge's). */
  merged: boolean;
  /** True inside a flow collection (`{...}`, `[...]`), where `,[]{}` end a plain scalar. */
  flow: boolean;
  /** Maps positions inside a string value back to the document (built on first use). */
  offsets(): ScalarOffsetMap;
}

export interface EntryNode {
  index: number;
  /** From the `-` indicator (block lists) or the node start, to the end of the value node. */
  span: SourceSpan;
  /** The entry's value node alone (without `- `); the `-` itself for an empty item. */
  nodeSpan: SourceSpan;
  /** The whole lines holding the entry, for "remove entry"; null in flow lists. */
  deleteSpan: SourceSpan | null;
  value: unknown;
  isMapping: boolean;
  /** Pairs in source order (merged pairs first); repeated keys appear repeatedly. */
  fields: FieldNode[];
  /** The pair the daemon uses per key: the last occurrence, as PyYAML's dict keeps it. */
  fieldsByName: Map<string, FieldNode>;
  /** False when the entry uses aliases or merges: its meaning depends on text outside it. */
  selfContained: boolean;
  /** Identity of the entry's source text and context: equal keys mean equal analysis. */
  contentKey: string;
}

export interface PhrasebookDocument {
  text: string;
  fromDisk: boolean;
  /** Offsets where each line starts (computed from the text: yaml's own counter skips lines inside error tokens). */
  lineStarts: readonly number[];
  /** `yaml/syntax` findings (errors and warnings of the parser), document-level. */
  syntaxFindings: Finding[];
  /** PyYAML construction failures (`safe_load` would raise), with where they happened. */
  loadErrors: Array<{ span: SourceSpan; message: string }>;
  /** Which conversion cap the document hit, if any: its values are then incomplete and not analysed. */
  valueLimit?: 'nodes' | 'depth';
  /** What the daemon's validator would receive as `entries` (undefined when absent). */
  entriesValue: unknown;
  /** Keys of earlier top-level `entries:` that PyYAML overrides with the last one. */
  ignoredEntriesKeySpans: SourceSpan[];
  /** Where a root-level daemon error belongs: the `entries` key, or the document start. */
  rootSpan: SourceSpan;
  entriesKeySpan: SourceSpan | null;
  /** True when `entries` is a list: then `entries` holds its items. */
  entriesIsList: boolean;
  entries: EntryNode[];
  /** Top-level pairs other than `entries` (the daemon ignores them). */
  otherTopLevelFields: FieldNode[];
  positionAt(offset: number): Position;
  rangeOf(span: SourceSpan): Range;
}

export const ENTRIES_KEY = 'entries';

export function parsePhrasebook(original: string, options: DocumentOptions = {}): PhrasebookDocument {
  const fromDisk = options.fromDisk ?? true;
  const listKey = options.listKey ?? ENTRIES_KEY;
  const text = normalizeLoneCarriageReturns(original);
  const doc = parseDocument(text, {
    version: fromDisk ? '1.1' : '1.2',
    keepSourceTokens: true,
    prettyErrors: false,
    // PyYAML keeps the last of repeated keys silently; we report them as a lint instead.
    uniqueKeys: false,
  });
  const lineStarts = computeLineStarts(text);
  const positionAt = (offset: number): Position => positionIn(lineStarts, Math.max(0, Math.min(offset, text.length)));
  const rangeOf = (span: SourceSpan): Range => ({ start: positionAt(span.start), end: positionAt(span.end) });
  const ctx = createValueContext(doc, fromDisk);
  const result: PhrasebookDocument = {
    text,
    fromDisk,
    lineStarts,
    syntaxFindings: [...doc.errors, ...doc.warnings].map((error) => syntaxFinding(error, rangeOf)),
    loadErrors: [],
    entriesValue: undefined,
    ignoredEntriesKeySpans: [],
    rootSpan: { start: 0, end: firstLineEnd(text) },
    entriesKeySpan: null,
    entriesIsList: false,
    entries: [],
    otherTopLevelFields: [],
    positionAt,
    rangeOf,
  };
  const root = doc.contents;
  if (isMap(root)) {
    const pairs = effectivePairs(root.items.filter(isPair) as Pair[], ctx);
    let entriesPair: Pair | undefined;
    for (const pair of pairs) {
      if (keyString(pair.key, ctx) !== listKey) continue;
      // PyYAML keeps the last of repeated keys; the ignored ones are reported by the linter.
      const span = entriesPair && nodeSpan(entriesPair.key);
      if (span) result.ignoredEntriesKeySpans.push(span);
      entriesPair = pair;
    }
    for (const pair of pairs) {
      if (pair !== entriesPair && keyString(pair.key, ctx) !== listKey) {
        result.otherTopLevelFields.push(fieldNode(pair, text, ctx, false, isFlowNode(root)));
      }
    }
    if (entriesPair) readEntries(entriesPair, result, ctx);
  } else if (root) {
    const span = nodeSpan(root);
    if (span) result.rootSpan = span;
  }
  // A node converted twice (a key read for matching, then for the value) reports once.
  const unique = new Map(ctx.constructErrors.map((error) => [error.node, error.message]));
  result.loadErrors = [...unique].map(([node, message]) => ({ span: nodeSpan(node) ?? result.rootSpan, message }));
  const tab = pyYamlTokenTab(text);
  if (tab !== null) {
    result.loadErrors.unshift({
      span: { start: tab, end: tab + 1 },
      message: "found character '\\t' that cannot start any token",
    });
  }
  const unprintable = pyYamlUnprintable(text);
  if (unprintable) {
    const end = unprintable.offset + (text.codePointAt(unprintable.offset)! > 0xffff ? 2 : 1);
    result.loadErrors.unshift({ span: { start: unprintable.offset, end }, message: unprintable.message });
  }
  result.valueLimit = ctx.limitExceeded;
  return result;
}

function readEntries(entriesPair: Pair, result: PhrasebookDocument, ctx: ValueContext): void {
  const keySpan = nodeSpan(entriesPair.key);
  if (keySpan) {
    result.entriesKeySpan = keySpan;
    result.rootSpan = keySpan;
  }
  const list = entriesPair.value;
  if (!isSeq(list)) {
    result.entriesValue = nodeValue(list, ctx);
    return;
  }
  result.entriesIsList = true;
  const cstItems = blockSequenceItems(list as unknown as YamlNode);
  const inFlowList = isFlowNode(list);
  list.items.forEach((item, index) => {
    result.entries.push(entryNode(item as YamlNode | null, index, cstItems?.[index], result.text, ctx, inFlowList));
  });
  result.entriesValue = result.entries.map((entry) => entry.value);
}

/** The CST items of a block sequence, when they line up one-to-one with the AST items. */
function blockSequenceItems(list: YamlNode): CST.BlockSequence['items'] | null {
  const token = (list as { srcToken?: CST.Token }).srcToken;
  if (!token || token.type !== 'block-seq') return null;
  const items = (list as unknown as { items: unknown[] }).items;
  return token.items.length === items.length ? token.items : null;
}

function entryNode(
  item: YamlNode | null,
  index: number,
  cstItem: CST.BlockSequence['items'][number] | undefined,
  text: string,
  ctx: ValueContext,
  inFlowList: boolean,
): EntryNode {
  const indicator = cstItem?.start.find((token) => token.type === 'seq-item-ind');
  const valueSpan = nodeSpan(item);
  const start = indicator ? indicator.offset : (valueSpan?.start ?? 0);
  let end = valueSpan ? valueSpan.end : indicator ? indicator.offset + 1 : start;
  // A block mapping's range runs past its last line break; the entry ends at its last character.
  while (end > start && /\s/.test(text[end - 1])) end--;
  const span = { start, end };
  const ownSpan = valueSpan && valueSpan.end > valueSpan.start ? { start: valueSpan.start, end } : span;
  const fields: FieldNode[] = [];
  const fieldsByName = new Map<string, FieldNode>();
  let value: unknown;
  if (isMap(item)) {
    // Built from the fields (last key wins, like PyYAML's dict) instead of a second conversion.
    const mapping: Record<string, unknown> = {};
    for (const pair of effectivePairs(item.items.filter(isPair) as Pair[], ctx)) {
      const field = fieldNode(pair, text, ctx, !item.items.includes(pair), inFlowList || isFlowNode(item));
      fields.push(field);
      if (field.name !== null) fieldsByName.set(field.name, field);
      defineKey(mapping, field.name ?? keyString(pair.key, ctx), field.value);
    }
    value = mapping;
  } else {
    value = nodeValue(item, ctx);
  }
  const column = start - lineStartOf(text, start);
  return {
    index,
    span,
    nodeSpan: ownSpan,
    deleteSpan: indicator ? wholeLinesOf(text, span) : null,
    value,
    isMapping: isMap(item),
    fields,
    fieldsByName,
    selfContained: !containsAliasOrMerge(item, ctx),
    contentKey: `${ctx.fromDisk ? 'disk' : 'json'}|${column}|${text.slice(start, end)}`,
  };
}

function fieldNode(pair: Pair, text: string, ctx: ValueContext, merged: boolean, flow: boolean): FieldNode {
  const keyValue = nodeValue(pair.key, ctx);
  const keySpan = nodeSpan(pair.key) ?? { start: 0, end: 0 };
  const valueNode = pair.value as YamlNode | null;
  const valueSpan = nodeSpan(valueNode) ?? { start: keySpan.end + 1, end: keySpan.end + 1 };
  const plain =
    isScalar(valueNode) && valueNode.type === 'PLAIN' && !valueNode.tag && typeof valueNode.source === 'string'
      ? { text: valueNode.source, pyyaml: resolvePyYamlPlain(valueNode.source) }
      : null;
  let offsets: ScalarOffsetMap | undefined;
  return {
    name: typeof keyValue === 'string' ? keyValue : null,
    keySpan,
    valueSpan,
    pairSpan: { start: keySpan.start, end: Math.max(keySpan.end, valueSpan.end) },
    value: nodeValue(valueNode, ctx),
    plain,
    merged,
    flow,
    offsets() {
      offsets ??= scalarOffsets(valueNode, valueSpan);
      return offsets;
    },
  };
}

function scalarOffsets(node: YamlNode | null, span: SourceSpan): ScalarOffsetMap {
  if (!isScalar(node) || typeof node.source !== 'string') return ScalarOffsetMap.opaque(span);
  const token = (node as { srcToken?: CST.Token }).srcToken;
  if (!token || !isScalarToken(token)) return ScalarOffsetMap.opaque(span);
  return ScalarOffsetMap.build(token, node.source, span);
}

function isFlowNode(node: unknown): boolean {
  return (node as { srcToken?: CST.Token } | null)?.srcToken?.type === 'flow-collection';
}

function isScalarToken(token: CST.Token): token is CST.FlowScalar | CST.BlockScalar {
  return (
    token.type === 'scalar' ||
    token.type === 'single-quoted-scalar' ||
    token.type === 'double-quoted-scalar' ||
    token.type === 'block-scalar'
  );
}

function containsAliasOrMerge(node: unknown, ctx: ValueContext, depth = 0): boolean {
  if (!node || depth > MAX_ALIAS_SCAN_DEPTH) return false;
  if (isAlias(node)) return true;
  if (isMap(node)) {
    return node.items.some(
      (pair) =>
        isMergeKey(pair.key, ctx) ||
        containsAliasOrMerge(pair.key, ctx, depth + 1) ||
        containsAliasOrMerge(pair.value, ctx, depth + 1),
    );
  }
  if (isSeq(node)) return node.items.some((item) => containsAliasOrMerge(item, ctx, depth + 1));
  return false;
}
const MAX_ALIAS_SCAN_DEPTH = 50;

/** [start, valueEnd) of a node: the value itself, without trailing comments and line breaks. */
export function nodeSpan(node: unknown): SourceSpan | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? { start: range[0], end: range[1] } : null;
}

function syntaxFinding(error: YAMLError, rangeOf: (span: SourceSpan) => Range): Finding {
  const [start, end] = error.pos;
  return {
    severity: error.name === 'YAMLWarning' ? 'warning' : 'error',
    code: FINDING_CODES.yamlSyntax,
    message: error.message,
    range: rangeOf({ start, end: Math.max(start, end) }),
    entryIndex: null,
    field: null,
    data: { yamlCode: error.code },
  };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1))
    starts.push(newline + 1);
  return starts;
}

/** Binary search for the line holding `offset`; characters are UTF-16 units, as VS Code counts. */
function positionIn(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low, character: offset - lineStarts[low] };
}

function firstLineEnd(text: string): number {
  const newline = text.indexOf('\n');
  return newline === -1 ? text.length : newline;
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The full lines covering `span`, trailing line break included, when nothing but blanks and a
 * trailing comment share those lines; otherwise the span itself. What "delete this" removes.
 */
export function wholeLinesOf(text: string, span: SourceSpan): SourceSpan {
  const lineStart = lineStartOf(text, span.start);
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd).trim();
  if (text.slice(lineStart, span.start).trim() !== '' || (after !== '' && !after.startsWith('#'))) return span;
  return { start: lineStart, end: lineEnd === -1 ? text.length : lineEnd + 1 };
}

/**
 * Cheap content sniffing: a top-level `entries` list whose items are mappings with `pattern`.
 * A quick textual check first, so ordinary YAML files cost almost nothing.
 */
export function looksLikePhrasebook(text: string): boolean {
  if (!/(^|[{,\s])["']?entries["']?\s*:/.test(text) || !/["']?pattern["']?\s*:/.test(text)) return false;
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false });
  const root = doc.contents;
  if (!isMap(root)) return false;
  const entries = root.items.find((pair) => isScalar(pair.key) && pair.key.value === ENTRIES_KEY)?.value;
  if (!isSeq(entries)) return false;
  return entries.items.some(
    (item) => isMap(item) && item.items.some((pair) => isScalar(pair.key) && pair.key.value === 'pattern'),
  );
}
