/**
 * Python's view of a str, where it differs from JavaScript's: the re parser's messages and checks,
 * and the daemon's length caps and strip(). One helper per fact; the predicates come from the
 * generated Python 3.11 (Unicode 14) tables, never the JS engine's own Unicode data.
 */
import { INT_MAX_STR_DIGITS } from './constants';
import { isPyAlpha, isPyIdentifier, isPyPrintable, isPySpace, pyDecimalValue } from './unicode/tables';

/** Code points of a JS string as Python sees them (pairs combined, lone surrogates kept). */
export function codePointsOf(text: string): number[] {
  const result: number[] = [];
  for (const char of text) result.push(char.codePointAt(0) ?? 0);
  return result;
}

/** len() of a Python str built from this JS string: code points, a lone surrogate counting as one. */
export function pyLen(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSurrogatePair(text, i)) i++;
    count++;
  }
  return count;
}

/** str.strip() with no argument: trims what str.isspace() accepts (U+001C–U+001F and U+0085 included, U+FEFF not). */
export function pyStrip(text: string): string {
  // Every Python whitespace character is in the BMP, so one UTF-16 unit decides.
  let start = 0;
  let end = text.length;
  while (start < end && isPySpace(text.charCodeAt(start))) start++;
  while (end > start && isPySpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** text[:count] (code points). */
export function pyPrefix(text: string, count: number): string {
  if (text.length <= count) return text;
  return text.slice(0, codePointIndexToUtf16(text, count));
}

export function isIdentifier(text: string): boolean {
  return isPyIdentifier(codePointsOf(text));
}

/** str.isalpha(): non-empty and every code point alphabetic. */
export function isAlpha(text: string): boolean {
  const codePoints = codePointsOf(text);
  return codePoints.length > 0 && codePoints.every(isPyAlpha);
}

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0');
}

/** repr(str) exactly as CPython 3.11 writes it (unicode_repr). */
export function pyRepr(text: string): string {
  const codePoints = codePointsOf(text);
  const hasSingle = codePoints.includes(0x27);
  const hasDouble = codePoints.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let body = '';
  for (const cp of codePoints) {
    const char = String.fromCodePoint(cp);
    if (char === quote || char === '\\') body += '\\' + char;
    else if (cp === 0x09) body += '\\t';
    else if (cp === 0x0a) body += '\\n';
    else if (cp === 0x0d) body += '\\r';
    else if (cp < 0x20 || cp === 0x7f) body += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) body += char;
    else if (isPyPrintable(cp)) body += char;
    else if (cp <= 0xff) body += '\\x' + hex(cp, 2);
    else if (cp <= 0xffff) body += '\\u' + hex(cp, 4);
    else body += '\\U' + hex(cp, 8);
  }
  return quote + body + quote;
}

/** Result of Python's int(text) for base 10. */
export type PyIntResult = { ok: true; value: bigint } | { ok: false; kind: 'ValueError'; tooManyDigits: boolean };

/**
 * int(text): non-ASCII whitespace becomes ' ' and non-ASCII decimal digits their ASCII digit
 * (_PyUnicode_TransformDecimalAndSpaceToASCII), then PyLong_FromString: ASCII whitespace around,
 * one sign, digits with single underscores between them, and the
 * 4300-digit limit of sys.int_info.default_max_str_digits.
 */
export function pyInt(text: string): PyIntResult {
  const failure: PyIntResult = { ok: false, kind: 'ValueError', tooManyDigits: false };
  let ascii = '';
  for (const cp of codePointsOf(text)) {
    if (cp < 0x7f) ascii += String.fromCharCode(cp);
    else if (isPySpace(cp)) ascii += ' ';
    else {
      const digit = pyDecimalValue(cp);
      if (digit < 0) return failure;
      ascii += String(digit);
    }
  }
  // PyLong_FromString then strips only ASCII whitespace.
  const match = /^[ \t\n\v\f\r]*([+-]?)([0-9]+(?:_[0-9]+)*)[ \t\n\v\f\r]*$/.exec(ascii);
  if (!match) return failure;
  const digits = match[2].replace(/_/g, '');
  // Leading zeros are fine for int(str, 10); the digit limit counts them too.
  if (digits.length > INT_MAX_STR_DIGITS) return { ok: false, kind: 'ValueError', tooManyDigits: true };
  const magnitude = BigInt(digits);
  return { ok: true, value: match[1] === '-' ? -magnitude : magnitude };
}

/** The ValueError text of int() for a digit string over the limit. */
export function intDigitLimitMessage(digitCount: number): string {
  return (
    `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: ` +
    `value has ${digitCount} digits; use sys.set_int_max_str_digits() to increase the limit`
  );
}

/** UTF-16 offset in `source` of code-point index `cpIndex` (as CPython reports positions); clamped. */
export function codePointIndexToUtf16(source: string, cpIndex: number): number {
  let utf16 = 0;
  for (let i = 0; i < cpIndex && utf16 < source.length; i++) utf16 += isSurrogatePair(source, utf16) ? 2 : 1;
  return utf16;
}

/** The width in UTF-16 units of the code point starting at `utf16Index` (0 at the end of the text). */
export function codePointWidthAt(text: string, utf16Index: number): number {
  if (utf16Index >= text.length) return 0;
  return isSurrogatePair(text, utf16Index) ? 2 : 1;
}

function isSurrogatePair(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}
