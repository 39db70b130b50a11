/**
 * Literals, character sets and categories of a Python str pattern as JS (u-mode) source.
 *
 * Python's categories for str patterns: \d = Unicode decimal digits (Nd), \w = str.isalnum() or
 * '_' (exactly the L and N categories), \s = str.isspace(); with ASCII: [0-9], [a-zA-Z0-9_],
 * [ \t\n\r\f\v]. Sets that contain a negated category (\D, \W, \S) are written as alternations
 * or look-aheads because u-mode classes cannot nest.
 */
import { CategoryCode, SetMember } from '../ast';
import { caseEquivalents, CaseMode, casedCodePoints, jsMatchesIgnoringCase, jsMissedEquivalents } from './caseFolding';
import { literalOutsideClass, rangesBody, toRanges } from './jsText';

/**
 * How case-insensitivity is realised where a literal or set is translated:
 * 'sensitive' - no IGNORECASE here; 'flag' - the whole RegExp has the 'i' flag (unicode mode);
 * 'expand' - no 'i' flag, equivalents are written out explicitly (mixed or ASCII case-folding).
 */
export type CaseStrategy = { kind: 'sensitive' } | { kind: 'flag' } | { kind: 'expand'; mode: CaseMode };

const PY_SPACE_BODY = '\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const UNICODE_CATEGORY_BODY = { DIGIT: '\\p{Nd}', SPACE: PY_SPACE_BODY, WORD: '\\p{L}\\p{N}_' } as const;
const ASCII_CATEGORY_BODY = { DIGIT: '0-9', SPACE: '\\t-\\r ', WORD: 'a-zA-Z0-9_' } as const;

type CategoryName = keyof typeof UNICODE_CATEGORY_BODY;

function categoryParts(code: CategoryCode): { name: CategoryName; negated: boolean } {
  const negated = code.includes('_NOT_');
  const name = code.replace('CATEGORY_', '').replace('NOT_', '') as CategoryName;
  return { name, negated };
}

/** Class body (without brackets) of the positive form of a category. */
export function categoryBody(code: CategoryCode, ascii: boolean): string {
  const { name } = categoryParts(code);
  return (ascii ? ASCII_CATEGORY_BODY : UNICODE_CATEGORY_BODY)[name];
}

/** A category escape outside a set: [body] or [^body]. */
export function categoryClass(code: CategoryCode, ascii: boolean): string {
  return `[${categoryParts(code).negated ? '^' : ''}${categoryBody(code, ascii)}]`;
}

const missedByFlag = new Map<number, number[]>();

/** Python's equivalents of cp that the current strategy does not already match. */
function missingEquivalents(cp: number, strategy: CaseStrategy): number[] {
  if (strategy.kind === 'sensitive') return [];
  if (strategy.kind === 'expand') return caseEquivalents(cp, strategy.mode).filter((other) => other !== cp);
  let missed = missedByFlag.get(cp);
  if (!missed) {
    const literal = literalOutsideClass(cp);
    missed = caseEquivalents(cp, 'unicode').filter((other) => !jsMatchesIgnoringCase(literal, other));
    missedByFlag.set(cp, missed);
  }
  return missed;
}

/** A literal code point. */
export function translateLiteral(cp: number, strategy: CaseStrategy): string {
  const extra = missingEquivalents(cp, strategy);
  if (extra.length === 0) return literalOutsideClass(cp);
  return `[${rangesBody(toRanges([cp, ...extra]))}]`;
}

/** NOT_LITERAL: any code point except cp (and its case equivalents). */
export function translateNotLiteral(cp: number, strategy: CaseStrategy): string {
  return `[^${rangesBody(toRanges([cp, ...missingEquivalents(cp, strategy)]))}]`;
}

interface SplitSet {
  negated: boolean;
  ranges: Array<[number, number]>;
  positiveBodies: string[];
  negatedBodies: string[];
}

function splitSet(members: readonly SetMember[], ascii: boolean): SplitSet {
  const split: SplitSet = { negated: false, ranges: [], positiveBodies: [], negatedBodies: [] };
  for (const member of members) {
    if (member.op === 'NEGATE') split.negated = true;
    else if (member.op === 'LITERAL') split.ranges.push([member.cp, member.cp]);
    else if (member.op === 'RANGE') split.ranges.push([member.lo, member.hi]);
    else
      (categoryParts(member.code).negated ? split.negatedBodies : split.positiveBodies).push(
        categoryBody(member.code, ascii),
      );
  }
  return split;
}

/** Sorted, merged copy of [lo, hi] ranges, for binary search. */
function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return merged;
}

function inMerged(cp: number, merged: ReadonlyArray<readonly [number, number]>): boolean {
  let lo = 0;
  let hi = merged.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < merged[mid][0]) hi = mid - 1;
    else if (cp > merged[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Cased code points matched by the literal/range members under Python's IGNORECASE. */
function pythonCaseClosure(
  ranges: ReadonlyArray<readonly [number, number]>,
  candidates: readonly number[],
  mode: CaseMode,
): number[] {
  const merged = mergeRanges(ranges);
  return candidates.filter(
    (cp) => !inMerged(cp, merged) && caseEquivalents(cp, mode).some((other) => inMerged(other, merged)),
  );
}

/** Source for a set without negated categories; `negated` = the set's own '^'. */
function simpleClass(
  negated: boolean,
  ranges: ReadonlyArray<readonly [number, number]>,
  bodies: readonly string[],
): string {
  return `[${negated ? '^' : ''}${rangesBody(ranges)}${bodies.join('')}]`;
}

/** The set as JS source, given the positive class body parts. */
function assemble(split: SplitSet): string {
  const { negated, ranges, positiveBodies, negatedBodies } = split;
  if (negatedBodies.length === 0) return simpleClass(negated, ranges, positiveBodies);
  const hasPositive = ranges.length > 0 || positiveBodies.length > 0;
  if (!negated) {
    const alternatives = negatedBodies.map((body) => `[^${body}]`);
    if (hasPositive) alternatives.unshift(simpleClass(false, ranges, positiveBodies));
    return `(?:${alternatives.join('|')})`;
  }
  // [^...\W...] = not any positive member, and inside every negated category's complement.
  const exclusion = hasPositive ? `(?!${simpleClass(false, ranges, positiveBodies)})` : '';
  const requirements = negatedBodies
    .slice(0, -1)
    .map((body) => `(?=[${body}])`)
    .join('');
  return `${exclusion}${requirements}[${negatedBodies[negatedBodies.length - 1]}]`;
}

/** An IN item (the members of a Python character set). */
export function translateSet(members: readonly SetMember[], ascii: boolean, strategy: CaseStrategy): string {
  const split = splitSet(members, ascii);
  if (strategy.kind === 'expand') {
    split.ranges.push(...toRanges(pythonCaseClosure(split.ranges, casedCodePoints(strategy.mode), strategy.mode)));
    return assemble(split);
  }
  const plain = assemble(split);
  if (strategy.kind === 'sensitive') return plain;
  // 'i' flag: JS already folds the members; add what Python matches and JS does not (Turkish i).
  const pythonMembers = pythonCaseClosure(split.ranges, jsMissedEquivalents(), 'unicode');
  // A member Python adds must match a plain set and must not match a negated one.
  const wanted = pythonMembers.filter((cp) => jsMatchesIgnoringCase(plain, cp) === split.negated);
  if (wanted.length === 0) return plain;
  if (split.negated) return `(?![${rangesBody(toRanges(wanted))}])${plain}`;
  split.ranges.push(...toRanges(wanted));
  return assemble(split);
}
