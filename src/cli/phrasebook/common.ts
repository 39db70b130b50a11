// Shared plumbing of `kora-ops phrasebook <command>`: options, the client, output, confirmation
// on a terminal, and the exit codes of the phrasebook commands.
import { createInterface } from 'node:readline';
import type { KoraClient } from '../../core/daemon/client';
import { isDaemonError } from '../../core/daemon/errors';
import { escapeControls, safeJsonStringify, safeLine } from '../../core/text/sanitize';
import { EXIT_USAGE, printError, type CliIo, type OutputFormat } from '../args';
import { rawOutput } from '../safeOutput';
import { DEFAULT_DAEMON_URL, SESSION_TOKEN_ENV, openClient } from '../daemonClient';
import { errorText } from '../../core/text/errorText';

export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, printError } from '../args';
/** `push --if-match`: live changed since the given hash; nothing was sent. */
export const EXIT_CONFLICT = 3;

const LIVE_HASH_LABEL = 'live-hash:';

export const COMMON_OPTIONS = {
  url: { type: 'string', default: DEFAULT_DAEMON_URL },
  format: { type: 'string', default: 'text' },
  'allow-insecure-http': { type: 'boolean', default: false },
} as const;

export const COMMON_HELP = `  --url URL               admin URL of the daemon (default ${DEFAULT_DAEMON_URL})
  --format text|json      output format (default text)
  --allow-insecure-http   allow cleartext http to a non-loopback host (token travels unencrypted)
  -h, --help              show this help

The session token is read from the daemon's cockpit page; when the cockpit is not built, set
${SESSION_TOKEN_ENV}.`;

/** Runs `body` with a client and always releases its connections. */
export async function withClient<T>(
  io: CliIo,
  values: { url?: string; 'allow-insecure-http'?: boolean },
  body: (client: KoraClient) => Promise<T>,
): Promise<T> {
  const client = openClient(io, values.url ?? DEFAULT_DAEMON_URL, values['allow-insecure-http'] === true);
  try {
    return await body(client);
  } finally {
    await client.dispose();
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${safeJsonStringify(value, 2)}\n`);
}

/** Prints to stdout in the chosen format: the JSON value, or the text lines. */
export function print(io: CliIo, format: OutputFormat, json: unknown, text: () => string): void {
  if (format === 'json') printJson(io, json);
  else io.stdout.write(text().replace(/\n?$/, '\n'));
}

export function printLiveHash(io: CliIo, hash: string): void {
  io.stderr.write(`${LIVE_HASH_LABEL} ${hash}\n`);
}

/** A daemon that cannot be read is a connection error: exit 2 with the reason. */
export function reportUnreachable(io: CliIo, error: unknown): number {
  const message = isDaemonError(error) ? error.message : errorText(error);
  printError(io, safeLine(message));
  return EXIT_USAGE;
}

/**
 * The confirmation of a write (push, revert): `--yes` gives it; otherwise a human must, on a
 * terminal. Off a terminal the write is refused rather than guessed, and `refusal()` says so.
 */
export class WriteConfirmation {
  private notOnTerminal = false;

  constructor(
    private readonly io: CliIo,
    private readonly yes: boolean,
  ) {}

  async ask(question: string): Promise<boolean> {
    if (this.yes) return true;
    const answer = await confirmOnTerminal(this.io, question);
    this.notOnTerminal = answer === undefined;
    return answer === true;
  }

  /** Exit 2 with the reason when the write was refused for want of a terminal, else undefined. */
  refusal(): number | undefined {
    if (!this.notOnTerminal) return undefined;
    printError(this.io, NOT_A_TERMINAL);
    return EXIT_USAGE;
  }
}

/** A yes/no question on the terminal; undefined when stdin or stderr is not one. */
async function confirmOnTerminal(io: CliIo, question: string): Promise<boolean | undefined> {
  if (!io.stdin.isTTY || !io.stderr.isTTY) return undefined;
  // readline needs the real stream (it writes cursor controls), so the question is escaped here.
  const rl = createInterface({ input: io.stdin, output: rawOutput(io.stderr) as NodeJS.WritableStream });
  try {
    const answer = await new Promise<string>((resolve) =>
      rl.question(`${escapeControls(question, 'keep')} [y/N] `, resolve),
    );
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

const NOT_A_TERMINAL = 'refusing to write without confirmation: not on a terminal (pass --yes to confirm)';
