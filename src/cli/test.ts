// `kora-ops test [--daemon URL] [--format text|json|junit] FILE...`: runs phrasebook test files
// (`*.tests.yml`) for CI — locally with the daemon's matching and rendering, or on a daemon's /test.
import * as path from 'node:path';
import { parsePhrasebook } from '../core/phrasebook/document';
import type { PhrasebookSource } from '../core/phrasebook/tests/checks';
import { checkTestFile } from '../core/phrasebook/tests/checks';
import { coverageOf } from '../core/phrasebook/tests/coverage';
import { phrasebookPathFor } from '../core/phrasebook/tests/paths';
import { runFileLocally, runFileOnDaemon, type LocalRunOptions } from '../core/phrasebook/tests/runner';
import { parseTestFile } from '../core/phrasebook/tests/testFile';
import type { KoraClient } from '../core/daemon/client';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, parseCommandArgs, printError, type CliIo } from './args';
import { forEachInputFile } from './inputFiles';
import { readPhrasebookFile } from './phrasebookFile';
import { toJunitXml } from './junit';
import { openClient, SESSION_TOKEN_ENV } from './daemonClient';
import { createCliRedosAnalyzer } from './redosAnalyzer';
import { renderJson, renderText, totalsOf, type TestFileReport } from './testReport';

const HELP = `Usage: kora-ops test [--daemon URL] [--format text|json|junit] FILE...

Runs phrasebook test files (e.g. slack_dm.tests.yml): each case's message must get the expected
answer (category, or no_match) and, when given, the expected reply (reply, reply_matches).

By default the cases run locally against the phrasebook the file tests (its 'phrasebook:' key, else
the same name without '.tests'), exactly as the daemon matches: first entry whose Python pattern
matches the trimmed message (cut at 1,024 characters), reply rendered with the file's snapshot
fixture. The summary lists the entries no case reaches (coverage).

Options:
  --daemon URL            run the cases on this daemon's /test instead (its live phrasebook and
                          live snapshot; replies of cases with a fixture are not checked there)
  --format text|json|junit   output format (default text); junit is JUnit XML for CI dashboards
  --allow-insecure-http   allow cleartext http to a non-loopback daemon (token travels unencrypted)
  -h, --help              show this help

The daemon's session token is read from its cockpit page, or from ${SESSION_TOKEN_ENV}.
Exit status: 1 when a case fails or errors, 0 when all pass, 2 on usage or unreadable files.
`;

const OPTIONS = {
  daemon: { type: 'string' },
  format: { type: 'string', default: 'text' },
  'allow-insecure-http': { type: 'boolean', default: false },
} as const;

const FORMATS = ['text', 'json', 'junit'] as const;
type TestFormat = (typeof FORMATS)[number];

function parseTestFormat(value: string | undefined): TestFormat {
  const format = value ?? 'text';
  if ((FORMATS as readonly string[]).includes(format)) return format as TestFormat;
  throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
}

async function readPhrasebook(file: string, label: string): Promise<PhrasebookSource> {
  try {
    // Read like every other CLI input: within the size limit, decoded as the daemon's PyYAML does.
    return { entries: parsePhrasebook(await readPhrasebookFile(file)).entriesValue ?? [], label };
  } catch (error) {
    return { missing: (error as NodeJS.ErrnoException).code ?? (error as Error).message, label };
  }
}

interface Target {
  label: string;
  local?: LocalRunOptions;
  client?: KoraClient;
}

async function runOne(file: string, text: string, io: CliIo, target: Target): Promise<TestFileReport> {
  const parsed = parseTestFile(text);
  const absolute = path.resolve(io.cwd, file);
  const phrasebookFile = phrasebookPathFor(absolute, parsed.phrasebook);
  const label = path.relative(io.cwd, phrasebookFile) || phrasebookFile;
  const phrasebook = await readPhrasebook(phrasebookFile, label);
  const diagnostics = [...parsed.findings, ...checkTestFile(parsed, phrasebook)].sort(
    (a, b) => a.range.start.line - b.range.start.line,
  );
  const report = { file, phrasebook: label, target: target.label, diagnostics };
  if (target.client) return { ...report, ...(await runFileOnDaemon(parsed, target.client)) };
  const run = await runFileLocally(parsed, phrasebook, target.local!);
  return {
    ...report,
    results: run.results,
    ...(run.entries !== undefined ? { coverage: coverageOf(run.entries, run.results) } : {}),
  };
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, true, HELP);
  const format = parseTestFormat(values.format);
  if (positionals.length === 0) throw new UsageError('give at least one test FILE (e.g. slack_dm.tests.yml)');
  const now = new Date();
  const client = values.daemon !== undefined ? openClient(io, values.daemon, values['allow-insecure-http']) : undefined;
  const analyzer = client ? undefined : createCliRedosAnalyzer();
  if (!client && !analyzer)
    printError(io, "the ReDoS worker is missing from this installation; the phrasebook's patterns run unchecked");
  const target: Target = client ? { label: values.daemon!, client } : { label: 'local', local: { now, analyzer } };
  const reports: TestFileReport[] = [];
  let allRead: boolean;
  try {
    allRead = await forEachInputFile(io, positionals, undefined, async (file, text) => {
      reports.push(await runOne(file, text, io, target));
    });
  } finally {
    analyzer?.dispose();
    await client?.dispose();
  }
  io.stdout.write(
    format === 'json' ? renderJson(reports) : format === 'junit' ? toJunitXml(reports, now) : renderText(reports),
  );
  if (!allRead) return EXIT_USAGE;
  const totals = totalsOf(reports);
  const fileErrors = reports.some((report) => report.diagnostics.some((finding) => finding.severity === 'error'));
  return totals.failed + totals.errored > 0 || fileErrors ? EXIT_FAILURE : EXIT_OK;
}
