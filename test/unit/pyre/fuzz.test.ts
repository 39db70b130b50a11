/**
 * Property tests: compilePython never throws (any string up to 512 characters, including full
 * Unicode and lone surrogates), never reports an internal error, and every pattern that compiles
 * translates (or is reported untranslatable) without throwing, into a RegExp the engine accepts.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { compilePython, INTERNAL_ERROR_TYPE, pythonMatch, translateToJs } from '../../../src/core/pyre';

const MAX_PATTERN_LENGTH = 512;
/** Characters that exercise the parser, weighted towards syntax. */
const REGEX_CHARS = Array.from('()[]{}?*+|^$.\\-,:=!<>#PLaimsxutbBdDwWSAZNUgq0123456789_ é😀\n');

function assertCompiles(pattern: string): void {
  const result = compilePython(pattern);
  if (!result.ok && result.kind === 'exception') {
    assert.notStrictEqual(result.exceptionType, INTERNAL_ERROR_TYPE, `${JSON.stringify(pattern)}: ${result.text}`);
  }
  if (!result.ok) return;
  const translation = translateToJs(result);
  if (translation.ok) {
    assert.ok(translation.flags.includes('u') && !/[gy]/.test(translation.flags));
    assert.doesNotThrow(() => new RegExp(translation.source, translation.flags));
  } else {
    assert.ok(translation.reason.length > 0);
  }
}

describe('pyre fuzzing (fast-check)', function () {
  this.timeout(120_000);

  it('never throws on arbitrary strings (18,000 runs)', function () {
    fc.assert(fc.property(fc.string({ maxLength: MAX_PATTERN_LENGTH }), assertCompiles), { numRuns: 18_000, seed: 1 });
  });

  it('never throws on full-Unicode and lone-surrogate strings (6,000 runs)', function () {
    const anyUnits = fc.string({ unit: 'binary', maxLength: MAX_PATTERN_LENGTH });
    const surrogates = fc.string({
      unit: fc.constantFrom('\ud800', '\udfff', 'a', '\\', '(', ')', '[', 'N', '{', '}'),
      maxLength: 64,
    });
    fc.assert(fc.property(fc.oneof(anyUnits, surrogates), assertCompiles), { numRuns: 6_000, seed: 2 });
  });

  it('compiles and translates regex-alphabet strings, mostly valid ones, without throwing (20,000 runs)', function () {
    const regexLike = fc.string({ unit: fc.constantFrom(...REGEX_CHARS), maxLength: MAX_PATTERN_LENGTH });
    fc.assert(
      fc.property(regexLike, fc.string({ maxLength: 20 }), (pattern, text) => {
        assertCompiles(pattern);
        const result = compilePython(pattern);
        if (result.ok) {
          const outcome = pythonMatch(result, text);
          if ('matched' in outcome && outcome.matched)
            assert.ok(outcome.end >= 0 && outcome.end <= Array.from(text).length);
        }
      }),
      { numRuns: 20_000, seed: 3 },
    );
  });
});
