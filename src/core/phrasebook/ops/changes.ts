// A short, countable description of what a write changes, for confirmations and audit lines.
// Entries are paired by pattern (the thing that decides matching); a pair that differs elsewhere
// is "changed", unpaired ones are added/removed.

import type { PhrasebookEntryWrite } from '../../daemon/schemas';

export interface EntryChangeSummary {
  before: number;
  after: number;
  added: number;
  removed: number;
  changed: number;
  /** Same entries, different order: first match wins, so order matters. */
  reordered: boolean;
  identical: boolean;
}

function sameEntry(a: PhrasebookEntryWrite, b: PhrasebookEntryWrite): boolean {
  return (
    a.pattern === b.pattern &&
    a.category === b.category &&
    a.description === b.description &&
    a.reply_template === b.reply_template
  );
}

export function summarizeEntryChanges(
  before: readonly PhrasebookEntryWrite[],
  after: readonly PhrasebookEntryWrite[],
): EntryChangeSummary {
  const unpairedBefore = [...before];
  let changed = 0;
  let added = 0;
  const pairedOrder: number[] = [];
  for (const entry of after) {
    const exact = unpairedBefore.findIndex((candidate) => sameEntry(candidate, entry));
    const byPattern = exact >= 0 ? exact : unpairedBefore.findIndex((candidate) => candidate.pattern === entry.pattern);
    if (byPattern < 0) {
      added += 1;
      continue;
    }
    if (exact < 0) changed += 1;
    pairedOrder.push(before.indexOf(unpairedBefore[byPattern]));
    unpairedBefore.splice(byPattern, 1);
  }
  const reordered = pairedOrder.some((index, position) => position > 0 && index < pairedOrder[position - 1]);
  const removed = unpairedBefore.length;
  return {
    before: before.length,
    after: after.length,
    added,
    removed,
    changed,
    reordered,
    identical: added === 0 && removed === 0 && changed === 0 && !reordered,
  };
}

export function entryCountText(count: number): string {
  return `${count} ${count === 1 ? 'entry' : 'entries'}`;
}

/** e.g. `8 → 9 entries (1 added, 2 changed)` or `8 → 8 entries (no change)`. */
export function describeEntryChanges(summary: EntryChangeSummary): string {
  const parts: string[] = [];
  if (summary.added) parts.push(`${summary.added} added`);
  if (summary.removed) parts.push(`${summary.removed} removed`);
  if (summary.changed) parts.push(`${summary.changed} changed`);
  if (summary.reordered) parts.push('order changed');
  const counts = `${summary.before} → ${entryCountText(summary.after)}`;
  return `${counts} (${parts.length ? parts.join(', ') : 'no change'})`;
}
