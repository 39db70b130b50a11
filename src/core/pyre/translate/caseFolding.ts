/**
 * IGNORECASE as CPython's sre applies it, for the translator:
 * - unicode mode: ch matches literal c when lower(ch) is lower(c) or one of _EXTRA_CASES[lower(c)]
 *   (sre's simple lower-case mapping, Unicode 14);
 * - ascii mode ((?a)): only ASCII letters fold.
 * JavaScript's /iu folds with Unicode simple case folding instead. They agree except for the
 * Turkish dotted/dotless i (Python: i ~ I ~ İ ~ ı) and characters cased only after Unicode 14;
 * `jsMissedEquivalents` finds the former so translations can add them explicitly.
 */
import { pyCaseEquivalents, pyLower } from '../unicode/tables';
import * as data from '../unicode/tablesData';

export type CaseMode = 'unicode' | 'ascii';

const ASCII_A_UPPER = 0x41;
const ASCII_Z_UPPER = 0x5a;
const ASCII_CASE_OFFSET = 0x20;

function asciiEquivalents(cp: number): number[] {
  if (cp >= ASCII_A_UPPER && cp <= ASCII_Z_UPPER) return [cp, cp + ASCII_CASE_OFFSET];
  if (cp >= ASCII_A_UPPER + ASCII_CASE_OFFSET && cp <= ASCII_Z_UPPER + ASCII_CASE_OFFSET) {
    return [cp - ASCII_CASE_OFFSET, cp];
  }
  return [cp];
}

/** All code points Python treats as equal to cp under IGNORECASE (cp included), sorted. */
export function caseEquivalents(cp: number, mode: CaseMode): number[] {
  return mode === 'ascii' ? asciiEquivalents(cp) : pyCaseEquivalents(cp);
}

let unicodeCased: number[] | undefined;
const ASCII_LETTERS = [...Array(26).keys()].flatMap((i) => [ASCII_A_UPPER + i, ASCII_A_UPPER + ASCII_CASE_OFFSET + i]);

/** Every code point that has a case equivalent other than itself, in the given mode. */
export function casedCodePoints(mode: CaseMode): readonly number[] {
  if (mode === 'ascii') return ASCII_LETTERS;
  if (!unicodeCased) {
    const cased = new Set<number>();
    const numbers = data.LOWER_DELTAS.split(',');
    let cursor = 0;
    for (let i = 0; i < numbers.length; i += 2) {
      cursor += parseInt(numbers[i], 36);
      cased.add(cursor);
      cased.add(pyLower(cursor));
    }
    for (const [key, others] of data.EXTRA_CASES) [key, ...others].forEach((cp) => cased.add(cp));
    unicodeCased = [...cased].filter((cp) => pyCaseEquivalents(cp).length > 1).sort((a, b) => a - b);
  }
  return unicodeCased;
}

const jsFoldCache = new Map<string, boolean>();
/** Bounded: class sources come from user patterns. */
const JS_FOLD_CACHE_LIMIT = 20_000;

/** Does /source/iu match the single code point cp (whole string)? */
export function jsMatchesIgnoringCase(source: string, cp: number): boolean {
  const key = `${source}\u0000${cp}`;
  let result = jsFoldCache.get(key);
  if (result === undefined) {
    result = new RegExp(`^(?:${source})$`, 'iu').test(String.fromCodePoint(cp));
    if (jsFoldCache.size >= JS_FOLD_CACHE_LIMIT) jsFoldCache.clear();
    jsFoldCache.set(key, result);
  }
  return result;
}

let jsNarrower: number[] | undefined;

/**
 * Code points whose Python case class contains something /iu does not match (computed once from
 * the JS engine itself, so it follows whatever Unicode version the engine has).
 */
export function jsMissedEquivalents(): readonly number[] {
  if (!jsNarrower) {
    const missed = new Set<number>();
    for (const cp of casedCodePoints('unicode')) {
      const literal = `\\u{${cp.toString(16)}}`;
      for (const other of pyCaseEquivalents(cp)) {
        if (!jsMatchesIgnoringCase(literal, other)) {
          missed.add(cp);
          missed.add(other);
        }
      }
    }
    jsNarrower = [...missed].sort((a, b) => a - b);
  }
  return jsNarrower;
}
