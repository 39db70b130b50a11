/** Constants of CPython 3.11's re (re/_constants.py, re/_parser.py, _sre) on a 64-bit build. */

export const SRE_FLAG_TEMPLATE = 1;
export const SRE_FLAG_IGNORECASE = 2;
export const SRE_FLAG_LOCALE = 4;
export const SRE_FLAG_MULTILINE = 8;
export const SRE_FLAG_DOTALL = 16;
export const SRE_FLAG_UNICODE = 32;
export const SRE_FLAG_VERBOSE = 64;
export const SRE_FLAG_DEBUG = 128;
export const SRE_FLAG_ASCII = 256;

/** Inline flag letters (_parser.FLAGS). */
export const INLINE_FLAGS: ReadonlyMap<string, number> = new Map([
  ['i', SRE_FLAG_IGNORECASE],
  ['L', SRE_FLAG_LOCALE],
  ['m', SRE_FLAG_MULTILINE],
  ['s', SRE_FLAG_DOTALL],
  ['x', SRE_FLAG_VERBOSE],
  ['a', SRE_FLAG_ASCII],
  ['t', SRE_FLAG_TEMPLATE],
  ['u', SRE_FLAG_UNICODE],
]);

export const TYPE_FLAGS = SRE_FLAG_ASCII | SRE_FLAG_LOCALE | SRE_FLAG_UNICODE;

/** _sre.MAXREPEAT: counts at or above it raise OverflowError. */
export const MAXREPEAT = 4294967295;
/** _sre.MAXGROUPS. */
export const MAXGROUPS = 1073741823;
/** _compiler.MAXCODE (CODESIZE 4): the widest look-behind. */
export const MAXCODE = 4294967295;
/** _parser.MAXWIDTH = 1 << 64 (a double is exact enough: only compared against MAXCODE). */
export const MAXWIDTH = 2 ** 64;
/** sys.get_int_max_str_digits() default: int() of a longer digit string raises ValueError. */
export const INT_MAX_STR_DIGITS = 4300;

export const SPECIAL_CHARS = '.\\[{()*+?^$|';
export const REPEAT_CHARS = '*+?{';
export const DIGITS: ReadonlySet<string> = new Set('0123456789');
export const OCTDIGITS: ReadonlySet<string> = new Set('01234567');
export const HEXDIGITS: ReadonlySet<string> = new Set('0123456789abcdefABCDEF');
export const ASCIILETTERS: ReadonlySet<string> = new Set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
export const WHITESPACE: ReadonlySet<string> = new Set(' \t\n\r\v\f');

/** Python's `x in "abc"` on strings is a substring test; tokens are never empty, so this matches it. */
export function isSubstringOf(token: string | null, chars: string): boolean {
  return token !== null && chars.includes(token);
}
