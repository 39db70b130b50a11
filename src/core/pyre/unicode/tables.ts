/**
 * Python 3.11 (Unicode 14) character predicates, decoded lazily from the generated tablesData.ts.
 * The JS engine's own Unicode data (\p{...}) is a newer Unicode version, so the parser never uses
 * it for decisions CPython makes (identifiers, repr, isalpha, int()).
 */
import * as data from './tablesData';

/** Sorted, non-overlapping [start, endExclusive) runs with binary-search membership. */
export class CodePointSet {
  private constructor(
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array,
  ) {}

  static fromRuns(encoded: string): CodePointSet {
    const numbers = encoded.length === 0 ? [] : encoded.split(',').map((part) => parseInt(part, 36));
    const starts = new Uint32Array(numbers.length / 2);
    const ends = new Uint32Array(numbers.length / 2);
    let cursor = 0;
    for (let i = 0; i < numbers.length; i += 2) {
      cursor += numbers[i];
      starts[i / 2] = cursor;
      cursor += numbers[i + 1];
      ends[i / 2] = cursor;
    }
    return new CodePointSet(starts, ends);
  }

  has(cp: number): boolean {
    return this.runIndex(cp) !== -1;
  }

  /** Start of the run containing cp (cp must be a member). */
  runStart(cp: number): number {
    const index = this.runIndex(cp);
    return index === -1 ? -1 : this.starts[index];
  }

  /** Binary search for the run [start, end) containing cp, or -1. */
  private runIndex(cp: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < this.starts[mid]) hi = mid - 1;
      else if (cp >= this.ends[mid]) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}

function lazySet(encoded: string): () => CodePointSet {
  let decoded: CodePointSet | undefined;
  return () => (decoded ??= CodePointSet.fromRuns(encoded));
}

const xidStart = lazySet(data.XID_START);
const xidContinue = lazySet(data.XID_CONTINUE);
const printable = lazySet(data.PRINTABLE);
const alpha = lazySet(data.ALPHA);
const decimal = lazySet(data.DECIMAL);
const space = lazySet(data.SPACE);
const alnum = lazySet(data.ALNUM);

export const isPyPrintable = (cp: number): boolean => printable().has(cp);
export const isPyAlpha = (cp: number): boolean => alpha().has(cp);
export const isPySpace = (cp: number): boolean => space().has(cp);
/** str.isalnum() / str.isdecimal(): Python's \w (with '_') and \d, to check the translation against. */
export const isPyAlnum = (cp: number): boolean => alnum().has(cp);
export const isPyDecimal = (cp: number): boolean => decimal().has(cp);

/** Decimal value of a Unicode decimal digit (Nd digits always come in runs of 0..9), else -1. */
export function pyDecimalValue(cp: number): number {
  const start = decimal().runStart(cp);
  return start < 0 ? -1 : (cp - start) % 10;
}

/** str.isidentifier(): first code point XID_Start or '_', the rest XID_Continue (no NFKC step). */
export function isPyIdentifier(codePoints: readonly number[]): boolean {
  if (codePoints.length === 0) return false;
  const [first, ...rest] = codePoints;
  if (first !== 0x5f && !xidStart().has(first)) return false;
  return rest.every((cp) => xidContinue().has(cp));
}

let lowerMap: Map<number, number> | undefined;

/** sre's simple lower-case mapping (_sre.unicode_tolower), identity when unmapped. */
export function pyLower(cp: number): number {
  if (!lowerMap) {
    lowerMap = new Map();
    const numbers = data.LOWER_DELTAS.split(',');
    let cursor = 0;
    for (let i = 0; i < numbers.length; i += 2) {
      cursor += parseInt(numbers[i], 36);
      lowerMap.set(cursor, cursor + parseInt(numbers[i + 1], 36));
    }
  }
  return lowerMap.get(cp) ?? cp;
}

let lowerPreimages: Map<number, number[]> | undefined;
let extraCases: Map<number, readonly number[]> | undefined;

/**
 * Every code point that CPython's IGNORECASE (unicode) matching treats as equal to cp:
 * { ch : lower(ch) in {lower(cp)} + _EXTRA_CASES[lower(cp)] }.
 */
export function pyCaseEquivalents(cp: number): number[] {
  if (!lowerPreimages) {
    pyLower(0);
    lowerPreimages = new Map();
    for (const [from, to] of lowerMap ?? []) {
      const list = lowerPreimages.get(to) ?? [];
      list.push(from);
      lowerPreimages.set(to, list);
    }
    extraCases = new Map(data.EXTRA_CASES.map(([key, others]) => [key, others]));
  }
  const lowered = pyLower(cp);
  const targets = [lowered, ...(extraCases?.get(lowered) ?? [])];
  const result = new Set<number>();
  for (const target of targets) {
    if (pyLower(target) === target) result.add(target);
    for (const source of lowerPreimages.get(target) ?? []) result.add(source);
  }
  return [...result].sort((a, b) => a - b);
}
