// `kora-ops status [--url URL]... [--format text|json] [--mcp-token-env VAR] [--allow-insecure-http]`
// Reads each daemon once and prints the same tree the Health view shows (text), or the documented
// JSON. Exit 0 when every daemon could be read (ok, warming or stale), 2 when one could not be
// reached at all (offline, cleartext refused), 1 otherwise (reached, but its answer is not usable).
// The session token is scraped from the cockpit page; `KORA_SESSION_TOKEN` is the stored fallback.

import { isReadable, toCliStatusDocument } from '../core/health/cliStatusJson';
import { readHealthOnce } from '../core/health/readOnce';
import { buildHealthTree, type HealthNode } from '../core/tree/daemonTree';
import type { DaemonHealth } from '../core/health/types';
import { toPlainLine } from '../core/text/markdown';
import {
  DAEMON_OPTIONS,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  parseCommandArgs,
  parseFormat,
  type CliIo,
} from './args';
import { displayUrl } from '../core/text/displayUrl';
import { safeJsonStringify } from '../core/text/sanitize';
import { DEFAULT_DAEMON_URL, SESSION_TOKEN_ENV, openClient } from './daemonClient';

const DEFAULT_DAEMON_NAME = 'local';
const DETAIL_MAX = 300;

const HELP = `Usage: kora-ops status [--url URL]... [--format text|json] [options]

Reads the health of each Kora daemon (default ${DEFAULT_DAEMON_URL}) once and prints it.

Options:
  --url URL               admin URL of a daemon; repeat for several
  --format text|json      output format (default text)
  --mcp-token-env VAR     read an MCP bearer token from environment variable VAR
                          (adds live coordinator state, uptime and listener "started" flags)
  --allow-insecure-http   allow cleartext http to non-loopback hosts (token travels unencrypted)
  -h, --help              show this help

The session token is read from the daemon's cockpit page; when the cockpit is not built, set
${SESSION_TOKEN_ENV}. Exit status: 0 when every daemon could be read; 2 on usage errors or when a
daemon could not be reached; 1 when one was reached but its answer is not usable (unauthorized,
old daemon, malformed).
`;

const STATUS_OPTIONS = {
  ...DAEMON_OPTIONS,
  'mcp-token-env': { type: 'string' },
  'allow-insecure-http': { type: 'boolean', default: false },
} as const;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(argv, STATUS_OPTIONS, false, HELP);
  const format = parseFormat(values.format);
  const urls = values.url && values.url.length > 0 ? values.url : [DEFAULT_DAEMON_URL];
  const mcpTokenEnv = values['mcp-token-env'];
  if (mcpTokenEnv !== undefined && !io.env[mcpTokenEnv])
    throw new UsageError(`environment variable ${mcpTokenEnv} is not set`);

  const healths = await Promise.all(
    urls.map(async (url) => {
      const client = openClient(io, url, values['allow-insecure-http'], {
        name: daemonName(url, urls.length),
        mcpTokenEnv,
      });
      try {
        return await readHealthOnce(client);
      } finally {
        await client.dispose();
      }
    }),
  );

  io.stdout.write(
    format === 'json' ? `${safeJsonStringify(toCliStatusDocument(healths), 2)}\n` : renderText(healths, Date.now()),
  );
  if (healths.some(isUnreachable)) return EXIT_USAGE;
  return healths.every(isReadable) ? EXIT_OK : EXIT_FAILURE;
}

/** The connection-error case of the CLI's one exit-code rule (2), like every other command. */
function isUnreachable(health: DaemonHealth): boolean {
  return health.state === 'offline' || health.state === 'insecure_refused' || health.state === 'connecting';
}

/** "local" for the default daemon, else host:port (the URL itself is printed alongside). */
function daemonName(url: string, count: number): string {
  if (url === DEFAULT_DAEMON_URL && count === 1) return DEFAULT_DAEMON_NAME;
  try {
    return new URL(url).host || url;
  } catch {
    return displayUrl(url);
  }
}

// ---- text form ----------------------------------------------------------------------------------

const GLYPHS: Record<string, string> = {
  'pass-filled': '✓',
  pass: '✓',
  warning: '!',
  error: '✗',
  question: '?',
};

/** The Health view's tree as indented lines, plus the one-sentence detail for named states. */
export function renderText(healths: readonly DaemonHealth[], now: number): string {
  const roots = buildHealthTree(healths, now);
  const lines: string[] = [];
  roots.forEach((root, index) => {
    const health = healths[index];
    lines.push(`${nodeLine(root)}  <${toPlainLine(health.daemon.url)}>`);
    for (const child of root.children) appendNode(lines, child, 1, health);
    lines.push('');
  });
  return lines.join('\n');
}

function appendNode(lines: string[], node: HealthNode, depth: number, health: DaemonHealth): void {
  lines.push(`${indent(depth)}${nodeLine(node)}`);
  // What the view puts in tooltips and a terminal cannot show: the state's detail, probe errors.
  const detail =
    node.kind === 'state'
      ? health.stateDetail
      : node.kind === 'service'
        ? health.services.find((service) => service.name === node.label)?.error
        : undefined;
  if (detail) lines.push(`${indent(depth + 1)}${toPlainLine(detail, DETAIL_MAX)}`);
  for (const child of node.children) appendNode(lines, child, depth + 1, health);
}

function nodeLine(node: HealthNode): string {
  const glyph = GLYPHS[node.iconId] ?? '•';
  const label = toPlainLine(node.label);
  // Descriptions of actionable nodes are click hints ("click to retry"): meaningless in a terminal.
  const description = node.action ? '' : toPlainLine(node.description);
  return description ? `${glyph} ${label} — ${description}` : `${glyph} ${label}`;
}

function indent(depth: number): string {
  return '  '.repeat(depth);
}
