// Offset-recording decoders for flow scalars — plain, single-quoted and double-quoted — mirroring
// the `yaml` package's compose/resolve-flow-scalar.js step for step (folding, `''`, escapes).
import { DecodeBuilder, type DecodedScalar } from './decodeBuilder';

interface SourceLine {
  /** Offsets of the line's content, without its line break (and without a `\r` before it). */
  start: number;
  end: number;
}

function splitSourceLines(source: string, base: number): SourceLine[] {
  const lines: SourceLine[] = [];
  let lineStart = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '\n') continue;
    const end = i > lineStart && source[i - 1] === '\r' ? i - 1 : i;
    lines.push({ start: base + lineStart, end: base + end });
    lineStart = i + 1;
  }
  lines.push({ start: base + lineStart, end: base + source.length });
  return lines;
}

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t';
}

/**
 * Folds the lines of `source[innerStart, innerEnd)` like yaml's `unfoldLines`, handing each kept
 * run of content (token-relative offsets) to `emitContent` so single quotes can collapse `''`.
 * `offset` is the token's document offset.
 */
function unfold(
  source: string,
  innerStart: number,
  innerEnd: number,
  offset: number,
  builder: DecodeBuilder,
  emitContent: (start: number, end: number) => void,
): void {
  const lines = splitSourceLines(source.slice(innerStart, innerEnd), innerStart);
  if (lines.length === 1) {
    emitContent(innerStart, innerEnd);
    return;
  }
  // First line: trailing blanks trimmed. Middle lines: both sides. Last line: leading only.
  let end = lines[0].end;
  while (end > lines[0].start && isBlank(source[end - 1])) end--;
  emitContent(lines[0].start, end);
  let previousEnd = end;
  let emptyLines = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const isLast = i === lines.length - 1;
    let start = line.start;
    let contentEnd = line.end;
    while (start < contentEnd && isBlank(source[start])) start++;
    if (!isLast) while (contentEnd > start && isBlank(source[contentEnd - 1])) contentEnd--;
    if (start === contentEnd && !isLast) {
      emptyLines++;
      continue;
    }
    // One line break folds to a space; n empty lines in between give n newlines.
    builder.synthetic(emptyLines === 0 ? ' ' : '\n'.repeat(emptyLines), offset + previousEnd, offset + start);
    emitContent(start, contentEnd);
    previousEnd = contentEnd;
    emptyLines = 0;
  }
}

export function decodePlain(source: string, offset: number): DecodedScalar {
  const builder = new DecodeBuilder();
  unfold(source, 0, source.length, offset, builder, (start, end) =>
    builder.literal(source.slice(start, end), offset + start),
  );
  return builder.finish(offset + source.length);
}

export function decodeSingleQuoted(source: string, offset: number): DecodedScalar {
  const builder = new DecodeBuilder();
  // Like yaml: the last character is taken as the closing quote even when it is missing.
  const innerEnd = Math.max(1, source.length - 1);
  unfold(source, 1, innerEnd, offset, builder, (start, end) => {
    for (let i = start; i < end; i++) {
      if (source[i] === "'" && i + 1 < end && source[i + 1] === "'") {
        builder.synthetic("'", offset + i, offset + i + 2);
        i++;
      } else {
        builder.literal(source[i], offset + i);
      }
    }
  });
  return builder.finish(offset + innerEnd);
}

// Double-quoted: yaml's `doubleQuotedValue`.

const DOUBLE_QUOTE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

const HEX_ESCAPE_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

export function decodeDoubleQuoted(source: string, offset: number): DecodedScalar {
  const builder = new DecodeBuilder();
  const last = source.length - 1;
  for (let i = 1; i < last; ++i) {
    const ch = source[i];
    if (ch === '\r' && source[i + 1] === '\n') continue;
    if (ch === '\n') {
      const foldStart = i;
      let fold = '';
      let next = source[i + 1];
      while (next === ' ' || next === '\t' || next === '\n' || next === '\r') {
        if (next === '\r' && source[i + 2] !== '\n') break;
        if (next === '\n') fold += '\n';
        i += 1;
        next = source[i + 1];
      }
      builder.synthetic(fold || ' ', offset + foldStart, offset + i + 1);
    } else if (ch === '\\') {
      const escapeStart = i;
      let next = source[++i];
      const simple = DOUBLE_QUOTE_ESCAPES[next];
      if (simple) {
        builder.synthetic(simple, offset + escapeStart, offset + i + 1);
      } else if (next === '\n' || (next === '\r' && source[i + 1] === '\n')) {
        // An escaped line break joins the lines; the next line's leading blanks are dropped.
        if (next === '\r') i++;
        next = source[i + 1];
        while (next === ' ' || next === '\t') next = source[++i + 1];
      } else if (next in HEX_ESCAPE_LENGTHS) {
        const length = HEX_ESCAPE_LENGTHS[next];
        const digits = source.substr(i + 1, length);
        const code = digits.length === length && /^[0-9a-fA-F]+$/.test(digits) ? parseInt(digits, 16) : NaN;
        let decoded: string | null = null;
        try {
          decoded = String.fromCodePoint(code);
        } catch {
          decoded = null;
        }
        if (decoded === null) builder.literal(source.substr(i - 1, length + 2), offset + i - 1);
        else builder.synthetic(decoded, offset + escapeStart, offset + i + 1 + length);
        i += length;
      } else {
        builder.literal(source.substr(i - 1, 2), offset + i - 1);
      }
    } else if (ch === ' ' || ch === '\t') {
      // Blanks before a line break are trimmed; elsewhere they are kept.
      const blankStart = i;
      let next = source[i + 1];
      while (next === ' ' || next === '\t') next = source[++i + 1];
      if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n')) {
        builder.literal(source.slice(blankStart, i + 1), offset + blankStart);
      }
    } else {
      builder.literal(ch, offset + i);
    }
  }
  return builder.finish(offset + Math.max(1, last));
}
