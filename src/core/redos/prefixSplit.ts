// Most phrasebook patterns are `^(phrase|phrase|…)` and a short tail. The alternation of phrases has
// no loop, yet it is what makes recheck slow (its automata grow with every phrase: 0.1–2 s a
// pattern), while the tail — the only part that can backtrack more than linearly — is shared by
// many patterns. So a pattern `^PT` whose leading part P is loop-free is judged by its tail `^T`,
// which recheck answers in milliseconds, once for every pattern that ends with it.
//
// Why that is sound. P has no quantifier above 1, no lookaround, no backreference and no
// assertion, so it matches the input's start in at most paths(P) ways (bounded below), each
// ending within maxLength characters. Under the sticky (start-anchored) match the engine runs T
// once for each way P matches, from where that way ended. T has no lookbehind, no `\b`/`\B`, no
// `^`, no backreference and no top-level `|`, so a run of T from position ℓ of s does exactly what
// `^T` does on s.slice(ℓ). Hence
//     cost(^PT, s) ≤ paths(P) · (maxLength + max over ℓ of cost(^T, s.slice(ℓ)))
// and `^PT` is linear (or polynomial of degree d) whenever `^T` is: "safe" for the tail is safe.
// The other way round needs a witness. If `^T` fails on the attack a, with cost f(|a|), take a
// string w that P matches. When P matches exactly one prefix of w + a — w itself — every way P
// matches hands a to T, which fails, so the whole match fails after at least one full run of T:
// w + a attacks `^PT` with the same complexity. That is checked on the actual attack
// (prefixedVerdict); where it does not hold, the whole pattern goes to recheck instead.
import { attackFromParts, vulnerableVerdict } from './diagnostics';
import { classEnd, isQuantifierStart, readEscape, readGroupOpen, readQuantifier } from './prepass';
import type { AttackParts, RedosVerdict } from './verdict';

/** Past these, P's "constant" factor is no longer small: the split stops earlier. */
const MAX_PREFIX_PATHS = 1000;
const MAX_PREFIX_LENGTH = 256;
/** Flags whose meaning the argument above covers (`m` moves `^`, `v` changes class syntax). */
const SPLITTABLE_FLAGS = /^[iusy]*$/;
/** Tried, after the atom's own characters, when looking for a character an atom matches. */
const SAMPLE_CHARACTERS = 'a0 _x!.?-\t\n';

type Vulnerable = Extract<RedosVerdict, { status: 'vulnerable' }>;

export interface PrefixSplit {
  /** P, the loop-free leading part (without the `^`). */
  prefix: string;
  /** `^T`: what recheck analyses instead of the whole pattern. */
  tail: string;
  /** The longest input P can match, in UTF-16 units. */
  maxLength: number;
  /** One string P matches. */
  witness: string;
}

/** What a loop-free piece of pattern ends at, how many ways it matches, how long, and an example. */
interface Piece {
  end: number;
  paths: number;
  maxLength: number;
  witness: string;
}

/** The split of a sticky `^PT` into a loop-free P and a restartable T, or undefined when there is none. */
export function splitLoopFreePrefix(source: string, flags: string): PrefixSplit | undefined {
  if (!source.startsWith('^') || !flags.includes('y') || !SPLITTABLE_FLAGS.test(flags)) return undefined;
  let prefix: Piece = { end: 1, paths: 1, maxLength: 0, witness: '' };
  for (;;) {
    const element = readElement(source, prefix.end, flags);
    const joined = element && within(concatenate(prefix, element));
    if (joined === undefined) break;
    prefix = joined;
  }
  const rest = source.slice(prefix.end);
  if (prefix.end === 1 || rest === '' || !isRestartable(rest)) return undefined;
  return {
    prefix: source.slice(1, prefix.end),
    tail: `^${rest}`,
    maxLength: prefix.maxLength,
    witness: prefix.witness,
  };
}

/**
 * The tail's vulnerable verdict turned into the whole pattern's: its attack preceded by P's
 * witness. Undefined when that is not provably an attack (P also matches another prefix of it).
 */
export function prefixedVerdict(split: PrefixSplit, flags: string, tailVerdict: Vulnerable): Vulnerable | undefined {
  const parts = tailVerdict.attackParts;
  if (parts === undefined) return undefined;
  const prefixed: AttackParts =
    parts.pumps.length > 0
      ? {
          ...parts,
          pumps: parts.pumps.map((pump, i) => (i === 0 ? { ...pump, prefix: split.witness + pump.prefix } : pump)),
        }
      : { ...parts, suffix: split.witness + parts.suffix };
  const attack = attackFromParts(prefixed);
  if (!prefixMatchesOnlyWitness(split, flags, attack.string)) return undefined;
  return vulnerableVerdict(tailVerdict.complexity === 'exponential' ? undefined : (tailVerdict.degree ?? 2), attack);
}

/** True when the only prefix of `input` that P matches as a whole is the witness's length. */
function prefixMatchesOnlyWitness(split: PrefixSplit, flags: string, input: string): boolean {
  let wholePrefix: RegExp;
  try {
    wholePrefix = new RegExp(`^(?:${split.prefix})$`, flags.replace('y', ''));
  } catch {
    return false; // not readable on its own (never seen): the whole pattern is checked instead
  }
  for (let length = 0; length <= Math.min(split.maxLength, input.length); length++) {
    if (wholePrefix.test(input.slice(0, length)) !== (length === split.witness.length)) return false;
  }
  return true;
}

function concatenate(first: Piece, second: Piece): Piece {
  return {
    end: second.end,
    paths: first.paths * second.paths,
    maxLength: first.maxLength + second.maxLength,
    witness: first.witness + second.witness,
  };
}

function within(piece: Piece): Piece | undefined {
  return piece.paths <= MAX_PREFIX_PATHS && piece.maxLength <= MAX_PREFIX_LENGTH ? piece : undefined;
}

/** The loop-free element (an atom or group, with a quantifier of at most 1) at `i`, if there is one. */
function readElement(source: string, i: number, flags: string): Piece | undefined {
  // The quantifier is read before any character is sampled: most tails start with `[…]+`.
  const atomEnd = singleCharacterAtomEnd(source, i);
  const group = atomEnd === undefined ? readGroup(source, i, flags) : undefined;
  const end = atomEnd ?? group?.end;
  if (end === undefined) return undefined;
  const quantifier = isQuantifierStart(source, end) ? readQuantifier(source, end) : { min: 1, max: 1, end };
  if (quantifier === undefined || quantifier.max > 1) return undefined;
  if (quantifier.max === 0) return { end: quantifier.end, paths: 1, maxLength: 0, witness: '' };
  const body = group ?? atom(source.slice(i, end), end, flags);
  if (body === undefined) return undefined;
  return quantifier.min === 0
    ? { ...body, end: quantifier.end, paths: body.paths + 1, witness: '' }
    : { ...body, end: quantifier.end };
}

/** Where the atom matching one character (literal, escape, class, dot) at `i` ends; undefined for anything else. */
function singleCharacterAtomEnd(source: string, i: number): number | undefined {
  const char = source[i];
  if (char === undefined || '^$|()*+?'.includes(char) || isQuantifierStart(source, i)) return undefined;
  if (char === '\\') {
    const escape = readEscape(source, i);
    return escape?.atom === 'char' ? escape.end : undefined;
  }
  if (char === '[') return classEnd(source, i);
  return i + String.fromCodePoint(source.codePointAt(i) as number).length;
}

function readGroup(source: string, i: number, flags: string): Piece | undefined {
  if (source[i] !== '(') return undefined;
  const open = readGroupOpen(source, i);
  if (open === undefined || open.lookaround) return undefined;
  const body = readAlternatives(source, open.end, flags);
  return body !== undefined && source[body.end] === ')' ? { ...body, end: body.end + 1 } : undefined;
}

/** `a|b|…` up to the group's `)`: every alternative loop-free, or undefined. */
function readAlternatives(source: string, start: number, flags: string): Piece | undefined {
  let alternatives: Piece | undefined;
  for (let i = start; ;) {
    let sequence: Piece | undefined = { end: i, paths: 1, maxLength: 0, witness: '' };
    while (
      sequence !== undefined &&
      sequence.end < source.length &&
      source[sequence.end] !== '|' &&
      source[sequence.end] !== ')'
    ) {
      const element = readElement(source, sequence.end, flags);
      sequence = element && within(concatenate(sequence, element));
    }
    if (sequence === undefined) return undefined;
    alternatives =
      alternatives === undefined
        ? sequence
        : {
            end: sequence.end,
            paths: alternatives.paths + sequence.paths,
            maxLength: Math.max(alternatives.maxLength, sequence.maxLength),
            witness: alternatives.witness,
          };
    if (source[sequence.end] !== '|') return within(alternatives);
    i = sequence.end + 1;
  }
}

/** A single-character atom with a character it matches under `flags`. */
function atom(text: string, end: number, flags: string): Piece | undefined {
  const witness = /^[\p{L}\p{N} ]$/u.test(text) ? text : sampleCharacter(text, flags);
  return witness === undefined
    ? undefined
    : { end, paths: 1, maxLength: Math.max(witness.length, flags.includes('u') ? 2 : 1), witness };
}

/** Samples by atom and flags: the translator writes the same few classes (`[iİı]`, `\s`) everywhere. */
const samples = new Map<string, string | undefined>();
const MAX_SAMPLES = 1000;

function sampleCharacter(atomSource: string, flags: string): string | undefined {
  const key = `${flags}\u0000${atomSource}`;
  if (samples.has(key)) return samples.get(key);
  if (samples.size >= MAX_SAMPLES) samples.clear();
  let sample: string | undefined;
  try {
    const matcher = new RegExp(`^(?:${atomSource})$`, flags.replace('y', ''));
    const escaped = [...atomSource.matchAll(/\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]{1,6})\})/g)].map(
      (match) => String.fromCodePoint(parseInt(match[1] ?? match[2] ?? match[3], 16)),
    );
    sample = [...escaped, ...atomSource, ...SAMPLE_CHARACTERS].find((candidate) => matcher.test(candidate));
  } catch {
    sample = undefined; // not a pattern this engine reads, or an escape beyond Unicode: no split
  }
  samples.set(key, sample);
  return sample;
}

/** T may run from any position as if from the start: nothing in it looks back or at the start. */
function isRestartable(rest: string): boolean {
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const char = rest[i];
    if (char === '\\') {
      if (i + 1 >= rest.length || /[1-9bBk]/.test(rest[i + 1])) return false; // backreference or word boundary
      i++;
    } else if (char === '[') {
      const end = classEnd(rest, i);
      if (end === undefined) return false;
      i = end - 1;
    } else if (char === '(') {
      if (rest.startsWith('(?<=', i) || rest.startsWith('(?<!', i)) return false;
      depth++;
    } else if (char === ')') {
      depth--;
    } else if (char === '^' || (char === '|' && depth === 0)) {
      return false;
    }
  }
  return true;
}
