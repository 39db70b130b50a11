/**
 * Conditionals `(?(g)yes|no)` whose group may or may not have matched, e.g. `^(a)?(?(1)b|c)$`:
 * JS cannot test a group, so the sequence is split where g's state is decided. `(a)?REST` becomes
 * `(?:(a)REST|REST)` — the first copy knows g matched, the second that it did not — which is
 * exactly the order in which sre backtracks (greedy: with the group first; lazy: without). A
 * branch `(?:(a)|b)REST` becomes `(?:(a)REST|bREST)`. Only groups that cannot have matched before
 * (outside repeats, not seen earlier) are split on, so "not taken" really means unset.
 */
import { childPatterns, PyreItem } from '../ast';

export interface SplitVariant {
  /** Items that replace the deciding item in this copy. */
  items: PyreItem[];
  /** Groups known not to have matched in this copy. */
  unset: number[];
}

function collect(
  items: readonly PyreItem[],
  pick: (item: PyreItem) => number | null,
  into = new Set<number>(),
): Set<number> {
  for (const item of items) {
    const group = pick(item);
    if (group !== null) into.add(group);
    for (const child of childPatterns(item)) collect(child.items, pick, into);
  }
  return into;
}

const capturedGroups = (items: readonly PyreItem[]): Set<number> =>
  collect(items, (item) => (item.op === 'SUBPATTERN' ? item.group : null));
const conditionGroups = (items: readonly PyreItem[]): Set<number> =>
  collect(items, (item) => (item.op === 'GROUPREF_EXISTS' ? item.group : null));

/**
 * The copies to translate instead of items[index] followed by the rest, or null when items[index]
 * decides no group a later conditional of this sequence tests. `isUnset(g)`: g cannot have matched yet.
 */
export function planConditionalSplit(
  items: readonly PyreItem[],
  index: number,
  isUnset: (group: number) => boolean,
): SplitVariant[] | null {
  const item = items[index];
  const tested = conditionGroups(items.slice(index + 1));
  const captured = [...capturedGroups([item])];
  const deciding = captured.filter((group) => tested.has(group));
  if (deciding.length === 0 || !deciding.every(isUnset)) return null;
  if ((item.op === 'MAX_REPEAT' || item.op === 'MIN_REPEAT') && item.min === 0 && item.max >= 1) {
    const taken: SplitVariant = { items: [{ ...item, min: 1 }], unset: [] };
    const skipped: SplitVariant = { items: [], unset: captured };
    return item.op === 'MAX_REPEAT' ? [taken, skipped] : [skipped, taken];
  }
  if (item.op === 'BRANCH') {
    return item.alternatives.map((alternative) => {
      const own = capturedGroups(alternative.items);
      return { items: alternative.items, unset: captured.filter((group) => !own.has(group)) };
    });
  }
  return null;
}
