// Security checks, unit layer: the CLI (the shipped bundle `dist/cli.js`, or the compiled
// `out/src/cli/main.js` when the bundle was not built) never prints a session or MCP token, on
// stdout or stderr, in text or JSON, whether the daemon is healthy, faulty (one fault answers with
// the cockpit page, token inside), restarted, or rejects the stored token.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDaemonYaml } from '../../../src/core/phrasebook/ops/writeFormat';
import type { FaultName } from '../../fake-daemon/faults';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { startFakeDaemon, type FakeDaemon } from '../../fake-daemon/server';
import { entry } from '../phrasebook-ops/fixtures';
import { assertNoSecrets, SecretLedger } from './secrets';

const ROOT = join(__dirname, '..', '..', '..', '..');
const BUNDLED_CLI = join(ROOT, 'dist', 'cli.js');
const COMPILED_CLI = join(ROOT, 'out', 'src', 'cli', 'main.js');
const CLI = existsSync(BUNDLED_CLI) ? BUNDLED_CLI : COMPILED_CLI;

const MCP_TOKEN = 'mcp-CLI-TEST-token-0123456789abcdefghijklmnop';
const STORED_TOKEN = 'stored-CLI-TEST-token-0123456789abcdefghijklm';
const MCP_TOKEN_ENV = 'KORA_TEST_MCP_TOKEN';
/** Faults whose answers carry the token back (the cockpit page) or make the CLI explain an error. */
const LEAKY_FAULTS: readonly FaultName[] = ['html_200', 'plain_500', 'redirect_other_origin', 'write_then_500'];
/** Faults that only hit writes: `status` still reads the daemon fine under them. */
const WRITE_ONLY_FAULTS: ReadonlySet<FaultName> = new Set(['write_then_500']);

interface CliRun {
  code: number | null;
  output: string;
}

/** Runs the CLI asynchronously: the fake daemon answers from this same process. */
function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

describe('security (unit): the CLI prints no token', function () {
  this.timeout(60_000);
  let daemon: FakeDaemon;
  let workDir: string;
  let phrasebookFile: string;
  const ledger = new SecretLedger();

  before(() => {
    workDir = mkdtempSync(join(tmpdir(), 'kora-cli-security-'));
    phrasebookFile = join(workDir, 'slack_dm.yml');
    writeFileSync(phrasebookFile, toDaemonYaml([...SEED_ENTRIES, entry('cli_security')]));
  });

  after(() => rmSync(workDir, { recursive: true, force: true }));

  beforeEach(async () => {
    daemon = await startFakeDaemon({ mcpToken: MCP_TOKEN });
    ledger.add('MCP token', MCP_TOKEN);
    ledger.add('stored session token', STORED_TOKEN);
    ledger.add('session token', daemon.token);
  });

  afterEach(async () => {
    await daemon.close();
  });

  /** Every command of the CLI against the daemon, text and JSON. */
  function everyCommand(): string[][] {
    const url = ['--url', daemon.url];
    return [
      ['status', ...url, '--mcp-token-env', MCP_TOKEN_ENV],
      ['status', ...url, '--mcp-token-env', MCP_TOKEN_ENV, '--format', 'json'],
      ['phrasebook', 'pull', ...url],
      ['phrasebook', 'backups', ...url, '--format', 'json'],
      ['phrasebook', 'test', 'status', '--file', phrasebookFile, ...url, '--format', 'json'],
      ['phrasebook', 'push', phrasebookFile, '--yes', ...url],
      ['phrasebook', 'push', phrasebookFile, '--yes', ...url, '--format', 'json'],
      ['phrasebook', 'revert', '--yes', ...url, '--format', 'json'],
    ];
  }

  async function assertEveryCommandSilent(where: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun[]> {
    const runs = await Promise.all(everyCommand().map((args) => runCli(args, { [MCP_TOKEN_ENV]: MCP_TOKEN, ...env })));
    runs.forEach((run, index) =>
      assertNoSecrets(run.output, ledger.all, `kora-ops ${everyCommand()[index].slice(0, 2).join(' ')} ${where}`),
    );
    return runs;
  }

  it('against a healthy daemon (reads, writes, MCP)', async () => {
    const runs = await assertEveryCommandSilent('against a healthy daemon');
    assert.equal(runs[0].code, 0, `status exit code, output:\n${runs[0].output}`);
    assert.match(runs[1].output, /"state": "ok"/, 'the JSON status was printed (so there was output to check)');
  });

  for (const fault of LEAKY_FAULTS) {
    it(`under the "${fault}" fault`, async () => {
      daemon.addFault({ name: fault, persistent: true });
      const runs = await assertEveryCommandSilent(`under ${fault}`);
      if (!WRITE_ONLY_FAULTS.has(fault))
        assert.notEqual(runs[1].code, 0, 'status reports the problem with a failing exit code');
      else assert.match(runs.map((run) => run.output).join('\n'), /HTTP 500/, 'a push met the 500 after its write');
    });
  }

  it('after a restart (401, re-scrape) and with a stored token the daemon rejects', async () => {
    daemon.restart();
    ledger.add('rotated session token', daemon.token);
    await assertEveryCommandSilent('after a token rotation');
    await daemon.setScenario('no_frontend');
    const runs = await assertEveryCommandSilent('with a rejected stored token', { KORA_SESSION_TOKEN: STORED_TOKEN });
    assert.match(runs[1].output, /"state": "unauthorized"/, 'the stored token was offered and rejected');
  });

  it('with the stored token the daemon accepts (no cockpit)', async () => {
    await daemon.setScenario('no_frontend');
    const runs = await assertEveryCommandSilent('with an accepted stored token', { KORA_SESSION_TOKEN: daemon.token });
    assert.match(runs[1].output, /"state": "ok"/, `the stored token worked:\n${runs[1].output}`);
  });
});
