// A small lexer for the SOURCE TEXT of Python patterns that already compiled: it tells which
// characters are syntax and which are literal (escaped or inside a character class), and where
// groups open and close. The heuristic rewrite and the shadowing check work on source text, like
// the daemon's heuristic does; this lexer keeps them from confusing `\(` or `[+]` with syntax.
// It refuses (returns null) what it does not model: verbose mode, where whitespace and `#` change
// meaning.

export type CharRole =
  /** An ordinary character matching itself. */
  | 'literal'
  /** Part of an escape sequence (`\d`, `\(`, `\x41`, ...). */
  | 'escape'
  /** Inside `[...]`, brackets included. */
  | 'class'
  /** `(`, `(?:`, `(?P<name>`, ... — the whole opener. */
  | 'group-open'
  | 'group-close'
  /** `*`, `+`, `?`, `{m,n}` and their `?`/`+` modifiers. */
  | 'quantifier'
  | 'alternation'
  /** `^`, `$`, `.` — syntax that is not a quantifier, group or alternation. */
  | 'meta';

export type GroupKind =
  | 'capture'
  | 'non-capture'
  | 'named'
  | 'lookahead'
  | 'negative-lookahead'
  | 'lookbehind'
  | 'negative-lookbehind'
  | 'atomic'
  | 'conditional'
  | 'comment'
  | 'flags'
  | 'scoped-flags'
  | 'named-backref';

export interface Group {
  kind: GroupKind;
  /** Offset of `(`. */
  open: number;
  /** Offset just after the opener (`(`, `(?:`, `(?P<n>`). */
  contentStart: number;
  /** Offset of the matching `)`. */
  close: number;
  /** Top-level `|` offsets directly inside this group. */
  alternations: number[];
}

export interface LexedPattern {
  source: string;
  roles: CharRole[];
  groups: Group[];
  /** Top-level `|` offsets (outside every group). */
  topLevelAlternations: number[];
  /** Start offset → end offset of each escape sequence and character class. */
  tokenEnds: Map<number, number>;
  /** Backreferences, conditionals, atomic groups or possessive quantifiers: order-sensitive constructs. */
  hasOrderSensitiveConstructs: boolean;
  /** A `(?flags)` or `(?flags:...)` group: case folding may be switched off somewhere. */
  hasInlineFlags: boolean;
}

/** `{n}`, `{n,}`, `{n,m}`, `{,m}`, `{,}` — Python reads `{}` and `{x` as literal text. */
const QUANTIFIER_BRACE = /^\{(?:\d+(?:,\d*)?|,\d*)\}/;

export function lexPattern(source: string): LexedPattern | null {
  const roles: CharRole[] = new Array(source.length).fill('literal');
  const groups: Group[] = [];
  const stack: Group[] = [];
  const topLevelAlternations: number[] = [];
  const tokenEnds = new Map<number, number>();
  let orderSensitive = false;
  let inlineFlags = false;
  const mark = (from: number, to: number, role: CharRole) => {
    for (let k = from; k < to; k++) roles[k] = role;
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      const escape = escapeLength(source, i);
      if (escape.isBackreference) orderSensitive = true;
      const end = Math.min(i + escape.length, source.length);
      mark(i, end, 'escape');
      tokenEnds.set(i, end);
      i = end;
    } else if (ch === '[') {
      const end = classEnd(source, i);
      mark(i, end, 'class');
      tokenEnds.set(i, end);
      i = end;
    } else if (ch === '(') {
      const opener = readGroupOpener(source, i);
      if (!opener) return null;
      if (opener.kind === 'flags' || opener.kind === 'scoped-flags') {
        inlineFlags = true;
        if (opener.flags.includes('x')) return null;
      }
      if (opener.kind === 'atomic' || opener.kind === 'conditional' || opener.kind === 'named-backref')
        orderSensitive = true;
      mark(i, opener.end, 'group-open');
      if (opener.kind === 'comment' || opener.kind === 'flags' || opener.kind === 'named-backref') {
        // Self-contained: `(?#...)`, `(?i)` and `(?P=name)` end at their own `)`.
        const close = opener.kind === 'comment' ? source.indexOf(')', opener.end) : opener.end - 1;
        if (close < 0) return null;
        mark(i, close + 1, 'group-open');
        groups.push({ kind: opener.kind, open: i, contentStart: opener.end, close, alternations: [] });
        i = close + 1;
        continue;
      }
      const group: Group = { kind: opener.kind, open: i, contentStart: opener.end, close: -1, alternations: [] };
      stack.push(group);
      groups.push(group);
      i = opener.end;
    } else if (ch === ')') {
      const group = stack.pop();
      if (!group) return null;
      group.close = i;
      roles[i] = 'group-close';
      i++;
    } else if (ch === '|') {
      roles[i] = 'alternation';
      (stack.length > 0 ? stack[stack.length - 1].alternations : topLevelAlternations).push(i);
      i++;
    } else if (ch === '*' || ch === '+' || ch === '?' || (ch === '{' && QUANTIFIER_BRACE.test(source.slice(i)))) {
      const length = ch === '{' ? (QUANTIFIER_BRACE.exec(source.slice(i)) as RegExpExecArray)[0].length : 1;
      mark(i, i + length, 'quantifier');
      i += length;
      if (source[i] === '?') {
        roles[i] = 'quantifier';
        i++;
      } else if (source[i] === '+') {
        roles[i] = 'quantifier';
        orderSensitive = true;
        i++;
      }
    } else {
      if (ch === '^' || ch === '$' || ch === '.') roles[i] = 'meta';
      i++;
    }
  }
  if (stack.length > 0) return null;
  return {
    source,
    roles,
    groups,
    topLevelAlternations,
    tokenEnds,
    hasOrderSensitiveConstructs: orderSensitive,
    hasInlineFlags: inlineFlags,
  };
}

const HEX_ESCAPE_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Length of the escape at `start` (a backslash), and whether it refers back to a group. */
function escapeLength(source: string, start: number): { length: number; isBackreference: boolean } {
  const next = source[start + 1] ?? '';
  if (next in HEX_ESCAPE_DIGITS) return { length: 2 + HEX_ESCAPE_DIGITS[next], isBackreference: false };
  if (next === 'N' && source[start + 2] === '{') {
    const close = source.indexOf('}', start + 3);
    return { length: close < 0 ? 2 : close - start + 1, isBackreference: false };
  }
  if (/[0-9]/.test(next)) {
    if (/^[0-7]{3}$/.test(source.slice(start + 1, start + 4))) return { length: 4, isBackreference: false };
    if (next === '0') {
      let length = 2;
      while (length < 4 && /[0-7]/.test(source[start + length] ?? '')) length++;
      return { length, isBackreference: false };
    }
    return { length: /[0-9]/.test(source[start + 2] ?? '') ? 3 : 2, isBackreference: true };
  }
  return { length: 2, isBackreference: false };
}

/** Offset just after the `]` closing the class that opens at `start` (Python's rules). */
function classEnd(source: string, start: number): number {
  let j = start + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, source.length);
}

interface GroupOpener {
  kind: GroupKind;
  end: number;
  flags: string;
}

const FLAG_GROUP = /^\(\?([aiLmsux]*)(?:-([imsx]+))?([:)])/;

function readGroupOpener(source: string, start: number): GroupOpener | null {
  if (source[start + 1] !== '?') return { kind: 'capture', end: start + 1, flags: '' };
  const rest = source.slice(start, start + 4);
  if (rest.startsWith('(?:')) return { kind: 'non-capture', end: start + 3, flags: '' };
  if (rest.startsWith('(?=')) return { kind: 'lookahead', end: start + 3, flags: '' };
  if (rest.startsWith('(?!')) return { kind: 'negative-lookahead', end: start + 3, flags: '' };
  if (rest.startsWith('(?<=')) return { kind: 'lookbehind', end: start + 4, flags: '' };
  if (rest.startsWith('(?<!')) return { kind: 'negative-lookbehind', end: start + 4, flags: '' };
  if (rest.startsWith('(?>')) return { kind: 'atomic', end: start + 3, flags: '' };
  if (rest.startsWith('(?#')) return { kind: 'comment', end: start + 3, flags: '' };
  if (rest.startsWith('(?(')) return { kind: 'conditional', end: start + 2, flags: '' };
  if (rest.startsWith('(?P<') || rest.startsWith('(?P=')) {
    const nameEnd = source.indexOf(rest[3] === '<' ? '>' : ')', start + 4);
    if (nameEnd < 0) return null;
    return rest[3] === '<'
      ? { kind: 'named', end: nameEnd + 1, flags: '' }
      : { kind: 'named-backref', end: nameEnd + 1, flags: '' };
  }
  const flags = FLAG_GROUP.exec(source.slice(start));
  if (flags) {
    const all = flags[1] + (flags[2] ?? '');
    return { kind: flags[3] === ')' ? 'flags' : 'scoped-flags', end: start + flags[0].length, flags: all };
  }
  return null;
}

/** True when the character at `index` is syntax of the given role (not escaped, not in a class). */
export function isRole(lexed: LexedPattern, index: number, role: CharRole): boolean {
  return lexed.roles[index] === role;
}

/** The group whose `(` is at `open`, if any. */
export function groupAt(lexed: LexedPattern, open: number): Group | undefined {
  return lexed.groups.find((group) => group.open === open);
}

/** The group whose `)` is at `close`, if any. */
export function groupClosingAt(lexed: LexedPattern, close: number): Group | undefined {
  return lexed.groups.find((group) => group.close === close);
}
