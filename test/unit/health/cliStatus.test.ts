import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import type { CliIo } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/main';
import type { CliStatusDocument } from '../../../src/core/health/cliStatusJson';
import type { ScenarioName } from '../../fake-daemon/scenarios';
import { startFakeDaemon, type FakeDaemon } from '../../fake-daemon/server';

const CLI_BUNDLE = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

function captureIo(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    stdin: Readable.from([]),
    env,
    cwd: process.cwd(),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function statusJson(urls: string[], env: Record<string, string> = {}) {
  const capture = captureIo(env);
  const code = await runCli(['status', ...urls.flatMap((url) => ['--url', url]), '--format', 'json'], capture.io);
  return { code, document: JSON.parse(capture.stdout()) as CliStatusDocument, stderr: capture.stderr() };
}

describe('kora-ops status', () => {
  let daemon: FakeDaemon;
  beforeEach(async () => {
    daemon = await startFakeDaemon({ slowMs: 200 });
  });
  afterEach(async () => {
    await daemon.close();
  });

  const expectations: Array<[ScenarioName, string, number]> = [
    ['healthy', 'ok', 0],
    ['degraded', 'ok', 0],
    ['warming', 'warming', 0],
    ['stale', 'stale', 0],
    ['slow', 'ok', 0],
    ['schema_drift', 'ok', 0],
    ['old_daemon', 'endpoint_missing', 1],
    ['no_frontend', 'no_frontend', 1],
    ['malformed', 'malformed', 1],
    ['offline', 'offline', 2],
  ];
  for (const [scenario, state, exitCode] of expectations) {
    it(`reports state "${state}" (exit ${exitCode}) for the ${scenario} scenario`, async () => {
      await daemon.setScenario(scenario);
      const { code, document } = await statusJson([daemon.url]);
      assert.equal(document.daemons.length, 1);
      assert.equal(document.daemons[0].state, state);
      assert.equal(document.daemons[0].url, daemon.url);
      assert.equal(code, exitCode);
    });
  }

  it('prints the documented fields for a readable daemon', async () => {
    await daemon.setScenario('degraded');
    const [status] = (await statusJson([daemon.url])).document.daemons;
    assert.equal(status.overall_status, 'degraded');
    assert.ok(status.uptime_seconds !== null && status.uptime_seconds > 14_000);
    assert.ok(
      status.snapshot_age_seconds !== null && status.snapshot_age_seconds >= 0 && status.snapshot_age_seconds < 600,
    );
    assert.deepEqual(
      status.listeners.find((listener) => listener.name === 'email_inbound_imap'),
      { name: 'email_inbound_imap', status: 'down' },
    );
    assert.deepEqual(
      status.services.find((service) => service.name === 'supabase'),
      { name: 'supabase', status: 'unhealthy', latency_ms: 10_004, error: 'HTTP 503' },
    );
  });

  it('recovers after a token rotation without user action', async () => {
    assert.equal((await statusJson([daemon.url])).document.daemons[0].state, 'ok');
    daemon.restart();
    const after = await statusJson([daemon.url]);
    assert.equal(after.document.daemons[0].state, 'ok');
    assert.equal(after.code, 0);
  });

  it('uses KORA_SESSION_TOKEN when the cockpit is not built', async () => {
    await daemon.setScenario('no_frontend');
    const { code, document } = await statusJson([daemon.url], { KORA_SESSION_TOKEN: daemon.token });
    assert.equal(document.daemons[0].state, 'ok');
    assert.equal(code, 0);
  });

  it('adds live coordinator data with --mcp-token-env', async () => {
    const capture = captureIo({ KORA_MCP: daemon.mcpToken });
    const code = await runCli(
      ['status', '--url', daemon.url, '--format', 'json', '--mcp-token-env', 'KORA_MCP'],
      capture.io,
    );
    assert.equal(code, 0);
    const listeners = (JSON.parse(capture.stdout()) as CliStatusDocument).daemons[0].listeners;
    assert.equal(listeners[0].name, 'heartbeat', 'registration order from MCP');
  });

  it('reads several daemons and exits 2 when one cannot be reached', async () => {
    const offline = await startFakeDaemon({ scenario: 'offline' });
    try {
      const { code, document } = await statusJson([daemon.url, offline.url]);
      assert.deepEqual(
        document.daemons.map((status) => status.state),
        ['ok', 'offline'],
      );
      assert.equal(code, 2);
    } finally {
      await offline.close();
    }
  });

  it('prints the health tree as text, with service errors', async () => {
    await daemon.setScenario('degraded');
    const capture = captureIo();
    assert.equal(await runCli(['status', '--url', daemon.url], capture.io), 0);
    const text = capture.stdout();
    assert.match(text, /^! 127\.0\.0\.1:\d+ — degraded · up 4h 0\dm/m);
    assert.match(text, /^ {4}✗ email_inbound_imap — down$/m);
    assert.match(text, /^ {4}✗ supabase — unhealthy · 10004 ms\n {6}HTTP 503$/m);
    assert.match(text, /Cost — WARN_75/);
    assert.ok(!text.includes(daemon.token));
  });

  it('rejects bad usage with exit 2 and a pointer to --help', async () => {
    const badFormat = captureIo();
    assert.equal(await runCli(['status', '--format', 'xml'], badFormat.io), 2);
    assert.match(badFormat.stderr(), /--format must be "text" or "json"[\s\S]*kora-ops status --help/);
    const unknownOption = captureIo();
    assert.equal(await runCli(['status', '--bogus'], unknownOption.io), 2);
    assert.match(unknownOption.stderr(), /Unknown option '--bogus'/);
    const missingEnv = captureIo();
    assert.equal(await runCli(['status', '--mcp-token-env', 'NOPE'], missingEnv.io), 2);
  });

  it('lists commands and per-command help', async () => {
    const none = captureIo();
    assert.equal(await runCli([], none.io), 2);
    assert.match(none.stdout(), /Commands:\n {2}status/);
    const help = captureIo();
    assert.equal(await runCli(['help', 'status'], help.io), 0);
    assert.match(help.stdout(), /Usage: kora-ops status/);
    const unknown = captureIo();
    assert.equal(await runCli(['frobnicate'], unknown.io), 2);
    assert.match(unknown.stderr(), /unknown command "frobnicate"/);
  });

  it('works as the bundled executable (node dist/cli.js, after npm run build)', async function () {
    if (!existsSync(CLI_BUNDLE)) this.skip();
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [CLI_BUNDLE, ...args], { env: { ...process.env, KORA_SESSION_TOKEN: '' } });
    const { stdout } = await run(['status', '--url', daemon.url, '--format', 'json']);
    assert.equal((JSON.parse(stdout) as CliStatusDocument).daemons[0].state, 'ok');
    daemon.restart();
    const again = await run(['status', '--url', daemon.url, '--format', 'json']);
    assert.equal((JSON.parse(again.stdout) as CliStatusDocument).daemons[0].state, 'ok');
    await daemon.setScenario('offline');
    await assert.rejects(
      run(['status', '--url', daemon.url, '--format', 'json']),
      (error: { code?: number; stdout?: string }) => {
        assert.equal(error.code, 2, 'an offline daemon is a connection error');
        assert.equal((JSON.parse(error.stdout ?? '') as CliStatusDocument).daemons[0].state, 'offline');
        return true;
      },
    );
  });
});
