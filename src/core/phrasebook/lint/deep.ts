// Deep ReDoS findings: each distinct translated pattern goes once to an analyzer (recheck in a
// worker, provided by the caller), and its verdict becomes a finding on every entry using it.
// The editor runs the jobs itself (verdicts arrive one by one); the CLI awaits them all.
import type { Finding } from '../../findings';
import type { RedosVerdict } from '../../redos/verdict';
import { applySeverities } from './lint';
import { type EntryInfo, type LintResult, type SeverityOverrides } from './types';
import { FINDING_CODES, ruleDefaults } from './registry';
import { errorText } from '../../text/errorText';

export interface RedosAnalyzer {
  analyze(jsSource: string, jsFlags: string): Promise<RedosVerdict>;
}

export interface DeepLintOptions {
  severityOverrides?: SeverityOverrides;
}

/** One distinct translated pattern to judge; `key` names its verdict. */
export interface DeepJob {
  key: string;
  source: string;
  flags: string;
}

/** The verdict key of a translated pattern. */
export function deepKey(translation: { source: string; flags: string }): string {
  return `${translation.flags}/${translation.source}`;
}

/** The verdict key of an entry's pattern, or undefined when it has no JavaScript translation to judge. */
function entryDeepKey(entry: EntryInfo): string | undefined {
  const translation = entry.pattern?.translation;
  return translation?.ok ? deepKey(translation) : undefined;
}

/** Each distinct translated pattern of the entries once, in entry order. */
export function deepJobs(entries: readonly EntryInfo[]): DeepJob[] {
  const jobs = new Map<string, DeepJob>();
  for (const entry of entries) {
    const translation = entry.pattern?.translation;
    if (!translation?.ok) continue;
    const key = deepKey(translation);
    if (!jobs.has(key)) jobs.set(key, { key, source: translation.source, flags: translation.flags });
  }
  return [...jobs.values()];
}

/** A finding on every entry whose pattern has a verdict so far (`verdictOf` is undefined while pending). */
export function verdictFindings(
  entries: readonly EntryInfo[],
  verdictOf: (key: string) => RedosVerdict | undefined,
): Finding[] {
  const findings: Finding[] = [];
  for (const entry of entries) {
    const key = entryDeepKey(entry);
    const verdict = key === undefined ? undefined : verdictOf(key);
    const finding = verdict && entry.pattern ? verdictFinding(verdict, entry.index, entry.pattern.range) : null;
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Every job's verdict; all start at once (the analyzer queues them). */
export async function analyzeJobs(
  jobs: readonly DeepJob[],
  analyzer: RedosAnalyzer,
): Promise<Map<string, RedosVerdict>> {
  const verdicts = await Promise.all(jobs.map((job) => safeAnalyze(analyzer, job.source, job.flags)));
  return new Map(jobs.map((job, index) => [job.key, verdicts[index]]));
}

/** The deep findings of a lint result, severities applied (entry order). */
export async function lintPhrasebookDeep(
  result: LintResult,
  analyzer: RedosAnalyzer,
  options: DeepLintOptions = {},
): Promise<Finding[]> {
  const verdicts = await analyzeJobs(deepJobs(result.entries), analyzer);
  return applySeverities(
    verdictFindings(result.entries, (key) => verdicts.get(key)),
    options.severityOverrides,
  );
}

/** An analyzer that throws must not take the lint down: it becomes "inconclusive". */
async function safeAnalyze(analyzer: RedosAnalyzer, source: string, flags: string): Promise<RedosVerdict> {
  try {
    return await analyzer.analyze(source, flags);
  } catch (error) {
    return {
      status: 'inconclusive',
      reason: `analysis failed: ${errorText(error)}`,
    };
  }
}

/** The attack as Python (`"a" * 54773 + "\x00ab"`), as an operator would try it on `re.match`. */
function attackText(verdict: Extract<RedosVerdict, { status: 'vulnerable' }>): string {
  return verdict.attackPython ?? JSON.stringify(verdict.attackString);
}

export function verdictFinding(verdict: RedosVerdict, entryIndex: number, range: Finding['range']): Finding | null {
  const base = { range, entryIndex, field: 'pattern' as const };
  switch (verdict.status) {
    case 'safe':
      return null;
    case 'vulnerable':
      return verdict.complexity === 'exponential'
        ? {
            ...base,
            ...ruleDefaults(FINDING_CODES.redosExponential),
            message: `Catastrophic backtracking: matching can take exponential time, e.g. on ${attackText(verdict)}.`,
            data: { attackString: verdict.attackString, attackPython: verdict.attackPython, complexity: 'exponential' },
          }
        : {
            ...base,
            ...ruleDefaults(FINDING_CODES.redosPolynomial),
            message: `Polynomial backtracking (degree ${verdict.degree ?? '?'}): matching time grows like n^${verdict.degree ?? '?'} on inputs like ${attackText(verdict)}.`,
            data: {
              attackString: verdict.attackString,
              attackPython: verdict.attackPython,
              complexity: 'polynomial',
              degree: verdict.degree,
            },
          };
    case 'inconclusive':
    case 'unsupported':
      return {
        ...base,
        ...ruleDefaults(FINDING_CODES.redosInconclusive),
        message: `ReDoS analysis inconclusive: ${verdict.reason}`,
        data: { reason: verdict.reason, status: verdict.status },
      };
  }
}
