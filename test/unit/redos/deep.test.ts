// DeepRedosAnalyzer with the real bundled worker and recheck's pure-JavaScript checker.
import { strict as assert } from 'node:assert';
import { DeepRedosAnalyzer } from '../../../src/core/redos/deep';
import { MAX_ANALYSED_GROUP_DEPTH, MAX_ANALYSED_PATTERN_LENGTH } from '../../../src/core/redos/limits';
import type { RedosVerdict } from '../../../src/core/redos/verdict';
import { settle, spyOnUnhandled, type UnhandledSpy } from '../../support/unhandled';
import { FORBIDDEN_EXIT_CODE, WORKER_UNDER_TEST_ENV } from './fixtures/constants';
import { NO_SPAWN_WORKER_PATH, redosWorkerPath } from './workerBundle';

/** The contract's seed phrasebook (§5.4), as translated to JavaScript (IGNORECASE → `i`, `u`). */
const SEED_PATTERNS = [
  String.raw`^(hey|hi|hello|yo|sup)[\s!.]*$`,
  String.raw`^(thanks|thx|ty|tysm|thank you|appreciate it|appreciate that)[\s.!]*$`,
  String.raw`^(ack|acknowledged|got it|k|ok|okay|kk|sounds good|cool)[\s.!]*$`,
  String.raw`^(burn|cost|spend|how ?much|what'?s? my burn|what'?s? the burn|whats the spend)[\s.?!]*$`,
  String.raw`^(status|state|how ?are (you|things)|how'?s? it going|whats up|what'?s? up)[\s.?!]*$`,
  String.raw`^(any alerts|alerts|what'?s? alerting|what'?s? firing|whats firing)[\s.?!]*$`,
  String.raw`^(health|service health|services?|service status)[\s.?!]*$`,
  String.raw`^(are you paused|paused\?|you paused\??|are you stopped|stopped\??)[\s.?!]*$`,
];
const SEED_FLAGS = 'iu';
const VERDICT_BUDGET_MS = 20_000;

function assertVulnerable(verdict: RedosVerdict): Extract<RedosVerdict, { status: 'vulnerable' }> {
  assert.equal(verdict.status, 'vulnerable', JSON.stringify(verdict));
  return verdict as Extract<RedosVerdict, { status: 'vulnerable' }>;
}

describe('redos/deep: DeepRedosAnalyzer with recheck', function () {
  this.timeout(60_000); // the first analysis loads the 3 MB worker bundle; the machine is shared
  let workerPath: string;
  let analyzer: DeepRedosAnalyzer;
  let unhandled: UnhandledSpy;

  before(async () => {
    workerPath = await redosWorkerPath();
    // A generous budget: these tests check verdicts, which must not depend on how busy CI is.
    analyzer = new DeepRedosAnalyzer({ workerPath, timeBudgetMs: VERDICT_BUDGET_MS });
    unhandled = spyOnUnhandled();
  });

  after(async () => {
    analyzer.dispose();
    await settle();
    unhandled.stop();
    assert.deepEqual(unhandled.reasons, []);
  });

  it('uses the pure-JavaScript checker: no native binary, no Java, no nested worker', async () => {
    process.env[WORKER_UNDER_TEST_ENV] = workerPath; // read by the guard when its worker starts
    const guarded = new DeepRedosAnalyzer({ workerPath: NO_SPAWN_WORKER_PATH, timeBudgetMs: VERDICT_BUDGET_MS });
    try {
      const verdict = await guarded.analyze('^(a|a)*$', '');
      assert.equal(
        verdict.status,
        'vulnerable',
        `${JSON.stringify(verdict)} (exit code ${FORBIDDEN_EXIT_CODE} = spawn attempt)`,
      );
    } finally {
      guarded.dispose();
      delete process.env[WORKER_UNDER_TEST_ENV];
    }
  });

  describe('exponential patterns', () => {
    for (const source of ['^(a+)+$', '^(a|a)*$', '^(a|aa)+$']) {
      it(`${source} is exponential, with an attack of a's and one failing character`, async () => {
        const verdict = assertVulnerable(await analyzer.analyze(source, ''));
        assert.equal(verdict.complexity, 'exponential');
        assert.equal(verdict.degree, undefined);
        // The attack pumps "a" and ends in a character that makes the whole match fail, which is
        // what forces the regex engine through every way of splitting the a's.
        assert.match(verdict.attackString, /^a{8,}[^a]$/);
        // Never run the full attack here: it would hang this thread, which is the whole point.
        // A 12-pump version shows the final character really makes the match fail.
        const failingCharacter = verdict.attackString.slice(-1);
        assert.equal(new RegExp(source).test('a'.repeat(12) + failingCharacter), false);
        assert.equal(new RegExp(source).test('a'.repeat(12)), true);
      });
    }
  });

  describe('polynomial patterns', () => {
    it(String.raw`^\s*a*\s*$ is quadratic; its long attack is described by its repeat structure`, async () => {
      const verdict = assertVulnerable(await analyzer.analyze(String.raw`^\s*a*\s*$`, 'u'));
      assert.equal(verdict.complexity, 'polynomial');
      assert.equal(verdict.degree, 2);
      assert.ok(verdict.attackString.length <= 200, verdict.attackString);
      assert.match(verdict.attackString, /^"\\t" \* \d+ \+ "\\x00"$/); // Python, as for re.match
    });

    it('^.*a.*a.*b is cubic', async () => {
      const verdict = assertVulnerable(await analyzer.analyze('^.*a.*a.*b', ''));
      assert.equal(verdict.complexity, 'polynomial');
      assert.equal(verdict.degree, 3);
      assert.match(verdict.attackString, /"a" \* \d+/);
    });
  });

  describe('the seed phrasebook', () => {
    for (const source of SEED_PATTERNS) {
      it(`${source} is safe`, async () => {
        assert.deepEqual(await analyzer.analyze(source, SEED_FLAGS), { status: 'safe' });
      });
    }
  });

  describe('cache', () => {
    it('answers a repeated pattern from the cache', async () => {
      const source = String.raw`^(ping|pong)[\s!.]*$`;
      const before = analyzer.stats();
      const first = await analyzer.analyze(source, SEED_FLAGS);
      const second = await analyzer.analyze(source, SEED_FLAGS);
      assert.deepEqual(second, first);
      const after = analyzer.stats();
      assert.equal(after.analyses - before.analyses, 1);
      assert.equal(after.cacheHits - before.cacheHits, 1);
    });

    it('joins an identical analysis already in progress instead of queueing it twice', async () => {
      const source = String.raw`^(pinged|ponged)[\s!.]*$`;
      const before = analyzer.stats();
      const [first, second] = await Promise.all([analyzer.analyze(source, 'i'), analyzer.analyze(source, 'i')]);
      assert.deepEqual(second, first);
      assert.equal(analyzer.stats().analyses - before.analyses, 1);
    });

    it('treats other flags as another pattern', async () => {
      const before = analyzer.stats();
      await analyzer.analyze('^(a+)+$', 'i');
      assert.equal(analyzer.stats().analyses - before.analyses, 1);
    });
  });

  describe('limits', () => {
    it("reports recheck's own timeout as inconclusive when the budget is tiny", async () => {
      const tight = new DeepRedosAnalyzer({ workerPath, timeBudgetMs: 20 });
      try {
        const verdict = await tight.analyze('^(a{1,1000}){1,1000}$', '');
        assert.deepEqual(verdict, { status: 'inconclusive', reason: 'analysis exceeded its time budget of 20 ms' });
      } finally {
        tight.dispose();
      }
    });

    it('answers a 1 MB pattern as inconclusive without involving the worker', async () => {
      // A worker path that does not exist: any verdict other than the size guard's would say so.
      const guarded = new DeepRedosAnalyzer({ workerPath: '/nonexistent/redosWorker.js' });
      const verdict = await guarded.analyze('a'.repeat(1024 * 1024), '');
      guarded.dispose();
      assert.equal(verdict.status, 'inconclusive');
      assert.match((verdict as { reason: string }).reason, /too long .*1048576 characters, limit 20000/);
      assert.ok(MAX_ANALYSED_PATTERN_LENGTH < 1024 * 1024);
    });

    it('answers 10,000 nested groups as inconclusive without involving the worker', async () => {
      const guarded = new DeepRedosAnalyzer({ workerPath: '/nonexistent/redosWorker.js' });
      const verdicts = await Promise.all([
        guarded.analyze('('.repeat(10_000) + 'a' + ')'.repeat(10_000), ''), // also over the length limit
        guarded.analyze('('.repeat(5_000) + 'a' + ')'.repeat(5_000), ''),
      ]);
      guarded.dispose();
      assert.equal(verdicts[0].status, 'inconclusive');
      assert.deepEqual(verdicts[1], {
        status: 'inconclusive',
        reason: 'pattern nests groups too deeply for deep analysis (depth 5000, limit 100)',
      });
    });

    it('analyses patterns nested as deep as the guard allows without overflowing the worker stack', async () => {
      const depth = MAX_ANALYSED_GROUP_DEPTH;
      const verdict = await analyzer.analyze('('.repeat(depth) + 'a|b' + ')+'.repeat(depth), 'u');
      assert.ok(verdict.status === 'safe' || verdict.status === 'vulnerable', JSON.stringify(verdict));
    });

    it('reports a construct recheck cannot parse as unsupported', async () => {
      // The `v` flag (ES2024) is valid JavaScript that recheck 4.5 does not know.
      const verdict = await analyzer.analyze('^[a--b]$', 'v');
      assert.equal(verdict.status, 'unsupported', JSON.stringify(verdict));
    });
  });

  describe('dispose', () => {
    it('resolves pending analyses as inconclusive and refuses new ones, without unhandled rejections', async () => {
      const local = new DeepRedosAnalyzer({ workerPath });
      const pending = [local.analyze('^(x+)+y$', ''), local.analyze('^(z|zz)+$', '')];
      local.dispose();
      local.dispose(); // idempotent
      const verdicts = await Promise.all(pending);
      const disposed = { status: 'inconclusive', reason: 'analysis cancelled: the analyzer was disposed' };
      assert.deepEqual(verdicts, [disposed, disposed]);
      assert.deepEqual(await local.analyze('^a$', ''), disposed);
    });
  });
});
