// Security checks, unit layer: size and shape limits give one clear finding, fast, and never the
// false per-entry findings that incomplete (capped) values would produce.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/args';
import { MAX_PHRASEBOOK_FILE_BYTES } from '../../../src/core/phrasebook/lint/inputGuard';
import { FINDING_CODES } from '../../../src/core/phrasebook/lint/registry';
import { lintPhrasebook } from '../../../src/core/phrasebook/lint/lint';
import { readPushableFile } from '../../../src/core/phrasebook/ops/daemonFindings';

const FIFTY_MB = 50 * 1024 * 1024;
const VALID_ENTRY = '  - pattern: ^ok$\n    category: ok\n    description: Fine\n    reply_template: Fine.\n';

async function cli(cwd: string, args: string[], stdinText?: string): Promise<{ code: number; out: string }> {
  let out = '';
  const stdin = new PassThrough();
  stdin.end(stdinText ?? '');
  const io: CliIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (out += t) },
    stdin,
    env: {},
    cwd,
  };
  return { code: await runCli(args, io), out };
}

describe('security (unit): size limits are one clear finding, not a stalled process', function () {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kora-limits-'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lint refuses a 50 MB YAML by its size with one error, without reading it', async function () {
    // Unread, the file's content does not matter: a sparse 50 MB file is enough (and cheap).
    this.timeout(10_000);
    const file = join(dir, 'huge.yml');
    writeFileSync(file, '');
    truncateSync(file, FIFTY_MB);
    const run = await cli(dir, ['lint', 'huge.yml', '--no-redos', '--format', 'json']);
    const [result] = JSON.parse(run.out) as Array<{
      diagnostics: Array<{ code: string; severity: string; message: string }>;
    }>;
    assert.equal(result.diagnostics.length, 1, run.out);
    assert.equal(result.diagnostics[0].code, FINDING_CODES.tooLarge);
    assert.equal(result.diagnostics[0].severity, 'error');
    assert.match(result.diagnostics[0].message, /50\.0 MB is over the 8 MB limit/);
    assert.equal(run.code, 1);
  });

  const nowhere = ['--url', 'http://127.0.0.1:9'];
  for (const command of [
    ['validate', 'huge.yml'],
    ['phrasebook', 'push', 'huge.yml', '--yes', ...nowhere],
    ['phrasebook', 'test', 'hi', '--file', 'huge.yml', ...nowhere],
  ]) {
    it(`${command.slice(0, 2).join(' ')} refuses a file over the limit with a sentence, sending nothing`, async function () {
      this.timeout(10_000);
      const run = await cli(dir, command);
      assert.equal(run.code, 2, run.out);
      assert.match(run.out, /over the 8 MB limit for a phrasebook file/);
    });
  }

  it('validate --stdin stops reading past the limit', async function () {
    this.timeout(10_000);
    const run = await cli(dir, ['validate', '--stdin'], 'x'.repeat(MAX_PHRASEBOOK_FILE_BYTES + 1));
    assert.equal(run.code, 2, run.out.slice(0, 500));
    assert.match(run.out, /standard input: Phrasebook not read/);
  });

  it('more than 100,000 YAML values: one too-complex error, no false "required field" findings', function () {
    this.timeout(60_000);
    const big = `entries:\n  - pattern: ^a$\n    category: a\n    description: A\n    reply_template: A.\n    extra: [${'0,'.repeat(100_001)}0]\n${VALID_ENTRY}`;
    const { findings } = lintPhrasebook(big);
    assert.deepEqual(
      findings.map((f) => f.code),
      [FINDING_CODES.tooComplex],
      JSON.stringify(findings.slice(0, 3)),
    );
    assert.match(findings[0].message, /more than 100,000 YAML values/);
    const pushable = readPushableFile(big);
    assert.deepEqual(
      pushable.blocking.map((f) => f.code),
      [FINDING_CODES.tooComplex],
      'a push is refused for the same reason',
    );
  });

  it('YAML nested deeper than the cap: one too-complex error', () => {
    const deep = `entries:\n  - pattern: ^a$\n    category: a\n    description: A\n    reply_template: A.\n    extra: ${'['.repeat(250)}${']'.repeat(250)}\n${VALID_ENTRY}`;
    const { findings } = lintPhrasebook(deep);
    assert.deepEqual(
      findings.map((f) => f.code),
      [FINDING_CODES.tooComplex],
      JSON.stringify(findings.slice(0, 3)),
    );
    assert.match(findings[0].message, /nested deeper than 200 levels/);
  });
});
