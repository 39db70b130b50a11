// Python's `str()` of the values a snapshot holds, which is what the daemon's renderer puts in a
// reply: `True`/`False`/`None`, floats as `repr` (`78.12`, `200.0`, `1e+16`), lists and dicts
// as their repr. JSON.parse forgets whether `200.0` was a float; parsePythonJson (pyJson.ts) keeps it.
import { pyRepr } from '../pyre';
import { PyFloat, pyDictKeys } from './pyJson';

export { PyFloat };

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
  if (typeof value === 'string') return pyRepr(value);
  if (Array.isArray(value)) return `[${value.map((item) => pythonRepr(item)).join(', ')}]`;
  if (typeof value === 'object') {
    const dict = value as Record<string, unknown>;
    return `{${pyDictKeys(dict)
      .map((key) => `${pyRepr(key)}: ${pythonRepr(dict[key])}`)
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
