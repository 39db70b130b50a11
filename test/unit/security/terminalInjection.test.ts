// Security checks, unit layer: daemon and file text cannot drive the operator's terminal. Every CLI
// command runs (in process) against a daemon stand-in whose every string carries ESC/CSI/OSC, BEL,
// CR, a line break and bidi/C1 controls; the output (text and JSON, stdout and stderr, the push
// `[y/N]` prompt) shows them escaped, forges no line, and JSON still parses to the daemon's value.
// URL credentials and query secrets given on the command line never appear in the output.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/args';
import { toDaemonYaml } from '../../../src/core/phrasebook/ops/writeFormat';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import type { ScriptedServer } from './scriptedServer';
import { HOSTILE, assertNoRawControls, assertShownEscaped, startHostileDaemon } from './hostileOutput';

const TOKEN = 'hostile-daemon-session-token-0123456789';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process; `tty` pretends stdin/stderr are a terminal answering `answer`. */
async function cli(cwd: string, args: string[], options: { tty?: boolean; answer?: string } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty === true });
  const errStream = Object.assign(new PassThrough(), { isTTY: options.tty === true });
  errStream.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    // Answer the [y/N] question once it is asked.
    if (options.answer !== undefined && stderr.includes('[y/N]') && stdin.writable) stdin.end(`${options.answer}\n`);
  });
  const io: CliIo = { stdout: { write: (text: string) => (stdout += text) }, stderr: errStream, stdin, env: {}, cwd };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('security (unit): daemon and file text cannot drive the terminal', function () {
  this.timeout(60_000);
  let daemon: ScriptedServer;
  let dir: string;
  let file: string;

  before(async () => {
    daemon = await startHostileDaemon(TOKEN);
    dir = mkdtempSync(join(tmpdir(), 'kora-terminal-'));
    file = join(dir, 'slack_dm.yml');
    writeFileSync(file, toDaemonYaml(SEED_ENTRIES));
  });

  after(async () => {
    await daemon.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Command, its arguments, and whether its JSON output carries the daemon's strings. */
  const commands: Array<[string, () => string[], boolean]> = [
    ['phrasebook backups', () => ['phrasebook', 'backups', '--url', daemon.url], true],
    ['phrasebook test', () => ['phrasebook', 'test', 'hi', '--url', daemon.url], true],
    ['phrasebook revert', () => ['phrasebook', 'revert', '--yes', '--url', daemon.url], false],
    ['phrasebook push (422)', () => ['phrasebook', 'push', file, '--yes', '--url', daemon.url], true],
    ['phrasebook pull -o', () => ['phrasebook', 'pull', '-o', join(dir, 'pulled.yml'), '--url', daemon.url], true],
    ['phrasebook pull', () => ['phrasebook', 'pull', '--url', daemon.url], true],
    ['status', () => ['status', '--url', daemon.url], false],
  ];

  for (const [name, args, jsonCarriesDaemonText] of commands) {
    it(`${name}: text output shows daemon text escaped`, async () => {
      const run = await cli(dir, args());
      const output = `${run.stdout}\n${run.stderr}`;
      assertNoRawControls(output, name);
      // `pull` prints the YAML (quoted by our emitter) rather than one-line text.
      if (name !== 'phrasebook pull') assertShownEscaped(output, name);
    });

    it(`${name}: JSON output escapes C1, bidi and U+2028 and still parses to the daemon's text`, async () => {
      const run = await cli(dir, [...args(), '--format', 'json']);
      assertNoRawControls(`${run.stdout}\n${run.stderr}`, `${name} --format json`);
      const parsed: unknown = JSON.parse(run.stdout);
      if (jsonCarriesDaemonText)
        assert.ok(
          JSON.stringify(parsed).includes(JSON.stringify(HOSTILE).slice(1, -1)),
          `${name}: JSON keeps the daemon's value`,
        );
    });
  }

  it('the push [y/N] prompt shows the daemon text escaped', async () => {
    const run = await cli(dir, ['phrasebook', 'push', file, '--url', daemon.url], { tty: true, answer: 'n' });
    assert.ok(run.stderr.includes('[y/N]'), run.stderr);
    assert.ok(
      !run.stderr.includes('\u001b]0;pwned') && !run.stderr.includes('\rOVERWRITE'),
      `raw controls in the prompt: ${JSON.stringify(run.stderr)}`,
    );
    assert.ok(run.stderr.includes('\\x1b]0;pwned'), `escaped in the prompt: ${JSON.stringify(run.stderr)}`);
    assert.equal(run.code, 1, 'declined: nothing was sent');
  });

  it('lint echoes escape and C1 characters of the linted YAML escaped', async () => {
    const yamlFile = join(dir, 'hostile.yml');
    writeFileSync(
      yamlFile,
      `- pattern: "^(a\\e]0;pwned\\a"\n  category: "c\\x9b31m"\n  description: d\n  reply_template: r\n`,
    );
    for (const format of ['text', 'json']) {
      const run = await cli(dir, ['lint', yamlFile, '--format', format]);
      assertNoRawControls(`${run.stdout}\n${run.stderr}`, `lint --format ${format}`);
    }
  });

  it('status shows a URL without its credentials or query secrets', async () => {
    const withSecrets = daemon.url.replace('http://', 'http://operator:PASSWORD-SECRET@') + '/?token=QUERY-SECRET';
    for (const format of ['text', 'json']) {
      const run = await cli(dir, ['status', '--url', withSecrets, '--format', format]);
      const output = `${run.stdout}\n${run.stderr}`;
      assert.doesNotMatch(output, /PASSWORD-SECRET|QUERY-SECRET|operator/, output);
      assert.match(output, /\*\*\*@127\.0\.0\.1/, output);
    }
  });
});
