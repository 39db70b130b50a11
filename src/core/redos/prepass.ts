// A sound, cheap pre-pass before recheck: patterns that cannot backtrack more than linearly under
// the daemon's start-anchored matching are "safe" without starting a checker. It only ever says
// "safe" for one narrow, provable shape — at most one repetition of more than one step in the whole
// pattern, and that repetition over a single character (a literal, class, escape or dot), no
// repeated group, no backreference, nothing repeated inside a lookaround. One start position (the
// sticky flag) times one loop of at most n steps times a constant number of alternation paths is
// O(n). Everything else — including what it cannot read — goes to recheck.

/** Past these sizes the "constant" number of alternation paths is no longer small. */
const MAX_PREPASS_SOURCE_LENGTH = 2000;
const MAX_PREPASS_ALTERNATIONS = 200;

export type Atom = 'char' | 'group' | 'assertion' | 'none';

interface Frame {
  lookaround: boolean;
}

/** True when the (sticky) pattern provably matches in linear time; false means "ask recheck". */
export function isTriviallyLinear(source: string, flags: string): boolean {
  // Only the flags the translator emits (plus `s`): `m` moves anchors, `v` changes class syntax.
  if (!flags.includes('y') || !/^[iuys]*$/.test(flags) || source.length > MAX_PREPASS_SOURCE_LENGTH) return false;
  const frames: Frame[] = [];
  let previous: Atom = 'none';
  let loops = 0;
  let alternations = 0;
  for (let i = 0; i < source.length;) {
    const char = source[i];
    if (char === '\\') {
      const escape = readEscape(source, i);
      if (escape === undefined) return false;
      previous = escape.atom;
      i = escape.end;
    } else if (char === '[') {
      const end = classEnd(source, i);
      if (end === undefined) return false;
      previous = 'char';
      i = end;
    } else if (char === '(') {
      const open = readGroupOpen(source, i);
      if (open === undefined) return false;
      frames.push({ lookaround: open.lookaround });
      previous = 'none';
      i = open.end;
    } else if (char === ')') {
      const frame = frames.pop();
      if (frame === undefined) return false;
      previous = frame.lookaround ? 'assertion' : 'group';
      i++;
    } else if (char === '|') {
      if (++alternations > MAX_PREPASS_ALTERNATIONS) return false;
      previous = 'none';
      i++;
    } else if (char === '^' || char === '$') {
      previous = 'assertion';
      i++;
    } else if (isQuantifierStart(source, i)) {
      const quantifier = readQuantifier(source, i);
      if (quantifier === undefined || previous === 'none' || previous === 'assertion') return false;
      if (quantifier.max > 1) {
        // A repeated group or anything repeated inside a lookaround is beyond this pass.
        if (previous === 'group' || frames.some((frame) => frame.lookaround)) return false;
        if (++loops > 1) return false;
      }
      previous = 'none'; // a quantifier cannot be quantified (`a**` is a syntax error anyway)
      i = quantifier.end;
    } else {
      previous = 'char'; // a literal, `.`, or an unpaired `]` / `}` (literal in JavaScript)
      i += char.length;
    }
  }
  return frames.length === 0;
}

export function isQuantifierStart(source: string, i: number): boolean {
  const char = source[i];
  return (
    char === '*' || char === '+' || char === '?' || (char === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i, i + 24)))
  );
}

export function readQuantifier(source: string, i: number): { min: number; max: number; end: number } | undefined {
  let min: number;
  let max: number;
  let end: number;
  const char = source[i];
  if (char === '*' || char === '+') [min, max, end] = [char === '*' ? 0 : 1, Infinity, i + 1];
  else if (char === '?') [min, max, end] = [0, 1, i + 1];
  else {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
    if (!match) return undefined;
    min = Number(match[1]);
    max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    end = i + match[0].length;
  }
  if (source[end] === '?') end++; // lazy: the same paths in another order
  return { min, max, end };
}

/** An escape at `i` (a backslash): what it matches and where it ends; undefined for backreferences. */
export function readEscape(source: string, i: number): { atom: Atom; end: number } | undefined {
  const next = source[i + 1];
  if (next === undefined) return undefined;
  if (/[1-9]/.test(next) || next === 'k') return undefined; // backreferences re-scan the input
  if (next === 'b' || next === 'B') return { atom: 'assertion', end: i + 2 };
  if ((next === 'u' || next === 'p' || next === 'P') && source[i + 2] === '{') {
    const close = source.indexOf('}', i + 3);
    return close < 0 ? undefined : { atom: 'char', end: close + 1 };
  }
  if (next === 'u') return { atom: 'char', end: i + 6 };
  if (next === 'x') return { atom: 'char', end: i + 4 };
  if (next === 'c') return { atom: 'char', end: i + 3 };
  return { atom: 'char', end: i + 1 + ((source.codePointAt(i + 1) as number) > 0xffff ? 2 : 1) };
}

/** The index after the class starting at `i`, or undefined when it never closes. */
export function classEnd(source: string, i: number): number | undefined {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']') return j + 1;
  }
  return undefined;
}

export function readGroupOpen(source: string, i: number): { lookaround: boolean; end: number } | undefined {
  if (source[i + 1] !== '?') return { lookaround: false, end: i + 1 };
  const head = source.slice(i, i + 4);
  if (head.startsWith('(?:')) return { lookaround: false, end: i + 3 };
  if (head.startsWith('(?=') || head.startsWith('(?!')) return { lookaround: true, end: i + 3 };
  if (head === '(?<=' || head === '(?<!') return { lookaround: true, end: i + 4 };
  const named = /^\(\?<[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*>/u.exec(source.slice(i, i + 300));
  return named ? { lookaround: false, end: i + named[0].length } : undefined;
}
