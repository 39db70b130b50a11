// The analysis of one phrasebook document, as the editor keeps it between keystrokes: the local
// lint result (with its per-entry cache), the guard finding that replaces it for refused inputs,
// and the deep ReDoS verdicts, which arrive later and survive edits that leave a pattern alone.
import type { Finding } from '../../core/findings';
import {
  createLintCache,
  type EntryAnalysisCache,
  type EntryInfo,
  type LintResult,
  type SeverityOverrides,
} from '../../core/phrasebook';
import { deepJobs, deepKey, type DeepJob } from '../../core/phrasebook/lint/deep';
import { EDITOR_INPUT_GUARD, lintLocal, pipelineFindings, type LocalLint } from '../../core/phrasebook/lint/pipeline';
import type { RedosVerdict } from '../../core/redos/verdict';

export type { DeepJob };

/** Where the deep analysis of one entry's pattern stands. */
export type DeepStatus =
  | { kind: 'disabled' }
  | { kind: 'not-analysed'; reason: string }
  | { kind: 'pending' }
  | { kind: 'done'; verdict: RedosVerdict };

/** Counters for tests and the log: what the last passes did. */
export interface AnalysisStats {
  /** Document version the published diagnostics describe. */
  version: number;
  entries: number;
  /** Entries (re)analysed by the last local pass; the others came from the per-entry cache. */
  entriesAnalysed: number;
  entriesReused: number;
  localPasses: number;
  /** Distinct patterns still waiting for a deep verdict. */
  deepPending: number;
  /** Patterns sent to the deep analyzer since the document was opened. */
  deepAnalysed: number;
  /** True when an input guard replaced the analysis. */
  guarded: boolean;
}

export class DocumentAnalysis {
  private readonly cache: EntryAnalysisCache = createLintCache();
  /** By translated pattern (`flags/source`), kept across versions so unchanged patterns don't flicker. */
  private readonly verdicts = new Map<string, RedosVerdict>();
  private local: LocalLint | undefined;
  private localPasses = 0;
  private deepAnalysed = 0;
  version = -1;

  /** Runs the local pass (synchronous, per-entry cached). */
  analyse(text: string, version: number, severityOverrides: SeverityOverrides): void {
    this.version = version;
    this.localPasses++;
    this.local = lintLocal(text, { guard: EDITOR_INPUT_GUARD, cache: this.cache, severityOverrides });
  }

  get result(): LintResult | undefined {
    return this.local?.result;
  }

  /** Patterns of the current version without a verdict yet, each once. */
  pendingDeepJobs(): DeepJob[] {
    return deepJobs(this.result?.entries ?? []).filter((job) => !this.verdicts.has(job.key));
  }

  recordVerdict(job: DeepJob, verdict: RedosVerdict): void {
    this.deepAnalysed++;
    this.verdicts.set(job.key, verdict);
  }

  /** Forgets every deep verdict (the analyzer's settings changed). */
  clearVerdicts(): void {
    this.verdicts.clear();
  }

  /** Drops verdicts of patterns no longer in the document, so the map cannot grow while typing. */
  pruneVerdicts(): void {
    const live = new Set(deepJobs(this.result?.entries ?? []).map((job) => job.key));
    for (const key of [...this.verdicts.keys()]) if (!live.has(key)) this.verdicts.delete(key);
  }

  deepStatus(entry: EntryInfo, deepEnabled: boolean): DeepStatus {
    if (!deepEnabled) return { kind: 'disabled' };
    const pattern = entry.pattern;
    if (!pattern) return { kind: 'not-analysed', reason: 'the entry has no pattern string' };
    if (pattern.compile !== 'ok') return { kind: 'not-analysed', reason: 'the pattern does not compile' };
    const translation = pattern.translation;
    if (!translation?.ok)
      return { kind: 'not-analysed', reason: translation?.reason ?? 'the pattern has no JavaScript equivalent' };
    const verdict = this.verdicts.get(deepKey(translation));
    return verdict ? { kind: 'done', verdict } : { kind: 'pending' };
  }

  /** Everything to publish: the guard finding alone, or local findings plus known deep verdicts. */
  findings(deepEnabled: boolean, severityOverrides: SeverityOverrides): Finding[] {
    if (!this.local) return [];
    return pipelineFindings(this.local, deepEnabled ? (key) => this.verdicts.get(key) : null, severityOverrides);
  }

  stats(deepEnabled: boolean): AnalysisStats {
    const lintStats = this.result?.stats;
    return {
      version: this.version,
      entries: lintStats?.entries ?? 0,
      entriesAnalysed: lintStats?.analysed ?? 0,
      entriesReused: lintStats?.reused ?? 0,
      localPasses: this.localPasses,
      deepPending: deepEnabled ? this.pendingDeepJobs().length : 0,
      deepAnalysed: this.deepAnalysed,
      guarded: this.local?.guard !== undefined,
    };
  }
}
