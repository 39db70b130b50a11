// DeepRedosAnalyzer's worker supervision (watchdog, crashes, queueing), driven by a fake worker
// that hangs or crashes on demand, so these tests do not depend on recheck's speed.
import { strict as assert } from 'node:assert';
import { DeepRedosAnalyzer } from '../../../src/core/redos/deep';
import type { RedosVerdict } from '../../../src/core/redos/verdict';
import { CRASH, HANG, THROW, needsChecker } from './fixtures/constants';
import { settle, spyOnUnhandled, type UnhandledSpy } from '../../support/unhandled';
import { FAKE_WORKER_PATH } from './workerBundle';

/** The fake worker answers `unsupported` with "thread <id>": which worker thread served a request. */
function servingThread(verdict: RedosVerdict): string {
  assert.equal(verdict.status, 'unsupported', JSON.stringify(verdict));
  return (verdict as { reason: string }).reason;
}

describe('redos/deep: worker supervision', function () {
  this.timeout(20_000);
  let unhandled: UnhandledSpy;
  const analyzers: DeepRedosAnalyzer[] = [];

  function newAnalyzer(timeBudgetMs = 100, workerPath = FAKE_WORKER_PATH, poolSize = 1): DeepRedosAnalyzer {
    const analyzer = new DeepRedosAnalyzer({ workerPath, timeBudgetMs, poolSize });
    analyzers.push(analyzer);
    return analyzer;
  }

  beforeEach(() => {
    unhandled = spyOnUnhandled();
  });

  afterEach(async () => {
    for (const analyzer of analyzers.splice(0)) analyzer.dispose();
    await settle();
    unhandled.stop();
    assert.deepEqual(unhandled.reasons, []);
  });

  it('starts no worker until the first analysis and serves requests from one worker', async () => {
    const analyzer = newAnalyzer();
    assert.deepEqual(analyzer.stats(), {
      analyses: 0,
      cacheHits: 0,
      prepassSafe: 0,
      judgedByTail: 0,
      storeHits: 0,
      checked: 0,
    });
    const threads = await Promise.all(
      ['a', 'b', 'c'].map(async (source) => servingThread(await analyzer.analyze(needsChecker(source), ''))),
    );
    assert.equal(new Set(threads).size, 1, threads.join(', '));
  });

  it('terminates a stuck worker at the watchdog, answers inconclusive, and uses a fresh worker next', async () => {
    const analyzer = newAnalyzer(100);
    const before = servingThread(await analyzer.analyze(needsChecker('warm-up'), '')); // past the startup allowance
    const stuck = await analyzer.analyze(HANG, '');
    assert.deepEqual(stuck, { status: 'inconclusive', reason: 'analysis exceeded its time budget of 100 ms' });
    const after = servingThread(await analyzer.analyze(needsChecker('next'), ''));
    assert.notEqual(after, before);
  });

  it('caches a watchdog verdict, so the same runaway pattern does not stall again', async () => {
    const analyzer = newAnalyzer(100);
    await analyzer.analyze(needsChecker('warm-up'), '');
    await analyzer.analyze(HANG, '');
    const statsBefore = analyzer.stats();
    const again = await analyzer.analyze(HANG, '');
    assert.equal(again.status, 'inconclusive');
    assert.equal(analyzer.stats().cacheHits, statsBefore.cacheHits + 1);
  });

  it('keeps serving the queue behind a stuck request', async () => {
    const analyzer = newAnalyzer(100);
    await analyzer.analyze(needsChecker('warm-up'), '');
    const [stuck, queued] = await Promise.all([
      analyzer.analyze(HANG, ''),
      analyzer.analyze(needsChecker('queued'), ''),
    ]);
    assert.equal(stuck.status, 'inconclusive');
    assert.equal(queued.status, 'unsupported');
  });

  for (const [label, source] of [
    ['exits', CRASH],
    ['throws', THROW],
  ] as const) {
    it(`answers inconclusive when the worker ${label}, does not cache it, and recovers`, async () => {
      const analyzer = newAnalyzer();
      const failed = await analyzer.analyze(source, '');
      assert.equal(failed.status, 'inconclusive');
      assert.match((failed as { reason: string }).reason, /^the analysis worker stopped: /);
      servingThread(await analyzer.analyze(needsChecker('after'), ''));
      await analyzer.analyze(source, '');
      assert.equal(analyzer.stats().cacheHits, 0);
    });
  }

  it('answers inconclusive when the worker file is missing', async () => {
    const analyzer = newAnalyzer(100, '/nonexistent/redosWorker.js');
    const verdict = await analyzer.analyze(needsChecker('^a$'), '');
    assert.equal(verdict.status, 'inconclusive');
    assert.match((verdict as { reason: string }).reason, /worker/);
  });

  it('dispose during a stuck analysis resolves it and leaves nothing unhandled', async () => {
    const analyzer = newAnalyzer(5_000);
    const stuck = analyzer.analyze(HANG, '');
    await settle(100);
    analyzer.dispose();
    assert.deepEqual(await stuck, { status: 'inconclusive', reason: 'analysis cancelled: the analyzer was disposed' });
  });

  it('runs up to poolSize workers at once', async () => {
    const analyzer = newAnalyzer(5_000, FAKE_WORKER_PATH, 2);
    const stuck = analyzer.analyze(HANG, '');
    // One worker hangs; the second lane still answers, from another thread.
    const answered = servingThread(await analyzer.analyze(needsChecker('free'), ''));
    assert.match(answered, /^thread \d+$/);
    analyzer.dispose();
    assert.equal((await stuck).status, 'inconclusive');
  });

  it('keeps to one worker while the running checks are quick, even with more lanes allowed', async () => {
    const analyzer = new DeepRedosAnalyzer({
      workerPath: FAKE_WORKER_PATH,
      timeBudgetMs: 5_000,
      poolSize: 2,
      growAfterMs: 60_000,
    });
    analyzers.push(analyzer);
    const threads = await Promise.all(
      ['a', 'b', 'c'].map(async (source) => servingThread(await analyzer.analyze(needsChecker(source), ''))),
    );
    assert.equal(new Set(threads).size, 1, threads.join(', '));
  });

  it('answers from the pre-pass without any worker when the shape is provably linear', async () => {
    const analyzer = newAnalyzer(100, '/nonexistent/redosWorker.js');
    assert.deepEqual(await analyzer.analyze('^(hey|hi)[\\s!.]*$', 'iu'), { status: 'safe' });
    assert.equal(analyzer.stats().prepassSafe, 1);
  });

  it('takes a burst of requests on later turns of the event loop, in slices, and answers them all', async () => {
    const analyzer = newAnalyzer(100, '/nonexistent/redosWorker.js');
    const sources = Array.from({ length: 20_000 }, (_, i) => `^(hey${i}|hi)[\\s!.]*$`);
    const verdicts = Promise.all(sources.map((source) => analyzer.analyze(source, 'iu')));
    assert.equal(analyzer.stats().prepassSafe, 0, 'nothing is analysed in the caller’s turn');
    await new Promise((resolve) => setImmediate(resolve));
    const afterOneTurn = analyzer.stats().prepassSafe;
    assert.ok(afterOneTurn < sources.length, `${afterOneTurn} of ${sources.length} in the first slice`);
    assert.ok((await verdicts).every((verdict) => verdict.status === 'safe'));
    assert.equal(analyzer.stats().prepassSafe, sources.length);
  });

  it('falls back to the worker when the native binary cannot start, asking again instead of failing', async () => {
    const analyzer = new DeepRedosAnalyzer({
      workerPath: FAKE_WORKER_PATH,
      nativeBinaryPath: '/nonexistent/recheck',
      timeBudgetMs: 100,
      poolSize: 1,
    });
    analyzers.push(analyzer);
    assert.equal(analyzer.backend, 'native');
    servingThread(await analyzer.analyze(needsChecker('first'), ''));
    assert.equal(analyzer.backend, 'pure');
  });

  it('rejects a non-positive time budget at construction', () => {
    assert.throws(() => new DeepRedosAnalyzer({ workerPath: FAKE_WORKER_PATH, timeBudgetMs: 0 }), RangeError);
  });
});
