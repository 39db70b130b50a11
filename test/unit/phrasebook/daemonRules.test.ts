// The daemon's validator: Python text semantics, types, order, and a differential test of
// `validateEntries` against a CPython transcription of the daemon's code on generated payloads.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { setDaemonPythonVersion, validateEntries } from '../../../src/core/phrasebook';
import { pyLen, pyStrip } from '../../../src/core/pyre/pystr';
import { DEFAULT_PYTHON_VERSION } from '../../../src/core/pyre';
import { findOracleInterpreters } from '../pyre/oracle';
import { pythonAvailable, runPython } from './python';
import { PYTHON_VALIDATE_ENTRIES } from './pythonReference';

const VALID = { pattern: '^hello$', category: 'greeting', description: 'test', reply_template: 'Hi!' };

/** Values that probe every branch: Python whitespace, astral characters near the caps, regexes. */
const PATTERN_POOL = [
  '^hello$',
  '(unclosed',
  '[unclosed',
  '*a',
  'a{2,1}',
  '(a+)+',
  '(\\d+)?',
  '\\(a+\\)+',
  '((a+))+',
  'a{99999999999}',
  '(?P<n>a)(?P<n>b)',
  '\\q',
  '(?<=a+)b',
  '^(hey|hi)[\\s!.]*$',
  'x'.repeat(513),
  '\u{1F600}'.repeat(512),
  'é(',
  '(?i)abc',
  'a(?i)b',
  '\\N{LATIN SMALL LETTER A}',
  '[z-a]',
  '(?P=missing)',
  '\\1(a)',
  'a**',
  '(?x) a # c',
];
const TEXT_POOL = [
  '',
  ' ',
  '\t\n',
  '\x1c',
  '\x85',
  '\u3000',
  '\ufeff',
  '\u200b',
  'ok',
  ' padded ',
  'a'.repeat(65),
  '\u{1F600}'.repeat(64),
  '\u{1F600}'.repeat(65),
  'Hi {snapshot.alerts.active_count}',
  '{snapshot.x.y} {snapshot.x.y}',
  '{snapshot.a-b} {snapshot.}',
  '{snapshot.tasks.open_count}',
  'é'.repeat(257),
];
const fieldValue = (pool: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, 0, 1.5, [], {}, ['x']) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
const entryArbitrary = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      {
        pattern: fieldValue(PATTERN_POOL),
        category: fieldValue(['greeting', 'c', ...TEXT_POOL]),
        description: fieldValue(TEXT_POOL),
        reply_template: fieldValue(TEXT_POOL),
        extra: fc.string(),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('entry', 1, null, [], [VALID]) },
  { weight: 2, arbitrary: fc.constant(VALID) },
);
const payloadArbitrary = fc.oneof(
  { weight: 10, arbitrary: fc.array(entryArbitrary, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'not a list', {}, 7) },
);

describe('daemon rules', () => {
  it('strips exactly the characters Python str.strip() strips', () => {
    assert.equal(pyStrip('\x1c\x85\u3000 a \u2029'), 'a');
    assert.equal(pyStrip('\ufeffa\ufeff'), '\ufeffa\ufeff', 'U+FEFF is not Python whitespace');
    assert.equal(pyStrip('\u200b'), '\u200b');
  });

  it('counts code points like Python len()', () => {
    assert.equal(pyLen('\u{1F600}é'), 2);
    assert.equal(pyLen('\ud800x'), 2, 'a lone surrogate is one code point');
  });

  it('requires strings: numbers, booleans, null, lists and objects are "missing or empty"', () => {
    for (const value of [1, true, null, ['x'], { a: 1 }]) {
      assert.deepEqual(validateEntries([{ ...VALID, category: value }]), [
        { entry_index: 0, field: 'category', error: "required field 'category' missing or empty" },
      ]);
    }
  });

  it('collects several errors on one entry in the daemon order', () => {
    const entry = {
      pattern: '(' + 'a'.repeat(520),
      category: 'c',
      description: 'd',
      reply_template: '{snapshot.nope}',
    };
    const errors = validateEntries([entry, entry]).map((e) => `${e.entry_index}:${e.field}:${e.error.split(' ')[0]}`);
    assert.deepEqual(errors, [
      '0:pattern:pattern',
      '0:pattern:invalid',
      '0:reply_template:snapshot',
      '1:pattern:pattern',
      '1:pattern:invalid',
      '1:reply_template:snapshot',
      '1:_root:duplicate',
    ]);
  });

  it('keeps non-objects and incomplete entries out of the duplicate rule, and names the first index', () => {
    const errors = validateEntries([VALID, 'x', { ...VALID, description: '' }, VALID, VALID]);
    assert.deepEqual(
      errors.filter((e) => e.error.startsWith('duplicate')).map((e) => [e.entry_index, e.error.slice(-1)]),
      [
        [3, '0'],
        [4, '0'],
      ],
    );
  });

  it('reports an uncaught CPython exception as a would-be HTTP 500', () => {
    const [error] = validateEntries([{ ...VALID, pattern: 'a{99999999999}' }]);
    assert.equal(error.field, 'pattern');
    assert.match(error.error, /^daemon would fail with HTTP 500: OverflowError: /);
  });

  it('never throws, whatever JSON it gets', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => Array.isArray(validateEntries(value))),
      { numRuns: 2000 },
    );
  });

  it('names the first object with the key, even one that failed the required-field check (daemon quirk)', () => {
    const hi = { ...VALID, pattern: '^hi$' };
    const errors = validateEntries([{ ...hi, description: ' ' }, hi, hi]);
    assert.deepEqual(errors.at(-1), {
      entry_index: 2,
      field: '_root',
      error: 'duplicate (pattern, category) \u2014 already declared at index 0',
    });
  });

  it('predicts the HTTP 500 of a regex error quoting a lone surrogate (its 422 body cannot be encoded)', () => {
    for (const pattern of ['[\ud800-a]', '(?\ud800)']) {
      const [error] = validateEntries([{ ...VALID, pattern }]);
      assert.match(
        error.error,
        /^daemon would fail with HTTP 500: UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800'/,
      );
    }
    // repr() escapes the surrogate: an ordinary 422.
    assert.match(
      validateEntries([{ ...VALID, pattern: '(?P<\ud800>a)' }])[0].error,
      /^invalid regex: bad character in group name '\\ud800'/,
    );
  });
});

/** Payloads for the differential test: generated, plus issue #12's examples. */
function differentialPayloads(): unknown[] {
  const hi = { ...VALID, pattern: '^hi$', category: 'greeting' };
  const examples: unknown[] = [
    [{ ...hi, description: ' ' }, hi, hi],
    [{ ...hi, reply_template: 7 }, 'x', hi, { ...hi, description: 'other' }],
    [
      { ...VALID, pattern: '[\ud800-a]' },
      { ...VALID, pattern: '(?\ud800)' },
      { ...VALID, pattern: '(?P<\udc00>a)' },
    ],
    ['(a)(?(+1)b)', '(a)(?(١)b)', '\\UFFFFFFFF', '(?t)a', '^(a)?(?(1)b|c)$'].map((pattern) => ({ ...VALID, pattern })),
  ];
  return [...examples, ...fc.sample(payloadArbitrary, { numRuns: 600, seed: 7 })];
}

describe('daemon rules: differential test against a CPython transcription of the daemon', function () {
  // One python process per version for 600+ payloads; generous for a saturated machine.
  this.timeout(120_000);
  const { found, missing } = findOracleInterpreters();
  for (const interpreter of found) {
    it(`agrees with the transcription run by CPython ${interpreter.fullVersion}`, function () {
      const payloads = differentialPayloads();
      const expected = runPython<unknown[]>(
        `${PYTHON_VALIDATE_ENTRIES}\nprint(json.dumps([validate_entries(p) for p in data]))`,
        payloads,
        interpreter.executable,
      );
      setDaemonPythonVersion(interpreter.version);
      try {
        payloads.forEach((payload, index) => {
          assert.deepEqual(
            validateEntries(payload),
            expected[index],
            `payload ${index}: ${JSON.stringify(payload).slice(0, 300)}`,
          );
        });
      } finally {
        setDaemonPythonVersion(DEFAULT_PYTHON_VERSION);
      }
    });
  }
  for (const { version } of missing) {
    it(`CPython ${version} NOT FOUND: the transcription did not run under it`, function () {
      this.skip();
    });
  }
  it('ran under at least one CPython', function () {
    if (!pythonAvailable()) this.skip();
    assert.ok(found.length > 0);
  });
});
