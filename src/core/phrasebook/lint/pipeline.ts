// The one lint pipeline, for the editor and `kora-ops lint` alike: input guard → local lint →
// ReDoS verdicts → severities → document order. The editor runs it in two halves (the local pass
// on every keystroke, verdicts as they arrive); the CLI runs it whole with `lintText`.
import type { Finding } from '../../findings';
import type { RedosVerdict } from '../../redos/verdict';
import { analyzeJobs, deepJobs, verdictFindings, type RedosAnalyzer } from './deep';
import { aliasBombFinding, inputGuardFinding } from './inputGuard';
import { applySeverities, lintPhrasebook, sortByPosition } from './lint';
import type { EntryAnalysisCache, LintResult, SeverityOverrides } from './types';

/** A finding that replaces the analysis of a refused input, or undefined. */
export type InputGuard = (text: string) => Finding | undefined;

/** While editing: documents over the size limit and alias bombs. */
export const EDITOR_INPUT_GUARD: InputGuard = inputGuardFinding;
/** The CLI refuses oversized files before reading them, so only alias bombs remain. */
export const CLI_INPUT_GUARD: InputGuard = aliasBombFinding;

export interface PipelineOptions {
  guard: InputGuard;
  severityOverrides?: SeverityOverrides;
  /** Per-entry results reused across calls (the editor keeps one per open document). */
  cache?: EntryAnalysisCache;
}

/** The local half: the guard's finding alone, or the lint result. */
export type LocalLint = { guard: Finding; result?: undefined } | { guard?: undefined; result: LintResult };

export function lintLocal(text: string, options: PipelineOptions): LocalLint {
  const guard = options.guard(text);
  if (guard) return { guard };
  return { result: lintPhrasebook(text, { cache: options.cache, severityOverrides: options.severityOverrides }) };
}

/**
 * Everything to report: the guard finding alone, or the local findings plus a finding for each
 * known verdict (`verdictOf` null when the ReDoS analysis is off), severities applied, in order.
 */
export function pipelineFindings(
  local: LocalLint,
  verdictOf: ((key: string) => RedosVerdict | undefined) | null,
  severityOverrides: SeverityOverrides | undefined,
): Finding[] {
  if (local.guard) return [local.guard];
  const deep = verdictOf ? verdictFindings(local.result.entries, verdictOf) : [];
  return sortByPosition([...local.result.findings, ...applySeverities(deep, severityOverrides)]);
}

/** The whole pipeline at once (`analyzer` null: no ReDoS analysis). */
export async function lintText(
  text: string,
  analyzer: RedosAnalyzer | null,
  options: PipelineOptions,
): Promise<Finding[]> {
  const local = lintLocal(text, options);
  if (!analyzer || !local.result) return pipelineFindings(local, null, options.severityOverrides);
  const verdicts = await analyzeJobs(deepJobs(local.result.entries), analyzer);
  return pipelineFindings(local, (key) => verdicts.get(key), options.severityOverrides);
}
