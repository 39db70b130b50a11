// The one seam between the fake daemon and the project's own Python-faithful pieces: the daemon's
// validator (`src/core/phrasebook/daemonRules.ts`), the CPython regex engine behind
// `pythonRegex.ts` (pyre), and the matcher/renderer of `match.ts`. The fake daemon answers with
// exactly what those say the real daemon would.

import { HTTP_500_PREFIX } from '../../src/core/phrasebook/constants';
import { validateEntries, type DaemonError as DaemonValidationError } from '../../src/core/phrasebook/daemonRules';
import { matchMessage } from '../../src/core/phrasebook/match';
import { referencedSnapshotFields } from '../../src/core/phrasebook/placeholders';
import { compileDaemonPattern as compilePattern } from '../../src/core/phrasebook/pythonRegex';
import type { PhrasebookEntry } from './seed';

export type { DaemonValidationError };

/** The daemon's `validate_entries` (contract §4). */
export function validateDaemonEntries(payload: unknown): DaemonValidationError[] {
  return validateEntries(payload);
}

/** True when the daemon itself would crash on this payload (an uncaught exception → plain 500). */
export function wouldCrashDaemon(errors: readonly DaemonValidationError[]): boolean {
  return errors.some((error) => error.error.startsWith(HTTP_500_PREFIX));
}

/** Whether `re.compile(pattern, re.IGNORECASE)` succeeds (the loader's check). */
export function compilesLikeDaemon(pattern: string): boolean {
  return compilePattern(pattern).kind === 'ok';
}

/** Sorted, de-duplicated placeholder paths of a template (`referenced_snapshot_fields`). */
export const referencedFields = referencedSnapshotFields;

export interface TestMatch {
  entry: PhrasebookEntry;
  /** null when the reply falls through to the reasoning engine. */
  renderedReply: string | null;
}

/**
 * The first entry matching the message (already stringified) and its rendered reply, or undefined.
 * The snapshot is the fresh one the daemon would use, or undefined when it has none.
 */
export function matchTestMessage(
  entries: readonly PhrasebookEntry[],
  text: string,
  snapshot: Record<string, unknown> | undefined,
): TestMatch | undefined {
  const outcome = matchMessage(entries, text, snapshot ?? null);
  const undecidable = outcome.untranslatable?.find(
    (item) => outcome.entryIndex === null || item.entryIndex < outcome.entryIndex,
  );
  // Never guess: a pattern the engine cannot evaluate makes the fake answer 500, visibly.
  if (undecidable) throw new Error(`cannot evaluate entry ${undecidable.entryIndex}: ${undecidable.reason}`);
  if (!outcome.matched || outcome.entryIndex === null) return undefined;
  return { entry: entries[outcome.entryIndex], renderedReply: outcome.renderedReply };
}
