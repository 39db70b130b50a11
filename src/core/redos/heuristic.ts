// The daemon's nested-quantifier heuristic, exactly (contract §4.4): a search of the pattern's
// SOURCE TEXT, not of the parsed regex, so it has false positives (`(\d+)?`, `\(a+\)+`) and false
// negatives (`((a+))+`, `(a|aa)+`). The editor must reproduce both: the daemon rejects what it flags.

/** `\([^()]*[+*][^()]*\)[+*?]` — the daemon's regex, byte for byte. */
export const NESTED_QUANTIFIER_HEURISTIC_SOURCE = String.raw`\([^()]*[+*][^()]*\)[+*?]`;

export interface HeuristicMatch {
  /** UTF-16 offsets into the pattern source. */
  start: number;
  end: number;
  text: string;
}

/**
 * Every non-overlapping match, left to right (Python's `finditer` order). The daemon stops at the
 * first (`re.search`), but an editor shows each spot. `[^()]` and the literals are ASCII-only, so
 * UTF-16 and code-point matching find the same substrings.
 */
export function findNestedQuantifiers(patternSource: string): HeuristicMatch[] {
  const matcher = new RegExp(NESTED_QUANTIFIER_HEURISTIC_SOURCE, 'g');
  const matches: HeuristicMatch[] = [];
  for (let m = matcher.exec(patternSource); m !== null; m = matcher.exec(patternSource)) {
    matches.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return matches;
}

/** What the daemon decides: does the heuristic flag this pattern? */
export function isFlaggedByHeuristic(patternSource: string): boolean {
  return new RegExp(NESTED_QUANTIFIER_HEURISTIC_SOURCE).test(patternSource);
}
