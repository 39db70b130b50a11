// "Test a message": what the daemon's `/test` answers for its live phrasebook, next to what the
// local matcher answers for a file (first entry whose Python pattern matches at the start of the
// trimmed message, reply rendered with the daemon's snapshot), and why the two may differ.
// Local matching runs the patterns synchronously, so a pattern that can backtrack catastrophically
// is never run here: a deep-analysis verdict for each pattern is obtained first.

import type { PhrasebookTestResponse } from '../../daemon/schemas';
import type { RedosVerdict } from '../../redos/verdict';
import type { DaemonEntry } from './writeFormat';
import { isPlainObject } from '../daemonRules';
import type { RedosAnalyzer } from '../lint/deep';
import { matchMessage, type FallThroughReason, type MatchableEntry } from '../match';
import { referencedSnapshotFields } from '../placeholders';
import { compileDaemonPattern, translateDaemonPattern } from '../pythonRegex';
import type { PhrasebookOpsClient } from './client';
import { canonicalEntriesHash } from './format';
import { toPlainLine } from '../../text/markdown';
import { safeLine } from '../../text/sanitize';

/** The local answer, shaped like the daemon's `/test` body (snake_case) plus what only we know. */
export type LocalTestResult =
  | {
      matched: false;
      would_fall_through_to_reasoning_engine: true;
      reason: FallThroughReason;
      untranslatable?: Array<{ entry_index: number; reason: string }>;
    }
  | {
      /** Matching stopped before an entry whose pattern could stall it: the local answer is unknown. */
      matched: false;
      skipped: true;
      skipped_entry_index: number;
      reason: string;
      untranslatable?: Array<{ entry_index: number; reason: string }>;
    }
  | {
      matched: true;
      entry_index: number;
      category: string;
      description: string;
      pattern: string;
      reply_template: string;
      referenced_snapshot_fields: string[];
      rendered_reply: string | null;
      would_fall_through_to_reasoning_engine: boolean;
      snapshot_present: boolean;
      fall_through_reason?: FallThroughReason;
      fall_through_path?: string;
      untranslatable?: Array<{ entry_index: number; reason: string }>;
    };

/** The entries of a file that the matcher can use, with their index in the file. */
export function matchableEntries(
  payload: unknown,
): Array<{ entry: MatchableEntry & { description: string }; fileIndex: number }> {
  if (!Array.isArray(payload)) return [];
  const usable: Array<{ entry: MatchableEntry & { description: string }; fileIndex: number }> = [];
  payload.forEach((item, fileIndex) => {
    if (!isPlainObject(item) || typeof item.pattern !== 'string' || typeof item.reply_template !== 'string') return;
    // The daemon's loader: missing category → "uncategorized", missing description → "" (§5.3).
    const category = typeof item.category === 'string' ? item.category : 'uncategorized';
    const description = typeof item.description === 'string' ? item.description : '';
    usable.push({
      entry: { pattern: item.pattern, category, description, reply_template: item.reply_template },
      fileIndex,
    });
  });
  return usable;
}

export function localTestResult(payload: unknown, message: string, snapshot: unknown, now: Date): LocalTestResult {
  const usable = matchableEntries(payload);
  const outcome = matchMessage(
    usable.map((item) => item.entry),
    message,
    snapshot ?? null,
    { now },
  );
  const untranslatable = outcome.untranslatable?.map((item) => ({
    entry_index: usable[item.entryIndex].fileIndex,
    reason: item.reason,
  }));
  const extra = untranslatable?.length ? { untranslatable } : {};
  if (!outcome.matched || outcome.entryIndex === null) {
    return {
      matched: false,
      would_fall_through_to_reasoning_engine: true,
      reason: outcome.fallThroughReason ?? 'no-match',
      ...extra,
    };
  }
  const { entry, fileIndex } = usable[outcome.entryIndex];
  return {
    matched: true,
    entry_index: fileIndex,
    category: entry.category,
    description: entry.description,
    pattern: entry.pattern,
    reply_template: entry.reply_template,
    referenced_snapshot_fields: referencedSnapshotFields(entry.reply_template),
    rendered_reply: outcome.renderedReply,
    would_fall_through_to_reasoning_engine: outcome.renderedReply === null,
    snapshot_present: snapshot !== undefined && snapshot !== null,
    ...(outcome.fallThroughReason ? { fall_through_reason: outcome.fallThroughReason } : {}),
    ...(outcome.fallThroughPath ? { fall_through_path: outcome.fallThroughPath } : {}),
    ...extra,
  };
}

/** From this degree on, polynomial backtracking stalls too: n³ steps on a 1,024-character message. */
const MIN_STALLING_POLYNOMIAL_DEGREE = 3;
/** Backtracking steps a local run may take (well under a second) before the pattern counts as stalling. */
const LOCAL_STEP_BUDGET = 1_000_000;

/**
 * How badly a pattern can backtrack when that is too badly to run it here, else undefined. With the
 * message's length the estimate is for that message: an exponential pattern cannot stall on
 * "hello" (2⁵ steps), so short messages are still answered locally.
 */
export function stallingComplexity(verdict: RedosVerdict, messageLength?: number): string | undefined {
  // "inconclusive" and "unsupported" verdicts proceed: the analysis could not decide, and refusing
  // every such pattern would withhold local answers without a known risk.
  if (verdict.status !== 'vulnerable') return undefined;
  const degree = verdict.complexity === 'exponential' ? undefined : (verdict.degree ?? 0);
  if (degree !== undefined && degree < MIN_STALLING_POLYNOMIAL_DEGREE) return undefined;
  if (messageLength !== undefined) {
    const steps = degree === undefined ? 2 ** messageLength : messageLength ** degree;
    if (steps <= LOCAL_STEP_BUDGET) return undefined;
  }
  return degree === undefined ? 'exponential' : `polynomial, degree ${degree}`;
}

/** A pattern that does not compile or translate is never run locally, so it needs no verdict. */
function verdictOf(pattern: string, analyzer: RedosAnalyzer): Promise<RedosVerdict> | undefined {
  const compiled = compileDaemonPattern(pattern);
  if (compiled.kind !== 'ok') return undefined;
  const translation = translateDaemonPattern(pattern, compiled.compiled);
  return translation.ok ? analyzer.analyze(translation.source, translation.flags) : undefined;
}

interface StallingEntry {
  fileIndex: number;
  complexity: string;
  entry: MatchableEntry & { description: string };
}

/** The first entry, in file order, whose pattern must not run locally on this message, and why. */
async function firstStallingEntry(
  payload: unknown,
  message: string,
  analyzer: RedosAnalyzer,
): Promise<StallingEntry | undefined> {
  const usable = matchableEntries(payload);
  const verdicts = await Promise.all(usable.map(({ entry }) => verdictOf(entry.pattern, analyzer)));
  // The daemon matches the trimmed message, so that is what the pattern would run on.
  const length = typeof message === 'string' ? message.trim().length : undefined;
  for (const [position, verdict] of verdicts.entries()) {
    const complexity = verdict && stallingComplexity(verdict, length);
    if (complexity) return { fileIndex: usable[position].fileIndex, complexity, entry: usable[position].entry };
  }
  return undefined;
}

const QUOTE_MAX = 80;

/**
 * `localTestResult`, but entries are tried only up to the first one whose pattern the analyzer
 * finds can backtrack catastrophically on a message this long: entries are tried in order, so
 * later ones cannot be reached without running it. An answer before that entry is still the true
 * local answer.
 */
export async function guardedLocalTestResult(
  payload: unknown,
  message: string,
  snapshot: unknown,
  now: Date,
  analyzer: RedosAnalyzer,
): Promise<LocalTestResult> {
  const stalling = await firstStallingEntry(payload, message, analyzer);
  if (!stalling) return localTestResult(payload, message, snapshot, now);
  const entriesBefore = (payload as unknown[]).slice(0, stalling.fileIndex); // an array: it has entries
  const reached = localTestResult(entriesBefore, message, snapshot, now);
  if (reached.matched || reached.reason !== 'no-match') return reached;
  const { entry, fileIndex, complexity } = stalling;
  const length = message.trim().length;
  return {
    matched: false,
    skipped: true,
    skipped_entry_index: fileIndex,
    reason:
      `entry ${fileIndex}'s pattern can backtrack catastrophically (${complexity}); not run locally, nor the entries after it — ` +
      `entry ${fileIndex} is ${JSON.stringify(toPlainLine(entry.category, QUOTE_MAX))} with pattern ${JSON.stringify(toPlainLine(entry.pattern, QUOTE_MAX))}, ` +
      `too slow to try on a message of ${length} character${length === 1 ? '' : 's'}`,
    ...(reached.untranslatable ? { untranslatable: reached.untranslatable } : {}),
  };
}

export interface TestComparison {
  same: boolean;
  /** What differs, e.g. `answer: entry "greeting" locally, no match on the daemon`. */
  differences: string[];
  /** Why, as far as we can tell. */
  causes: string[];
}

const FALL_THROUGH_TEXT: Record<FallThroughReason, string> = {
  'not-a-string': 'the message is not text',
  'empty-message': 'the message is empty after trimming',
  'no-match': 'no entry matches',
  'no-snapshot': 'the daemon has no snapshot',
  'stale-snapshot': 'the snapshot is not fresh (computed over 10 minutes ago, or in the future)',
  'missing-value': 'a placeholder names a value the snapshot does not have',
  'null-value': 'a placeholder value is null',
  'unknown-value': 'a placeholder value is "unknown"',
};

export function describeFallThrough(reason: FallThroughReason, path?: string): string {
  return path ? `${FALL_THROUGH_TEXT[reason]} (${path})` : FALL_THROUGH_TEXT[reason];
}

export function compareTestResults(
  local: LocalTestResult,
  daemon: PhrasebookTestResponse,
  facts: { fileEntries: readonly DaemonEntry[] | undefined; liveEntries: readonly DaemonEntry[] | undefined },
): TestComparison {
  const differences: string[] = [];
  const answer = (result: { matched: boolean; category?: string }) =>
    result.matched ? `entry "${result.category}"` : 'no match';
  if ('skipped' in local) {
    // Nothing to compare: the local answer is unknown, and the skip is the whole reason.
    differences.push(
      `answer: unknown locally (stopped before entry ${local.skipped_entry_index}), ${answer(daemon)} on the daemon`,
    );
    return { same: false, differences, causes: [local.reason] };
  }
  if (
    local.matched !== daemon.matched ||
    (local.matched && daemon.matched && (local.category !== daemon.category || local.pattern !== daemon.pattern))
  ) {
    differences.push(`answer: ${answer(local)} locally, ${answer(daemon)} on the daemon`);
  } else if (local.matched && daemon.matched) {
    if (local.reply_template !== daemon.reply_template) differences.push('reply template differs');
    if (local.rendered_reply !== daemon.rendered_reply) {
      differences.push(
        `reply: ${JSON.stringify(local.rendered_reply)} locally, ${JSON.stringify(daemon.rendered_reply)} on the daemon`,
      );
    }
  }
  const causes: string[] = [];
  if (differences.length > 0) {
    const fileHash = facts.fileEntries && canonicalEntriesHash(facts.fileEntries);
    const liveHash = facts.liveEntries && canonicalEntriesHash(facts.liveEntries);
    if (fileHash && liveHash && fileHash !== liveHash) causes.push('the file differs from the live phrasebook');
    for (const item of local.untranslatable ?? [])
      causes.push(`entry ${item.entry_index}: ${item.reason} — evaluated by the daemon only`);
    if (causes.length === 0 && local.matched && daemon.matched && local.rendered_reply !== daemon.rendered_reply) {
      causes.push("the snapshot changed between the daemon's answer and the local rendering");
    }
    if (causes.length === 0)
      causes.push('unexplained: the file matches live and every pattern was evaluated — please report it');
  }
  return { same: differences.length === 0, differences, causes };
}

/** Either side's answer, in the terms the side-by-side view shows. */
interface ShownAnswer {
  matched: boolean;
  /** Not evaluated (see `why`): a pattern could have stalled the matcher. */
  skipped?: boolean;
  entryIndex?: number;
  category?: string;
  description?: string;
  pattern?: string;
  replyTemplate?: string;
  renderedReply: string | null;
  /** Why there is no reply, when there is none. */
  why?: string;
  notes: string[];
}

function shownLocal(result: LocalTestResult): ShownAnswer {
  const notes = (result.untranslatable ?? []).map(
    (item) => `entry ${item.entry_index} could not be evaluated locally: ${item.reason}`,
  );
  if ('skipped' in result) return { matched: false, skipped: true, renderedReply: null, why: result.reason, notes };
  if (!result.matched)
    return {
      matched: false,
      renderedReply: null,
      why: result.reason === 'no-match' ? undefined : describeFallThrough(result.reason),
      notes,
    };
  const why = result.fall_through_reason
    ? describeFallThrough(result.fall_through_reason, result.fall_through_path)
    : undefined;
  return {
    matched: true,
    entryIndex: result.entry_index,
    category: result.category,
    description: result.description,
    pattern: result.pattern,
    replyTemplate: result.reply_template,
    renderedReply: result.rendered_reply,
    why,
    notes,
  };
}

function shownDaemon(result: PhrasebookTestResponse): ShownAnswer {
  if (!result.matched) return { matched: false, renderedReply: null, notes: [] };
  return {
    matched: true,
    category: result.category,
    description: result.description,
    pattern: result.pattern,
    replyTemplate: result.reply_template,
    renderedReply: result.rendered_reply,
    why: result.snapshot_present ? 'a placeholder has no usable value' : 'no fresh snapshot',
    notes: [],
  };
}

/** The same lines for either side, so a side-by-side diff lines them up. */
export function renderTestResult(
  heading: string,
  message: string,
  result: { local: LocalTestResult } | { daemon: PhrasebookTestResponse },
): string {
  const shown = 'local' in result ? shownLocal(result.local) : shownDaemon(result.daemon);
  // Every value is daemon or file text: one line each, controls visibly escaped.
  const s = safeLine;
  const lines = [heading, `Message: ${s(JSON.stringify(message))}`, ''];
  if (shown.skipped) {
    lines.push('Answer: not evaluated locally', `Why: ${s(shown.why)}`);
  } else if (!shown.matched) {
    lines.push('Answer: no entry matches');
    if (shown.why) lines.push(`Why: ${s(shown.why)}`);
    lines.push('Reply: none — falls through to the reasoning engine');
  } else {
    const where = shown.entryIndex !== undefined ? `entry ${shown.entryIndex} · ` : '';
    lines.push(
      `Answer: ${where}${s(shown.category)} — ${s(shown.description)}`,
      `Pattern: ${s(shown.pattern)}`,
      `Reply template: ${s(shown.replyTemplate)}`,
    );
    lines.push(
      shown.renderedReply !== null
        ? `Reply: ${s(shown.renderedReply)}`
        : `Reply: none — falls through to the reasoning engine (${s(shown.why)})`,
    );
  }
  for (const note of shown.notes) lines.push(`Note: ${s(note)}`);
  return `${lines.join('\n')}\n`;
}

export interface TestMessageReport {
  daemon: PhrasebookTestResponse;
  local?: LocalTestResult;
  comparison?: TestComparison;
}

/**
 * Asks the daemon, and when a file's `entries` are given, answers locally with the daemon's
 * snapshot. Live is read too, to tell "the file differs from live" from a translation limit.
 * `analyzer` guards the local answer against patterns that would stall it (see
 * `guardedLocalTestResult`); the editor and the CLI always pass one. Without it the file's
 * patterns run unchecked, which suits only callers that know them (tests with the seed).
 * Throws the client's DaemonError when the daemon's answer cannot be had.
 */
export async function testMessage(
  client: Pick<PhrasebookOpsClient, 'testPhrasebook' | 'getSnapshot' | 'getPhrasebook'>,
  message: string,
  filePayload: unknown | undefined,
  now: Date,
  analyzer?: RedosAnalyzer,
): Promise<TestMessageReport> {
  if (filePayload === undefined) return { daemon: await client.testPhrasebook(message) };
  const [daemon, snapshot, live] = await Promise.all([
    client.testPhrasebook(message),
    client.getSnapshot().catch(() => undefined),
    client.getPhrasebook().catch(() => undefined),
  ]);
  // Rendered from the values as the daemon's Python holds them, when the client kept them.
  const snapshotValue = snapshot?.kind === 'snapshot' ? (snapshot.pythonValues ?? snapshot.snapshot) : undefined;
  const local = analyzer
    ? await guardedLocalTestResult(filePayload, message, snapshotValue, now, analyzer)
    : localTestResult(filePayload, message, snapshotValue, now);
  const fileEntries = matchableEntries(filePayload).map(({ entry }) => entry);
  const comparison = compareTestResults(local, daemon, { fileEntries, liveEntries: live?.entries });
  return { daemon, local, comparison };
}
