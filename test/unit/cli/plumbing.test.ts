// The CLI's shared behaviour, the same for every command: --version, one error prefix, the exit-code
// rule (0 ok, 1 a finding or refusal, 2 usage or connection error), and a reader that closes early.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/main';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
const CLI_BUNDLE = join(REPO_ROOT, 'dist', 'cli.js');
const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

function captureIo(cwd: string) {
  let out = '';
  let err = '';
  const stdin = new PassThrough();
  stdin.end('');
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin,
    env: {},
    cwd,
  };
  return { io, stdout: () => out, stderr: () => err };
}

/** A port nothing listens on: bound, read, closed. */
async function closedPortUrl(): Promise<string> {
  const net = await import('node:net');
  const server = net.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

describe('kora-ops (CLI plumbing)', () => {
  let directory: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'kora-cli-plumbing-'));
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  it('--version and -V print the package version and exit 0', async () => {
    for (const flag of ['--version', '-V']) {
      const run = captureIo(directory);
      assert.equal(await runCli([flag], run.io), 0);
      assert.equal(run.stdout(), `kora-ops ${version}\n`);
    }
  });

  it('every error line starts with the command that failed', async () => {
    const url = await closedPortUrl();
    const cases: Array<[string[], number, RegExp]> = [
      [['lint', '--no-redos', 'missing.yml'], 2, /^kora-ops lint: cannot read missing\.yml: /],
      [['validate', 'missing.yml'], 2, /^kora-ops validate: cannot read /],
      [['phrasebook', 'pull', '--url', url], 2, /^kora-ops phrasebook pull: .*connection refused/],
      [['phrasebook', 'push', 'missing.yml', '--url', url], 2, /^kora-ops phrasebook push: /],
      [['status', '--format', 'xml'], 2, /^kora-ops status: --format must be/],
    ];
    for (const [argv, code, firstLine] of cases) {
      const run = captureIo(directory);
      assert.equal(await runCli(argv, run.io), code, argv.join(' '));
      assert.match(run.stderr(), firstLine, argv.join(' '));
    }
  });

  it('lint with no readable file prints the reason only, no "0 file(s)" summary', async () => {
    const run = captureIo(directory);
    assert.equal(await runCli(['lint', '--no-redos', 'missing.yml'], run.io), 2);
    assert.equal(run.stdout(), '');
  });

  it('status exits 2 when a daemon cannot be reached (the connection-error rule)', async () => {
    const run = captureIo(directory);
    assert.equal(await runCli(['status', '--url', await closedPortUrl(), '--format', 'json'], run.io), 2);
    assert.equal(JSON.parse(run.stdout()).daemons[0].state, 'offline');
  });

  it('every command prints its own help on --help and -h, exit 0, whatever else is on the line', async () => {
    const commands = [
      ['status'],
      ['validate'],
      ['test'],
      ['lint'],
      ...['pull', 'push', 'revert', 'backups', 'test'].map((name) => ['phrasebook', name]),
    ];
    for (const command of commands) {
      // A bad --format does not matter once help is asked (validate has no --format).
      const extras =
        command[0] === 'validate' ? [['--help'], ['-h']] : [['--help'], ['-h'], ['--format', 'xml', '--help']];
      for (const extra of extras) {
        const captured = captureIo(directory);
        const code = await runCli([...command, ...extra], captured.io);
        const line = `kora-ops ${command.join(' ')} ${extra.join(' ')}`;
        assert.equal(code, 0, `${line}: ${captured.stderr()}`);
        assert.ok(
          captured.stdout().startsWith(`Usage: kora-ops ${command.join(' ')} `),
          `${line} printed: ${captured.stdout().slice(0, 80)}`,
        );
        assert.equal(captured.stderr(), '', line);
      }
    }
  });

  it("a reader that closes early gets no stack trace, and the exit status is the command's", async function () {
    this.timeout(120_000); // one Node process on a possibly saturated machine
    const lines = ['entries:'];
    for (let index = 0; index < 2000; index++)
      lines.push(`  - {pattern: "(a${index}", category: c, description: d, reply_template: r}`);
    writeFileSync(join(directory, 'many-errors.yml'), `${lines.join('\n')}\n`);
    const child = spawn(process.execPath, [CLI_BUNDLE, 'lint', '--no-redos', '--format', 'json', 'many-errors.yml'], {
      cwd: directory,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy()); // like `| head -c 100`
    const code = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(stderr, '');
    assert.equal(code, 1, 'lint found errors: exit 1 even though nobody read them');
  });
});
