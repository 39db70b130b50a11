// PyYAML's emitter for string scalars (yaml/emitter.py, PyYAML 6), ported so the files we write
// are byte-identical to what the daemon writes with `yaml.safe_dump(data, sort_keys=False,
// allow_unicode=True)`: the same choice between plain, single- and double-quoted style, the same
// escapes and the same line wrapping at 80 columns. Columns count code points, as Python does.
import { resolvePyYamlTag } from './pyyamlResolve';

const BEST_WIDTH = 80;
const LINE_BREAKS = '\n\x85\u2028\u2029';
const WHITESPACE_OR_END = '\0 \t\r\n\x85\u2028\u2029';

const DOUBLE_QUOTE_ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xa0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

export interface ScalarAnalysis {
  empty: boolean;
  multiline: boolean;
  allowFlowPlain: boolean;
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
}

/** PyYAML's `analyze_scalar` with `allow_unicode=True`, over code points. */
export function analyzeScalar(text: string): ScalarAnalysis {
  const chars = Array.from(text);
  if (chars.length === 0) {
    return { empty: true, multiline: false, allowFlowPlain: false, allowBlockPlain: true, allowSingleQuoted: true };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  if (text.startsWith('---') || text.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || WHITESPACE_OR_END.includes(chars[1]);
  let previousSpace = false;
  let previousBreak = false;
  for (let index = 0; index < chars.length; index++) {
    const ch = chars[index];
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (LINE_BREAKS.includes(ch)) lineBreaks = true;
    if (!(ch === '\n' || isPrintableAscii(ch)) && !isPrintableUnicode(ch)) specialCharacters = true;
    if (ch === ' ') {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (LINE_BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = WHITESPACE_OR_END.includes(ch);
    followedByWhitespace = index + 2 >= chars.length || WHITESPACE_OR_END.includes(chars[index + 2]);
  }
  let allowFlowPlain = true;
  let allowBlockPlain = true;
  let allowSingleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowFlowPlain = allowBlockPlain = false;
  if (breakSpace) allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  if (spaceBreak || specialCharacters) allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  if (lineBreaks) allowFlowPlain = allowBlockPlain = false;
  if (flowIndicators) allowFlowPlain = false;
  if (blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks, allowFlowPlain, allowBlockPlain, allowSingleQuoted };
}

function isPrintableAscii(ch: string): boolean {
  return ch >= '\x20' && ch <= '\x7e';
}

/** The non-ASCII characters PyYAML writes as they are under `allow_unicode=True`. */
function isPrintableUnicode(ch: string): boolean {
  const code = ch.codePointAt(0) as number;
  if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) return false; // lone surrogate
  return (
    (code === 0x85 ||
      (code >= 0xa0 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code < 0x10ffff)) &&
    code !== 0xfeff
  );
}

export type EmittedStyle = 'plain' | 'single' | 'double';

/** PyYAML's `choose_scalar_style` for a str value in block context (not a simple key). */
export function chooseValueStyle(text: string): EmittedStyle {
  const analysis = analyzeScalar(text);
  // Plain only if PyYAML would read the plain text back as the same str (implicit[0]).
  const implicitPlain = resolvePyYamlTag(text) === 'str';
  if (implicitPlain && analysis.allowBlockPlain) return 'plain';
  if (analysis.allowSingleQuoted) return 'single';
  return 'double';
}

/**
 * Writes lines the way PyYAML's Emitter does, tracking its `column`, `whitespace` and
 * `indention` state — needed because wrapping decisions depend on the current column.
 */
export class EmitterState {
  output = '';
  column = 0;
  whitespace = true;
  indention = true;
  indent = 0;

  write(data: string): void {
    this.output += data;
    this.column += Array.from(data).length;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
    this.write(this.whitespace || !needWhitespace ? indicator : ` ${indicator}`);
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
  }

  writeLineBreak(data = '\n'): void {
    this.output += data;
    this.whitespace = true;
    this.indention = true;
    this.column = 0;
  }

  writeIndent(): void {
    const indent = this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.writeLineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.write(' '.repeat(indent - this.column));
    }
  }

  /** `write_plain(text, split)`. */
  writePlain(text: string, split: boolean): void {
    if (!text) return;
    if (!this.whitespace) this.write(' ');
    this.whitespace = false;
    this.indention = false;
    const chars = Array.from(text);
    let spaces = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = end < chars.length ? chars[end] : null;
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split) {
            this.writeIndent();
            this.whitespace = false;
            this.indention = false;
          } else {
            this.write(chars.slice(start, end).join(''));
          }
          start = end;
        }
      } else if (breaks) {
        if (ch === null || !LINE_BREAKS.includes(ch)) {
          this.writeBreaks(chars, start, end);
          this.writeIndent();
          this.whitespace = false;
          this.indention = false;
          start = end;
        }
      } else if (ch === null || ' \n\x85\u2028\u2029'.includes(ch)) {
        this.write(chars.slice(start, end).join(''));
        start = end;
      }
      if (ch !== null) {
        spaces = ch === ' ';
        breaks = LINE_BREAKS.includes(ch);
      }
    }
  }

  /** `write_single_quoted(text, split)`. */
  writeSingleQuoted(text: string, split: boolean): void {
    this.writeIndicator("'", true);
    const chars = Array.from(text);
    let spaces = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = end < chars.length ? chars[end] : null;
      if (spaces) {
        if (ch === null || ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split && start !== 0 && end !== chars.length) {
            this.writeIndent();
          } else {
            this.write(chars.slice(start, end).join(''));
          }
          start = end;
        }
      } else if (breaks) {
        if (ch === null || !LINE_BREAKS.includes(ch)) {
          this.writeBreaks(chars, start, end);
          this.writeIndent();
          start = end;
        }
      } else if (ch === null || ' \n\x85\u2028\u2029'.includes(ch) || ch === "'") {
        if (start < end) {
          this.write(chars.slice(start, end).join(''));
          start = end;
        }
      }
      if (ch === "'") {
        this.write("''");
        start = end + 1;
      }
      if (ch !== null) {
        spaces = ch === ' ';
        breaks = LINE_BREAKS.includes(ch);
      }
    }
    this.writeIndicator("'", false);
  }

  /** `write_double_quoted(text, split)` with `allow_unicode=True`. */
  writeDoubleQuoted(text: string, split: boolean): void {
    this.writeIndicator('"', true);
    const chars = Array.from(text);
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = end < chars.length ? chars[end] : null;
      if (ch === null || '"\\\x85\u2028\u2029\ufeff'.includes(ch) || !(isPrintableAscii(ch) || isPrintableBmp(ch))) {
        if (start < end) {
          this.write(chars.slice(start, end).join(''));
          start = end;
        }
        if (ch !== null) {
          this.write(doubleQuoteEscape(ch));
          start = end + 1;
        }
      }
      if (
        end > 0 &&
        end < chars.length - 1 &&
        (ch === ' ' || start >= end) &&
        this.column + (end - start) > BEST_WIDTH &&
        split
      ) {
        this.write(`${chars.slice(start, end).join('')}\\`);
        if (start < end) start = end;
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
        if (chars[start] === ' ') this.write('\\');
      }
    }
    this.writeIndicator('"', false);
  }

  private writeBreaks(chars: string[], start: number, end: number): void {
    if (chars[start] === '\n') this.writeLineBreak();
    for (const br of chars.slice(start, end)) this.writeLineBreak(br === '\n' ? '\n' : br);
  }
}

function isPrintableBmp(ch: string): boolean {
  const code = ch.codePointAt(0) as number;
  return ch.length === 1 && ((code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd));
}

/** One character as PyYAML escapes it in a double-quoted scalar. */
export function doubleQuoteEscape(ch: string): string {
  const simple = DOUBLE_QUOTE_ESCAPES[ch];
  if (simple) return `\\${simple}`;
  const code = ch.codePointAt(0) as number;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}
