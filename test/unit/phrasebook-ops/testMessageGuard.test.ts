// Test Message never runs a pattern that can backtrack catastrophically: the real deep analyzer
// (recheck in its worker) vets every pattern first, and matching stops before such an entry.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  compareTestResults,
  guardedLocalTestResult,
  localTestResult,
  renderTestResult,
  stallingComplexity,
  type LocalTestResult,
} from '../../../src/core/phrasebook/ops/testMessage';
import * as pythonRegex from '../../../src/core/phrasebook/pythonRegex';
import { DeepRedosAnalyzer } from '../../../src/core/redos/deep';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { redosWorkerPath } from '../redos/workerBundle';
import { entry, startHarness, yamlOf, type Harness } from './fixtures';

const CLI_BUNDLE = resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
/** Exponential: the daemon's own heuristic does not flag it. */
const EXPONENTIAL_PATTERN = '^(a|aa)+$';
const CUBIC_PATTERN = String.raw`^\d+\d+\d+x`;
const QUADRATIC_PATTERN = '^a*a*$';
const ATTACK_MESSAGE = `${'a'.repeat(40)}!`;
/** A generous budget: the verdicts must not turn inconclusive because the machine is busy. */
const VERDICT_BUDGET_MS = 20_000;
/** A stalled CLI fails the test instead of hanging the run. */
const CLI_TIMEOUT_MS = 50_000;

const now = new Date('2026-05-23T10:00:00Z');
const snapshot = {
  computed_at: '2026-05-23T09:58:00Z',
  operational_state: { primary: 'ready', paused: false },
  alerts: { active_count: 2 },
};

type MatchPattern = typeof pythonRegex.matchDaemonPattern;

/** Records every pattern the local matcher executes (the module's export is what match.ts calls). */
function spyOnMatching(): { executed: string[]; restore(): void } {
  const regexModule = pythonRegex as { matchDaemonPattern: MatchPattern };
  const original = regexModule.matchDaemonPattern;
  const executed: string[] = [];
  regexModule.matchDaemonPattern = (compiled, text) => {
    executed.push(compiled.source);
    return original(compiled, text);
  };
  return { executed, restore: () => void (regexModule.matchDaemonPattern = original) };
}

function assertSkipped(result: LocalTestResult): Extract<LocalTestResult, { skipped: true }> {
  assert.ok('skipped' in result, `expected a skipped outcome, got ${JSON.stringify(result)}`);
  return result;
}

describe('test a message: patterns that can stall are not run locally', function () {
  this.timeout(60_000); // the first analysis loads the worker bundle; the machine is shared
  let analyzer: DeepRedosAnalyzer;
  let spy: ReturnType<typeof spyOnMatching>;

  before(async () => {
    analyzer = new DeepRedosAnalyzer({ workerPath: await redosWorkerPath(), timeBudgetMs: VERDICT_BUDGET_MS });
  });
  after(() => analyzer.dispose());
  beforeEach(() => (spy = spyOnMatching()));
  afterEach(() => spy.restore());

  it('stops before an exponential pattern and runs neither it nor the entries after it', async () => {
    // The second entry would match: a result other than "skipped" would mean it ran.
    const file = [entry('as', EXPONENTIAL_PATTERN), entry('bang', '^a+!$')];
    const result = assertSkipped(await guardedLocalTestResult(file, ATTACK_MESSAGE, snapshot, now, analyzer));
    assert.equal(result.matched, false);
    assert.equal(result.skipped_entry_index, 0);
    assert.match(result.reason, /^entry 0's pattern can backtrack catastrophically \(exponential\); not run locally/);
    assert.deepEqual(spy.executed, []);
  });

  it('answers from an entry before the stalling one, and runs only the entries it reached', async () => {
    const file = [entry('bang', '^a+!$'), entry('cubic', CUBIC_PATTERN), entry('b', '^b')];
    const answered = await guardedLocalTestResult(file, ATTACK_MESSAGE, snapshot, now, analyzer);
    assert.equal(answered.matched && answered.category, 'bang');
    // 200³ steps are too many; the entry is named with its category and pattern.
    const stopped = assertSkipped(await guardedLocalTestResult(file, 'b'.repeat(200), snapshot, now, analyzer));
    assert.equal(stopped.skipped_entry_index, 1);
    assert.match(stopped.reason, /\(polynomial, degree 3\)/);
    assert.match(
      stopped.reason,
      /entry 1 is "cubic" with pattern ".*", too slow to try on a message of 200 characters$/,
    );
    assert.doesNotMatch(stopped.reason, /daemon would also stall/);
    assert.deepEqual(spy.executed, ['^a+!$', '^a+!$']);
  });

  it('runs even an exponential pattern on a message too short to stall it, and answers from later entries', async () => {
    const file = [entry('as', EXPONENTIAL_PATTERN), entry('greeting', '^hello')];
    const answered = await guardedLocalTestResult(file, 'hello', snapshot, now, analyzer);
    assert.equal(answered.matched && answered.category, 'greeting');
    assert.equal(spy.executed.length, 2, 'both entries ran');
    assert.equal(spy.executed[1], '^hello');
  });

  it('runs quadratic patterns and matches a safe phrasebook exactly as before', async () => {
    const quadratic = await guardedLocalTestResult([entry('as', QUADRATIC_PATTERN)], 'aaaa', snapshot, now, analyzer);
    assert.equal(quadratic.matched && quadratic.category, 'as');
    for (const message of ['hey', '  status  ', 'walk me through the migration', '']) {
      const guarded = await guardedLocalTestResult(SEED_ENTRIES, message, snapshot, now, analyzer);
      assert.deepEqual(guarded, localTestResult(SEED_ENTRIES, message, snapshot, now), message);
    }
  });

  it('reports the skip as the reason the answers cannot be compared, and renders it', async () => {
    const local = await guardedLocalTestResult(
      [entry('as', EXPONENTIAL_PATTERN)],
      ATTACK_MESSAGE,
      snapshot,
      now,
      analyzer,
    );
    const reason = assertSkipped(local).reason;
    const daemon = { matched: false as const, would_fall_through_to_reasoning_engine: true as const };
    const comparison = compareTestResults(local, daemon, { fileEntries: SEED_ENTRIES, liveEntries: SEED_ENTRIES });
    assert.deepEqual(comparison, {
      same: false,
      differences: ['answer: unknown locally (stopped before entry 0), no match on the daemon'],
      causes: [reason],
    });
    const rendered = renderTestResult('Local', ATTACK_MESSAGE, { local }).split('\n');
    assert.deepEqual(rendered.slice(3, 5), ['Answer: not evaluated locally', `Why: ${reason}`]);
  });
});

describe('test a message: which verdicts stop local matching', () => {
  const attackString = 'aaa!';
  it('stops on exponential and on polynomial of degree 3 or more; proceeds otherwise', () => {
    assert.equal(stallingComplexity({ status: 'vulnerable', complexity: 'exponential', attackString }), 'exponential');
    assert.equal(
      stallingComplexity({ status: 'vulnerable', complexity: 'polynomial', degree: 4, attackString }),
      'polynomial, degree 4',
    );
    assert.equal(
      stallingComplexity({ status: 'vulnerable', complexity: 'polynomial', degree: 2, attackString }),
      undefined,
    );
    assert.equal(stallingComplexity({ status: 'safe' }), undefined);
    assert.equal(stallingComplexity({ status: 'inconclusive', reason: 'time budget exceeded' }), undefined);
    assert.equal(stallingComplexity({ status: 'unsupported', reason: 'backreference' }), undefined);
  });

  it('judges by the message length when it is known: 2ⁿ or nᵈ steps within a million run', () => {
    const exponential = { status: 'vulnerable' as const, complexity: 'exponential' as const, attackString };
    assert.equal(stallingComplexity(exponential, 5), undefined, '"hello"');
    assert.equal(stallingComplexity(exponential, 19), undefined);
    assert.equal(stallingComplexity(exponential, 20), 'exponential');
    const cubic = { status: 'vulnerable' as const, complexity: 'polynomial' as const, degree: 3, attackString };
    assert.equal(stallingComplexity(cubic, 100), undefined);
    assert.equal(stallingComplexity(cubic, 101), 'polynomial, degree 3');
  });
});

describe('kora-ops phrasebook test --file: the skip (bundled CLI)', function () {
  this.timeout(60_000);
  let harness: Harness;
  let dir: string;
  beforeEach(async () => {
    harness = await startHarness();
    dir = mkdtempSync(join(tmpdir(), 'kora-guard-'));
  });
  afterEach(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the skipped local outcome next to the daemon answer', async () => {
    assert.ok(existsSync(CLI_BUNDLE), `${CLI_BUNDLE} is missing: run "node esbuild.mjs" first`);
    writeFileSync(
      join(dir, 'slack_dm.yml'),
      yamlOf([entry('as', EXPONENTIAL_PATTERN), ...SEED_ENTRIES.map((item) => ({ ...item }))]),
    );
    const argv = [
      CLI_BUNDLE,
      'phrasebook',
      'test',
      ATTACK_MESSAGE,
      '--url',
      harness.daemon.url,
      '--file',
      'slack_dm.yml',
      '--format',
      'json',
    ];
    const { stdout } = await promisify(execFile)(process.execPath, argv, { cwd: dir, timeout: CLI_TIMEOUT_MS });
    const body = JSON.parse(stdout);
    assert.deepEqual(Object.keys(body), ['local', 'daemon']);
    assert.equal(body.local.matched, false);
    assert.equal(body.local.skipped, true);
    assert.equal(body.local.skipped_entry_index, 0);
    assert.match(body.local.reason, /catastrophically \(exponential\)/);
    assert.equal(body.daemon.matched, false);
  });
});
