// The linear-shape pre-pass may only ever say "safe" when that is provable; it must leave every
// vulnerable shape (and anything it cannot read) to recheck. Checked on translated Python patterns.
import { strict as assert } from 'node:assert';
import { compilePython, translateToJs } from '../../../src/core/pyre';
import { analysisSource } from '../../../src/core/redos/analysisSource';
import { isTriviallyLinear } from '../../../src/core/redos/prepass';
import { CPYTHON_CORPUS } from './fixtures/cpythonCorpus';

function decides(pythonPattern: string): boolean {
  const compiled = compilePython(pythonPattern);
  assert.ok(compiled.ok, pythonPattern);
  const translation = translateToJs(compiled);
  assert.ok(translation.ok, pythonPattern);
  const { source, flags } = analysisSource(translation.source, translation.flags);
  return isTriviallyLinear(source, flags);
}

describe('redos/prepass: provably linear shapes', () => {
  it('never calls a CPython-vulnerable corpus pattern safe', () => {
    const wrong = CPYTHON_CORPUS.filter((entry) => entry.label !== 'safe' && decides(entry.pattern)).map(
      (entry) => entry.pattern,
    );
    assert.deepEqual(wrong, []);
  });

  it('decides the seed-like phrasebook patterns and the single-loop shapes', () => {
    for (const pattern of [
      '^(hey|hi|hello|yo|sup)[\\s!.]*$',
      'a+b',
      '\\s+$',
      '^status\\b',
      '^p\\d+$',
      '^(?:please )?pause[.!]*$',
      '^\\w{1,3}$',
    ]) {
      assert.equal(decides(pattern), true, pattern);
    }
  });

  it('leaves repeated groups, two loops, backreferences and lookaround loops to recheck', () => {
    for (const pattern of ['(ab)+$', '^a*a*$', '^(a)\\1*$', '^(?=a+)b', '^(?:ab){2,}', '^\\w+\\s+x', '^x{1,5}y{1,5}']) {
      assert.equal(decides(pattern), false, pattern);
    }
  });

  it('needs the sticky flag and refuses flags that change the syntax or the anchors', () => {
    assert.equal(isTriviallyLinear('a+b', 'iuy'), true);
    assert.equal(isTriviallyLinear('a+b', 'iu'), false);
    assert.equal(isTriviallyLinear('a+b', 'imuy'), false);
    assert.equal(isTriviallyLinear('[a--b]+', 'vy'), false);
  });

  it('refuses what it cannot read', () => {
    for (const source of ['(a+', 'a+)', '[a+', 'a\\', '(?<1bad>a)+', '\\u{61'])
      assert.equal(isTriviallyLinear(source, 'uy'), false, source);
  });
});
