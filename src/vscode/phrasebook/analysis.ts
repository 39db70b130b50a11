// The analysis of one phrasebook document, as the editor keeps it between keystrokes: the local
// lint result (with its per-entry cache), the guard finding that replaces it for refused inputs,
// and the deep ReDoS verdicts, which arrive later and survive edits that leave a pattern alone.
import type { Finding } from '../../core/findings';
import {
  applySeverities,
  createLintCache,
  lintPhrasebook,
  verdictFinding,
  type EntryAnalysisCache,
  type EntryInfo,
  type LintResult,
  type SeverityOverrides,
} from '../../core/phrasebook';
import type { RedosVerdict } from '../../core/redos/verdict';
import { inputGuardFinding } from '../../core/phrasebook/lint/inputGuard';

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

export interface DeepJob {
  key: string;
  source: string;
  flags: string;
}

export class DocumentAnalysis {
  private readonly cache: EntryAnalysisCache = createLintCache();
  /** By translated pattern (`flags/source`), kept across versions so unchanged patterns don't flicker. */
  private readonly verdicts = new Map<string, RedosVerdict>();
  private lint: LintResult | undefined;
  private guard: Finding | undefined;
  private localPasses = 0;
  private deepAnalysed = 0;
  version = -1;

  /** Runs the local pass (synchronous, per-entry cached). */
  analyse(text: string, version: number, severityOverrides: SeverityOverrides): void {
    this.version = version;
    this.localPasses++;
    this.guard = inputGuardFinding(text);
    this.lint = this.guard ? undefined : lintPhrasebook(text, { cache: this.cache, severityOverrides });
  }

  get result(): LintResult | undefined {
    return this.lint;
  }

  /** Patterns of the current version without a verdict yet, each once. */
  pendingDeepJobs(): DeepJob[] {
    const jobs = new Map<string, DeepJob>();
    for (const entry of this.lint?.entries ?? []) {
      const translation = entry.pattern?.translation;
      if (!translation?.ok) continue;
      const key = deepKey(translation.source, translation.flags);
      if (!this.verdicts.has(key)) jobs.set(key, { key, source: translation.source, flags: translation.flags });
    }
    return [...jobs.values()];
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
    const live = new Set<string>();
    for (const entry of this.lint?.entries ?? []) {
      const translation = entry.pattern?.translation;
      if (translation?.ok) live.add(deepKey(translation.source, translation.flags));
    }
    for (const key of [...this.verdicts.keys()]) if (!live.has(key)) this.verdicts.delete(key);
  }

  deepStatus(entry: EntryInfo, deepEnabled: boolean): DeepStatus {
    if (!deepEnabled) return { kind: 'disabled' };
    const pattern = entry.pattern;
    if (!pattern) return { kind: 'not-analysed', reason: 'the entry has no pattern string' };
    if (pattern.compile !== 'ok') return { kind: 'not-analysed', reason: 'the pattern does not compile' };
    const translation = pattern.translation;
    if (!translation?.ok) return { kind: 'not-analysed', reason: translation?.reason ?? 'the pattern has no JavaScript equivalent' };
    const verdict = this.verdicts.get(deepKey(translation.source, translation.flags));
    return verdict ? { kind: 'done', verdict } : { kind: 'pending' };
  }

  /** Everything to publish: the guard finding alone, or local findings plus known deep verdicts. */
  findings(deepEnabled: boolean, severityOverrides: SeverityOverrides): Finding[] {
    if (this.guard) return [this.guard];
    if (!this.lint) return [];
    const deep: Finding[] = [];
    if (deepEnabled) {
      for (const entry of this.lint.entries) {
        const status = this.deepStatus(entry, true);
        if (status.kind !== 'done' || !entry.pattern) continue;
        const finding = verdictFinding(status.verdict, entry.index, entry.pattern.range);
        if (finding) deep.push(finding);
      }
    }
    return [...this.lint.findings, ...applySeverities(deep, severityOverrides)];
  }

  stats(deepEnabled: boolean): AnalysisStats {
    const lintStats = this.lint?.stats;
    return {
      version: this.version,
      entries: lintStats?.entries ?? 0,
      entriesAnalysed: lintStats?.analysed ?? 0,
      entriesReused: lintStats?.reused ?? 0,
      localPasses: this.localPasses,
      deepPending: deepEnabled ? this.pendingDeepJobs().length : 0,
      deepAnalysed: this.deepAnalysed,
      guarded: this.guard !== undefined,
    };
  }
}

function deepKey(source: string, flags: string): string {
  return `${flags}/${source}`;
}
