/**
 * The parsed pattern, mirroring CPython's intermediate form (re/_parser.py SubPattern of (op, av)
 * items) so that the compile-time checks can be ported one to one. `pos` is the code-point index
 * in the pattern where the construct starts (for diagnostics); CPython itself does not keep it.
 */

export type AtCode =
  | 'AT_BEGINNING' // ^
  | 'AT_BEGINNING_STRING' // \A
  | 'AT_BOUNDARY' // \b
  | 'AT_NON_BOUNDARY' // \B
  | 'AT_END' // $
  | 'AT_END_STRING'; // \Z

export type CategoryCode =
  | 'CATEGORY_DIGIT'
  | 'CATEGORY_NOT_DIGIT'
  | 'CATEGORY_SPACE'
  | 'CATEGORY_NOT_SPACE'
  | 'CATEGORY_WORD'
  | 'CATEGORY_NOT_WORD';

/** Members of a character set (the av list of an IN item). */
export type SetMember =
  | { op: 'NEGATE' }
  | { op: 'LITERAL'; cp: number }
  | { op: 'RANGE'; lo: number; hi: number }
  | { op: 'CATEGORY'; code: CategoryCode };

export type RepeatOp = 'MAX_REPEAT' | 'MIN_REPEAT' | 'POSSESSIVE_REPEAT';

export type PyreItem =
  | { op: 'LITERAL'; cp: number; pos: number }
  | { op: 'NOT_LITERAL'; cp: number; pos: number }
  | { op: 'ANY'; pos: number }
  | { op: 'IN'; set: SetMember[]; pos: number }
  | { op: 'AT'; code: AtCode; pos: number }
  | { op: RepeatOp; min: number; max: number; item: SubPattern; pos: number }
  /** group null = non-capturing with scoped flags (flag-less ones are inlined into the parent). */
  | { op: 'SUBPATTERN'; group: number | null; addFlags: number; delFlags: number; pattern: SubPattern; pos: number }
  | { op: 'ATOMIC_GROUP'; pattern: SubPattern; pos: number }
  /** dir 1 = look-ahead, -1 = look-behind. */
  | { op: 'ASSERT' | 'ASSERT_NOT'; dir: 1 | -1; pattern: SubPattern; pos: number }
  | { op: 'GROUPREF'; group: number; pos: number }
  | { op: 'GROUPREF_EXISTS'; group: number; yes: SubPattern; no: SubPattern | null; pos: number }
  | { op: 'BRANCH'; alternatives: SubPattern[]; pos: number };

/** A sequence of items; `width` caches getwidth() exactly like SubPattern.width. */
export interface SubPattern {
  items: PyreItem[];
  width?: readonly [number, number];
}

/** The root of a parsed pattern. */
export type PyreNode = SubPattern;

export const REPEAT_OPS: ReadonlySet<string> = new Set<RepeatOp>(['MAX_REPEAT', 'MIN_REPEAT', 'POSSESSIVE_REPEAT']);

export function isRepeat(item: PyreItem): item is Extract<PyreItem, { op: RepeatOp }> {
  return REPEAT_OPS.has(item.op);
}

/** target.push(...items) without spreading (a spread of ~100k items overflows the JS stack). */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

export function newSubPattern(items: PyreItem[] = []): SubPattern {
  return { items };
}

/** Python tuple equality of two set members (used by _uniq and the common-prefix optimisation). */
export function setMembersEqual(a: SetMember, b: SetMember): boolean {
  switch (a.op) {
    case 'NEGATE':
      return b.op === 'NEGATE';
    case 'LITERAL':
      return b.op === 'LITERAL' && a.cp === b.cp;
    case 'RANGE':
      return b.op === 'RANGE' && a.lo === b.lo && a.hi === b.hi;
    case 'CATEGORY':
      return b.op === 'CATEGORY' && a.code === b.code;
  }
}

export function setMemberKey(member: SetMember): string {
  switch (member.op) {
    case 'NEGATE':
      return 'N';
    case 'LITERAL':
      return `L${member.cp}`;
    case 'RANGE':
      return `R${member.lo},${member.hi}`;
    case 'CATEGORY':
      return `C${member.code}`;
  }
}

/** _uniq(): order-preserving de-duplication by value. */
export function uniqueMembers(members: SetMember[]): SetMember[] {
  const seen = new Set<string>();
  return members.filter((member) => {
    const key = setMemberKey(member);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Python `item_a == item_b` for two (op, av) tuples. Items holding a SubPattern compare by identity
 * in CPython (SubPattern has no __eq__), and each parse creates fresh SubPatterns, so they never match.
 */
export function itemsEqual(a: PyreItem, b: PyreItem): boolean {
  if (a === b) return true;
  switch (a.op) {
    case 'LITERAL':
    case 'NOT_LITERAL':
      return b.op === a.op && b.cp === a.cp;
    case 'ANY':
      return b.op === 'ANY';
    case 'AT':
      return b.op === 'AT' && b.code === a.code;
    case 'GROUPREF':
      return b.op === 'GROUPREF' && b.group === a.group;
    case 'IN':
      return (
        b.op === 'IN' && b.set.length === a.set.length && a.set.every((member, i) => setMembersEqual(member, b.set[i]))
      );
    default:
      return false;
  }
}

/** The sub-patterns directly inside an item (repeat body, group, branches, conditional arms). */
export function childPatterns(item: PyreItem): SubPattern[] {
  if (isRepeat(item)) return [item.item];
  switch (item.op) {
    case 'ATOMIC_GROUP':
    case 'ASSERT':
    case 'ASSERT_NOT':
    case 'SUBPATTERN':
      return [item.pattern];
    case 'BRANCH':
      return item.alternatives;
    case 'GROUPREF_EXISTS':
      return item.no ? [item.yes, item.no] : [item.yes];
    default:
      return [];
  }
}
