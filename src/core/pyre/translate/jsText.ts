/** Writing code points into JavaScript RegExp source (always compiled with the 'u' flag). */

/** Characters with a meaning outside a class in u-mode; they get a backslash. */
const SYNTAX_OUTSIDE = new Set(Array.from('^$\\.*+?()[]{}|/'));
/** Characters with a meaning inside a class. */
const SYNTAX_INSIDE = new Set(Array.from('\\]^-[/'));

function isPlainPrintable(cp: number): boolean {
  // Printable ASCII and ordinary non-ASCII letters stay readable; controls, spaces, marks,
  // surrogates and other invisibles are written as \u{...}.
  if (cp >= 0x21 && cp <= 0x7e) return true;
  if (cp < 0xa1 || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(cp));
}

export function codePointEscape(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** A code point as a literal outside a character class. */
export function literalOutsideClass(cp: number): string {
  const char = String.fromCodePoint(cp);
  if (SYNTAX_OUTSIDE.has(char)) return '\\' + char;
  return isPlainPrintable(cp) ? char : codePointEscape(cp);
}

/** A code point inside a character class. */
export function literalInsideClass(cp: number): string {
  const char = String.fromCodePoint(cp);
  if (SYNTAX_INSIDE.has(char)) return '\\' + char;
  return isPlainPrintable(cp) ? char : codePointEscape(cp);
}

/** Class body for [lo, hi] runs. */
export function rangesBody(ranges: ReadonlyArray<readonly [number, number]>): string {
  return ranges
    .map(([lo, hi]) => {
      if (lo === hi) return literalInsideClass(lo);
      if (hi === lo + 1) return literalInsideClass(lo) + literalInsideClass(hi);
      return `${literalInsideClass(lo)}-${literalInsideClass(hi)}`;
    })
    .join('');
}

/** Sorted, merged runs of a list of code points. */
export function toRanges(codePoints: Iterable<number>): Array<[number, number]> {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const cp of sorted) {
    const last = runs[runs.length - 1];
    if (last && cp === last[1] + 1) last[1] = cp;
    else runs.push([cp, cp]);
  }
  return runs;
}

/** Wraps a translated piece so a quantifier applies to all of it. */
export function asAtom(source: string): string {
  if (isSingleAtom(source)) return source;
  return `(?:${source})`;
}

function isSingleAtom(source: string): boolean {
  const chars = Array.from(source);
  if (chars.length === 1) return !SYNTAX_OUTSIDE.has(chars[0]) || chars[0] === '.';
  if (/^\\(?:u\{[0-9a-f]+\}|[pP]\{[A-Za-z_]+\}|[^upPk\d])$/.test(source)) return true;
  if (source.startsWith('[') && source.endsWith(']') && closingBracketIndex(source) === source.length - 1) return true;
  return false;
}

/** Index of the first unescaped ']' (generated classes escape every literal ']'). */
function closingBracketIndex(source: string): number {
  for (let i = 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return -1;
}
