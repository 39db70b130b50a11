// The message protocol between DeepRedosAnalyzer (main thread) and the analysis worker, plus the
// wording both sides share. Types only and tiny helpers: importing this file never loads recheck.
import type { RedosVerdict } from './verdict';
import { errorText } from '../text/errorText';

/**
 * Analysed, uncounted, by every fresh checker (worker or native process) before its first request:
 * a checker's first analysis builds Unicode tables for the translator's classes (`\w` is
 * `[\p{L}\p{N}_]`) under IGNORECASE, ~1 s natively and more in the pure-JavaScript build, enough to
 * push a shared tail's verdict past its budget on a busy machine.
 */
export const WARM_UP_PATTERN = { source: String.raw`^[\p{L}\p{N}_]+[\s!.]*\s*x\n?$`, flags: 'iuy' } as const;

/** main thread → worker: analyse one translated JavaScript pattern. */
export interface RedosRequest {
  id: number;
  source: string;
  flags: string;
  timeBudgetMs: number;
}

/** worker → main thread: the verdict for request `id`. */
export interface RedosResponse {
  id: number;
  verdict: RedosVerdict;
  /** Time the worker spent on the analysis itself (not the queueing). */
  elapsedMs: number;
}

export function isRedosRequest(value: unknown): value is RedosRequest {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === 'number' &&
    typeof candidate.source === 'string' &&
    typeof candidate.flags === 'string' &&
    typeof candidate.timeBudgetMs === 'number'
  );
}

export function isRedosResponse(value: unknown): value is RedosResponse {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  const verdict = candidate.verdict as Record<string, unknown> | null | undefined;
  return (
    typeof candidate.id === 'number' &&
    typeof verdict === 'object' &&
    verdict !== null &&
    typeof verdict.status === 'string'
  );
}

/** One wording for "too slow", whether recheck's own timeout or the watchdog noticed it. */
export function budgetExceededReason(timeBudgetMs: number): string {
  return `analysis exceeded its time budget of ${timeBudgetMs} ms`;
}

/** An error's first line: module errors append a multi-line "Require stack" of local paths. */
export function errorSummary(error: unknown): string {
  const message = errorText(error);
  return message.split('\n', 1)[0];
}

export function inconclusive(reason: string): RedosVerdict {
  return { status: 'inconclusive', reason };
}
