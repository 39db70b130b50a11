// `--python` on the CLI and the daemon-Python switch in the phrasebook core: the same file gets
// 3.11's, 3.12's or 3.13's verdicts, and the default is 3.13.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/main';
import { extractPythonOption } from '../../../src/cli/pythonOption';
import {
  createLintCache,
  daemonPythonVersion,
  lintPhrasebook,
  setDaemonPythonVersion,
  validateEntries,
} from '../../../src/core/phrasebook';

function captureIo(cwd: string): { io: CliIo; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  const stdin = new PassThrough();
  stdin.end('');
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      stdin,
      env: {},
      cwd,
    },
    stdout: () => out,
    stderr: () => err,
  };
}

const entry = (pattern: string) => ({ pattern, category: 'c', description: 'd', reply_template: 'r' });
const CONDITIONAL_PLUS = '(a)(?(+1)b)';
const yamlFor = (pattern: string) =>
  `entries:\n  - pattern: '${pattern}'\n    category: c\n    description: d\n    reply_template: r\n`;

describe("the daemon's Python version (--python, kora.pythonVersion)", () => {
  let directory: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'kora-python-'));
    writeFileSync(join(directory, 'plus.yml'), yamlFor(CONDITIONAL_PLUS));
    writeFileSync(join(directory, 'wide.yml'), yamlFor('\\UFFFFFFFF'));
  });
  after(() => {
    rmSync(directory, { recursive: true, force: true });
    setDaemonPythonVersion('3.13');
  });

  it('validates with 3.13 by default: (?(+1)b) is "bad character in group name"', async () => {
    const run = captureIo(directory);
    assert.equal(await runCli(['validate', 'plus.yml'], run.io), 1);
    assert.deepEqual(JSON.parse(run.stdout()), [
      { entry_index: 0, field: 'pattern', error: "invalid regex: bad character in group name '+1' at position 6" },
    ]);
  });

  it('--python 3.11 (anywhere, also as --python=3.11) accepts it, as CPython 3.11 does', async () => {
    for (const argv of [
      ['--python', '3.11', 'validate', 'plus.yml'],
      ['validate', 'plus.yml', '--python=3.11'],
    ]) {
      const run = captureIo(directory);
      assert.equal(await runCli(argv, run.io), 0, run.stderr());
      assert.equal(run.stdout(), '[]\n');
    }
  });

  it('a later run without --python is back on 3.13 (no state leaks between runs)', async () => {
    await runCli(['--python', '3.11', 'validate', 'plus.yml'], captureIo(directory).io);
    const run = captureIo(directory);
    assert.equal(await runCli(['validate', 'wide.yml'], run.io), 1);
    assert.match(run.stdout(), /invalid regex: bad escape \\\\UFFFFFFFF at position 0/);
    assert.equal(daemonPythonVersion(), '3.13');
  });

  it('--python 3.12 predicts the HTTP 500 of \\UFFFFFFFF (OverflowError), 3.13 a 422', async () => {
    const run = captureIo(directory);
    await runCli(['validate', '--python', '3.12', 'wide.yml'], run.io);
    assert.match(run.stdout(), /OverflowError/);
  });

  it('refuses an unknown or missing version with a usage error (exit 2)', async () => {
    for (const argv of [
      ['--python', '3.9', 'validate', 'plus.yml'],
      ['validate', 'plus.yml', '--python'],
    ]) {
      const run = captureIo(directory);
      assert.equal(await runCli(argv, run.io), 2);
      assert.match(run.stderr(), /--python (must be one of 3\.11, 3\.12, 3\.13, not "3\.9"|needs a version)/);
    }
  });

  it('leaves arguments after -- alone', () => {
    assert.deepEqual(extractPythonOption(['test', '--', '--python', '3.11']), {
      argv: ['test', '--', '--python', '3.11'],
      version: undefined,
    });
  });

  it('the lint cache re-checks entries when the version changes', () => {
    const text = yamlFor(CONDITIONAL_PLUS);
    const cache = createLintCache();
    const codes = () => lintPhrasebook(text, { cache }).findings.map((finding) => finding.code);
    setDaemonPythonVersion('3.11');
    assert.ok(!codes().includes('daemon/invalid-regex'));
    setDaemonPythonVersion('3.12');
    assert.ok(codes().includes('daemon/invalid-regex'));
    assert.deepEqual(validateEntries([entry('(?t)a')]), []);
    setDaemonPythonVersion('3.13');
    assert.equal(validateEntries([entry('(?t)a')])[0].error, 'invalid regex: unknown extension ?t at position 1');
  });
});
