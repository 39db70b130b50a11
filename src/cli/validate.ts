// `kora-ops validate (FILE | --stdin)`: prints the JSON array the daemon would put in its 422
// `errors` for this phrasebook (`[]` when it would accept it), exactly as the daemon writes it.
import * as path from 'node:path';
import { parsePhrasebook, validateEntries, type DaemonError } from '../core/phrasebook';
import { readPutBody, type PutBodyReading } from '../core/phrasebook/ops/daemonBody';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, printError, parseCommandArgs, type CliIo } from './args';
import { safeJsonStringify } from '../core/text/sanitize';
import { PhrasebookTooLargeError, readLimited, readPhrasebookFile } from './phrasebookFile';
import { tooComplexFinding } from '../core/phrasebook/lint/inputGuard';
import { errorText } from '../core/text/errorText';

const HELP = `Usage: kora-ops validate (FILE | --stdin)

Validates a phrasebook exactly as the daemon's PUT /api/phrasebook/slack_dm would, and prints the
JSON array the daemon would answer in its 422 "errors" ([] when it would accept the phrasebook).

  FILE      a phrasebook YAML file (read as the daemon reads YAML: PyYAML, YAML 1.1)
  --stdin   read a JSON PUT body {"entries": [...]} from standard input, as the daemon reads it
            (UTF-8 with or without BOM, UTF-16/32, NaN and Infinity accepted)

A pattern that would crash the daemon (HTTP 500) gets an item on field "pattern" whose error
starts with "daemon would fail with HTTP 500:". A body that is not a JSON object (a bare list, a
string, ...) never reaches the phrasebook rules: FastAPI answers 422 {"detail": [...]}, which is
printed instead.

Exit status: 0 when the daemon would accept it, 1 when it would not, 2 on usage or input errors.
`;

const OPTIONS = {
  stdin: { type: 'boolean', default: false },
} as const;

/** Input that cannot become a PUT payload (unreadable file, broken YAML or JSON). */
class InputError extends Error {}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, true, HELP);
  if (values.stdin === (positionals.length === 1) || positionals.length > 1) {
    throw new UsageError('give exactly one FILE, or --stdin');
  }
  let errors: DaemonError[];
  try {
    const body = values.stdin ? readPutBody(await readAll(io.stdin)) : undefined;
    if (body?.kind === 'fastapi-422') {
      io.stdout.write(`${JSON.stringify(body.body)}\n`);
      return EXIT_FAILURE;
    }
    const payload = body ? payloadOf(body) : await payloadFromFile(path.resolve(io.cwd, positionals[0]));
    errors = validateEntries(payload);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    printError(io, error.message);
    return EXIT_USAGE;
  }
  // The daemon's JSON: compact, non-ASCII characters as they are (like FastAPI's JSONResponse).
  io.stdout.write(`${safeJsonStringify(errors)}\n`);
  return errors.length === 0 ? EXIT_OK : EXIT_FAILURE;
}

function payloadOf(body: Exclude<PutBodyReading, { kind: 'fastapi-422' }>): unknown {
  if (body.kind === 'not-json') throw new InputError(`standard input is not JSON: ${body.message}`);
  return body.payload;
}

async function payloadFromFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readPhrasebookFile(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${errorText(error)}`);
  }
  const document = parsePhrasebook(text);
  const problems = [
    ...(document.valueLimit
      ? [{ line: { line: 0, character: 0 }, message: tooComplexFinding(document.valueLimit).message }]
      : []),
    ...document.syntaxFindings
      .filter((f) => f.severity === 'error')
      .map((f) => ({ line: f.range.start, message: f.message })),
    ...document.loadErrors.map((e) => ({
      line: document.positionAt(e.span.start),
      message: `PyYAML cannot load this: ${e.message}`,
    })),
  ];
  if (problems.length > 0) {
    const lines = problems.map((p) => `${file}:${p.line.line + 1}:${p.line.character + 1}: ${p.message}`);
    throw new InputError(`the file is not a loadable YAML document, so there is nothing to send:\n${lines.join('\n')}`);
  }
  return document.entriesValue;
}

/** The raw bytes (the daemon detects the body's encoding itself), within the size limit. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  try {
    return await readLimited(stream);
  } catch (error) {
    throw error instanceof PhrasebookTooLargeError ? new InputError(`standard input: ${error.message}`) : error;
  }
}
