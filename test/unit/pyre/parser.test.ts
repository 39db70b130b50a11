/**
 * Targeted tests of pyre's parser: one per construct / error, expectations from CPython 3.11
 * (pythonVersions.test.ts covers what 3.12 and 3.13 do differently).
 */
import * as assert from 'assert';
import { codePointIndexToUtf16, CompileOptions, PyreCompiled, PyreCompileResult } from '../../../src/core/pyre';
import { compilePython as compileAnyPython } from '../../../src/core/pyre';

/** This file's expectations are CPython 3.11's. */
function compilePython(pattern: string, options: CompileOptions = {}): PyreCompileResult {
  return compileAnyPython(pattern, { python: '3.11', ...options });
}

function reError(pattern: string): { msg: string; pos: number | null; text: string } {
  const result = compilePython(pattern);
  assert.ok(!result.ok && result.kind === 're.error', `${JSON.stringify(pattern)} gave ${JSON.stringify(result)}`);
  return result;
}

function compiled(pattern: string, options?: { ignoreCase?: boolean }): PyreCompiled {
  const result = compilePython(pattern, options);
  assert.ok(result.ok, `${JSON.stringify(pattern)} failed: ${JSON.stringify(result)}`);
  return result;
}

function exception(result: PyreCompileResult): { exceptionType: string; text: string; pos: number | null } {
  assert.ok(!result.ok && result.kind === 'exception', JSON.stringify(result));
  return result;
}

/** [pattern, str(re.error)] exactly as python3.11 -c "re.compile(p, re.I)" prints them. */
const RE_ERRORS: ReadonlyArray<readonly [string, string]> = [
  ['(', 'missing ), unterminated subpattern at position 0'],
  ['a)', 'unbalanced parenthesis at position 1'],
  ['[', 'unterminated character set at position 0'],
  ['\\q', 'bad escape \\q at position 0'],
  ['\\', 'bad escape (end of pattern) at position 0'],
  ['a\\', 'bad escape (end of pattern) at position 1'],
  ['[a-Z]', 'bad character range a-Z at position 1'],
  ['[\\d-z]', 'bad character range \\d-z at position 1'],
  ['[a-\\w]', 'bad character range a-\\w at position 1'],
  ['a{3,2}', 'min repeat greater than max repeat at position 2'],
  ['*', 'nothing to repeat at position 0'],
  ['a**', 'multiple repeat at position 2'],
  ['(?P<1a>x)', "bad character in group name '1a' at position 4"],
  ['(?P<a>x)(?P<a>y)', "redefinition of group name 'a' as group 2; was group 1 at position 12"],
  ['\\2(a)', 'invalid group reference 2 at position 1'],
  ['(a\\1)', 'cannot refer to an open group at position 2'],
  ['(?<x>a)', 'unknown extension ?<x at position 1'],
  ['(?<=a+)b', 'look-behind requires fixed-width pattern'],
  ['(?<=a{4294967294}a{4294967294})', 'looks too much behind'],
  ['(?<=(a)\\1)', 'cannot refer to group defined in the same lookbehind subpattern at position 9'],
  ['(a)(?(1)a|b|c)', 'conditional backref with more than two branches at position 11'],
  ['(?(0)a)', 'bad group number at position 3'],
  ['(?(1)a)', 'invalid group reference 1 at position 3'],
  ['(?(1a)a)', "bad character in group name '1a' at position 3"],
  ['(?(-1)a)', "bad character in group name '-1' at position 3"],
  ['(?(a)b)', "unknown group name 'a' at position 3"],
  ['a(?i)', 'global flags not at the start of the expression at position 1'],
  ['(?L)a', "bad inline flags: cannot use 'L' flag with a str pattern at position 3"],
  ['(?au:a)', "bad inline flags: flags 'a', 'u' and 'L' are incompatible at position 4"],
  ['(?i-i:a)', 'bad inline flags: flag turned on and off at position 5'],
  ['(?t:a)', 'bad inline flags: cannot turn on global flag at position 3'],
  ['(?-t:a)', 'bad inline flags: cannot turn off global flag at position 4'],
  ['(?-a:b)', "bad inline flags: cannot turn off flags 'a', 'u' and 'L' at position 4"],
  ['(?-i)', 'missing : at position 4'],
  ['(?i', 'missing -, : or ) at position 3'],
  ['(?-', 'missing flag at position 3'],
  ['(?t)a*', 'internal: unsupported template operator MAX_REPEAT'],
  ['(?#abc', 'missing ), unterminated comment at position 0'],
  ['(?', 'unexpected end of pattern at position 2'],
  ['(?P', 'unexpected end of pattern at position 3'],
  ['(?Px', 'unknown extension ?Px at position 1'],
  ['(?<a', 'unknown extension ?<a at position 1'],
  ['(?z)', 'unknown extension ?z at position 1'],
  ['(?P=)', 'missing group name at position 4'],
  ['(?P<a', 'missing >, unterminated name at position 4'],
  ['\\N{BOGUS}', "undefined character name 'BOGUS' at position 0"],
  [
    '\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}',
    "undefined character name 'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE' at position 0",
  ],
  ['\\x4', 'incomplete escape \\x4 at position 0'],
  ['\\u12', 'incomplete escape \\u12 at position 0'],
  ['\\U0011ffff', 'bad escape \\U0011ffff at position 0'],
  ['\\400', 'octal escape value \\400 outside of range 0-0o377 at position 0'],
  ['[\\400]', 'octal escape value \\400 outside of range 0-0o377 at position 1'],
  ['ab\ncd\n)', 'unbalanced parenthesis at position 6 (line 3, column 1)'],
];

describe('pyre parser: CPython 3.11 error messages and positions', function () {
  for (const [pattern, text] of RE_ERRORS) {
    it(`${JSON.stringify(pattern)} -> ${text}`, function () {
      assert.strictEqual(reError(pattern).text, text);
    });
  }

  it('keeps msg and pos apart from the formatted text', function () {
    const error = reError('ab\n(');
    assert.deepStrictEqual([error.msg, error.pos], ['missing ), unterminated subpattern', 3]);
    assert.strictEqual(error.text, 'missing ), unterminated subpattern at position 3 (line 2, column 1)');
  });

  it('reports positions in code points, convertible to UTF-16 offsets', function () {
    const pattern = '😀é\\q';
    const error = reError(pattern);
    assert.strictEqual(error.text, 'bad escape \\q at position 2');
    assert.strictEqual(codePointIndexToUtf16(pattern, 2), 3);
    assert.strictEqual(pattern.slice(codePointIndexToUtf16(pattern, error.pos ?? 0)), '\\q');
  });
});

describe('pyre parser: exceptions other than re.error (the daemon answers HTTP 500)', function () {
  it('a{99999999999} raises OverflowError', function () {
    const error = exception(compilePython('a{99999999999}'));
    assert.deepStrictEqual(
      [error.exceptionType, error.text, error.pos],
      ['OverflowError', 'the repetition number is too large', 1],
    );
  });

  it('the MAXREPEAT boundary: 4294967294 is accepted, 4294967295 overflows', function () {
    compiled('a{4294967294}');
    assert.strictEqual(exception(compilePython('a{1,4294967295}')).exceptionType, 'OverflowError');
  });

  it("more than 4300 digits hit int()'s digit limit (ValueError)", function () {
    const error = exception(compilePython(`a{${'1'.repeat(4301)}}`));
    assert.strictEqual(error.exceptionType, 'ValueError');
    assert.match(error.text, /^Exceeds the limit \(4300 digits\) for integer string conversion: value has 4301 digits/);
  });

  it('\\U beyond a C int raises OverflowError from chr()', function () {
    assert.strictEqual(exception(compilePython('\\UFFFFFFFF')).text, 'Python int too large to convert to C int');
  });

  it('(?a)(?u) raises ValueError from fix_flags', function () {
    assert.strictEqual(exception(compilePython('(?a)(?u)')).text, 'ASCII and UNICODE flags are incompatible');
  });

  it('deep nesting raises RecursionError quickly and without a JS stack overflow', function () {
    for (const pattern of [
      '('.repeat(100_000),
      '(?:'.repeat(50_000) + ')'.repeat(50_000),
      '(a)' + '(?(1)'.repeat(20_000),
    ]) {
      const error = exception(compilePython(pattern));
      assert.strictEqual(error.exceptionType, 'RecursionError');
      assert.match(error.text, /^maximum recursion depth exceeded/);
    }
  });

  it("models the recursion limit at the oracle's depth: 493 nested groups compile, 495 do not", function () {
    compiled('('.repeat(493) + ')'.repeat(493));
    assert.strictEqual(exception(compilePython('('.repeat(495) + ')'.repeat(495))).exceptionType, 'RecursionError');
  });
});

describe('pyre parser: accepted patterns', function () {
  it('counts groups and names and reports Pattern.flags (IGNORECASE|UNICODE by default)', function () {
    const result = compiled('(?P<first>a)(b)(?:c)(?P<last>d)');
    assert.strictEqual(result.groupCount, 3);
    assert.deepStrictEqual(
      [...result.groupNames],
      [
        ['first', 1],
        ['last', 3],
      ],
    );
    assert.strictEqual(result.flags, 2 | 32);
    assert.strictEqual(compiled('a', { ignoreCase: false }).flags, 32);
  });

  it('merges inline global flags into the final flags', function () {
    assert.strictEqual(compiled('(?msx)a').flags, 2 | 8 | 16 | 32 | 64);
    assert.strictEqual(compiled('(?a)a').flags, 2 | 256);
  });

  it('accepts Unicode identifiers as group names and \\N{} names, aliases, case-insensitively', function () {
    compiled('(?P<é>a)(?P<名前>b)');
    compiled('\\N{em dash}\\N{LF}\\N{BYTE ORDER MARK}\\N{HANGUL SYLLABLE GA}\\N{CJK UNIFIED IDEOGRAPH-4E00}');
    assert.strictEqual(reError('\\N{hangul syllable ga}').msg, "undefined character name 'hangul syllable ga'");
  });

  it('accepts the 3.11 additions: atomic groups and possessive quantifiers', function () {
    for (const pattern of ['(?>a+)b', 'a++', 'a*+', 'a?+', 'a{1,3}+']) compiled(pattern);
  });

  it('builds a CPython-shaped AST (common prefix hoisted, single-literal branches as a set)', function () {
    assert.deepStrictEqual(
      compiled('ab|ac').ast.items.map((item) => item.op),
      ['LITERAL', 'IN'],
    );
    const group = compiled('(x|y)').ast.items[0];
    assert.ok(group.op === 'SUBPATTERN' && group.pattern.items[0].op === 'IN');
  });

  it('verbose mode skips whitespace and comments outside classes only', function () {
    const result = compiled('(?x) a [ ] # comment\n b');
    assert.deepStrictEqual(
      result.ast.items.map((item) => item.op),
      ['LITERAL', 'LITERAL', 'LITERAL'],
    );
  });

  it('treats a { that does not start a valid count as a literal', function () {
    for (const pattern of ['a{', 'a{1', 'a{,', 'x{}', '{']) compiled(pattern);
    const repeat = compiled('x{,}').ast.items[0];
    assert.ok(repeat.op === 'MAX_REPEAT' && repeat.min === 0 && repeat.max === 4294967295);
  });

  it('parses a 512-character pattern and very large patterns without trouble', function () {
    compiled('(?:ab|cd)[a-z]*'.repeat(34).slice(0, 512));
    for (const huge of [
      'a'.repeat(1 << 20),
      `(?:${'a'.repeat(300_000)})`,
      `(?:[${'ab'.repeat(150_000)}]|c)`,
      `${'ab'.repeat(200_000)}|${'ab'.repeat(200_000)}c`,
    ]) {
      assert.ok(compilePython(huge).ok);
    }
  });
});
