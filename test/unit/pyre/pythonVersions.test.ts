/**
 * What CPython 3.11, 3.12 and 3.13 do differently in re.compile (issue #12), one case per rule,
 * with str(exc) as each interpreter prints it. The differential test checks the same patterns
 * against every installed interpreter; these pin the expectations where none is installed.
 */
import * as assert from 'assert';
import {
  compilePython,
  DEFAULT_PYTHON_VERSION,
  parsePythonVersion,
  PyreCompileResult,
  PythonVersion,
} from '../../../src/core/pyre';

function describeResult(result: PyreCompileResult): string {
  if (result.ok) return `ok groups=${result.groupCount}`;
  return result.kind === 're.error' ? `re.error: ${result.text}` : `${result.exceptionType}: ${result.text}`;
}

const OVERFLOW = 'OverflowError: Python int too large to convert to C int';

/** [pattern, 3.11, 3.12, 3.13] */
const CASES: ReadonlyArray<readonly [string, string, string, string]> = [
  [
    '(a)(?(+1)b)',
    'ok groups=1',
    "re.error: bad character in group name '+1' at position 6",
    "re.error: bad character in group name '+1' at position 6",
  ],
  [
    '(a)(?(١)b)',
    'ok groups=1',
    "re.error: bad character in group name '١' at position 6",
    "re.error: bad character in group name '١' at position 6",
  ],
  [
    '(a)(?( 1)b)',
    'ok groups=1',
    "re.error: bad character in group name ' 1' at position 6",
    "re.error: bad character in group name ' 1' at position 6",
  ],
  [
    '(?(1_0)a)',
    're.error: invalid group reference 10 at position 3',
    "re.error: bad character in group name '1_0' at position 3",
    "re.error: bad character in group name '1_0' at position 3",
  ],
  ['(a)(?(1)b)', 'ok groups=1', 'ok groups=1', 'ok groups=1'],
  ['\\UFFFFFFFF', OVERFLOW, OVERFLOW, 're.error: bad escape \\UFFFFFFFF at position 0'],
  ['\\U80000000', OVERFLOW, OVERFLOW, 're.error: bad escape \\U80000000 at position 0'],
  [
    '\\U7FFFFFFF',
    're.error: bad escape \\U7FFFFFFF at position 0',
    're.error: bad escape \\U7FFFFFFF at position 0',
    're.error: bad escape \\U7FFFFFFF at position 0',
  ],
  ['(?t)a', 'ok groups=0', 'ok groups=0', 're.error: unknown extension ?t at position 1'],
  [
    '(?t)a*',
    're.error: internal: unsupported template operator MAX_REPEAT',
    're.error: internal: unsupported template operator MAX_REPEAT',
    're.error: unknown extension ?t at position 1',
  ],
  [
    '(?t:a)',
    're.error: bad inline flags: cannot turn on global flag at position 3',
    're.error: bad inline flags: cannot turn on global flag at position 3',
    're.error: unknown extension ?t at position 1',
  ],
  [
    '(?i-t:a)',
    're.error: bad inline flags: cannot turn off global flag at position 5',
    're.error: bad inline flags: cannot turn off global flag at position 5',
    're.error: unknown flag at position 4',
  ],
];

describe('pyre: CPython 3.11 / 3.12 / 3.13 differences', function () {
  const versions: PythonVersion[] = ['3.11', '3.12', '3.13'];
  for (const [pattern, ...expected] of CASES) {
    it(`${JSON.stringify(pattern)}: ${versions.map((v, i) => `${v} ${expected[i]}`).join(' | ')}`, function () {
      assert.deepStrictEqual(
        versions.map((python) => describeResult(compilePython(pattern, { python }))),
        expected,
      );
    });
  }

  it("the default is 3.13, the daemon image's python3", function () {
    assert.strictEqual(DEFAULT_PYTHON_VERSION, '3.13');
    assert.strictEqual(describeResult(compilePython('\\UFFFFFFFF')), CASES[5][3]);
  });

  it('RecursionError: 3.12+ count Python frames only, so nesting goes one level deeper', function () {
    const nested = (n: number): string => '('.repeat(n) + ')'.repeat(n);
    assert.strictEqual(describeResult(compilePython(nested(494), { python: '3.11' })), 'ok groups=494');
    assert.strictEqual(
      describeResult(compilePython(nested(495), { python: '3.11' })),
      'RecursionError: maximum recursion depth exceeded',
    );
    assert.strictEqual(describeResult(compilePython(nested(495), { python: '3.13' })), 'ok groups=495');
    assert.strictEqual(
      describeResult(compilePython(nested(496), { python: '3.13' })),
      'RecursionError: maximum recursion depth exceeded',
    );
  });

  it('a huge condition number: 3.11 "bad character", 3.12+ ValueError from int() (HTTP 500)', function () {
    const pattern = `(?(${'1'.repeat(5000)})a)`;
    assert.match(
      describeResult(compilePython(pattern, { python: '3.11' })),
      /^re\.error: bad character in group name '1{5000}' at position 3$/,
    );
    assert.match(
      describeResult(compilePython(pattern, { python: '3.12' })),
      /^ValueError: Exceeds the limit \(4300 digits\)/,
    );
  });

  it('parses version names: 3.13, 3.13.0, python3.12; refuses others', function () {
    assert.deepStrictEqual(
      ['3.13', '3.13.0', 'python3.12', ' 3.11 ', '3.10', '3', '', '3.14'].map(parsePythonVersion),
      ['3.13', '3.13', '3.12', '3.11', undefined, undefined, undefined, undefined],
    );
  });
});
