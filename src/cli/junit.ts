// JUnit XML for CI dashboards (Jenkins, GitLab, GitHub test reporters): one <testsuite> per test
// file, one <testcase> per case, <failure> for a wrong answer and <error> for a case that could
// not run. The shape follows the Jenkins junit-10 schema (test/fixtures/junit/junit-10.xsd).
import * as os from 'node:os';
import type { CaseResult } from '../core/phrasebook/tests/runner';
import type { TestFileReport } from './testReport';

/** Characters XML 1.0 cannot carry at all (not even escaped), as JSON-style escapes instead. */
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xmlText(text: string): string {
  return text
    .replace(NOT_XML_CHAR, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Line breaks in attributes would be normalised to spaces by parsers: keep them visible. */
function xmlAttribute(text: string): string {
  return xmlText(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

function testcase(report: TestFileReport, result: CaseResult): string[] {
  const classname = report.file.replace(/\.ya?ml$/i, '').replace(/[\\/]/g, '.');
  // No file/line attributes: the schema has none; the location is the first line of system-out.
  const open = `    <testcase${attributes({ name: result.case.label, classname, time: seconds(result.durationMs) })}`;
  const body: string[] = [];
  if (result.status === 'failed') {
    const detail = `expected:\n${result.expected ?? ''}actual:\n${result.actual ?? ''}`;
    body.push(
      `      <failure${attributes({ message: result.message ?? 'wrong answer', type: 'WrongAnswer' })}>${xmlText(detail)}</failure>`,
    );
  } else if (result.status === 'errored') {
    body.push(
      `      <error${attributes({ message: result.message ?? 'could not run', type: 'CaseError' })}>${xmlText(result.message ?? '')}</error>`,
    );
  }
  const out = [
    `${report.file}:${result.case.range.start.line + 1}`,
    `message: ${JSON.stringify(result.case.message)}`,
    ...result.notes,
  ];
  body.push(`      <system-out>${xmlText(out.join('\n'))}</system-out>`);
  return [`${open}>`, ...body, '    </testcase>'];
}

function testsuite(report: TestFileReport, timestamp: string, hostname: string): string[] {
  const count = (status: CaseResult['status']) => report.results.filter((result) => result.status === status).length;
  const time = report.results.reduce((sum, result) => sum + result.durationMs, 0);
  const head = `  <testsuite${attributes({ name: report.file, tests: report.results.length, failures: count('failed'), errors: count('errored'), skipped: 0, time: seconds(time), timestamp, hostname })}>`;
  const properties = [
    '    <properties>',
    `      <property${attributes({ name: 'phrasebook', value: report.phrasebook })}/>`,
    `      <property${attributes({ name: 'target', value: report.target })}/>`,
    ...(report.coverage
      ? [
          `      <property${attributes({ name: 'coverage', value: `${report.coverage.reached}/${report.coverage.total}` })}/>`,
        ]
      : []),
    '    </properties>',
  ];
  const notes = [
    ...report.diagnostics.map(
      (finding) =>
        `${report.file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.severity} ${finding.code}: ${finding.message}`,
    ),
    ...(report.coverage?.uncovered ?? []).map(
      (entry) => `not reached by any case: entry ${entry.entryIndex} "${entry.category}"`,
    ),
  ];
  return [
    head,
    ...properties,
    ...report.results.flatMap((result) => testcase(report, result)),
    `    <system-out>${xmlText(notes.join('\n'))}</system-out>`,
    '    <system-err></system-err>',
    '  </testsuite>',
  ];
}

export function toJunitXml(reports: readonly TestFileReport[], now: Date): string {
  const timestamp = now.toISOString().slice(0, 19);
  const hostname = os.hostname() || 'localhost';
  const all = reports.flatMap((report) => report.results);
  const count = (status: CaseResult['status']) => all.filter((result) => result.status === status).length;
  const time = all.reduce((sum, result) => sum + result.durationMs, 0);
  const head = `<testsuites${attributes({ name: 'kora-ops test', tests: all.length, failures: count('failed'), errors: count('errored'), time: seconds(time) })}>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    head,
    ...reports.flatMap((report) => testsuite(report, timestamp, hostname)),
    '</testsuites>',
    '',
  ].join('\n');
}
