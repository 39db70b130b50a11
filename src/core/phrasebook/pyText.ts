// Python's view of text, where it differs from JavaScript's: `len()` counts code points (not UTF-16
// units) and `str.strip()` trims the characters for which `str.isspace()` is true (a different set
// from JavaScript's `\s`: it includes U+001C–U+001F and U+0085, and excludes U+FEFF).

/** Every code point for which CPython 3.11's `str.isspace()` is true. */
const PYTHON_WHITESPACE = new Set<number>([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002,
  0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

export function isPythonWhitespace(codeUnit: number): boolean {
  // Every Python whitespace character is in the BMP, so one UTF-16 unit decides.
  return PYTHON_WHITESPACE.has(codeUnit);
}

/** Python `str.strip()` with no argument. */
export function pythonStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPythonWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isPythonWhitespace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Python `len()` of a str: code points. A lone surrogate counts as one, as it does in Python. */
export function pythonLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if (isSurrogatePair(text, i)) {
      length--;
      i++;
    }
  }
  return length;
}

/** Python `text[:count]` (code points). */
export function pythonPrefix(text: string, count: number): string {
  if (text.length <= count) return text;
  return text.slice(0, codePointToUtf16Index(text, count));
}

/** The UTF-16 index of code point `cpIndex` (clamped to the end of the text). */
export function codePointToUtf16Index(text: string, cpIndex: number): number {
  let utf16 = 0;
  for (let cp = 0; cp < cpIndex && utf16 < text.length; cp++) {
    utf16 += isSurrogatePair(text, utf16) ? 2 : 1;
  }
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
