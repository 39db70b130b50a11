// Coverage: the phrasebook entries no test case reaches (no case's local answer is that entry).
// An entry that no sample message reaches is untested, or shadowed by the entries before it.
import type { Finding } from '../../findings';
import type { PhrasebookDocument } from '../document';
import { matchableEntries } from '../ops/testMessage';
import { FINDING_CODES } from '../lint/registry';
import { testFinding } from './codes';
import type { CaseResult } from './runner';

export interface UncoveredEntry {
  entryIndex: number;
  category: string;
  description: string;
}

export interface Coverage {
  /** Entries the matcher can use (valid pattern and reply_template). */
  total: number;
  reached: number;
  uncovered: UncoveredEntry[];
}

export function coverageOf(entries: unknown, results: readonly CaseResult[]): Coverage {
  const reached = new Set(
    results.flatMap((result) => (result.answer?.entryIndex !== undefined ? [result.answer.entryIndex] : [])),
  );
  const usable = matchableEntries(entries);
  const uncovered = usable
    .filter(({ fileIndex }) => !reached.has(fileIndex))
    .map(({ entry, fileIndex }) => ({
      entryIndex: fileIndex,
      category: entry.category,
      description: entry.description,
    }));
  return { total: usable.length, reached: usable.length - uncovered.length, uncovered };
}

/** Hints on the phrasebook's entries that no case reaches (on the pattern, else the whole entry). */
export function coverageFindings(
  phrasebook: PhrasebookDocument,
  uncovered: readonly UncoveredEntry[],
  testFileLabel: string,
): Finding[] {
  return uncovered.flatMap(({ entryIndex, category }) => {
    const entry = phrasebook.entries[entryIndex];
    if (!entry) return [];
    const span = entry.fieldsByName.get('pattern')?.valueSpan ?? entry.span;
    const message = `no test case in ${testFileLabel} reaches this entry ("${category}"): add a sample message it should answer`;
    return [testFinding(FINDING_CODES.testUntestedEntry, message, phrasebook.rangeOf(span), entryIndex)];
  });
}
