// Maps a character of a decoded YAML string back to the source characters that produced it, so a
// regex error "at position 7" lands on the exact character even through quoting, escapes
// (`\\`, `\"`, `\x..`, `\u....`, `\U........`), line folding and block scalars (`|`, `>`, with
// chomping and indentation indicators).
//
// The decoders mirror, step for step, the `yaml` package's own resolvers
// (compose/resolve-flow-scalar.js and resolve-block-scalar.js), instrumented to record offsets. A
// decoder's result is only trusted when its text equals the value `yaml` produced; otherwise the map
// degrades to "the whole scalar" rather than pointing at a wrong character.
import type { CST } from 'yaml';
import { blockHeader, decodeBlock } from './blockScalarDecode';
import type { DecodedScalar } from './decodeBuilder';
import { decodeDoubleQuoted, decodePlain, decodeSingleQuoted } from './flowScalarDecode';
import { codePointIndexToUtf16, codePointWidthAt } from '../../pyre/pystr';

/** A half-open range of UTF-16 offsets into the document text. */
export interface SourceSpan {
  start: number;
  end: number;
}

export type ScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'literal' | 'folded';

/** Maps offsets inside a decoded string value back to document offsets. */
export class ScalarOffsetMap {
  private constructor(
    readonly style: ScalarStyle | 'opaque',
    /** The whole scalar in the document (quotes and block header included). */
    readonly nodeSpan: SourceSpan,
    private readonly decoded: DecodedScalar | null,
    /** Set when the value is written verbatim from this offset (the common one-line case). */
    private readonly verbatimStart: number | null = null,
    private readonly verbatimLength = 0,
  ) {}

  /**
   * Builds the map for a scalar token. `expectedValue` is the string `yaml` decoded; when this
   * decoder disagrees (a construct it does not mirror), the map becomes opaque.
   */
  static build(token: CST.FlowScalar | CST.BlockScalar, expectedValue: string, nodeSpan: SourceSpan): ScalarOffsetMap {
    const verbatim = verbatimContentStart(token, expectedValue);
    if (verbatim !== null) return new ScalarOffsetMap(styleOf(token), nodeSpan, null, verbatim, expectedValue.length);
    const decoded = decodeToken(token);
    if (decoded && decoded.value === expectedValue) return new ScalarOffsetMap(styleOf(token), nodeSpan, decoded);
    return ScalarOffsetMap.opaque(nodeSpan);
  }

  /** A map that can only say "somewhere in this node" (aliases, unusual tokens). */
  static opaque(nodeSpan: SourceSpan): ScalarOffsetMap {
    return new ScalarOffsetMap('opaque', nodeSpan, null);
  }

  get isExact(): boolean {
    return this.decoded !== null || this.verbatimStart !== null;
  }

  /** The document span of decoded UTF-16 units [start, end); an empty range stays empty. */
  sourceSpan(start: number, end: number): SourceSpan {
    if (this.verbatimStart !== null) {
      const from = Math.max(0, Math.min(start, this.verbatimLength));
      const to = Math.max(from, Math.min(end, this.verbatimLength));
      return { start: this.verbatimStart + from, end: this.verbatimStart + to };
    }
    const decoded = this.decoded;
    if (!decoded) return { ...this.nodeSpan };
    const length = decoded.value.length;
    const from = Math.max(0, Math.min(start, length));
    const to = Math.max(from, Math.min(end, length));
    if (from === to) {
      const at = from < length ? decoded.srcStart[from] : decoded.contentEnd;
      return { start: at, end: at };
    }
    return { start: decoded.srcStart[from], end: decoded.srcEnd[to - 1] };
  }

  /** The same for code-point offsets, as CPython reports regex positions. */
  sourceSpanOfCodePoints(value: string, cpStart: number, cpEnd: number): SourceSpan {
    const start = codePointIndexToUtf16(value, cpStart);
    const end = cpEnd <= cpStart ? start : codePointIndexToUtf16(value, cpEnd);
    return this.sourceSpan(start, end);
  }

  /** The span of the one code point at `cpIndex` (empty at the end of the value). */
  sourceSpanOfCodePointAt(value: string, cpIndex: number): SourceSpan {
    const start = codePointIndexToUtf16(value, cpIndex);
    return this.sourceSpan(start, start + codePointWidthAt(value, start));
  }
}

/**
 * Where the value starts when the source holds it character for character: a one-line plain
 * scalar, or a one-line quoted scalar without escapes (`\\`) or doubled quotes (`''`). Most values
 * are like that, and they need no per-character map.
 */
function verbatimContentStart(token: CST.FlowScalar | CST.BlockScalar, value: string): number | null {
  const source = token.source;
  if (source.includes('\n') || source.includes('\r')) return null;
  switch (token.type) {
    case 'scalar':
      return source === value ? token.offset : null;
    case 'single-quoted-scalar':
      return source.length === value.length + 2 && source.slice(1, -1) === value ? token.offset + 1 : null;
    case 'double-quoted-scalar':
      return !source.includes('\\') && source.length === value.length + 2 && source.slice(1, -1) === value
        ? token.offset + 1
        : null;
    default:
      return null;
  }
}

function styleOf(token: CST.FlowScalar | CST.BlockScalar): ScalarStyle {
  switch (token.type) {
    case 'single-quoted-scalar':
      return 'single-quoted';
    case 'double-quoted-scalar':
      return 'double-quoted';
    case 'block-scalar':
      return blockHeader(token)?.mode === '>' ? 'folded' : 'literal';
    default:
      return 'plain';
  }
}

function decodeToken(token: CST.FlowScalar | CST.BlockScalar): DecodedScalar | null {
  switch (token.type) {
    case 'scalar':
      return decodePlain(token.source, token.offset);
    case 'single-quoted-scalar':
      return decodeSingleQuoted(token.source, token.offset);
    case 'double-quoted-scalar':
      return decodeDoubleQuoted(token.source, token.offset);
    case 'block-scalar':
      return decodeBlock(token);
    default:
      return null;
  }
}
