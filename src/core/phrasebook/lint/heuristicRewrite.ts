// Rewrites for the daemon heuristic's false positives: patterns the daemon rejects although they
// do not repeat an unbounded quantifier. Each rewrite matches exactly the same messages:
//   `(X)?`  → `(X|)`   an optional group is "X or nothing", tried in the same order;
//   `(X)??` → `(|X)`   the lazy form tries nothing first;
//   `\)+`   → `[)]+`   a literal paren, not a group;
//   `\+`, `[+]`, `[*]` → `\x2b`, `[\x2b]`, `[\x2a]` — a literal plus/star, not a quantifier.
// A group really repeated by `+`/`*` (`(a+)+`) gets no rewrite: that is what the heuristic is for.
import { findNestedQuantifiers, isFlaggedByHeuristic } from '../../redos/heuristic';
import { groupClosingAt, lexPattern, type LexedPattern } from './patternLexer';

export interface HeuristicRewrite {
  /** The whole rewritten pattern. */
  pattern: string;
  /** One replacement on the original pattern (UTF-16 offsets): the changed middle part. */
  replacement: { start: number; end: number; text: string };
  /** What was done, for the quick-fix title. */
  descriptions: string[];
}

/** At most this many rewrite steps (one per flagged spot); real patterns need one or two. */
const MAX_STEPS = 32;
const REWRITABLE_GROUP_KINDS = new Set(['capture', 'non-capture', 'named']);

/**
 * A pattern the heuristic no longer flags and that matches the same messages, or null when a
 * flagged spot is a real nested quantifier (or uses constructs where the equivalence is unproven).
 * The caller still compiles the result (see `lint`), as the daemon will.
 */
export function heuristicSafeRewrite(pattern: string): HeuristicRewrite | null {
  let current = pattern;
  const descriptions: string[] = [];
  for (let step = 0; step < MAX_STEPS && isFlaggedByHeuristic(current); step++) {
    const lexed = lexPattern(current);
    if (!lexed) return null;
    const match = findNestedQuantifiers(current)[0];
    const next = rewriteOne(lexed, match.start, match.end);
    if (!next) return null;
    current = next.pattern;
    if (!descriptions.includes(next.description)) descriptions.push(next.description);
  }
  if (current === pattern || isFlaggedByHeuristic(current)) return null;
  return { pattern: current, replacement: minimalReplacement(pattern, current), descriptions };
}

interface Step {
  pattern: string;
  description: string;
}

function rewriteOne(lexed: LexedPattern, start: number, end: number): Step | null {
  const source = lexed.source;
  const close = end - 2;
  const quantifier = end - 1;
  // 1. The `)` is a literal character: take it out of the `)` + quantifier adjacency.
  if (lexed.roles[close] === 'escape') {
    return { pattern: splice(source, close - 1, close + 1, '[)]'), description: 'write the literal `)` as `[)]`' };
  }
  if (lexed.roles[close] === 'class') {
    return { pattern: splice(source, close, close + 1, '\\x29'), description: 'write the literal `)` as `\\x29`' };
  }
  const group = groupClosingAt(lexed, close);
  if (!group) return null;
  const realQuantifierInside = rangeHasRole(lexed, start + 1, close, 'quantifier', /[+*]/);
  // 2. Only literal `+`/`*` inside (escaped or in a class): spell them as hex escapes — unless the
  //    group, repeated, really contains an unbounded quantifier elsewhere (then it is no false alarm).
  if (!realQuantifierInside) {
    if (source[quantifier] !== '?' && hasUnboundedQuantifier(lexed, group.contentStart, close)) return null;
    let rewritten = source;
    for (let i = close - 1; i > start; i--) {
      const ch = source[i];
      if (ch !== '+' && ch !== '*') continue;
      const hex = ch === '+' ? '\\x2b' : '\\x2a';
      if (lexed.roles[i] === 'escape' && source[i - 1] === '\\') {
        rewritten = splice(rewritten, i - 1, i + 1, hex);
        i--;
      } else if (lexed.roles[i] === 'class') {
        rewritten = splice(rewritten, i, i + 1, hex);
      }
    }
    return rewritten === source
      ? null
      : { pattern: rewritten, description: 'write literal `+`/`*` as `\\x2b`/`\\x2a`' };
  }
  // 3. A real quantifier inside a group made optional by `?`: "X or nothing" says the same.
  if (source[quantifier] !== '?' || !REWRITABLE_GROUP_KINDS.has(group.kind) || lexed.hasOrderSensitiveConstructs)
    return null;
  const after = source[quantifier + 1];
  if (after === '+') return null;
  if (after === '?') {
    const withoutQuantifier = splice(source, quantifier, quantifier + 2, '');
    return {
      pattern: splice(withoutQuantifier, group.contentStart, group.contentStart, '|'),
      description: 'write `(X)??` as `(|X)`',
    };
  }
  return { pattern: splice(source, close, quantifier + 1, '|)'), description: 'write `(X)?` as `(X|)`' };
}

function hasUnboundedQuantifier(lexed: LexedPattern, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (lexed.roles[i] !== 'quantifier') continue;
    const ch = lexed.source[i];
    if ((ch === '+' || ch === '*') && lexed.roles[i - 1] !== 'quantifier') return true;
    if (ch === '{' && /^\{\d*,\}/.test(lexed.source.slice(i))) return true;
  }
  return false;
}

function rangeHasRole(lexed: LexedPattern, from: number, to: number, role: string, chars: RegExp): boolean {
  for (let i = from; i < to; i++) if (lexed.roles[i] === role && chars.test(lexed.source[i])) return true;
  return false;
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** The smallest single replacement that turns `before` into `after`. */
export function minimalReplacement(before: string, after: string): { start: number; end: number; text: string } {
  let prefix = 0;
  const limit = Math.min(before.length, after.length);
  while (prefix < limit && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}
