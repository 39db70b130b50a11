import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import type { CliIo } from '../../../src/cli/args';
import { run } from '../../../src/cli/phrasebook';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { BACKUP_NAME, PHRASEBOOK_PATH, requests, startHarness, type Harness } from './fixtures';

const LIVE_HASH_LINE = /^live-hash: (sha256:[0-9a-f]{64})$/m;
const CLI_BUNDLE = resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

function captureIo(cwd: string): Captured {
  let out = '';
  let err = '';
  // Not a terminal: a write without --yes must be refused.
  const stdin = Object.assign(Readable.from([]), { isTTY: false });
  return {
    io: {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (err += text) },
      stdin,
      env: {},
      cwd,
    },
    stdout: () => out,
    stderr: () => err,
  };
}

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureIo(cwd);
  const code = await run(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

function liveHashOf(stderr: string): string {
  const match = LIVE_HASH_LINE.exec(stderr);
  assert.ok(match, `no live-hash line in: ${stderr}`);
  return match[1];
}

/** Adds one entry at the end of a pulled file (the daemon's write format). */
function addEntry(path: string, category: string): void {
  const text = readFileSync(path, 'utf8');
  writeFileSync(
    path,
    `${text}- pattern: ^${category}$\n  category: ${category}\n  description: The ${category} entry\n  reply_template: About ${category}.\n`,
  );
}

describe('kora-ops phrasebook (CLI)', () => {
  let harness: Harness;
  let dir: string;
  beforeEach(async () => {
    harness = await startHarness();
    dir = mkdtempSync(join(tmpdir(), 'kora-cli-'));
  });
  afterEach(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round trip in-process: pull → push (--if-match, --yes) → backups → revert', async () => {
    const url = harness.daemon.url;
    const pulled = await cli(dir, 'pull', '--url', url, '-o', 'slack_dm.yml');
    assert.equal(pulled.code, 0, pulled.stderr);
    const baseHash = liveHashOf(pulled.stderr);

    addEntry(join(dir, 'slack_dm.yml'), 'deploy');
    const first = await cli(
      dir,
      'push',
      'slack_dm.yml',
      '--url',
      url,
      '--if-match',
      baseHash,
      '--yes',
      '--format',
      'json',
    );
    assert.equal(first.code, 0, first.stderr);
    const firstBody = JSON.parse(first.stdout);
    assert.equal(firstBody.entry_count, SEED_ENTRIES.length + 1);
    assert.equal(firstBody.backup_filename, null);

    addEntry(join(dir, 'slack_dm.yml'), 'rollback');
    const second = await cli(
      dir,
      'push',
      'slack_dm.yml',
      '--url',
      url,
      '--if-match',
      liveHashOf(first.stderr),
      '--yes',
      '--format',
      'json',
    );
    assert.equal(second.code, 0, second.stderr);
    const backupName = JSON.parse(second.stdout).backup_filename;
    assert.match(backupName, BACKUP_NAME);

    const backups = await cli(dir, 'backups', '--url', url, '--format', 'json');
    assert.equal(backups.code, 0);
    const listed = JSON.parse(backups.stdout);
    assert.deepEqual(Object.keys(listed).sort(), ['backups', 'rotation_keep']);
    assert.deepEqual(
      listed.backups.map((b: { filename: string }) => b.filename),
      [backupName],
    );
    assert.equal(listed.backups[0].entry_count, SEED_ENTRIES.length + 1);

    const reverted = await cli(dir, 'revert', '--url', url, '--to', backupName, '--yes', '--format', 'json');
    assert.equal(reverted.code, 0, reverted.stderr);
    assert.deepEqual(JSON.parse(reverted.stdout), {
      reverted_to: backupName,
      source_path: harness.daemon.store.overridePath,
    });
    assert.equal(liveHashOf(reverted.stderr), liveHashOf(first.stderr), 'live is the first push again');
  });

  it('push refuses with exit 3 and sends nothing when live changed since --if-match', async () => {
    const url = harness.daemon.url;
    const pulled = await cli(dir, 'pull', '--url', url, '-o', 'mine.yml');
    await harness.client.putPhrasebook([
      { pattern: '^x$', category: 'colleague', description: 'd', reply_template: 'r' },
    ]);
    addEntry(join(dir, 'mine.yml'), 'deploy');
    const putsBefore = requests(harness.daemon, 'PUT').length;
    const pushed = await cli(
      dir,
      'push',
      'mine.yml',
      '--url',
      url,
      '--if-match',
      liveHashOf(pulled.stderr),
      '--yes',
      '--format',
      'json',
    );
    assert.equal(pushed.code, 3);
    assert.equal(JSON.parse(pushed.stdout).error, 'conflict');
    assert.equal(requests(harness.daemon, 'PUT').length, putsBefore);
  });

  it('push exits 1 with the daemon-rule errors and sends nothing when a rule fails', async () => {
    writeFileSync(
      join(dir, 'bad.yml'),
      'entries:\n- pattern: (a+)+\n  category: c\n  description: d\n  reply_template: r\n',
    );
    const pushed = await cli(dir, 'push', 'bad.yml', '--url', harness.daemon.url, '--yes', '--format', 'json');
    assert.equal(pushed.code, 1);
    const body = JSON.parse(pushed.stdout);
    assert.equal(body.error, 'validation_failed');
    assert.equal(body.errors[0].field, 'pattern');
    assert.match(body.errors[0].error, /nested unbounded quantifier/);
    assert.equal(harness.daemon.requestLog.length, 0);
  });

  it('without --yes and without a terminal, push refuses (exit 2) and writes nothing', async () => {
    const url = harness.daemon.url;
    await cli(dir, 'pull', '--url', url, '-o', 'slack_dm.yml');
    addEntry(join(dir, 'slack_dm.yml'), 'deploy');
    const pushed = await cli(dir, 'push', 'slack_dm.yml', '--url', url);
    assert.equal(pushed.code, 2);
    assert.match(pushed.stderr, /not on a terminal/);
    assert.equal(requests(harness.daemon, 'PUT').length, 0);
  });

  it('push reports the reconciled outcome after a 500 that followed the write', async () => {
    const url = harness.daemon.url;
    await cli(dir, 'pull', '--url', url, '-o', 'slack_dm.yml');
    addEntry(join(dir, 'slack_dm.yml'), 'deploy');
    harness.daemon.addFault({ name: 'write_then_500', path: '/api/phrasebook/slack_dm' });
    const pushed = await cli(dir, 'push', 'slack_dm.yml', '--url', url, '--yes', '--format', 'json');
    assert.deepEqual(JSON.parse(pushed.stdout), { outcome: 'written' });
    assert.equal(pushed.code, 0);
  });

  it('without --yes and without a terminal, revert refuses (exit 2) like push and changes nothing', async () => {
    const url = harness.daemon.url;
    await cli(dir, 'pull', '--url', url, '-o', 'slack_dm.yml');
    addEntry(join(dir, 'slack_dm.yml'), 'deploy');
    assert.equal((await cli(dir, 'push', 'slack_dm.yml', '--url', url, '--yes')).code, 0);
    const reverted = await cli(dir, 'revert', '--url', url);
    assert.equal(reverted.code, 2);
    assert.match(
      reverted.stderr,
      /^kora-ops phrasebook revert: refusing to write without confirmation: not on a terminal/m,
    );
    assert.equal(requests(harness.daemon, 'POST', `${PHRASEBOOK_PATH}/revert`).length, 0);
  });

  it('revert reports the reconciled outcome after a 500 that followed the write, like push', async () => {
    const url = harness.daemon.url;
    await cli(dir, 'pull', '--url', url, '-o', 'slack_dm.yml');
    addEntry(join(dir, 'slack_dm.yml'), 'deploy');
    assert.equal((await cli(dir, 'push', 'slack_dm.yml', '--url', url, '--yes')).code, 0);
    harness.daemon.addFault({ name: 'write_then_500', path: `${PHRASEBOOK_PATH}/revert` });
    const reverted = await cli(dir, 'revert', '--url', url, '--yes', '--format', 'json');
    assert.deepEqual(JSON.parse(reverted.stdout), { outcome: 'written' });
    assert.match(reverted.stderr, /HTTP 500/);
    assert.match(reverted.stderr, LIVE_HASH_LINE, 'live was read again, and its hash printed');
    assert.equal(reverted.code, 0);
  });

  it('revert: 404 for an unknown backup is exit 1 with the daemon body', async () => {
    const reverted = await cli(
      dir,
      'revert',
      '--url',
      harness.daemon.url,
      '--to',
      'slack_dm.2099-01-01T00-00-00Z.yml',
      '--yes',
      '--format',
      'json',
    );
    assert.equal(reverted.code, 1);
    assert.equal(JSON.parse(reverted.stdout).error, 'backup_not_found');
  });

  it('test: daemon answer alone, and local vs daemon with --file', async () => {
    const url = harness.daemon.url;
    const alone = await cli(dir, 'test', 'hey', '--url', url, '--format', 'json');
    assert.equal(alone.code, 0, alone.stderr);
    const aloneBody = JSON.parse(alone.stdout);
    assert.deepEqual(Object.keys(aloneBody), ['daemon']);
    assert.equal(aloneBody.daemon.category, 'greeting');

    await cli(dir, 'pull', '--url', url, '-o', 'slack_dm.yml');
    const text = readFileSync(join(dir, 'slack_dm.yml'), 'utf8').replace(
      '^(hey|hi|hello|yo|sup)',
      '^(hi|hello|yo|sup)',
    );
    writeFileSync(join(dir, 'slack_dm.yml'), text);
    // Plumbing only: the deep ReDoS vetting has its own test below, with its own budget.
    const both = await cli(
      dir,
      'test',
      'hey',
      '--url',
      url,
      '--file',
      'slack_dm.yml',
      '--no-redos',
      '--format',
      'json',
    );
    const body = JSON.parse(both.stdout);
    assert.deepEqual(Object.keys(body), ['local', 'daemon']);
    assert.equal(body.daemon.matched, true);
    assert.equal(body.local.matched, false, 'the edited file no longer greets "hey"');
    const textOut = await cli(dir, 'test', 'hey', '--url', url, '--file', 'slack_dm.yml', '--no-redos');
    assert.match(textOut.stdout, /the file differs from the live phrasebook/);
  });

  it('test --file vets the file with the deep ReDoS analysis and never runs a catastrophic pattern', async function () {
    // The real worker: seconds of CPU per pattern, more on a loaded machine. The budget is the
    // test's, not mocha's default.
    this.timeout(300_000);
    writeFileSync(
      join(dir, 'hostile.yml'),
      [
        'entries:',
        "  - {pattern: '^(a|aa)+$', category: trap, description: exponential, reply_template: never}",
        "  - {pattern: '^hey', category: greeting, description: safe, reply_template: hi}",
        '',
      ].join('\n'),
    );
    // A message long enough for entry 0 to backtrack catastrophically: matching stops before it.
    const attack = `${'a'.repeat(40)}!`;
    const vetted = await cli(
      dir,
      'test',
      attack,
      '--url',
      harness.daemon.url,
      '--file',
      'hostile.yml',
      '--format',
      'json',
    );
    assert.equal(vetted.code, 0, vetted.stderr);
    const stopped = JSON.parse(vetted.stdout).local;
    assert.equal(stopped.skipped, true, JSON.stringify(stopped));
    assert.equal(stopped.skipped_entry_index, 0);
    // A message too short for that to matter runs the risky entry too, and gets its true answer.
    const short = JSON.parse(
      (await cli(dir, 'test', 'hey', '--url', harness.daemon.url, '--file', 'hostile.yml', '--format', 'json')).stdout,
    ).local;
    assert.equal(short.skipped, undefined, JSON.stringify(short));
    assert.equal(short.entry_index, 1);
  });

  it('connection errors exit 2', async () => {
    await harness.daemon.stop();
    const pulled = await cli(dir, 'pull', '--url', harness.daemon.url);
    assert.equal(pulled.code, 2);
    assert.match(pulled.stderr, /connection refused/);
  });

  it('round trip through the bundle: node dist/cli.js', async function () {
    // Six fresh Node processes: seconds each on a saturated machine, so the budget is the test's.
    this.timeout(180_000);
    assert.ok(existsSync(CLI_BUNDLE), `${CLI_BUNDLE} is missing: run "npm run build" first`);
    const exec = promisify(execFile);
    const url = harness.daemon.url;
    const node = (...args: string[]) => exec(process.execPath, [CLI_BUNDLE, 'phrasebook', ...args], { cwd: dir });
    const pulled = await node('pull', '--url', url, '-o', 'slack_dm.yml');
    addEntry(join(dir, 'slack_dm.yml'), 'deploy');
    const pushed = await node(
      'push',
      'slack_dm.yml',
      '--url',
      url,
      '--if-match',
      liveHashOf(pulled.stderr),
      '--yes',
      '--format',
      'json',
    );
    assert.equal(JSON.parse(pushed.stdout).entry_count, SEED_ENTRIES.length + 1);
    addEntry(join(dir, 'slack_dm.yml'), 'rollback');
    const again = await node('push', 'slack_dm.yml', '--url', url, '--yes', '--format', 'json');
    const backupName = JSON.parse(again.stdout).backup_filename;
    const backups = await node('backups', '--url', url, '--format', 'json');
    assert.equal(JSON.parse(backups.stdout).backups[0].filename, backupName);
    const reverted = await node('revert', '--url', url, '--yes', '--format', 'json');
    assert.equal(JSON.parse(reverted.stdout).reverted_to, backupName);
  });
});
