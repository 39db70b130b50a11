// Offset-recording decoder for block scalars (`|`, `>`, chomping and indentation indicators),
// mirroring the `yaml` package's compose/resolve-block-scalar.js step for step.
import type { CST } from 'yaml';
import { DecodeBuilder, type DecodedScalar } from './decodeBuilder';
import type { SourceSpan } from './scalarOffsets';

interface BlockHeader {
  mode: '|' | '>';
  indent: number;
  chomp: '' | '-' | '+';
  /** Source length of the header line, its comment and line break. */
  length: number;
}

export function blockHeader(token: CST.BlockScalar): BlockHeader | null {
  const first = token.props[0];
  if (!first || first.type !== 'block-scalar-header') return null;
  const source = first.source;
  let indent = 0;
  let chomp: BlockHeader['chomp'] = '';
  for (let i = 1; i < source.length; ++i) {
    const ch = source[i];
    if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
    else if (!indent && Number(ch)) indent = Number(ch);
  }
  let length = source.length;
  for (const prop of token.props.slice(1)) {
    if ('source' in prop && typeof prop.source === 'string') length += prop.source.length;
  }
  return { mode: source[0] === '>' ? '>' : '|', indent, chomp, length };
}

interface BlockLine {
  indent: string;
  content: string;
  /** Document offset where the line's indentation starts. */
  start: number;
}

function splitBlockLines(source: string, base: number): BlockLine[] {
  const lines: BlockLine[] = [];
  let position = 0;
  for (const raw of source.split('\n')) {
    let spaces = 0;
    while (raw[spaces] === ' ') spaces++;
    lines.push({ indent: raw.slice(0, spaces), content: raw.slice(spaces), start: base + position });
    position += raw.length + 1;
  }
  return lines;
}

export function decodeBlock(token: CST.BlockScalar): DecodedScalar | null {
  const header = blockHeader(token);
  if (!header) return null;
  const builder = new DecodeBuilder();
  const contentBase = token.offset + header.length;
  const lines = token.source ? splitBlockLines(token.source, contentBase) : [];
  const documentEnd = contentBase + token.source.length;
  /** The line break that ends line i, as a span (or the end of the scalar). */
  const breakAfter = (i: number): SourceSpan => {
    if (i < 0) return { start: contentBase, end: contentBase };
    const line = lines[i];
    const end = line.start + line.indent.length + line.content.length;
    if (end >= documentEnd) return { start: documentEnd, end: documentEnd };
    const crlf = line.content.endsWith('\r');
    return { start: crlf ? end - 1 : end, end: end + 1 };
  };
  const newline = (text: string, afterLine: number) => {
    const span = breakAfter(afterLine);
    builder.synthetic(text, span.start, span.end);
  };

  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i].content;
    if (content === '' || content === '\r') chompStart = i;
    else break;
  }
  if (chompStart === 0) {
    if (header.chomp === '+' && lines.length > 0) newline('\n'.repeat(Math.max(1, lines.length - 1)), 0);
    return builder.finish(contentBase);
  }

  let trimIndent = token.indent + header.indent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const { indent, content } = lines[i];
    if (content === '' || content === '\r') {
      if (header.indent === 0 && indent.length > trimIndent) trimIndent = indent.length;
    } else {
      if (header.indent === 0) trimIndent = indent.length;
      contentStart = i;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i].indent.length > trimIndent) chompStart = i + 1;
  }

  const emitIndent = (line: BlockLine, indent: string) => {
    const kept = indent.slice(trimIndent);
    if (kept) builder.literal(kept, line.start + trimIndent);
  };
  for (let i = 0; i < contentStart; ++i) {
    emitIndent(lines[i], lines[i].indent);
    newline('\n', i);
  }

  const literal = header.mode === '|';
  let separator = '';
  let prevMoreIndented = false;
  for (let i = contentStart; i < chompStart; ++i) {
    const line = lines[i];
    let indent = line.indent;
    let content = line.content;
    if (content.endsWith('\r')) content = content.slice(0, -1);
    if (content && indent.length < trimIndent) indent = '';
    const contentOffset = line.start + line.indent.length;
    if (literal) {
      if (separator) newline(separator, i - 1);
      emitIndent(line, indent);
      builder.literal(content, contentOffset);
      separator = '\n';
    } else if (indent.length > trimIndent || content[0] === '\t') {
      // More-indented lines of a folded scalar keep their line breaks.
      if (separator === ' ') separator = '\n';
      else if (!prevMoreIndented && separator === '\n') separator = '\n\n';
      if (separator) newline(separator, i - 1);
      emitIndent(line, indent);
      builder.literal(content, contentOffset);
      separator = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (separator === '\n') newline('\n', i - 1);
      else separator = '\n';
    } else {
      if (separator) newline(separator, i - 1);
      builder.literal(content, contentOffset);
      separator = ' ';
      prevMoreIndented = false;
    }
  }
  const lastContentLine = chompStart - 1;
  const contentEnd = breakAfter(lastContentLine).start;
  if (header.chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i) {
      newline('\n', i - 1);
      emitIndent(lines[i], lines[i].indent);
    }
    if (!builder.value.endsWith('\n')) newline('\n', lines.length - 1);
  } else if (header.chomp === '') {
    newline('\n', lastContentLine);
  }
  return builder.finish(contentEnd);
}
