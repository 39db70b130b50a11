// Accumulates a decoded string together with, per UTF-16 unit, the document span it came from.
// Shared by the flow and block scalar decoders.

/** The decoded string plus, per UTF-16 unit of it, the source span that produced that unit. */
export interface DecodedScalar {
  value: string;
  srcStart: number[];
  srcEnd: number[];
  /** Where an insertion after the last decoded character goes (before a closing quote). */
  contentEnd: number;
}

export class DecodeBuilder {
  value = '';
  readonly srcStart: number[] = [];
  readonly srcEnd: number[] = [];

  /** Characters copied verbatim from the document at `offset`. */
  literal(text: string, offset: number): void {
    this.value += text;
    for (let k = 0; k < text.length; k++) {
      this.srcStart.push(offset + k);
      this.srcEnd.push(offset + k + 1);
    }
  }

  /** Characters produced by an escape or by folding, all attributed to one source span. */
  synthetic(text: string, start: number, end: number): void {
    this.value += text;
    for (let k = 0; k < text.length; k++) {
      this.srcStart.push(start);
      this.srcEnd.push(end);
    }
  }

  finish(contentEnd: number): DecodedScalar {
    return { value: this.value, srcStart: this.srcStart, srcEnd: this.srcEnd, contentEnd };
  }
}
