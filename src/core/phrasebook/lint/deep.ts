// Deep ReDoS findings: each distinct translated pattern goes once to an analyzer (recheck in a
// worker, provided by the caller), and its verdict becomes a finding on every entry using it.
import type { Finding } from '../../findings';
import type { RedosVerdict } from '../../redos/verdict';
import { applySeverities } from './lint';
import { FINDING_CODES, type LintResult, type SeverityOverrides } from './types';

export interface RedosAnalyzer {
  analyze(jsSource: string, jsFlags: string): Promise<RedosVerdict>;
}

export interface DeepLintOptions {
  severityOverrides?: SeverityOverrides;
}

export async function lintPhrasebookDeep(
  result: LintResult,
  analyzer: RedosAnalyzer,
  options: DeepLintOptions = {},
): Promise<Finding[]> {
  const verdicts = new Map<string, Promise<RedosVerdict>>();
  const jobs: Array<{ entryIndex: number; range: Finding['range']; key: string }> = [];
  for (const entry of result.entries) {
    const translation = entry.pattern?.translation;
    if (!entry.pattern || !translation?.ok) continue;
    const key = `${translation.flags}/${translation.source}`;
    if (!verdicts.has(key)) verdicts.set(key, safeAnalyze(analyzer, translation.source, translation.flags));
    jobs.push({ entryIndex: entry.index, range: entry.pattern.range, key });
  }
  const findings: Finding[] = [];
  for (const job of jobs) {
    const finding = verdictFinding(await (verdicts.get(job.key) as Promise<RedosVerdict>), job.entryIndex, job.range);
    if (finding) findings.push(finding);
  }
  return applySeverities(findings, options.severityOverrides);
}

/** An analyzer that throws must not take the lint down: it becomes "inconclusive". */
async function safeAnalyze(analyzer: RedosAnalyzer, source: string, flags: string): Promise<RedosVerdict> {
  try {
    return await analyzer.analyze(source, flags);
  } catch (error) {
    return { status: 'inconclusive', reason: `analysis failed: ${error instanceof Error ? error.message : String(error)}` };
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
            severity: 'error',
            code: FINDING_CODES.redosExponential,
            message: `Catastrophic backtracking: matching can take exponential time, e.g. on ${attackText(verdict)}.`,
            data: { attackString: verdict.attackString, attackPython: verdict.attackPython, complexity: 'exponential' },
          }
        : {
            ...base,
            severity: 'warning',
            code: FINDING_CODES.redosPolynomial,
            message: `Polynomial backtracking (degree ${verdict.degree ?? '?'}): matching time grows like n^${verdict.degree ?? '?'} on inputs like ${attackText(verdict)}.`,
            data: { attackString: verdict.attackString, attackPython: verdict.attackPython, complexity: 'polynomial', degree: verdict.degree },
          };
    case 'inconclusive':
    case 'unsupported':
      return {
        ...base,
        severity: 'information',
        code: FINDING_CODES.redosInconclusive,
        message: `ReDoS analysis inconclusive: ${verdict.reason}`,
        data: { reason: verdict.reason, status: verdict.status },
      };
  }
}
