// The main-thread size guard and the LRU cache.
import { strict as assert } from 'node:assert';
import { LruCache } from '../../../src/core/redos/cache';
import {
  MAX_ANALYSED_GROUP_DEPTH,
  MAX_ANALYSED_PATTERN_LENGTH,
  maxGroupDepth,
  verdictForOversizedPattern,
} from '../../../src/core/redos/limits';

describe('redos/limits', () => {
  describe('maxGroupDepth', () => {
    const cases: [string, number][] = [
      ['abc', 0],
      ['(a)(b)', 1],
      ['((a)(b(c)))', 3],
      [String.raw`\(\(a\)\)`, 0],
      ['[(((]', 0],
      [String.raw`[\]((]`, 0],
      [String.raw`(\\(a))`, 2],
      ['(?:(?=a)(?<n>b))', 2],
      ['a)))(', 1],
    ];
    for (const [source, depth] of cases) {
      it(`${source} → ${depth}`, () => assert.equal(maxGroupDepth(source), depth));
    }
  });

  describe('verdictForOversizedPattern', () => {
    it('lets ordinary patterns through', () => {
      assert.equal(verdictForOversizedPattern(String.raw`^(hey|hi)[\s!.]*$`), undefined);
      assert.equal(verdictForOversizedPattern('a'.repeat(MAX_ANALYSED_PATTERN_LENGTH)), undefined);
      assert.equal(
        verdictForOversizedPattern('('.repeat(MAX_ANALYSED_GROUP_DEPTH) + ')'.repeat(MAX_ANALYSED_GROUP_DEPTH)),
        undefined,
      );
    });

    it('stops a pattern just over each limit', () => {
      assert.equal(verdictForOversizedPattern('a'.repeat(MAX_ANALYSED_PATTERN_LENGTH + 1))?.status, 'inconclusive');
      const deep = MAX_ANALYSED_GROUP_DEPTH + 1;
      assert.equal(verdictForOversizedPattern('('.repeat(deep) + ')'.repeat(deep))?.status, 'inconclusive');
    });
  });

  describe('LruCache', () => {
    it('evicts the least recently used entry', () => {
      const cache = new LruCache<string, number>(2);
      cache.set('a', 1);
      cache.set('b', 2);
      assert.equal(cache.get('a'), 1); // "b" is now the least recently used
      cache.set('c', 3);
      assert.equal(cache.get('b'), undefined);
      assert.equal(cache.get('a'), 1);
      assert.equal(cache.get('c'), 3);
      assert.equal(cache.size, 2);
    });

    it('overwrites without growing', () => {
      const cache = new LruCache<string, number>(2);
      cache.set('a', 1);
      cache.set('a', 2);
      assert.equal(cache.size, 1);
      assert.equal(cache.get('a'), 2);
    });

    it('rejects a capacity below one', () => {
      assert.throws(() => new LruCache(0), RangeError);
    });
  });
});
