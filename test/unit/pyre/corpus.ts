/**
 * Deterministic pattern corpus for the CPython differential test: hand-picked edge cases for every
 * error CPython's re can raise, generated valid patterns, mutations of them (insert / delete /
 * replace from a regex alphabet), random regex-alphabet strings and the daemon's seed patterns.
 */
import { EDGE_CASES, SEED_PATTERNS } from './edgeCases';

/** mulberry32: a tiny seeded PRNG so the corpus is identical on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function int(random: Random, below: number): number {
  return Math.floor(random() * below);
}

/** Characters that matter to the parser, plus a few ordinary and non-ASCII ones. */
const REGEX_ALPHABET = Array.from('()[]{}?*+|^$.\\-,:=!<>#PLaimsxutbBdDwWSAZNUgkq0123456789_ é\n\t}');

const ATOMS = [
  'a',
  'b',
  'x',
  'é',
  'K',
  '.',
  '\\d',
  '\\w',
  '\\s',
  '\\D',
  '\\W',
  '\\S',
  '\\.',
  '\\\\',
  '\\n',
  '\\t',
  '\\x41',
  '\\u00e9',
  '\\U0001F600',
  '\\N{EM DASH}',
  '\\N{LATIN SMALL LETTER A}',
  '[abc]',
  '[^a-z]',
  '[a-z0-9_]',
  '[\\w-]',
  '[.?*]',
  '[\\]]',
  '[]a]',
  '[^]a]',
  '\\0',
  '\\012',
  '[\\d\\s]',
  '[-a]',
  '[a-]',
  '\\$',
  '\\(',
  '😀',
  'ſ',
  'İ',
  'ß',
];
const ASSERTIONS = ['^', '$', '\\A', '\\Z', '\\b', '\\B'];
const QUANTIFIERS = [
  '*',
  '+',
  '?',
  '*?',
  '+?',
  '??',
  '*+',
  '++',
  '?+',
  '{2}',
  '{1,3}',
  '{,2}',
  '{2,}',
  '{0}',
  '{1,3}?',
  '{2}+',
];

/** A random valid-looking pattern (mostly valid; the oracle decides). */
export function generatePattern(random: Random, depth = 0): string {
  const length = 1 + int(random, depth === 0 ? 5 : 3);
  let result = '';
  let groupCount = 0;
  for (let i = 0; i < length; i++) {
    const roll = random();
    let piece: string;
    if (roll < 0.45 || depth > 2) piece = pick(random, ATOMS);
    else if (roll < 0.55) piece = pick(random, ASSERTIONS);
    else {
      const inner = generatePattern(random, depth + 1);
      const alternative = random() < 0.3 ? '|' + generatePattern(random, depth + 1) : '';
      const opener = pick(random, [
        '(',
        '(',
        '(?:',
        '(?P<g' + i + '>',
        '(?>',
        '(?=',
        '(?!',
        '(?<=',
        '(?<!',
        '(?i:',
        '(?s:',
        '(?-i:',
        '(?x:',
      ]);
      piece = opener + inner + alternative + ')';
      groupCount++;
    }
    if (random() < 0.35 && !ASSERTIONS.includes(piece)) piece += pick(random, QUANTIFIERS);
    result += piece;
  }
  if (groupCount > 0 && random() < 0.15) result += '\\1';
  if (groupCount > 0 && random() < 0.1) result += '(?(1)y|n)';
  if (depth === 0 && random() < 0.1) result = pick(random, ['(?i)', '(?x)', '(?s)', '(?m)', '(?a)', '(?u)']) + result;
  return result;
}

/** One random edit: insert, delete or replace a code point with a regex-alphabet character. */
export function mutate(random: Random, pattern: string): string {
  const chars = Array.from(pattern);
  const edits = 1 + int(random, 3);
  for (let e = 0; e < edits; e++) {
    const at = int(random, chars.length + 1);
    const roll = random();
    if (roll < 0.4 || chars.length === 0) chars.splice(at, 0, pick(random, REGEX_ALPHABET));
    else if (roll < 0.7) chars.splice(Math.min(at, chars.length - 1), 1);
    else chars[Math.min(at, chars.length - 1)] = pick(random, REGEX_ALPHABET);
  }
  return chars.join('');
}

export function randomAlphabetString(random: Random, maxLength: number): string {
  let result = '';
  const length = int(random, maxLength + 1);
  for (let i = 0; i < length; i++) result += pick(random, REGEX_ALPHABET);
  return result;
}

export interface CorpusSizes {
  generated: number;
  mutated: number;
  random: number;
}

export const DEFAULT_SIZES: CorpusSizes = { generated: 700, mutated: 1300, random: 500 };

/** The full, de-duplicated corpus, in a stable order. */
export function buildCorpus(seed = 20240611, sizes: CorpusSizes = DEFAULT_SIZES): string[] {
  const random = seededRandom(seed);
  const generated = Array.from({ length: sizes.generated }, () => generatePattern(random));
  const mutationSources = [...generated, ...EDGE_CASES, ...SEED_PATTERNS];
  const mutated = Array.from({ length: sizes.mutated }, () => mutate(random, pick(random, mutationSources)));
  const randomStrings = Array.from({ length: sizes.random }, () => randomAlphabetString(random, 12));
  return [...new Set([...SEED_PATTERNS, ...EDGE_CASES, ...generated, ...mutated, ...randomStrings])];
}
