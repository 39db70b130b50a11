/**
 * Port of re._parser: parse(), _parse_sub() and _parse() for str patterns, statement by statement.
 * Python's `raise` is `throw` of an internal signal (see errors.ts); PythonStack mirrors the frames
 * Python would push so that RecursionError happens where CPython's does.
 */
import { appendAll, isRepeat, itemsEqual, newSubPattern, PyreItem, SetMember, SubPattern, uniqueMembers } from './ast';
import {
  DIGITS,
  isSubstringOf,
  MAXREPEAT,
  REPEAT_CHARS,
  SPECIAL_CHARS,
  SRE_FLAG_VERBOSE,
  WHITESPACE,
} from './constants';
import { PyExceptionSignal, ReErrorSignal } from './errors';
import { classEscape, escapeItem } from './escapes';
import { fixFlags } from './flags';
import { parseGroup } from './groups';
import { intDigitLimitMessage, pyInt, pyLen } from './pystr';
import { PythonStack } from './pythonStack';
import { PythonRules } from './pythonVersion';
import { ParserState } from './state';
import { Tokenizer } from './tokenizer';

export interface ParseResult {
  pattern: SubPattern;
  state: ParserState;
}

/** parse(str, flags): the whole pattern, including the checks done after the last token. */
export function parse(pattern: string, flags: number, stack: PythonStack, python: PythonRules): ParseResult {
  return stack.call(() => {
    const source = new Tokenizer(pattern, stack, python);
    const state = new ParserState(stack);
    state.flags = flags;
    const parsed = parseSub(source, state, (flags & SRE_FLAG_VERBOSE) !== 0, 0);
    state.flags = fixFlags(state.flags);
    if (source.next !== null) throw source.error('unbalanced parenthesis');
    for (const [group, pos] of state.grouprefpos) {
      if (group >= state.groups) throw new ReErrorSignal(`invalid group reference ${group}`, pos);
    }
    return { pattern: parsed, state };
  });
}

/** _parse_sub: an alternation a|b|c (each branch parsed by _parse). */
export function parseSub(source: Tokenizer, state: ParserState, verbose: boolean, nested: number): SubPattern {
  return source.stack.call(() => {
    const items: SubPattern[] = [];
    source.stack.reach('p'); // start = source.tell()
    const start = source.tell();
    for (;;) {
      items.push(parseSequence(source, state, verbose, nested + 1, nested === 0 && items.length === 0));
      if (!source.match('|')) break;
      if (nested === 0) verbose = (state.flags & SRE_FLAG_VERBOSE) !== 0;
    }
    if (items.length === 1) return items[0];
    source.stack.reach('tp'); // SubPattern(state)
    const subpattern = newSubPattern();
    hoistCommonPrefix(items, subpattern, source.stack);
    const asSet = alternativesAsSet(items);
    if (asSet) {
      const unique = uniqueMembers(asSet);
      source.stack.reach(unique.length < asSet.length ? 'pc' : 'p'); // _uniq(set)
      subpattern.items.push({ op: 'IN', set: unique, pos: start });
    } else {
      subpattern.items.push({ op: 'BRANCH', alternatives: items, pos: start });
    }
    return subpattern;
  });
}

/** Moves the items every alternative starts with out of the branch (stops at an empty one). */
function hoistCommonPrefix(items: SubPattern[], into: SubPattern, stack: PythonStack): void {
  const first = items[0].items;
  let length = 0;
  stack.reach('p'); // `if not item`, item[0]: SubPattern methods
  while (items.every((item) => item.items.length > length && itemsEqual(item.items[length], first[length]))) {
    // item[0] != prefix compares the tuples; an IN's member list compares its tuples one level deeper.
    if (first[length].op === 'IN') stack.reach('cc');
    length++;
  }
  if (length === 0) return;
  appendAll(into.items, first.slice(0, length));
  for (const item of items) item.items = item.items.slice(length);
}

/** When every alternative is one literal or one non-negated set, the branch is a set. */
function alternativesAsSet(items: SubPattern[]): SetMember[] | null {
  const members: SetMember[] = [];
  for (const item of items) {
    if (item.items.length !== 1) return null;
    const only = item.items[0];
    if (only.op === 'LITERAL') members.push({ op: 'LITERAL', cp: only.cp });
    else if (only.op === 'IN' && only.set[0]?.op !== 'NEGATE') appendAll(members, only.set);
    else return null;
  }
  return members;
}

/** Mutable context of one _parse() call that the group parser may change. */
export interface SequenceContext {
  readonly source: Tokenizer;
  readonly state: ParserState;
  readonly subpattern: SubPattern;
  readonly nested: number;
  readonly first: boolean;
  verbose: boolean;
}

/** _parse: a sequence of items up to '|' or ')' or the end. */
export function parseSequence(
  source: Tokenizer,
  state: ParserState,
  verbose: boolean,
  nested: number,
  first = false,
): SubPattern {
  return source.stack.call(() => {
    source.stack.reach('tp'); // SubPattern(state)
    const context: SequenceContext = { source, state, subpattern: newSubPattern(), nested, first, verbose };
    const items = context.subpattern.items;
    for (;;) {
      const current = source.next;
      if (current === null || isSubstringOf(current, '|)')) break;
      const pos = source.tell();
      source.get();
      if (context.verbose) {
        if (WHITESPACE.has(current)) continue;
        if (current === '#') {
          skipVerboseComment(source);
          continue;
        }
      }
      if (current[0] === '\\' && current.length > 1) {
        const escaped = source.stack.call(() => escapeItem(source, current, state, pos));
        appendItem(source, items, escaped);
      } else if (!SPECIAL_CHARS.includes(current)) {
        appendItem(source, items, { op: 'LITERAL', cp: current.codePointAt(0) ?? 0, pos });
      } else if (current === '[') {
        appendItem(source, items, parseSet(source, pos));
      } else if (REPEAT_CHARS.includes(current)) {
        parseRepeat(source, items, current, pos);
      } else if (current === '.') {
        appendItem(source, items, { op: 'ANY', pos });
      } else if (current === '(') {
        parseGroup(context, pos);
      } else if (current === '^') {
        appendItem(source, items, { op: 'AT', code: 'AT_BEGINNING', pos });
      } else if (current === '$') {
        appendItem(source, items, { op: 'AT', code: 'AT_END', pos });
      }
    }
    inlinePlainGroups(source, context.subpattern);
    return context.subpattern;
  });
}

/** subpatternappend(code): SubPattern.append is a Python method. */
export function appendItem(source: Tokenizer, items: PyreItem[], item: PyreItem): void {
  source.stack.reach('p');
  items.push(item);
}

function skipVerboseComment(source: Tokenizer): void {
  for (;;) {
    const skipped = source.get();
    if (skipped === null || skipped === '\n') return;
  }
}

/** The end of _parse: non-capturing groups without flags are spliced into the sequence. */
function inlinePlainGroups(source: Tokenizer, subpattern: SubPattern): void {
  source.stack.reach('p'); // len(subpattern)
  if (!subpattern.items.some((item) => item.op === 'SUBPATTERN' && item.group === null)) return;
  const result: PyreItem[] = [];
  for (const item of subpattern.items) {
    source.stack.reach('p'); // subpattern[i]
    if (item.op === 'SUBPATTERN' && item.group === null && !item.addFlags && !item.delFlags) {
      appendAll(result, item.pattern.items);
    } else {
      result.push(item);
    }
  }
  subpattern.items = result;
}

/** A character set [...] (the '[' is consumed; `here` is its position). */
function parseSet(source: Tokenizer, here: number): PyreItem {
  const members: SetMember[] = [];
  const negate = source.match('^');
  const unterminated = (): ReErrorSignal => source.error('unterminated character set', source.tell() - here);
  for (;;) {
    const current = source.get();
    if (current === null) throw unterminated();
    if (current === ']' && members.length > 0) break;
    const code1 = setAtom(source, current);
    if (source.match('-')) {
      const that = source.get();
      if (that === null) throw unterminated();
      if (that === ']') {
        members.push(code1.kind === 'category' ? code1.member : { op: 'LITERAL', cp: code1.cp });
        members.push({ op: 'LITERAL', cp: 0x2d });
        break;
      }
      const code2 = setAtom(source, that);
      const badRange = (): ReErrorSignal =>
        source.error(`bad character range ${current}-${that}`, pyLen(current) + 1 + pyLen(that));
      if (code1.kind !== 'literal' || code2.kind !== 'literal') throw badRange();
      if (code2.cp < code1.cp) throw badRange();
      members.push({ op: 'RANGE', lo: code1.cp, hi: code2.cp });
    } else {
      members.push(code1.kind === 'category' ? code1.member : { op: 'LITERAL', cp: code1.cp });
    }
  }
  const unique = uniqueMembers(members);
  // _uniq(): dict.fromkeys compares equal (duplicate) members as tuples.
  source.stack.reach(unique.length < members.length ? 'pc' : 'p');
  const only = unique[0];
  if (unique.length === 1 && only.op === 'LITERAL') {
    return negate ? { op: 'NOT_LITERAL', cp: only.cp, pos: here } : { op: 'LITERAL', cp: only.cp, pos: here };
  }
  return { op: 'IN', set: negate ? [{ op: 'NEGATE' }, ...unique] : unique, pos: here };
}

function setAtom(source: Tokenizer, token: string): ReturnType<typeof classEscape> {
  if (token[0] === '\\' && token.length > 1) return source.stack.call(() => classEscape(source, token));
  return { kind: 'literal', cp: token.codePointAt(0) ?? 0 };
}

/** A repeat count of {m,n}: int() of the digits, OverflowError at MAXREPEAT. */
function repeatCount(digits: string, bracePos: number): number {
  const parsed = pyInt(digits);
  if (!parsed.ok) throw new PyExceptionSignal('ValueError', intDigitLimitMessage(digits.length), bracePos);
  if (parsed.value >= BigInt(MAXREPEAT)) {
    throw new PyExceptionSignal('OverflowError', 'the repetition number is too large', bracePos);
  }
  return Number(parsed.value);
}

/** ? * + {m,n} applied to the previous item (or '{' as a literal when it is not a valid count). */
function parseRepeat(source: Tokenizer, items: PyreItem[], current: string, pos: number): void {
  source.stack.reach('p'); // here = source.tell()
  const here = source.tell();
  let min = 0;
  let max = MAXREPEAT;
  if (current === '?') max = 1;
  else if (current === '+') min = 1;
  else if (current === '{') {
    if (source.next === '}') {
      appendItem(source, items, { op: 'LITERAL', cp: 0x7b, pos });
      return;
    }
    let lo = '';
    let hi = '';
    while (source.next !== null && DIGITS.has(source.next)) lo += source.get();
    if (source.match(',')) {
      while (source.next !== null && DIGITS.has(source.next)) hi += source.get();
    } else {
      hi = lo;
    }
    if (!source.match('}')) {
      appendItem(source, items, { op: 'LITERAL', cp: 0x7b, pos });
      source.seek(here);
      return;
    }
    if (lo) min = repeatCount(lo, pos);
    if (hi) {
      max = repeatCount(hi, pos);
      if (max < min) throw source.error('min repeat greater than max repeat', source.tell() - here);
    }
  }
  source.stack.reach('p'); // if subpattern: (__len__)
  const last = items[items.length - 1];
  if (last !== undefined) source.stack.reach('ptp'); // subpattern[-1:] builds a SubPattern
  if (last === undefined || last.op === 'AT') {
    throw source.error('nothing to repeat', source.tell() - here + pyLen(current));
  }
  if (isRepeat(last)) throw source.error('multiple repeat', source.tell() - here + pyLen(current));
  let item: SubPattern = newSubPattern([last]);
  if (last.op === 'SUBPATTERN' && last.group === null && !last.addFlags && !last.delFlags) item = last.pattern;
  let op: 'MAX_REPEAT' | 'MIN_REPEAT' | 'POSSESSIVE_REPEAT' = 'MAX_REPEAT';
  if (source.match('?')) op = 'MIN_REPEAT';
  else if (source.match('+')) op = 'POSSESSIVE_REPEAT';
  source.stack.reach('p'); // subpattern[-1] = ...
  items[items.length - 1] = { op, min, max, item, pos: last.pos };
}
