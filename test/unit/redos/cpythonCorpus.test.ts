// The deep analysis judged by CPython: every verdict on a CPython-labelled corpus (fixtures/
// cpythonCorpus.ts) is compared with its label, and every "vulnerable" verdict's Python attack
// string is run through `re.match(p, s, re.IGNORECASE)` in python3 (test/tools/redos_cpython.py),
// each match stopped after a limit this test sets. Machine speed does not decide the outcome: a
// confirmed attack runs for seconds to hours, a linear match of the same input for milliseconds.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compilePython, translateToJs } from '../../../src/core/pyre';
import { DeepRedosAnalyzer } from '../../../src/core/redos/deep';
import { findNativeBinary } from '../../../src/core/redos/nativeBinary';
import type { RedosVerdict } from '../../../src/core/redos/verdict';
import { ANCHORED_FALSE_ALARMS, CPYTHON_CORPUS, type CorpusEntry } from './fixtures/cpythonCorpus';
import { redosWorkerPath } from './workerBundle';

const ROOT = join(__dirname, '..', '..', '..', '..');
const JUDGE = join(ROOT, 'test', 'tools', 'redos_cpython.py');
/** Generous: verdicts must not depend on how busy the machine is. */
const PATTERN_BUDGET_MS = 20_000;
/**
 * CPython stops each attack after this long; a confirmed attack reaches it. Not higher: recheck sizes
 * a quadratic attack to stall V8, and CPython runs the mildest of them (`^.*status.*!$`) in 0.9–2 s
 * from one run to the next on this machine, while a linear match of the same length takes about 1 ms.
 */
const JUDGE_LIMIT_S = 0.5;

type Vulnerable = Extract<RedosVerdict, { status: 'vulnerable' }>;

function translate(pattern: string): { source: string; flags: string } {
  const compiled = compilePython(pattern);
  assert.ok(compiled.ok, `${pattern} compiles`);
  const translation = translateToJs(compiled);
  assert.ok(translation.ok, `${pattern} translates`);
  return translation;
}

function label(verdict: RedosVerdict): string {
  return verdict.status === 'vulnerable' ? verdict.complexity : verdict.status;
}

/** CPython's time for each (pattern, Python attack expression), capped at the judge's limit. */
function cpythonSeconds(cases: Array<{ pattern: string; attack: string }>): number[] {
  const result = spawnSync('python3', [JUDGE, 'judge', String(JUDGE_LIMIT_S)], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    timeout: (cases.length * (JUDGE_LIMIT_S + 2) + 30) * 1000,
    maxBuffer: 1024 * 1024,
  });
  assert.equal(result.status, 0, `python3 judge failed: ${result.error ?? ''} ${result.stderr}`);
  return JSON.parse(result.stdout) as number[];
}

describe('redos/CPython corpus: verdicts on what the daemon runs, confirmed by python3', function () {
  this.timeout(600_000); // explicit and generous: ~50 recheck runs and ~35 CPython attacks on a shared machine
  const verdicts = new Map<CorpusEntry, RedosVerdict>();

  before(async () => {
    const nativeBinaryPath = findNativeBinary([ROOT]);
    const analyzer = new DeepRedosAnalyzer({
      workerPath: await redosWorkerPath(),
      nativeBinaryPath,
      timeBudgetMs: PATTERN_BUDGET_MS,
    });
    try {
      await Promise.all(
        CPYTHON_CORPUS.map(async (entry) => {
          const { source, flags } = translate(entry.pattern);
          verdicts.set(entry, await analyzer.analyze(source, flags));
        }),
      );
    } finally {
      analyzer.dispose();
    }
  });

  function entries(wanted: CorpusEntry['label']): CorpusEntry[] {
    return CPYTHON_CORPUS.filter((entry) => entry.label === wanted);
  }

  function misses(wanted: CorpusEntry['label']): string[] {
    return entries(wanted)
      .filter((entry) => label(verdicts.get(entry) as RedosVerdict) !== wanted)
      .map((entry) => `${entry.pattern} → ${JSON.stringify(verdicts.get(entry))}`);
  }

  it('has a corpus worth the name', () => {
    assert.ok(
      entries('exponential').length >= 15 && entries('polynomial').length >= 15 && entries('safe').length >= 100,
    );
  });

  it('finds every exponential pattern', () => {
    assert.deepEqual(misses('exponential'), []);
  });

  it('finds at least 90 % of the polynomial patterns', () => {
    const missed = misses('polynomial');
    assert.ok(missed.length <= entries('polynomial').length * 0.1, missed.join('\n'));
  });

  it('raises at most one false alarm per 100 safe patterns', () => {
    const safe = entries('safe');
    const alarms = safe.filter((entry) => verdicts.get(entry)?.status === 'vulnerable').map((entry) => entry.pattern);
    assert.ok(alarms.length <= Math.floor(safe.length / 100), alarms.join('\n'));
  });

  it('does not flag the patterns that are linear under start-anchored matching', () => {
    for (const pattern of ANCHORED_FALSE_ALARMS) {
      const entry = CPYTHON_CORPUS.find((candidate) => candidate.pattern === pattern) as CorpusEntry;
      assert.deepEqual(verdicts.get(entry), { status: 'safe' }, pattern);
    }
  });

  it('gives attack strings that stall CPython re.match for every true vulnerable verdict', () => {
    const flagged = CPYTHON_CORPUS.filter(
      (entry) => entry.label !== 'safe' && verdicts.get(entry)?.status === 'vulnerable',
    );
    const cases = flagged.map((entry) => ({
      pattern: entry.pattern,
      attack: (verdicts.get(entry) as Vulnerable).attackPython as string,
    }));
    assert.ok(
      cases.every((c) => typeof c.attack === 'string' && !c.attack.endsWith('…')),
      'every verdict carries a whole Python attack',
    );
    const seconds = cpythonSeconds(cases);
    const unconfirmed = cases.map((c, i) => ({ ...c, seconds: seconds[i] })).filter((c) => c.seconds < JUDGE_LIMIT_S);
    assert.deepEqual(
      unconfirmed.map((c) => `${c.pattern} on ${c.attack}: ${c.seconds.toFixed(3)} s`),
      [],
    );
  });

  it('says "safe" only where CPython agrees: the attacks of the old "match anywhere" analysis stay fast', () => {
    // The five patterns had polynomial attacks when analysed without the sticky flag; under re.match
    // they are linear, so CPython matches those very inputs in milliseconds.
    const cases = [
      { pattern: 'a+b', attack: '"a" * 54773 + "\\x00ab"' },
      { pattern: '\\s+$', attack: '"\\t" * 54773 + "\\x00\\t"' },
      { pattern: '(ab)+$', attack: '"ba" * 38730 + "\\x00ab"' },
      { pattern: '[a-z]+\\d+$', attack: '"a" * 54773 + "\\x00a0"' },
      { pattern: '(\\w+)\\s+status', attack: '"0" * 54773' },
    ];
    const seconds = cpythonSeconds(cases);
    assert.ok(
      seconds.every((s) => s < JUDGE_LIMIT_S),
      JSON.stringify(seconds),
    );
  });
});
