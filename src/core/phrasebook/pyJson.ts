// JSON read the way Python's json module reads it, keeping what JSON.parse loses and the daemon
// renders: floats stay floats (`200.0` → PyFloat, rendered `200.0`), integers stay exact at any
// size (bigint beyond 2^53), NaN/Infinity/-Infinity are accepted, and objects remember Python's
// dict key order (insertion order; a repeated key keeps its first place and its last value),
// which JS objects do not for integer-like keys.

/** A JSON number that was written as a float (`200.0`, `1e3`): Python reads it as float. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** Python dict key order of an object produced by parsePythonJson. */
export const PY_KEY_ORDER: unique symbol = Symbol('pyKeyOrder');

export type PyDict = Record<string, unknown> & { [PY_KEY_ORDER]?: string[] };

/** Keys in Python's order (insertion order when known, else the JS order). */
export function pyDictKeys(value: object): string[] {
  return (value as PyDict)[PY_KEY_ORDER] ?? Object.keys(value);
}

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const CONSTANTS: ReadonlyArray<readonly [string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['NaN', new PyFloat(NaN)],
  ['Infinity', new PyFloat(Infinity)],
  ['-Infinity', new PyFloat(-Infinity)],
];

class Reader {
  index = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    throw new SyntaxError(`${what} at character ${this.index}`);
  }

  skipSpace(): void {
    WHITESPACE.lastIndex = this.index;
    WHITESPACE.exec(this.text);
    this.index = WHITESPACE.lastIndex;
  }

  value(depth: number): unknown {
    if (depth > 10_000) this.fail('nesting too deep');
    this.skipSpace();
    const ch = this.text[this.index];
    if (ch === '{') return this.object(depth);
    if (ch === '[') return this.array(depth);
    if (ch === '"') return this.string();
    for (const [literal, value] of CONSTANTS) {
      if (this.text.startsWith(literal, this.index)) {
        this.index += literal.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.index;
    const number = NUMBER.exec(this.text);
    if (!number) return this.fail('Expecting value');
    this.index = NUMBER.lastIndex;
    if (number[1] !== undefined || number[2] !== undefined) return new PyFloat(Number(number[0]));
    const integer = BigInt(number[0]);
    return integer >= BigInt(Number.MIN_SAFE_INTEGER) && integer <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(integer)
      : integer;
  }

  string(): string {
    const start = this.index;
    let end = start + 1;
    while (end < this.text.length && this.text[end] !== '"') {
      if (this.text.charCodeAt(end) < 0x20) this.fail('Invalid control character');
      end += this.text[end] === '\\' ? 2 : 1;
    }
    if (end >= this.text.length) this.fail('Unterminated string');
    this.index = end + 1;
    return JSON.parse(this.text.slice(start, end + 1)) as string;
  }

  array(depth: number): unknown[] {
    this.index++;
    const items: unknown[] = [];
    this.skipSpace();
    if (this.text[this.index] === ']') {
      this.index++;
      return items;
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const ch = this.text[this.index++];
      if (ch === ']') return items;
      if (ch !== ',') this.fail("Expecting ',' delimiter");
    }
  }

  object(depth: number): PyDict {
    this.index++;
    const result: PyDict = {};
    const order: string[] = [];
    Object.defineProperty(result, PY_KEY_ORDER, { value: order, enumerable: false });
    this.skipSpace();
    if (this.text[this.index] === '}') {
      this.index++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.index] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.index++] !== ':') this.fail("Expecting ':' delimiter");
      const value = this.value(depth + 1);
      if (!Object.prototype.hasOwnProperty.call(result, key)) order.push(key);
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const ch = this.text[this.index++];
      if (ch === '}') return result;
      if (ch !== ',') this.fail("Expecting ',' delimiter");
    }
  }
}

/**
 * `json.loads(text)`: throws SyntaxError where Python raises JSONDecodeError. A leading U+FEFF
 * is refused, as json.loads(str) does (bytes callers strip it first, see daemonJsonBody).
 */
export function parsePythonJson(text: string): unknown {
  const reader = new Reader(text);
  const value = reader.value(0);
  reader.skipSpace();
  if (reader.index !== text.length) reader.fail('Extra data');
  return value;
}
