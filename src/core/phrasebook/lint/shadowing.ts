// "This entry can never match": an earlier entry matches every message it matches, and the first
// matching entry wins. Deciding that in general is regex language inclusion; this check is sound
// but incomplete — it only claims shadowing in shapes where inclusion follows from the text:
//   1. the earlier pattern can match the empty string at the start (`.*`, `(hi)?`): it matches all;
//   2. the same pattern up to ASCII letter case (the daemon compiles with IGNORECASE);
//   3. the earlier pattern is a bare literal (`^hi`) that starts every match of the later one;
//   4. the earlier pattern is X(A|B|C)Y and the later is X(B)Y, X(A|C)Y or XBY.
// Patterns with backreferences, conditionals, atomic groups, possessive quantifiers or inline
// flags are left alone: there, match order or case folding can break these inclusions.
import { LruCache } from '../../redos/cache';
import { lexPattern, type Group, type LexedPattern } from './patternLexer';

export interface PatternShape {
  /** The pattern with ASCII letters outside escapes, classes and group syntax lower-cased. */
  normalized: string;
  alwaysMatches: boolean;
  /** Set when the pattern is only (anchors and) literal characters: that text, lower-cased. */
  literalOnly: string | null;
  /** The literal text every match starts with (lower-cased), possibly empty. */
  leadingLiteral: string;
  /** Groups with their surroundings: `outer` = text before + NUL + text after. */
  groups: GroupShape[];
}

export interface GroupShape {
  outer: string;
  alternatives: string[];
  /** `outer` + NUL + each alternative: the index keys (precomputed, shapes are cached). */
  alternativeKeys: string[];
  /** The pattern with the group replaced by each alternative, when that means the same. */
  bareForms: string[];
}

const ALTERNATION_GROUP_KINDS = new Set(['capture', 'non-capture', 'named']);
const START_ANCHORS = new Set(['^', '\\A']);

const MAX_CACHED_SHAPES = 5000;
const shapeCache = new LruCache<string, PatternShape | null>(MAX_CACHED_SHAPES);

/** The shape of a pattern that compiled (cached by source: patterns repeat across lint runs). */
export function patternShape(source: string): PatternShape | null {
  const cached = shapeCache.get(source);
  if (cached !== undefined) return cached;
  const shape = computeShape(source);
  shapeCache.set(source, shape);
  return shape;
}

function computeShape(source: string): PatternShape | null {
  const raw = lexPattern(source);
  if (!raw || raw.hasOrderSensitiveConstructs || raw.hasInlineFlags) return null;
  let normalized = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    normalized += raw.roles[i] === 'literal' && ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch;
  }
  // Lower-casing literals moves no offsets, so the lexing of `source` applies to `normalized`.
  const lexed: LexedPattern = { ...raw, source: normalized };
  const items = topLevelItems(lexed);
  return {
    normalized,
    alwaysMatches: alternativesOf(items).some((alternative) =>
      alternative.every((item) => isNullableItem(lexed, item)),
    ),
    literalOnly: literalOnly(lexed, items),
    leadingLiteral: leadingLiteral(lexed, items),
    groups: lexed.groups
      .filter((group) => ALTERNATION_GROUP_KINDS.has(group.kind))
      .map((group) => groupShape(lexed, group)),
  };
}

interface Item {
  start: number;
  /** End of the atom (before any quantifier). */
  atomEnd: number;
  /** End including the quantifier. */
  end: number;
  kind: 'literal' | 'escape' | 'class' | 'meta' | 'group' | 'alternation';
  group?: Group;
}

function topLevelItems(lexed: LexedPattern): Item[] {
  const items: Item[] = [];
  const { roles, source } = lexed;
  let i = 0;
  while (i < source.length) {
    const start = i;
    let kind: Item['kind'];
    let group: Group | undefined;
    const role = roles[i];
    if (role === 'group-open') {
      group = lexed.groups.find((candidate) => candidate.open === i);
      if (!group) return [];
      kind = 'group';
      i = group.close + 1;
    } else if (role === 'alternation') {
      kind = 'alternation';
      i++;
    } else {
      kind = role === 'escape' || role === 'class' || role === 'meta' ? role : 'literal';
      i = lexed.tokenEnds.get(i) ?? i + 1;
    }
    const atomEnd = i;
    while (i < source.length && roles[i] === 'quantifier') i++;
    items.push({ start, atomEnd, end: i, kind, group });
  }
  return items;
}

function alternativesOf(items: Item[]): Item[][] {
  const alternatives: Item[][] = [[]];
  for (const item of items) {
    if (item.kind === 'alternation') alternatives.push([]);
    else alternatives[alternatives.length - 1].push(item);
  }
  return alternatives;
}

function quantifierOf(lexed: LexedPattern, item: Item): string {
  return lexed.source.slice(item.atomEnd, item.end);
}

/** Can this item match the empty string whatever the text (so the pattern can stop there)? */
function isNullableItem(lexed: LexedPattern, item: Item): boolean {
  const quantifier = quantifierOf(lexed, item);
  if (quantifier === '') return isStartAnchor(lexed, item) || (item.kind === 'group' && item.group?.kind === 'comment');
  return quantifier.startsWith('*') || quantifier.startsWith('?') || /^\{(?:0+(?:,\d*)?|,\d*)\}/.test(quantifier);
}

function literalChar(lexed: LexedPattern, item: Item): string | null {
  const text = lexed.source.slice(item.start, item.atomEnd);
  if (item.kind === 'literal') return text;
  // `\.`, `\?`, `\ ` — an escaped punctuation character is that character.
  if (item.kind === 'escape' && text.length === 2 && !/[0-9A-Za-z]/.test(text[1])) return text[1];
  return null;
}

function isStartAnchor(lexed: LexedPattern, item: Item): boolean {
  return item.atomEnd === item.end && START_ANCHORS.has(lexed.source.slice(item.start, item.atomEnd));
}

function literalOnly(lexed: LexedPattern, items: Item[]): string | null {
  let text = '';
  let seenLiteral = false;
  for (const item of items) {
    if (!seenLiteral && isStartAnchor(lexed, item)) continue;
    const ch = item.atomEnd === item.end ? literalChar(lexed, item) : null;
    if (ch === null) return null;
    text += ch;
    seenLiteral = true;
  }
  return seenLiteral ? text : null;
}

function leadingLiteral(lexed: LexedPattern, items: Item[]): string {
  if (items.some((item) => item.kind === 'alternation')) return '';
  let text = '';
  let index = 0;
  while (index < items.length && isStartAnchor(lexed, items[index])) index++;
  for (; index < items.length; index++) {
    const item = items[index];
    const ch = literalChar(lexed, item);
    // A quantified character is not certain to be there (`ab?`), so the run stops before it.
    if (ch === null || quantifierOf(lexed, item) !== '') break;
    text += ch;
  }
  return text;
}

function groupShape(lexed: LexedPattern, group: Group): GroupShape {
  const source = lexed.source;
  const before = source.slice(0, group.open);
  const after = source.slice(group.close + 1);
  const cuts = [group.contentStart - 1, ...group.alternations, group.close];
  const alternatives = cuts.slice(0, -1).map((cut, k) => source.slice(cut + 1, cuts[k + 1]));
  const outer = `${before}\u0000${after}`;
  // Without the group, a quantifier after it would bind to the alternative's last atom instead.
  const canDropGroup = lexed.roles[group.close + 1] !== 'quantifier';
  return {
    outer,
    alternatives,
    alternativeKeys: alternatives.map((alternative) => `${outer}\u0000${alternative}`),
    bareForms: canDropGroup ? alternatives.map((alternative) => before + alternative + after) : [],
  };
}

/** Patterns reduced to the facts the shadowing check compares. */
export interface ShadowCandidate {
  index: number;
  pattern: string;
  category: string;
  shape: PatternShape | null;
}

/**
 * For each entry shadowed by an earlier one: entry index → index of the earliest entry that
 * matches every message it matches. Exact duplicates of (pattern, category) are left to the
 * daemon's duplicate rule.
 */
export function findShadowedEntries(candidates: readonly ShadowCandidate[]): Map<number, number> {
  const index = new ShadowIndex();
  const shadowed = new Map<number, number>();
  const seenPairs = new Set<string>();
  for (const candidate of candidates) {
    const shape = candidate.shape;
    if (!shape) continue;
    // An exact (pattern, category) repeat is the daemon's duplicate error already.
    const pair = JSON.stringify([candidate.pattern, candidate.category]);
    if (seenPairs.has(pair)) continue;
    seenPairs.add(pair);
    const earlier = index.earliestShadowing(shape);
    if (earlier !== undefined) shadowed.set(candidate.index, earlier);
    index.register(candidate.index, shape);
  }
  return shadowed;
}

/** What earlier entries make known, indexed so each lookup costs about one map access. */
class ShadowIndex {
  private firstAlwaysMatching: number | undefined;
  private readonly byNormalized = new Map<string, number>();
  private readonly byLiteral = new Map<string, number>();
  private readonly literalLengths = new Set<number>();
  private readonly byBareForm = new Map<string, number>();
  /** `outer` + NUL + alternative → entries (ascending) having a group with that alternative there. */
  private readonly byOuterAlternative = new Map<string, number[]>();
  /** `outer` → entry → the alternatives of its group there. */
  private readonly alternativesAt = new Map<string, Map<number, Set<string>>>();

  earliestShadowing(shape: PatternShape): number | undefined {
    const hits: number[] = [];
    if (this.firstAlwaysMatching !== undefined) hits.push(this.firstAlwaysMatching);
    const same = this.byNormalized.get(shape.normalized);
    if (same !== undefined) hits.push(same);
    for (const length of this.literalLengths) {
      if (length > shape.leadingLiteral.length) continue;
      const literalHit = this.byLiteral.get(shape.leadingLiteral.slice(0, length));
      if (literalHit !== undefined) hits.push(literalHit);
    }
    const bareHit = this.byBareForm.get(shape.normalized);
    if (bareHit !== undefined) hits.push(bareHit);
    for (const group of shape.groups) {
      const superset = this.firstGroupSuperset(group);
      if (superset !== undefined) hits.push(superset);
    }
    return hits.length > 0 ? Math.min(...hits) : undefined;
  }

  /** The first entry with a group at the same place holding every alternative of `group`. */
  private firstGroupSuperset(group: GroupShape): number | undefined {
    const lists = group.alternativeKeys.map((key) => this.byOuterAlternative.get(key));
    if (lists.some((list) => list === undefined)) return undefined;
    const shortest = (lists as number[][]).reduce((a, b) => (b.length < a.length ? b : a));
    const sets = this.alternativesAt.get(group.outer);
    return shortest.find((candidate) =>
      group.alternatives.every((alternative) => sets?.get(candidate)?.has(alternative)),
    );
  }

  register(entryIndex: number, shape: PatternShape): void {
    if (shape.alwaysMatches && this.firstAlwaysMatching === undefined) this.firstAlwaysMatching = entryIndex;
    setFirst(this.byNormalized, shape.normalized, entryIndex);
    if (shape.literalOnly !== null) {
      setFirst(this.byLiteral, shape.literalOnly, entryIndex);
      this.literalLengths.add(shape.literalOnly.length);
    }
    for (const group of shape.groups) {
      const sets = this.alternativesAt.get(group.outer) ?? new Map<number, Set<string>>();
      this.alternativesAt.set(group.outer, sets);
      const known = sets.get(entryIndex) ?? new Set<string>();
      sets.set(entryIndex, known);
      group.alternatives.forEach((alternative, k) => {
        known.add(alternative);
        const key = group.alternativeKeys[k];
        const list = this.byOuterAlternative.get(key);
        if (!list) this.byOuterAlternative.set(key, [entryIndex]);
        else if (list[list.length - 1] !== entryIndex) list.push(entryIndex);
      });
      for (const bare of group.bareForms) setFirst(this.byBareForm, bare, entryIndex);
    }
  }
}

function setFirst<K>(map: Map<K, number>, key: K, value: number): void {
  if (!map.has(key)) map.set(key, value);
}
