// `kora-ops validate (FILE | --stdin)`: prints the JSON array the daemon would put in its 422
// `errors` for this phrasebook (`[]` when it would accept it), exactly as the daemon writes it.
import * as path from 'node:path';
import { parsePhrasebook, validateEntries, type DaemonError } from '../core/phrasebook';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, parseCommandArgs, type CliIo } from './args';
import { safeJsonStringify } from '../core/text/sanitize';
import { PhrasebookTooLargeError, readLimited, readPhrasebookFile } from './phrasebookFile';
import { tooComplexFinding } from '../core/phrasebook/inputGuard';

const HELP = `Usage: kora-ops validate (FILE | --stdin)

Validates a phrasebook exactly as the daemon's PUT /api/phrasebook/slack_dm would, and prints the
JSON array the daemon would answer in its 422 "errors" ([] when it would accept the phrasebook).

  FILE      a phrasebook YAML file (read as the daemon reads YAML: PyYAML, YAML 1.1)
  --stdin   read a JSON PUT body {"entries": [...]} (or a bare list) from standard input

A pattern that would crash the daemon (HTTP 500) gets an item on field "pattern" whose error
starts with "daemon would fail with HTTP 500:".

Exit status: 0 when the daemon would accept it, 1 when it would not, 2 on usage or input errors.
`;

const OPTIONS = {
  stdin: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Input that cannot become a PUT payload (unreadable file, broken YAML or JSON). */
class InputError extends Error {}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, true);
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (values.stdin === (positionals.length === 1) || positionals.length > 1) {
    throw new UsageError('give exactly one FILE, or --stdin');
  }
  let errors: DaemonError[];
  try {
    const payload = values.stdin ? payloadFromJson(await readAll(io.stdin)) : await payloadFromFile(path.resolve(io.cwd, positionals[0]));
    errors = validateEntries(payload);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`kora-ops validate: ${error.message}\n`);
    return EXIT_USAGE;
  }
  // The daemon's JSON: compact, non-ASCII characters as they are (like FastAPI's JSONResponse).
  io.stdout.write(`${safeJsonStringify(errors)}\n`);
  return errors.length === 0 ? EXIT_OK : EXIT_FAILURE;
}

/** A PUT body: `{"entries": [...]}` gives its `entries`; a bare list (or any other value) is the payload. */
export function payloadFromJson(text: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new InputError(`standard input is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) return (body as Record<string, unknown>).entries;
  return body;
}

async function payloadFromFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readPhrasebookFile(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const document = parsePhrasebook(text);
  const problems = [
    ...(document.valueLimit ? [{ line: { line: 0, character: 0 }, message: tooComplexFinding(document.valueLimit).message }] : []),
    ...document.syntaxFindings.filter((f) => f.severity === 'error').map((f) => ({ line: f.range.start, message: f.message })),
    ...document.loadErrors.map((e) => ({ line: document.positionAt(e.span.start), message: `PyYAML cannot load this: ${e.message}` })),
  ];
  if (problems.length > 0) {
    const lines = problems.map((p) => `${file}:${p.line.line + 1}:${p.line.character + 1}: ${p.message}`);
    throw new InputError(`the file is not a loadable YAML document, so there is nothing to send:\n${lines.join('\n')}`);
  }
  return document.entriesValue;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  try {
    return await readLimited(stream);
  } catch (error) {
    throw error instanceof PhrasebookTooLargeError ? new InputError(`standard input: ${error.message}`) : error;
  }
}
