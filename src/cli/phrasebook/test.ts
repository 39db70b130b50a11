// `kora-ops phrasebook test MESSAGE [--file FILE]`
import { resolve } from 'node:path';
import { UsageError, parseCommandArgs, parseFormat, type CliIo } from '../args';
import { parsePhrasebook } from '../../core/phrasebook/document';
import { renderTestResult, testMessage, type TestMessageReport } from '../../core/phrasebook/ops/testMessage';
import type { DeepRedosAnalyzer } from '../../core/redos/deep';
import { createCliRedosAnalyzer } from '../redosAnalyzer';
import { COMMON_HELP, COMMON_OPTIONS, EXIT_OK, print, printError, reportUnreachable, withClient } from './common';
import { PhrasebookTooLargeError, readPhrasebookFile } from '../phrasebookFile';

const HELP = `Usage: kora-ops phrasebook test MESSAGE [--file FILE] [options]

Shows which phrasebook entry answers MESSAGE on the daemon (its /test route, live phrasebook), and
with --file also locally for FILE: first entry whose Python pattern matches at the start of the
trimmed message (cut at 1,024 characters), reply rendered with the daemon's snapshot. Matching
stops before an entry whose pattern can backtrack catastrophically (it is never run locally);
"local" then says "skipped": true and why.

Options:
  --file FILE             also answer locally for this phrasebook YAML file
  --no-redos              with --file: skip the deep ReDoS vetting (seconds of CPU per new
                          pattern); only for files you trust, a catastrophic pattern can then stall
${COMMON_HELP}

JSON output: {"local":{...},"daemon":{...}} ("local" only with --file); "daemon" is the daemon's
/test body, "local" has the same fields plus "entry_index" and fall-through reasons.
Exit status: 0 on success, 2 on usage or connection errors.
`;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { ...COMMON_OPTIONS, file: { type: 'string' }, 'no-redos': { type: 'boolean', default: false } },
    true,
    HELP,
  );
  const format = parseFormat(values.format);
  if (positionals.length !== 1) throw new UsageError('expected exactly one MESSAGE (quote it)');
  const message = positionals[0];
  let payload: unknown;
  if (values.file !== undefined) {
    try {
      payload = parsePhrasebook(await readPhrasebookFile(resolve(io.cwd, values.file))).entriesValue ?? [];
    } catch (error) {
      if (error instanceof PhrasebookTooLargeError) throw new UsageError(`${values.file}: ${error.message}`);
      throw new UsageError(
        `cannot read ${values.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }
  // Only a local answer runs the file's patterns; the analyzer vets them first.
  const analyzer = payload === undefined || values['no-redos'] ? undefined : createAnalyzer(io);
  let report: TestMessageReport;
  try {
    report = await withClient(io, values, (client) => testMessage(client, message, payload, new Date(), analyzer));
  } catch (error) {
    return reportUnreachable(io, error);
  } finally {
    analyzer?.dispose();
  }
  const json = report.local ? { local: report.local, daemon: report.daemon } : { daemon: report.daemon };
  print(io, format, json, () => renderText(message, report, values.file));
  return EXIT_OK;
}

function createAnalyzer(io: CliIo): DeepRedosAnalyzer | undefined {
  const analyzer = createCliRedosAnalyzer();
  if (analyzer) return analyzer;
  printError(io, "the ReDoS worker is missing from this installation; the file's patterns run unchecked");
  return undefined;
}

function renderText(message: string, report: TestMessageReport, file: string | undefined): string {
  const parts = [renderTestResult('Daemon (live phrasebook):', message, { daemon: report.daemon })];
  if (report.local) parts.push(renderTestResult(`Local (${file}):`, message, { local: report.local }));
  if (report.comparison) {
    parts.push(
      report.comparison.same
        ? 'Same answer locally and on the daemon.'
        : [
            'Different answers:',
            ...report.comparison.differences.map((d) => `  - ${d}`),
            'Because:',
            ...report.comparison.causes.map((c) => `  - ${c}`),
          ].join('\n'),
    );
  }
  return parts.join('\n');
}
