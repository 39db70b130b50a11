/**
 * unicodedata.lookup() as CPython 3.11 implements it (Modules/unicodedata.c, _getcode), for \N{...}:
 * - names and formal aliases compare after ASCII upper-casing (so "em dash" works);
 * - "HANGUL SYLLABLE " and "CJK UNIFIED IDEOGRAPH-" names are algorithmic and only accepted in
 *   upper case (jamo parts, hex digits), and an invalid algorithmic name never falls back;
 * - named sequences are not characters (re reports them as undefined), so they are not stored.
 */
import { inflateSync } from 'zlib';
import { CodePointSet } from './tables';

/**
 * The names table (~190 KB) is loaded on the first \N{...} only: it is its own file beside the
 * bundles (esbuild.mjs builds dist/namesData.js) and beside this module when compiled by tsc. A
 * variable module name keeps esbuild from inlining it into the extension's bundle.
 */
const NAMES_DATA_MODULE = './namesData';
type NamesData = typeof import('./namesData');
let namesData: NamesData | undefined;

function data(): NamesData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at startup
  namesData ??= require(NAMES_DATA_MODULE) as NamesData;
  return namesData;
}

const HANGUL_PREFIX = 'HANGUL SYLLABLE ';
const CJK_PREFIX = 'CJK UNIFIED IDEOGRAPH-';
const HANGUL_BASE = 0xac00;
const HANGUL_V_COUNT = 21;
const HANGUL_T_COUNT = 28;
/** unicodedata's NAME_MAXLEN: longer names are rejected before any lookup. */
const NAME_MAX_LENGTH = 256;
const ALIASES_MARKER = '=aliases';

let namesToCodePoints: Map<string, number> | undefined;
let cjkRanges: CodePointSet | undefined;

function loadNames(): Map<string, number> {
  if (namesToCodePoints) return namesToCodePoints;
  const table = new Map<string, number>();
  const text = inflateSync(Buffer.from(data().NAMES_ZLIB_BASE64, 'base64')).toString('latin1');
  let previous = -1;
  let inAliases = false;
  for (const line of text.split('\n')) {
    if (line === ALIASES_MARKER) {
      inAliases = true;
      continue;
    }
    const colon = line.indexOf(':');
    const head = line.slice(0, colon);
    const name = line.slice(colon + 1);
    if (inAliases) {
      table.set(name, parseInt(head, 36));
    } else {
      previous += head === '' ? 1 : parseInt(head, 36);
      table.set(name, previous);
    }
  }
  namesToCodePoints = table;
  return table;
}

function asciiUpper(text: string): string {
  return text.replace(/[a-z]+/g, (run) => run.toUpperCase());
}

/** find_syllable(): the longest jamo name of the column that prefixes text (case-sensitive). */
function longestJamo(text: string, column: readonly string[]): { index: number; length: number } | null {
  let best: { index: number; length: number } | null = null;
  column.forEach((jamo, index) => {
    if ((best === null || jamo.length > best.length) && text.startsWith(jamo)) best = { index, length: jamo.length };
  });
  return best;
}

function lookupHangul(rest: string): number | null {
  const leading = longestJamo(rest, data().HANGUL_L);
  if (!leading) return null;
  const vowel = longestJamo(rest.slice(leading.length), data().HANGUL_V);
  if (!vowel) return null;
  const trailing = longestJamo(rest.slice(leading.length + vowel.length), data().HANGUL_T);
  if (!trailing || leading.length + vowel.length + trailing.length !== rest.length) return null;
  return HANGUL_BASE + (leading.index * HANGUL_V_COUNT + vowel.index) * HANGUL_T_COUNT + trailing.index;
}

function lookupCjk(hex: string): number | null {
  if (!/^[0-9A-F]{4,5}$/.test(hex)) return null;
  const cp = parseInt(hex, 16);
  cjkRanges ??= CodePointSet.fromRuns(data().CJK_UNIFIED_RANGES);
  return cjkRanges.has(cp) ? cp : null;
}

/** Outcome of unicodedata.lookup for one name, as far as re's \N{...} can observe it. */
export type NameLookup = { kind: 'found'; codePoint: number } | { kind: 'undefined' } | { kind: 'unencodable' };

export function lookupUnicodeName(name: string): NameLookup {
  // The name is UTF-8 encoded first; a lone surrogate raises UnicodeEncodeError (a ValueError).
  if (/\p{Cs}/u.test(name)) return { kind: 'unencodable' };
  if (Buffer.byteLength(name, 'utf8') > NAME_MAX_LENGTH) return { kind: 'undefined' };
  let codePoint: number | null;
  if (name.startsWith(HANGUL_PREFIX)) {
    codePoint = lookupHangul(name.slice(HANGUL_PREFIX.length));
  } else if (name.startsWith(CJK_PREFIX)) {
    codePoint = lookupCjk(name.slice(CJK_PREFIX.length));
  } else {
    codePoint = loadNames().get(asciiUpper(name)) ?? null;
  }
  return codePoint === null ? { kind: 'undefined' } : { kind: 'found', codePoint };
}
