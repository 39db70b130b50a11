// Runs a test file's cases: locally with the matcher and renderer of "Test Message" (the daemon's
// semantics: first entry whose Python pattern matches the trimmed message, reply rendered from the
// fixture), or on a daemon through its `/test` route (its live phrasebook and live snapshot).
import { performance } from 'node:perf_hooks';
import type { PhrasebookTestResponse } from '../../daemon/schemas';
import { isPlainObject } from '../daemonRules';
import type { RedosAnalyzer } from '../lint/deep';
import { describeFallThrough, guardedLocalTestResult, localTestResult, type LocalTestResult } from '../ops/testMessage';
import { compareAnswer, type CaseAnswer, type Verdict } from './verdict';
import type { PhrasebookSource } from './checks';
import type { PhrasebookTestFile, TestCase } from './testFile';
import { errorText } from '../../text/errorText';

export type CaseStatus = 'passed' | 'failed' | 'errored';

export interface CaseResult {
  case: TestCase;
  status: CaseStatus;
  /** Why it failed or errored, in one line. */
  message?: string;
  /** Expected and actual answers as aligned lines, for a diff (failures only). */
  expected?: string;
  actual?: string;
  /** The answer that was given (absent when the case could not run). */
  answer?: CaseAnswer;
  notes: string[];
  durationMs: number;
}

export interface LocalRunOptions {
  now: Date;
  /** Vets the phrasebook's patterns before they run (see guardedLocalTestResult); tests may omit it. */
  analyzer?: RedosAnalyzer;
}

/** A fixture is fresh unless it says otherwise: tests must not start failing as time passes. */
function freshFixture(snapshot: Record<string, unknown> | undefined, now: Date): Record<string, unknown> | undefined {
  if (!snapshot || Object.prototype.hasOwnProperty.call(snapshot, 'computed_at')) return snapshot;
  return { ...snapshot, computed_at: `${now.toISOString().slice(0, 19)}Z` };
}

const NO_FIXTURE = 'the test file gives no snapshot fixture';

function localAnswer(result: LocalTestResult, hasFixture: boolean): CaseAnswer | { skipped: string } {
  if ('skipped' in result) return { skipped: result.reason };
  if (!result.matched)
    return {
      matched: false,
      reply: null,
      ...(result.reason !== 'no-match' ? { why: describeFallThrough(result.reason) } : {}),
    };
  return {
    matched: true,
    entryIndex: result.entry_index,
    category: result.category,
    reply: result.rendered_reply,
    ...(result.fall_through_reason
      ? {
          why:
            result.fall_through_reason === 'no-snapshot' && !hasFixture
              ? NO_FIXTURE
              : describeFallThrough(result.fall_through_reason, result.fall_through_path),
        }
      : {}),
  };
}

function erroredResult(testCase: TestCase, message: string, started: number): CaseResult {
  return { case: testCase, status: 'errored', message, notes: [], durationMs: performance.now() - started };
}

function resultOf(
  testCase: TestCase,
  verdict: Verdict,
  answer: CaseAnswer,
  notes: string[],
  started: number,
): CaseResult {
  const durationMs = performance.now() - started;
  if (verdict.pass) return { case: testCase, status: 'passed', answer, notes, durationMs };
  return {
    case: testCase,
    status: 'failed',
    message: verdict.message,
    expected: verdict.expected,
    actual: verdict.actual,
    answer,
    notes,
    durationMs,
  };
}

/** The first entry with `category` that answers `message` on its own, and its index in the file. */
async function wouldAnswer(
  entries: unknown[],
  category: string,
  message: string,
  snapshot: unknown,
  options: LocalRunOptions,
): Promise<number | undefined> {
  const indexes = entries.flatMap((item, index) => (isPlainObject(item) && item.category === category ? [index] : []));
  const alone = indexes.map((index) => entries[index]);
  const result = options.analyzer
    ? await guardedLocalTestResult(alone, message, snapshot, options.now, options.analyzer)
    : localTestResult(alone, message, snapshot, options.now);
  return result.matched ? indexes[result.entry_index] : undefined;
}

/** "Which earlier entry took the message": said when the expected category did not answer. */
async function takenByNote(
  testCase: TestCase,
  answer: CaseAnswer,
  entries: unknown[],
  snapshot: unknown,
  options: LocalRunOptions,
): Promise<string | undefined> {
  const expected = testCase.expect.category;
  if (expected === undefined || answer.category === expected) return undefined;
  const own = await wouldAnswer(entries, expected, testCase.message, snapshot, options);
  if (own === undefined) return `no entry with category "${expected}" matches this message`;
  if (!answer.matched) return `entry ${own} ("${expected}") would match, yet no answer was given`;
  return `entry ${answer.entryIndex} ("${answer.category}") took the message before entry ${own} ("${expected}"), which matches it too`;
}

export async function runCaseLocally(
  testCase: TestCase,
  entries: unknown,
  options: LocalRunOptions,
): Promise<CaseResult> {
  const started = performance.now();
  if (testCase.invalid) return erroredResult(testCase, testCase.invalid, started);
  const list = Array.isArray(entries) ? entries : [];
  const snapshot = freshFixture(testCase.snapshot, options.now);
  const local = options.analyzer
    ? await guardedLocalTestResult(list, testCase.message, snapshot, options.now, options.analyzer)
    : localTestResult(list, testCase.message, snapshot, options.now);
  const answer = localAnswer(local, testCase.hasFixture);
  if ('skipped' in answer) return erroredResult(testCase, `not evaluated: ${answer.skipped}`, started);
  const notes = (local.untranslatable ?? []).map(
    (item) =>
      `entry ${item.entry_index} could not be evaluated locally (${item.reason}); the daemon may answer differently`,
  );
  const verdict = compareAnswer(testCase, answer, { checkReply: true });
  if (!verdict.pass) {
    const taken = await takenByNote(testCase, answer, list, snapshot, options);
    if (taken) {
      verdict.message = `${verdict.message} — ${taken}`;
      notes.unshift(taken);
    }
  }
  return resultOf(testCase, verdict, answer, notes, started);
}

function daemonAnswer(response: PhrasebookTestResponse): CaseAnswer {
  if (!response.matched) return { matched: false, reply: null };
  const why =
    response.rendered_reply === null
      ? response.snapshot_present
        ? 'a placeholder has no usable value'
        : 'the daemon has no fresh snapshot'
      : undefined;
  return { matched: true, category: response.category, reply: response.rendered_reply, ...(why ? { why } : {}) };
}

export async function runCaseOnDaemon(
  testCase: TestCase,
  client: { testPhrasebook(text: string): Promise<PhrasebookTestResponse> },
): Promise<CaseResult> {
  const started = performance.now();
  if (testCase.invalid) return erroredResult(testCase, testCase.invalid, started);
  let response: PhrasebookTestResponse;
  try {
    response = await client.testPhrasebook(testCase.message);
  } catch (error) {
    return erroredResult(testCase, `the daemon did not answer: ${errorText(error)}`, started);
  }
  // The daemon renders with its live snapshot: a reply expected from a fixture cannot be checked there.
  const checkReply = !testCase.hasFixture;
  const notes =
    checkReply || !hasReplyExpectation(testCase)
      ? []
      : ['reply not checked on the daemon: it renders with its live snapshot, this case with a fixture'];
  const answer = daemonAnswer(response);
  return resultOf(testCase, compareAnswer(testCase, answer, { checkReply }), answer, notes, started);
}

function hasReplyExpectation(testCase: TestCase): boolean {
  return testCase.expect.reply !== undefined || testCase.expect.replyMatches !== undefined;
}

export interface FileRun {
  results: CaseResult[];
  /** Local runs only: the phrasebook entries no case reached (see coverage.ts). */
  entries?: unknown;
}

/** Every case of a file, locally; when the phrasebook cannot be read, every case errors with why. */
export async function runFileLocally(
  file: PhrasebookTestFile,
  phrasebook: PhrasebookSource,
  options: LocalRunOptions,
  only?: ReadonlySet<number>,
): Promise<FileRun> {
  const cases = file.cases.filter((testCase) => !only || only.has(testCase.index));
  if ('missing' in phrasebook) {
    const started = performance.now();
    return {
      results: cases.map((testCase) =>
        erroredResult(testCase, `cannot read the phrasebook ${phrasebook.label}: ${phrasebook.missing}`, started),
      ),
    };
  }
  const results: CaseResult[] = [];
  for (const testCase of cases) results.push(await runCaseLocally(testCase, phrasebook.entries, options));
  return { results, entries: phrasebook.entries };
}

export async function runFileOnDaemon(
  file: PhrasebookTestFile,
  client: { testPhrasebook(text: string): Promise<PhrasebookTestResponse> },
  only?: ReadonlySet<number>,
): Promise<FileRun> {
  const results: CaseResult[] = [];
  for (const testCase of file.cases)
    if (!only || only.has(testCase.index)) results.push(await runCaseOnDaemon(testCase, client));
  return { results };
}
