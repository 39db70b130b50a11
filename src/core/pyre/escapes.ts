/** Port of re._parser._class_escape and _escape (escapes inside and outside character sets). */
import { AtCode, CategoryCode, PyreItem, SetMember } from './ast';
import { ASCIILETTERS, DIGITS, HEXDIGITS, OCTDIGITS } from './constants';
import { PyExceptionSignal, ReErrorSignal } from './errors';
import { ParserState } from './state';
import { pyLen, pyRepr } from './pystr';
import { Tokenizer } from './tokenizer';
import { lookupUnicodeName } from './unicode/names';

const LITERAL_ESCAPES: ReadonlyMap<string, number> = new Map([
  ['\\a', 0x07],
  ['\\b', 0x08],
  ['\\f', 0x0c],
  ['\\n', 0x0a],
  ['\\r', 0x0d],
  ['\\t', 0x09],
  ['\\v', 0x0b],
  ['\\\\', 0x5c],
]);

const CATEGORY_ESCAPES: ReadonlyMap<string, CategoryCode> = new Map([
  ['\\d', 'CATEGORY_DIGIT'],
  ['\\D', 'CATEGORY_NOT_DIGIT'],
  ['\\s', 'CATEGORY_SPACE'],
  ['\\S', 'CATEGORY_NOT_SPACE'],
  ['\\w', 'CATEGORY_WORD'],
  ['\\W', 'CATEGORY_NOT_WORD'],
]);

const AT_ESCAPES: ReadonlyMap<string, AtCode> = new Map([
  ['\\A', 'AT_BEGINNING_STRING'],
  ['\\b', 'AT_BOUNDARY'],
  ['\\B', 'AT_NON_BOUNDARY'],
  ['\\Z', 'AT_END_STRING'],
]);

const MAX_UNICODE = 0x10ffff;
const MAX_C_INT = 0x7fffffff;
const MAX_OCTAL_ESCAPE = 0o377;

/** Python's `raise ValueError` inside the escape helpers: it becomes "bad escape <escape so far>". */
class BadEscape extends Error {
  constructor(readonly escape: string) {
    super(escape);
  }
}

/** An escape inside a set: a single member, or a category (which cannot start a range). */
export type ClassEscape = { kind: 'literal'; cp: number } | { kind: 'category'; member: SetMember };

/** \x, \u, \U, \N{...}: the escapes shared by both contexts; null when `escape` is none of them. */
function unicodeEscape(source: Tokenizer, escape: string): number | null {
  const c = escape.slice(1);
  const fixedHex = (digits: number): [number, string] => {
    const full = escape + source.getwhile(digits, HEXDIGITS);
    if (pyLen(full) !== digits + 2) throw source.error(`incomplete escape ${full}`, pyLen(full));
    return [parseInt(full.slice(2), 16), full];
  };
  if (c === 'x') return fixedHex(2)[0];
  if (c === 'u') return fixedHex(4)[0];
  if (c === 'U') {
    const [value, full] = fixedHex(8);
    // chr() raises OverflowError beyond a C int (before 3.13), ValueError (-> "bad escape") beyond U+10FFFF.
    if (value > MAX_C_INT && !source.python.chrOverflowIsValueError) {
      throw new PyExceptionSignal('OverflowError', 'Python int too large to convert to C int', source.tell() - 10);
    }
    if (value > MAX_UNICODE) throw new BadEscape(full);
    return value;
  }
  if (c === 'N') {
    if (!source.match('{')) throw source.error('missing {');
    const name = source.getuntil('}', 'character name');
    const found = lookupUnicodeName(name);
    if (found.kind === 'unencodable') throw new BadEscape(escape); // UnicodeEncodeError is a ValueError
    if (found.kind === 'undefined') {
      throw source.error(`undefined character name ${pyRepr(name)}`, pyLen(name) + pyLen('\\N{}'));
    }
    return found.codePoint;
  }
  return null;
}

function badEscape(source: Tokenizer, escape: string): ReErrorSignal {
  return source.error(`bad escape ${escape}`, pyLen(escape));
}

/** _class_escape(source, escape) */
export function classEscape(source: Tokenizer, escape: string): ClassEscape {
  const literal = LITERAL_ESCAPES.get(escape);
  if (literal !== undefined) return { kind: 'literal', cp: literal };
  const category = CATEGORY_ESCAPES.get(escape);
  if (category !== undefined) return { kind: 'category', member: { op: 'CATEGORY', code: category } };
  try {
    const unicode = unicodeEscape(source, escape);
    if (unicode !== null) return { kind: 'literal', cp: unicode };
    const c = escape.slice(1);
    if (OCTDIGITS.has(c)) {
      const full = escape + source.getwhile(2, OCTDIGITS);
      const value = parseInt(full.slice(1), 8);
      if (value > MAX_OCTAL_ESCAPE) {
        throw source.error(`octal escape value ${full} outside of range 0-0o377`, pyLen(full));
      }
      return { kind: 'literal', cp: value };
    }
    if (DIGITS.has(c)) throw new BadEscape(escape);
    if (pyLen(escape) === 2) {
      if (ASCIILETTERS.has(c)) throw badEscape(source, escape);
      return { kind: 'literal', cp: c.codePointAt(0) ?? 0 };
    }
  } catch (caught) {
    if (!(caught instanceof BadEscape)) throw caught;
    throw badEscape(source, caught.escape);
  }
  throw badEscape(source, escape);
}

/** _escape(source, escape, state): an escape outside a set. */
export function escapeItem(source: Tokenizer, escape: string, state: ParserState, pos: number): PyreItem {
  const at = AT_ESCAPES.get(escape);
  if (at !== undefined) return { op: 'AT', code: at, pos };
  const category = CATEGORY_ESCAPES.get(escape);
  if (category !== undefined) return { op: 'IN', set: [{ op: 'CATEGORY', code: category }], pos };
  const literal = LITERAL_ESCAPES.get(escape);
  if (literal !== undefined) return { op: 'LITERAL', cp: literal, pos };
  try {
    const unicode = unicodeEscape(source, escape);
    if (unicode !== null) return { op: 'LITERAL', cp: unicode, pos };
    const c = escape.slice(1);
    if (c === '0') {
      const full = escape + source.getwhile(2, OCTDIGITS);
      return { op: 'LITERAL', cp: parseInt(full.slice(1), 8), pos };
    }
    if (DIGITS.has(c)) return digitEscape(source, escape, state, pos);
    if (pyLen(escape) === 2) {
      if (ASCIILETTERS.has(c)) throw badEscape(source, escape);
      return { op: 'LITERAL', cp: c.codePointAt(0) ?? 0, pos };
    }
  } catch (caught) {
    if (!(caught instanceof BadEscape)) throw caught;
    throw badEscape(source, caught.escape);
  }
  throw badEscape(source, escape);
}

/** \1..\99 group references, or a three-digit octal escape. */
function digitEscape(source: Tokenizer, escape: string, state: ParserState, pos: number): PyreItem {
  let full = escape;
  if (source.next !== null && DIGITS.has(source.next)) {
    full += source.get();
    if (OCTDIGITS.has(full[1]) && OCTDIGITS.has(full[2]) && source.next !== null && OCTDIGITS.has(source.next)) {
      full += source.get();
      const value = parseInt(full.slice(1), 8);
      if (value > MAX_OCTAL_ESCAPE) {
        throw source.error(`octal escape value ${full} outside of range 0-0o377`, pyLen(full));
      }
      return { op: 'LITERAL', cp: value, pos };
    }
  }
  const group = parseInt(full.slice(1), 10);
  source.stack.reach('pp'); // state.checkgroup(group) -> self.groups
  if (group < state.groups) {
    if (!state.checkgroup(group)) throw source.error('cannot refer to an open group', pyLen(full));
    state.checklookbehindgroup(group, source);
    return { op: 'GROUPREF', group, pos };
  }
  throw source.error(`invalid group reference ${group}`, pyLen(full) - 1);
}
