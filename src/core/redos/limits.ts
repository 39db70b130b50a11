// Cheap main-thread checks that keep absurd patterns away from the worker: a 1 MB pattern or
// thousands of nested groups would only burn the time budget (or recheck's recursion stack)
// before ending "inconclusive" anyway, so they get that answer at once.
import { inconclusive } from './protocol';
import type { RedosVerdict } from './verdict';

/** Real phrasebook patterns are a few hundred characters; translation can expand classes. */
export const MAX_ANALYSED_PATTERN_LENGTH = 20_000;
/** recheck's parser and automata are recursive; past this depth they risk a stack overflow. */
export const MAX_ANALYSED_GROUP_DEPTH = 100;

/** Deepest group nesting in a JavaScript pattern source, ignoring escaped and class parentheses. */
export function maxGroupDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      i++; // the escaped character is literal, whatever it is
    } else if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (char === ')' && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

/** The verdict for a pattern too large to analyse, or undefined when it may go to the worker. */
export function verdictForOversizedPattern(source: string): RedosVerdict | undefined {
  if (source.length > MAX_ANALYSED_PATTERN_LENGTH) {
    return inconclusive(
      `pattern is too long for deep analysis (${source.length} characters, limit ${MAX_ANALYSED_PATTERN_LENGTH})`,
    );
  }
  const depth = maxGroupDepth(source);
  if (depth > MAX_ANALYSED_GROUP_DEPTH) {
    return inconclusive(
      `pattern nests groups too deeply for deep analysis (depth ${depth}, limit ${MAX_ANALYSED_GROUP_DEPTH})`,
    );
  }
  return undefined;
}
