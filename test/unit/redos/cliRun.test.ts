// `kora-ops lint` and the deep analysis as a whole: the verdict cache folder makes a second run
// answer without a checker, and the run's total ReDoS budget ends a lint of hostile patterns on time.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/main';
import { CACHE_DIR_ENV } from '../../../src/cli/redosAnalyzer';
import { CACHE_FILE_NAME } from '../../../src/core/redos/verdictStore';

function captureIo(cwd: string, env: Record<string, string>) {
  let out = '';
  let err = '';
  const stdin = new PassThrough();
  stdin.end('');
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin,
    env,
    cwd,
  };
  return { io, stdout: () => out, stderr: () => err };
}

function phrasebook(patterns: string[]): string {
  const entries = patterns.map(
    (pattern, i) =>
      `  - pattern: ${JSON.stringify(pattern)}\n    category: c${i}\n    description: d\n    reply_template: r\n`,
  );
  return `entries:\n${entries.join('')}`;
}

function codes(stdout: string): string[] {
  return JSON.parse(stdout)[0].diagnostics.map((d: { code: string }) => d.code);
}

describe('redos/CLI run: verdict cache and run budget', function () {
  this.timeout(180_000); // real checkers on a shared machine; the assertions do not depend on speed
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'kora-redos-cli-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps verdicts in the cache folder, and a second run reuses them', async () => {
    const cacheDirectory = join(directory, 'cache');
    writeFileSync(join(directory, 'p.yml'), phrasebook(['^((a+))+$', '^(\\w+)\\s*\\s*!$']));
    const first = captureIo(directory, { [CACHE_DIR_ENV]: cacheDirectory });
    assert.equal(await runCli(['lint', '--format', 'json', '--redos-pattern-budget', '60000', 'p.yml'], first.io), 1);
    assert.ok(existsSync(join(cacheDirectory, CACHE_FILE_NAME)), first.stderr());
    // A per-pattern budget of 1 ms would make any checker run inconclusive: equal verdicts prove the cache.
    const second = captureIo(directory, { [CACHE_DIR_ENV]: cacheDirectory });
    assert.equal(await runCli(['lint', '--format', 'json', '--redos-pattern-budget', '1', 'p.yml'], second.io), 1);
    assert.deepEqual(codes(second.stdout()), codes(first.stdout()));
    assert.deepEqual(codes(second.stdout()), ['redos/exponential', 'redos/polynomial']);
  });

  it('writes nothing with --no-redos-cache', async () => {
    const cacheDirectory = join(directory, 'cache');
    writeFileSync(join(directory, 'p.yml'), phrasebook(['^((a+))+$']));
    const run = captureIo(directory, { [CACHE_DIR_ENV]: cacheDirectory });
    assert.equal(await runCli(['lint', '--no-redos-cache', '--format', 'json', 'p.yml'], run.io), 1);
    assert.equal(existsSync(cacheDirectory), false);
  });

  it('ends a lint of 200 hostile patterns within its budget, the rest inconclusive, said once', async () => {
    // Backreferences send recheck to its fuzzing checker, which takes seconds per pattern.
    const hostile = Array.from({ length: 200 }, (_, i) => `^(a+)\\1+(b+)\\2+(c+)\\3+x{${i + 1}}$`);
    writeFileSync(join(directory, 'hostile.yml'), phrasebook(hostile));
    const run = captureIo(directory, { [CACHE_DIR_ENV]: join(directory, 'cache') });
    const budgetMs = 2000;
    const started = Date.now();
    await runCli(
      [
        'lint',
        '--format',
        'sarif',
        '--redos-budget',
        String(budgetMs),
        '--redos-pattern-budget',
        '60000',
        'hostile.yml',
      ],
      run.io,
    );
    const elapsedMs = Date.now() - started;
    // Without the run budget this takes minutes; with it, the budget plus stopping the checkers.
    assert.ok(elapsedMs < budgetMs + 30_000, `took ${elapsedMs} ms`);
    const results = JSON.parse(run.stdout()).runs[0].results as Array<{ ruleId: string; message: { text: string } }>;
    const skipped = results.filter(
      (r) => r.ruleId === 'redos/inconclusive' && r.message.text.includes('budget of 2000 ms was used up'),
    );
    assert.ok(skipped.length >= 150, `${skipped.length} skipped`);
    const notes = run
      .stderr()
      .split('\n')
      .filter((line) => line.includes('budget'));
    assert.equal(notes.length, 1, run.stderr());
    assert.match(notes[0], new RegExp(`${skipped.length} pattern\\(s\\) reported redos/inconclusive`));
  });
});
