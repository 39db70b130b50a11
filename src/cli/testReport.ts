// What `kora-ops test` prints: one report per test file, as text for terminals or JSON for tools
// (JUnit XML is in junit.ts). Positions are 1-based lines in text, 0-based ranges in JSON, as lint.
import type { Finding } from '../core/findings';
import type { Coverage } from '../core/phrasebook/tests/coverage';
import type { CaseResult } from '../core/phrasebook/tests/runner';

export interface TestFileReport {
  /** The test file, as given on the command line. */
  file: string;
  /** The phrasebook it tests (a path), or the daemon URL's live phrasebook. */
  phrasebook: string;
  /** `local`, or the daemon's URL. */
  target: string;
  diagnostics: Finding[];
  results: CaseResult[];
  /** Local runs only. */
  coverage?: Coverage;
}

export interface TestTotals {
  passed: number;
  failed: number;
  errored: number;
  total: number;
}

export function totalsOf(reports: readonly TestFileReport[]): TestTotals {
  const all = reports.flatMap((report) => report.results);
  const count = (status: CaseResult['status']) => all.filter((result) => result.status === status).length;
  return { passed: count('passed'), failed: count('failed'), errored: count('errored'), total: all.length };
}

const STATUS_WORD: Record<CaseResult['status'], string> = { passed: 'PASS ', failed: 'FAIL ', errored: 'ERROR' };

function indent(text: string, prefix: string): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `${prefix}${line}`);
}

function caseLines(report: TestFileReport, result: CaseResult): string[] {
  const line = result.case.range.start.line + 1;
  const lines = [`  ${STATUS_WORD[result.status]} ${report.file}:${line} ${result.case.label}`];
  if (result.message) lines.push(`        ${result.message}`);
  if (result.status === 'failed')
    lines.push(
      ...indent(result.expected ?? '', '        expected  '),
      ...indent(result.actual ?? '', '        actual    '),
    );
  for (const note of result.notes) if (!result.message?.includes(note)) lines.push(`        note: ${note}`);
  return lines;
}

function coverageLines(coverage: Coverage): string[] {
  const head = `  coverage: ${coverage.reached}/${coverage.total} entries reached by a case`;
  return [
    head,
    ...coverage.uncovered.map(
      (entry) =>
        `    not reached: entry ${entry.entryIndex} "${entry.category}"${entry.description ? ` — ${entry.description}` : ''}`,
    ),
  ];
}

export function renderText(reports: readonly TestFileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(
      `${report.file} (${report.target === 'local' ? report.phrasebook : `live phrasebook of ${report.target}`})`,
    );
    for (const finding of report.diagnostics) {
      const { line, character } = finding.range.start;
      lines.push(
        `  ${report.file}:${line + 1}:${character + 1}: ${finding.severity} ${finding.code}: ${finding.message}`,
      );
    }
    for (const result of report.results) lines.push(...caseLines(report, result));
    if (report.coverage) lines.push(...coverageLines(report.coverage));
  }
  const totals = totalsOf(reports);
  const covered = reports.filter((report) => report.coverage);
  const coverage = covered.length
    ? `; ${covered.reduce((sum, report) => sum + report.coverage!.reached, 0)}/${covered.reduce((sum, report) => sum + report.coverage!.total, 0)} entries reached`
    : '';
  lines.push(
    `${totals.passed} passed, ${totals.failed} failed, ${totals.errored} errored in ${reports.length} file(s)${coverage}`,
  );
  return `${lines.join('\n')}\n`;
}

export function renderJson(reports: readonly TestFileReport[]): string {
  const files = reports.map((report) => ({
    file: report.file,
    phrasebook: report.phrasebook,
    target: report.target,
    diagnostics: report.diagnostics.map(({ severity, code, message, range }) => ({ severity, code, message, range })),
    cases: report.results.map((result) => ({
      name: result.case.label,
      message: result.case.message,
      line: result.case.range.start.line + 1,
      status: result.status,
      ...(result.message ? { reason: result.message } : {}),
      ...(result.status === 'failed' ? { expected: result.expected, actual: result.actual } : {}),
      ...(result.answer ? { answer: result.answer } : {}),
      notes: result.notes,
      durationMs: Math.round(result.durationMs * 1000) / 1000,
    })),
    ...(report.coverage ? { coverage: report.coverage } : {}),
  }));
  return `${JSON.stringify({ files, summary: totalsOf(reports) }, null, 2)}\n`;
}
