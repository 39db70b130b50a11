// The CLI's shared plumbing: the command-module contract, I/O, exit codes, argument parsing with
// clear usage errors, and a dispatcher reused for nested commands (`kora-ops phrasebook pull`).
//
// A command is a module exporting `run(argv, io): Promise<number>`; it is registered with one
// line in a CommandTable (see main.ts) and loaded only when invoked.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PYTHON_OPTION_HELP } from './pythonOption';
import { errorText } from '../core/text/errorText';

export const EXIT_OK = 0;
/** The command ran but the answer is "no" (daemon unreadable, validation failed, ...). */
export const EXIT_FAILURE = 1;
/** Bad usage, or could not talk to the daemon where the command defines it so. */
export const EXIT_USAGE = 2;

export interface CliOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** `kora-ops phrasebook push`: what every error line starts with (set by the dispatcher). */
  invocation?: string;
}

interface CommandModule {
  run(argv: string[], io: CliIo): Promise<number>;
}

interface CommandEntry {
  /** One line for the usage listing. */
  summary: string;
  load(): Promise<CommandModule>;
}

export type CommandTable = Readonly<Record<string, CommandEntry>>;

export function processIo(): CliIo {
  return {
    stdout: pipeSafe(process.stdout),
    stderr: pipeSafe(process.stderr),
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * A reader that closes early (`kora-ops validate --stdin < big.json | head -c 100`) is not an
 * error of ours: once the pipe is gone (EPIPE, then writes to the destroyed stream), further output
 * is dropped and the command still ends with its own exit status instead of a Node stack. The
 * stream itself is returned: readline needs a real one for the confirmation prompt.
 */
function pipeSafe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
  return stream;
}

/** Writes one error line, `kora-ops <command>: message`: the same prefix for every command. */
export function printError(io: CliIo, message: string): void {
  io.stderr.write(`${io.invocation ?? 'kora-ops'}: ${message}\n`);
}

/** A mistake in how the command was called; printed with a pointer to `--help`, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `--help` was given: the dispatcher prints the command's help and exits 0, whatever else was asked. */
class HelpRequested extends Error {
  constructor(readonly help: string) {
    super('help requested');
    this.name = 'HelpRequested';
  }
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } } as const;

/**
 * `node:util` parseArgs (strict) with its errors turned into readable UsageErrors. Given the
 * command's `help` text, it also takes `-h/--help` and, when given, shows that text instead of
 * running the command (see runEntry).
 */
export function parseCommandArgs<const T extends OptionsConfig>(
  argv: readonly string[],
  options: T,
  allowPositionals = false,
  help?: string,
) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: help === undefined ? options : { ...options, ...HELP_OPTION },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error),
    );
  }
  if (help !== undefined && (parsed.values as { help?: boolean }).help === true) throw new HelpRequested(help);
  return parsed;
}

/** `--url` (repeatable) and `--format text|json`, shared by daemon-facing commands. */
export const DAEMON_OPTIONS = {
  url: { type: 'string', multiple: true },
  format: { type: 'string', default: 'text' },
} as const;

export type OutputFormat = 'text' | 'json';

export function parseFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new UsageError(`--format must be "text" or "json", not "${value}"`);
}

/** Runs `argv[0]` from the table; prints usage for none/unknown/help, and `--version`. */
export async function dispatch(
  table: CommandTable,
  argv: readonly string[],
  io: CliIo,
  program: string,
  version?: string,
): Promise<number> {
  const [name, ...rest] = argv;
  if (version !== undefined && (name === '--version' || name === '-V')) {
    io.stdout.write(`${program} ${version}\n`);
    return EXIT_OK;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic && table[topic]) return runEntry(table[topic], ['--help'], io, `${program} ${topic}`);
    io.stdout.write(usage(table, program));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const entry = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (!entry) {
    io.stderr.write(`${program}: unknown command "${name}"\n\n${usage(table, program)}`);
    return EXIT_USAGE;
  }
  return runEntry(entry, rest, io, `${program} ${name}`);
}

async function runEntry(entry: CommandEntry, argv: string[], outerIo: CliIo, invocation: string): Promise<number> {
  const io = { ...outerIo, invocation };
  try {
    const module = await entry.load();
    return await module.run(argv, io);
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout.write(error.help);
      return EXIT_OK;
    }
    if (error instanceof UsageError) {
      printError(io, `${error.message}\nRun "${invocation} --help" for usage.`);
      return EXIT_USAGE;
    }
    printError(io, errorText(error));
    return EXIT_FAILURE;
  }
}

function usage(table: CommandTable, program: string): string {
  const names = Object.keys(table);
  const width = Math.max(0, ...names.map((name) => name.length));
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${table[name].summary}`);
  return (
    `Usage: ${program} <command> [options]\n       ${program} --version\n\nCommands:\n${lines.join('\n')}\n\n` +
    `Options for every command:\n  ${PYTHON_OPTION_HELP}\n\nRun "${program} <command> --help" for a command's options.\n`
  );
}
