/** The '(' branch of re._parser._parse: groups, extensions (?...), look-arounds and conditionals. */
import { PyreItem, SubPattern } from './ast';
import { isSubstringOf, MAXGROUPS, SRE_FLAG_VERBOSE } from './constants';
import { PyExceptionSignal, ReErrorSignal } from './errors';
import { parseFlags } from './flags';
import { appendItem, parseSequence, parseSub, SequenceContext } from './parser';
import { intDigitLimitMessage, isIdentifier, pyInt, pyLen, pyRepr } from './pystr';

/** What the extension after "(?" asks for, when it is a group with contents to parse. */
interface GroupKind {
  capture: boolean;
  atomic: boolean;
  name: string | null;
  addFlags: number;
  delFlags: number;
}

/** Parses everything after '(' (at `start`) and appends the resulting item, if any. */
export function parseGroup(context: SequenceContext, start: number): void {
  const { source, state } = context;
  const kind: GroupKind = { capture: true, atomic: false, name: null, addFlags: 0, delFlags: 0 };
  if (source.match('?')) {
    const handled = parseExtension(context, start, kind);
    if (handled) return;
  }
  let group: number | null = null;
  if (kind.capture) {
    try {
      group = state.opengroup(kind.name);
    } catch (caught) {
      if (!(caught instanceof ReErrorSignal)) throw caught;
      if (kind.name === null) {
        throw new PyExceptionSignal('TypeError', "object of type 'NoneType' has no len()", start);
      }
      throw source.error(caught.reMessage, pyLen(kind.name) + 1);
    }
  }
  const subVerbose =
    (context.verbose || (kind.addFlags & SRE_FLAG_VERBOSE) !== 0) && !(kind.delFlags & SRE_FLAG_VERBOSE);
  const pattern = parseSub(source, state, subVerbose, context.nested + 1);
  if (!source.match(')')) throw missingParen(context, start);
  if (group !== null) state.closegroup(group, pattern);
  const item: PyreItem = kind.atomic
    ? { op: 'ATOMIC_GROUP', pattern, pos: start }
    : { op: 'SUBPATTERN', group, addFlags: kind.addFlags, delFlags: kind.delFlags, pattern, pos: start };
  appendItem(source, context.subpattern.items, item);
}

function missingParen(context: SequenceContext, start: number): ReErrorSignal {
  return context.source.error('missing ), unterminated subpattern', context.source.tell() - start);
}

/**
 * After "(?": returns true when the construct is complete (comment, back-reference, look-around,
 * conditional, global flags); otherwise fills `kind` for the group body that follows.
 */
function parseExtension(context: SequenceContext, start: number, kind: GroupKind): boolean {
  const { source, state } = context;
  const char = source.get();
  if (char === null) throw source.error('unexpected end of pattern');
  if (char === 'P') return parsePythonExtension(context, start, kind);
  if (char === ':') {
    kind.capture = false;
    return false;
  }
  if (char === '#') {
    for (;;) {
      if (source.next === null) throw source.error('missing ), unterminated comment', source.tell() - start);
      if (source.get() === ')') return true;
    }
  }
  if (isSubstringOf(char, '=!<')) {
    parseLookaround(context, start, char);
    return true;
  }
  if (char === '(') {
    parseConditional(context, start);
    return true;
  }
  if (char === '>') {
    kind.capture = false;
    kind.atomic = true;
    return false;
  }
  if (source.python.inlineFlags.has(char) || char === '-') {
    const flags = parseFlags(source, state, char);
    if (flags === null) {
      source.stack.reach('p'); // `subpattern` truthiness
      if (!context.first || context.subpattern.items.length > 0) {
        throw source.error('global flags not at the start of the expression', source.tell() - start);
      }
      context.verbose = (state.flags & SRE_FLAG_VERBOSE) !== 0;
      return true;
    }
    [kind.addFlags, kind.delFlags] = flags;
    kind.capture = false;
    return false;
  }
  throw source.error('unknown extension ?' + char, pyLen(char) + 1);
}

/** (?P<name>...), (?P=name) */
function parsePythonExtension(context: SequenceContext, start: number, kind: GroupKind): boolean {
  const { source, state } = context;
  if (source.match('<')) {
    kind.name = source.getuntil('>', 'group name');
    source.checkgroupname(kind.name, 1);
    return false;
  }
  if (source.match('=')) {
    const name = source.getuntil(')', 'group name');
    source.checkgroupname(name, 1);
    const gid = state.groupdict.get(name);
    if (gid === undefined) throw source.error(`unknown group name ${pyRepr(name)}`, pyLen(name) + 1);
    if (!state.checkgroup(gid)) throw source.error('cannot refer to an open group', pyLen(name) + 1);
    state.checklookbehindgroup(gid, source);
    appendItem(source, context.subpattern.items, { op: 'GROUPREF', group: gid, pos: start });
    return true;
  }
  const char = source.get();
  if (char === null) throw source.error('unexpected end of pattern');
  throw source.error('unknown extension ?P' + char, pyLen(char) + 2);
}

/** (?=...), (?!...), (?<=...), (?<!...) */
function parseLookaround(context: SequenceContext, start: number, first: string): void {
  const { source, state } = context;
  let char: string | null = first;
  let dir: 1 | -1 = 1;
  let outerLookbehindGroups: number | null = null;
  if (char === '<') {
    char = source.get();
    if (char === null) throw source.error('unexpected end of pattern');
    if (!isSubstringOf(char, '=!')) throw source.error('unknown extension ?<' + char, pyLen(char) + 2);
    dir = -1;
    outerLookbehindGroups = state.lookbehindgroups;
    if (outerLookbehindGroups === null) state.lookbehindgroups = state.groups;
  }
  const pattern = parseSub(source, state, context.verbose, context.nested + 1);
  if (dir < 0 && outerLookbehindGroups === null) state.lookbehindgroups = null;
  if (!source.match(')')) throw missingParen(context, start);
  const op = char === '=' ? 'ASSERT' : 'ASSERT_NOT';
  appendItem(source, context.subpattern.items, { op, dir, pattern, pos: start });
}

/** The condition of (?(id/name)yes|no): a group number or name. */
function conditionGroup(context: SequenceContext, condname: string): number {
  const { source, state } = context;
  const offset = pyLen(condname) + 1;
  // 3.11 takes any identifier as a name and anything int() reads as a number; 3.12+ only ASCII digits.
  const isName = source.python.asciiDigitGroupNumbers ? !/^[0-9]+$/.test(condname) : isIdentifier(condname);
  if (isName) {
    source.checkgroupname(condname, 1);
    const gid = state.groupdict.get(condname);
    if (gid === undefined) throw source.error(`unknown group name ${pyRepr(condname)}`, offset);
    return gid;
  }
  const parsed = pyInt(condname);
  if (!parsed.ok && parsed.tooManyDigits && source.python.asciiDigitGroupNumbers) {
    throw new PyExceptionSignal('ValueError', intDigitLimitMessage(pyLen(condname)), source.tell() - offset);
  }
  if (!parsed.ok || parsed.value < 0n) throw source.error(`bad character in group name ${pyRepr(condname)}`, offset);
  if (parsed.value === 0n) throw source.error('bad group number', offset);
  if (parsed.value >= BigInt(MAXGROUPS)) throw source.error(`invalid group reference ${parsed.value}`, offset);
  const gid = Number(parsed.value);
  if (!state.grouprefpos.has(gid)) state.grouprefpos.set(gid, source.tell() - pyLen(condname) - 1);
  return gid;
}

/** (?(1)yes|no) */
function parseConditional(context: SequenceContext, start: number): void {
  const { source, state } = context;
  const condname = source.getuntil(')', 'group name');
  const group = conditionGroup(context, condname);
  state.checklookbehindgroup(group, source);
  const yes: SubPattern = parseSequence(source, state, context.verbose, context.nested + 1);
  let no: SubPattern | null = null;
  if (source.match('|')) {
    no = parseSequence(source, state, context.verbose, context.nested + 1);
    if (source.next === '|') throw source.error('conditional backref with more than two branches');
  }
  if (!source.match(')')) throw missingParen(context, start);
  appendItem(source, context.subpattern.items, { op: 'GROUPREF_EXISTS', group, yes, no, pos: start });
}
