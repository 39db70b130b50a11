// Python's `str()` of the values a snapshot holds, which is what the daemon's renderer puts in a
// reply: `True`/`False`/`None`, floats as `repr` (`78.12`, `200.0`, `1e+16`), lists and dicts
// as their repr. JSON.parse forgets whether `200.0` was a float; `parseJsonKeepingFloats` keeps it.

/** A JSON number that was written as a float (`200.0`, `1e3`): Python reads it as float. */
export class PyFloat {
  constructor(readonly value: number) {}
}

export function pythonStr(value: unknown, renderIntegerAsFloat = false): string {
  if (typeof value === 'string') return value;
  return pythonRepr(value, renderIntegerAsFloat);
}

export function pythonRepr(value: unknown, renderIntegerAsFloat = false): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value instanceof PyFloat) return pythonFloatRepr(value.value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || renderIntegerAsFloat) return pythonFloatRepr(value);
    return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return pythonStringRepr(value);
  if (Array.isArray(value)) return `[${value.map((item) => pythonRepr(item)).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => `${pythonStringRepr(key)}: ${pythonRepr(item)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** `repr(float)`: the shortest round-tripping digits, fixed notation for 1e-4 ≤ |x| < 1e16. */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const sign = value < 0 ? '-' : '';
  // Python switches to exponent notation when the decimal point would sit beyond 16 digits or
  // more than 4 zeros after it (float_repr_style "short", mode 'r').
  const decimalPoint = exponent + 1;
  if (decimalPoint > 16 || decimalPoint < -3) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${digits[0]}${fraction}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (decimalPoint <= 0) return `${sign}0.${'0'.repeat(-decimalPoint)}${digits}`;
  if (decimalPoint >= digits.length) return `${sign}${digits}${'0'.repeat(decimalPoint - digits.length)}.0`;
  return `${sign}${digits.slice(0, decimalPoint)}.${digits.slice(decimalPoint)}`;
}

/** `repr(str)`: single quotes unless the text has `'` and no `"`. */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/**
 * JSON.parse that keeps float-ness: numbers written with `.`/`e` become `PyFloat`. Accepts
 * Python's `NaN`/`Infinity` extensions too. Throws SyntaxError on bad JSON, like JSON.parse.
 */
export function parseJsonKeepingFloats(text: string): unknown {
  // A nonce keeps a string that happens to look like a marker from being taken for one.
  const placeholderPrefix = `\u0000pyfloat${Math.random().toString(36).slice(2)}:`;
  // Mark float literals outside strings, then let JSON.parse do the real work.
  let marked = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const end = stringEnd(text, i);
      marked += text.slice(i, end);
      i = end;
      continue;
    }
    const number = /^-?(?:\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|NaN|Infinity)/.exec(text.slice(i, i + 400));
    if (number && !/[\w.]/.test(text[i - 1] ?? '')) {
      const literal = number[0];
      marked += /[.eEN]|Infinity/.test(literal) ? JSON.stringify(placeholderPrefix + literal) : literal;
      i += literal.length;
      continue;
    }
    marked += ch;
    i++;
  }
  return JSON.parse(marked, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(placeholderPrefix) ? new PyFloat(Number(value.slice(placeholderPrefix.length))) : value,
  );
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}
