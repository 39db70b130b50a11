/** The few Python str behaviours the re parser's messages and checks depend on. */
import { INT_MAX_STR_DIGITS } from './constants';
import { isPyAlpha, isPyIdentifier, isPyPrintable, isPySpace, pyDecimalValue } from './unicode/tables';

/** Code points of a JS string as Python sees them (pairs combined, lone surrogates kept). */
export function codePointsOf(text: string): number[] {
  const result: number[] = [];
  for (const char of text) result.push(char.codePointAt(0) ?? 0);
  return result;
}

/** len() of a Python str built from this JS string. */
export function pyLen(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    count++;
  }
  return count;
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
  for (let i = 0; i < cpIndex && utf16 < source.length; i++) {
    const unit = source.charCodeAt(utf16);
    const isPair = unit >= 0xd800 && unit <= 0xdbff && utf16 + 1 < source.length && (source.charCodeAt(utf16 + 1) & 0xfc00) === 0xdc00;
    utf16 += isPair ? 2 : 1;
  }
  return utf16;
}
