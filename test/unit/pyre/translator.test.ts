/** translateToJs / pythonMatch: Python semantics that a naive JS translation gets wrong. */
import * as assert from 'assert';
import { compilePython, JsTranslation, PyreCompiled, pythonMatch, translateToJs } from '../../../src/core/pyre';
import { NOTE_EMPTY_ITERATION, NOTE_POSSESSIVE } from '../../../src/core/pyre/translate/translator';
import { isPyAlnum, isPyDecimal, isPyPrintable, isPySpace } from '../../../src/core/pyre/unicode/tables';

function compiled(pattern: string, ignoreCase = true): PyreCompiled {
  const result = compilePython(pattern, { ignoreCase });
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

function translated(pattern: string, ignoreCase = true): JsTranslation {
  const result = translateToJs(compiled(pattern, ignoreCase));
  assert.ok(result.ok, JSON.stringify(result));
  return result;
}

/** re.match(pattern, text, re.IGNORECASE).end(), or null when it does not match. */
function matchEnd(pattern: string, text: string, ignoreCase = true): number | null {
  const outcome = pythonMatch(compiled(pattern, ignoreCase), text);
  assert.ok('matched' in outcome, JSON.stringify(outcome));
  return outcome.matched ? outcome.end : null;
}

describe('pyre translator: flags and anchors', function () {
  it("uses 'iu' under IGNORECASE, 'u' otherwise, never 'g' or 'y'", function () {
    assert.strictEqual(translated('abc').flags, 'iu');
    assert.strictEqual(translated('abc', false).flags, 'u');
  });

  it('anchors at the start like re.match, without requiring the whole text', function () {
    assert.strictEqual(matchEnd('hey', 'hey you'), 3);
    assert.strictEqual(matchEnd('you', 'hey you'), null);
  });

  it('Python $ matches at the end or before a final newline only', function () {
    assert.strictEqual(matchEnd('a$', 'a\n'), 1);
    assert.strictEqual(matchEnd('a$', 'a\n\n'), null);
    assert.strictEqual(matchEnd('(?m)a$', 'a\nb'), 1);
  });

  it('\\Z is the very end, \\A and ^ the start (^ after any newline with (?m))', function () {
    assert.strictEqual(matchEnd('a\\Z', 'a\n'), null);
    assert.strictEqual(matchEnd('a\\Z', 'a'), 1);
    assert.strictEqual(matchEnd('a\n^b', 'a\nb'), null);
    assert.strictEqual(matchEnd('(?m)a\n^b', 'a\nb'), 3);
  });

  it("'.' excludes only \\n (unless DOTALL)", function () {
    assert.strictEqual(matchEnd('.', '\r'), 1);
    assert.strictEqual(matchEnd('.', '\u2028'), 1);
    assert.strictEqual(matchEnd('.', '\n'), null);
    assert.strictEqual(matchEnd('(?s).', '\n'), 1);
  });
});

describe('pyre translator: Unicode categories and case', function () {
  it('\\d is any Unicode decimal digit, \\w letters/numbers/_ but not combining marks', function () {
    assert.strictEqual(matchEnd('\\d', '٣'), 1);
    assert.strictEqual(matchEnd('\\w', 'é'), 1);
    assert.strictEqual(matchEnd('\\w', '\u0301'), null);
    assert.strictEqual(matchEnd('(?a)\\w', 'é'), null);
  });

  it('\\s is str.isspace(): \\x1c-\\x1f and \\x85 yes, \\ufeff no', function () {
    assert.strictEqual(matchEnd('\\s', '\x1c'), 1);
    assert.strictEqual(matchEnd('\\s', '\x85'), 1);
    assert.strictEqual(matchEnd('\\s', '\ufeff'), null);
  });

  it('\\b and \\B use the Unicode word definition, and \\B fails on an empty string', function () {
    assert.strictEqual(matchEnd('é\\b', 'é!'), 1);
    assert.strictEqual(matchEnd('é\\B', 'éa'), 1);
    assert.strictEqual(matchEnd('\\B', ''), null);
    assert.strictEqual(matchEnd('\\B', '!'), 0);
  });

  it('IGNORECASE follows sre: i matches İ and ı (JS /iu alone does not), K matches the Kelvin sign', function () {
    assert.strictEqual(matchEnd('hi', 'HI'), 2);
    assert.strictEqual(matchEnd('hi', 'hİ'), 2);
    assert.strictEqual(matchEnd('hi', 'hı'), 2);
    assert.strictEqual(matchEnd('[a-z]+', 'İı'), 2);
    assert.strictEqual(matchEnd('[^a-z]', 'ı'), null);
    assert.strictEqual(matchEnd('k', '\u212a'), 1);
  });

  it('scoped case flags are expanded explicitly (no JS modifiers needed)', function () {
    const translation = translated('(?-i:a)b');
    assert.strictEqual(translation.flags, 'u');
    assert.strictEqual(matchEnd('(?-i:a)b', 'aB'), 2);
    assert.strictEqual(matchEnd('(?-i:a)b', 'AB'), null);
    assert.strictEqual(matchEnd('a(?i:b)', 'aB', false), 2);
    assert.strictEqual(matchEnd('(?a)k', '\u212a'), null);
  });

  it('uses the 8 seed patterns of the daemon as Python does', function () {
    assert.strictEqual(matchEnd('^(hey|hi|hello|yo|sup)[\\s!.]*$', 'Hello!! '), 8);
    assert.strictEqual(
      matchEnd('^(are you paused|paused\\?|you paused\\??|are you stopped|stopped\\??)[\\s.?!]*$', 'paused?'),
      7,
    );
    assert.strictEqual(
      matchEnd("^(burn|cost|spend|how ?much|what'?s? my burn|what'?s? the burn|whats the spend)[\\s.?!]*$", 'hey'),
      null,
    );
  });
});

describe('pyre translator: groups, atomic and possessive', function () {
  it('possessive quantifiers and atomic groups do not give back', function () {
    assert.strictEqual(matchEnd('a*+a', 'aaa'), null);
    assert.strictEqual(matchEnd('(?>a+)a', 'aaa'), null);
    assert.strictEqual(matchEnd('(?>a+)b', 'aab'), 3);
    assert.ok(translated('a++').notes.includes(NOTE_POSSESSIVE));
  });

  it('maps named groups and (?P=name), and numbers JS groups around the emulation', function () {
    const translation = translated('(?>x)(?P<word>a)(?P=word)');
    assert.match(translation.source, /\(\?<word>a\)\\k<word>/);
    assert.deepStrictEqual(translation.pythonGroupToJs, [0, 2]);
    assert.strictEqual(matchEnd('(?P<word>a)(?P=word)', 'aA'), 2);
  });

  it('resolves conditionals when the group state is known, else reports them untranslatable', function () {
    assert.strictEqual(matchEnd('(a)(?(1)b|c)', 'ab'), 2);
    assert.strictEqual(matchEnd('(?(1)b|c)(a)', 'ca'), 2);
    // Inside a repeat a group may keep an earlier iteration's value: no split, no translation.
    const result = translateToJs(compiled('(?:(a)?(?(1)b|c))*d'));
    assert.ok(!result.ok);
    assert.match(result.reason, /depends on whether group 1 matched/);
    assert.strictEqual(result.pos, 7);
    assert.deepStrictEqual(pythonMatch(compiled('(?:(a)?(?(1)b|c))*d'), 'abd'), result);
  });

  it('splits the rest of the sequence where an optional group or a branch decides a conditional (issue #12)', function () {
    // Expected ends are CPython's re.match(p, t, re.I).end() (checked again by the differential test).
    const cases: Array<[string, string, number | null]> = [
      ['^(a)?(?(1)b|c)$', 'ab', 2],
      ['^(a)?(?(1)b|c)$', 'c', 1],
      ['^(a)?(?(1)b|c)$', 'ac', null],
      ['^(a)?(?(1)b|c)$', 'b', null],
      ['^(a)??(?(1)b|c)', 'ab', 2],
      ['(?:(a)|x)(?(1)b|c)', 'xc', 2],
      ['(?:(a)|x)(?(1)b|c)', 'xb', null],
      ['^(a)*(?(1)b|c)$', 'aaab', 4],
      ['(a)?(?(1)(b)?(?(2)c|d)|e)', 'abc', 3],
      ['(a)?(?(1)(b)?(?(2)c|d)|e)', 'ad', 2],
      ['(?P<x>a)?(?(x)b|c)', 'c', 1],
    ];
    for (const [pattern, text, end] of cases) assert.strictEqual(matchEnd(pattern, text), end, `${pattern} on ${text}`);
  });

  it('notes approximations instead of hiding them', function () {
    assert.ok(translated('(|a)*').notes.includes(NOTE_EMPTY_ITERATION));
    assert.ok(translated('(a)?\\1').notes.some((note) => note.startsWith('back-reference to group 1')));
    assert.deepStrictEqual(translated('(a)\\1').notes, []);
  });

  it('quantified look-arounds and literal braces are valid JS', function () {
    assert.strictEqual(matchEnd('(?=a)*a{', 'a{'), 2);
    assert.strictEqual(matchEnd('x{,}', 'xxx'), 3);
  });

  it('returns end as a code-point index', function () {
    assert.strictEqual(matchEnd('😀a', '😀A!'), 2);
  });
});

describe("pyre translator: categories against Python 3.11's Unicode 14 tables", function () {
  this.timeout(60_000);
  const MAX_CODE_POINT = 0x10ffff;

  /** Every code point where the translated class and Python's predicate disagree. */
  function disagreements(pattern: string, python: (cp: number) => boolean, ignoreCase = false): number[] {
    const translation = translated(pattern, ignoreCase);
    const regexp = new RegExp(`^(?:${translation.source})$`, translation.flags);
    const differing: number[] = [];
    for (let cp = 0; cp <= MAX_CODE_POINT; cp++) {
      if (regexp.test(String.fromCodePoint(cp)) !== python(cp)) differing.push(cp);
    }
    return differing;
  }

  const pyWord = (cp: number): boolean => cp === 0x5f || isPyAlnum(cp);

  it('\\s is exactly str.isspace()', function () {
    assert.deepStrictEqual(disagreements('\\s', isPySpace), []);
    assert.deepStrictEqual(disagreements('\\s', isPySpace, true), []);
  });

  it('\\w and \\d differ only on characters Python 3.11 does not know (assigned after Unicode 14)', function () {
    const word = disagreements('\\w', pyWord);
    const digit = disagreements('\\d', isPyDecimal);
    // Unassigned characters are not printable for Python; every difference must be one of them.
    assert.deepStrictEqual(word.filter(isPyPrintable), []);
    assert.deepStrictEqual(digit.filter(isPyPrintable), []);
    // Unicode 15-17 added about 14,000 letters and 11 sets of decimal digits (JS engines follow them).
    assert.ok(word.length < 25_000 && digit.length < 250, `${word.length} / ${digit.length} differences`);
  });

  it('under /iu, \\w also matches U+0345, which JS case-folds to a Greek iota (documented deviation)', function () {
    const word = disagreements('\\w', pyWord, true);
    assert.deepStrictEqual(word.filter(isPyPrintable), [0x345]);
  });
});
