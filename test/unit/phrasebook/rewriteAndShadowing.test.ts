// The heuristic-safe rewrite and the shadowing check make claims about which messages patterns
// match; CPython's `re.match` (IGNORECASE, as the daemon compiles) checks those claims here.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { heuristicSafeRewrite, isFlaggedByHeuristic, validateEntries } from '../../../src/core/phrasebook';
import { findShadowedEntries, patternShape } from '../../../src/core/phrasebook/lint/shadowing';
import { pythonAvailable, runPython } from './python';

const VALID = { category: 'c', description: 'd', reply_template: 'r' };

const REWRITES: Array<[string, string | null]> = [
  ['(\\d+)?x', '(\\d+|)x'],
  ['(\\d+)??x', '(|\\d+)x'],
  ['\\(a+\\)+', '\\(a+[)]+'],
  ['[(]a+\\)+', '[(]a+[)]+'],
  ['(a[+])+', '(a[\\x2b])+'],
  ['(a\\+)*b', '(a\\x2b)*b'],
  ['(foo)*bar(baz+)?', '(foo)*bar(baz+|)'],
  ['(?:\\s*)?', '(?:\\s*|)'],
  ['(?P<n>\\d+)?x', '(?P<n>\\d+|)x'],
  ['^(\\w+)? (\\d+)?$', '^(\\w+|) (\\d+|)$'],
  ['(a+)+', null],
  ['(.*)*', null],
  ['(a+b)*', null],
  ['(a+)+?', null],
  ['(\\d+)?+x', null],
  ['(\\d+)?\\1', null],
  ['(a+\\+)+', null],
];

const SAMPLE_ALPHABET = ['a', 'b', 'x', '1', '2', ' ', '(', ')', '+', 'f', 'o', 'r', 'z', 'A', 'h', 'i', 'e', 'y', '!'];
const samples = (seed: number) =>
  fc.sample(
    fc.array(fc.constantFrom(...SAMPLE_ALPHABET), { maxLength: 10 }).map((chars) => chars.join('')),
    { numRuns: 400, seed },
  );

/** For each [p1, p2]: messages (from `messages`) on which `re.match` differs (span included). */
function pythonMatchDifferences(
  pairs: Array<[string, string]>,
  messages: string[],
  mode: 'equal' | 'subset',
): string[][] {
  return runPython<string[][]>(
    `import re
out = []
for p1, p2 in data["pairs"]:
    r1 = re.compile(p1, re.IGNORECASE); r2 = re.compile(p2, re.IGNORECASE)
    bad = []
    for m in data["messages"]:
        a = r1.match(m); b = r2.match(m)
        if data["mode"] == "equal":
            if (a and a.span()) != (b and b.span()): bad.append(m)
        elif b and not a:
            bad.append(m)
    out.append(bad)
print(json.dumps(out))`,
    { pairs, messages, mode },
  );
}

describe('heuristic-safe rewrite', () => {
  for (const [pattern, expected] of REWRITES) {
    it(`${pattern} → ${expected ?? 'no rewrite'}`, () => {
      assert.ok(isFlaggedByHeuristic(pattern), 'the daemon flags the original');
      const rewrite = heuristicSafeRewrite(pattern);
      assert.equal(rewrite?.pattern ?? null, expected);
      if (!rewrite) return;
      assert.deepEqual(validateEntries([{ ...VALID, pattern: rewrite.pattern }]), [], 'the daemon accepts the rewrite');
      const { start, end, text } = rewrite.replacement;
      assert.equal(pattern.slice(0, start) + text + pattern.slice(end), rewrite.pattern);
    });
  }

  it('matches exactly the same messages, with the same spans (CPython)', function () {
    if (!pythonAvailable()) this.skip();
    const pairs = REWRITES.filter(([, rewritten]) => rewritten !== null) as Array<[string, string]>;
    const messages = [...samples(1), '', 'x', '12x', 'foofoobarbazz', '(aa)+', 'a+a+b', 'ab 12', 'a+', ' '];
    const differences = pythonMatchDifferences(pairs, messages, 'equal');
    pairs.forEach(([pattern], index) => assert.deepEqual(differences[index], [], `rewrite of ${pattern} differs`));
  });
});

describe('shadowed entries', () => {
  const SHADOWS: Array<[string, string, boolean]> = [
    ['.*', '^hello$', true],
    ['(hi)?', 'anything', true],
    ['^hi', '^hi there[!.]*$', true],
    ['^HI', '^hi there', true],
    ['^(hi|hey)[\\s!.]*$', '^hey[\\s!.]*$', true],
    ['^(hi|hey|yo)[\\s!.]*$', '^(yo|hi)[\\s!.]*$', true],
    ['^(status|state)$', '^(?:state)$', true],
    ['^Hello$', '^hello$', true],
    ['^hi$', '^hi there', false],
    ['^hi', '^h[i]', false],
    ['^hi', '^hi?', false],
    ['^hi', '^hi|^x', false],
    ['^(hi|hey)!', '^(hi|yo)!', false],
    ['^(hi|hey)*$', '^hi$', false],
    ['^(a|b)c', '^(a|b)c+', false],
    ['\\W', '\\w', false],
    ['(?-i:A)', '(?-i:a)', false],
    ['(?>a|ab)c', '(?>ab)c', false],
    ['^hi$', '^hi$', false],
  ];
  for (const [earlier, later, shadowed] of SHADOWS) {
    it(`${earlier} ${shadowed ? 'shadows' : 'does not (provably) shadow'} ${later}`, () => {
      const result = findShadowedEntries([
        { index: 0, pattern: earlier, category: 'a', shape: patternShape(earlier) },
        { index: 1, pattern: later, category: earlier === later ? 'a' : 'b', shape: patternShape(later) },
      ]);
      assert.equal(result.get(1) === 0, shadowed);
    });
  }

  it('never claims shadowing that CPython contradicts (generated pairs)', function () {
    if (!pythonAvailable()) this.skip();
    const pool = [
      ...new Set([
        ...SHADOWS.flatMap(([a, b]) => [a, b]),
        '^(hey|hi|hello|yo|sup)[\\s!.]*$',
        '^(hi|hey)',
        'h',
        '^h',
        '^(h|x)i',
        'hi+',
        '^hi\\.',
        '^(a|)b',
        '^b',
        'x?',
        '^x{0,2}$',
        '^[ab]',
        'a|',
        '(?#c)hi',
      ]),
    ];
    const claims: Array<[string, string]> = [];
    for (const earlier of pool) {
      for (const later of pool) {
        if (earlier === later) continue;
        const result = findShadowedEntries([
          { index: 0, pattern: earlier, category: 'a', shape: patternShape(earlier) },
          { index: 1, pattern: later, category: 'b', shape: patternShape(later) },
        ]);
        if (result.has(1)) claims.push([earlier, later]);
      }
    }
    assert.ok(claims.length > 20, `expected a good number of claims, got ${claims.length}`);
    const messages = [
      ...samples(2),
      'hi',
      'hey',
      'HEY!',
      'hello',
      'hi there',
      'yo',
      'status',
      'state',
      'b',
      'ab',
      'xx',
      'hi.',
      'h',
    ];
    const counterexamples = pythonMatchDifferences(claims, messages, 'subset');
    claims.forEach(([earlier, later], index) =>
      assert.deepEqual(counterexamples[index], [], `${later} matched without ${earlier}`),
    );
  });
});
