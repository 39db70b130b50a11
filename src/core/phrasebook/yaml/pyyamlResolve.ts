// How PyYAML (`yaml.safe_load`, YAML 1.1 — what the daemon uses to read its phrasebook from disk)
// reads a PLAIN (unquoted) scalar: its implicit resolvers, copied from PyYAML 6's resolver.py,
// dispatched on the first character exactly as PyYAML does, then its SafeConstructor conversions.
// This is why `category: no` is the boolean False for the daemon, and `1:30` the integer 90.

export type PyYamlTag = 'str' | 'null' | 'bool' | 'int' | 'float' | 'timestamp' | 'merge' | 'value' | 'yaml';

export interface PyYamlScalar {
  tag: PyYamlTag;
  /** The constructed value (a `Date` for timestamps); undefined when construction fails. */
  value: unknown;
  /** Set when `safe_load` raises while constructing (e.g. `2024-02-30`, or the `=` value tag). */
  constructError?: string;
}

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const TRUE_WORDS = new Set(['yes', 'true', 'on']);
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const MERGE = /^(?:<<)$/;
const VALUE = /^(?:=)$/;
const YAML_INDICATOR = /^(?:!|&|\*)$/;

type Resolver = [PyYamlTag, RegExp];
const NUMBER_RESOLVERS: Resolver[] = [
  ['float', FLOAT],
  ['int', INT],
];
const DIGIT_RESOLVERS: Resolver[] = [...NUMBER_RESOLVERS, ['timestamp', TIMESTAMP]];
const BOOL_RESOLVERS: Resolver[] = [['bool', BOOL]];
const NULL_RESOLVERS: Resolver[] = [['null', NULL]];

/** PyYAML's `yaml_implicit_resolvers`: first character → resolvers, in registration order. */
const RESOLVERS_BY_FIRST_CHAR = new Map<string, Resolver[]>([
  ['', NULL_RESOLVERS],
  ['~', NULL_RESOLVERS],
  [
    'n',
    [
      ['bool', BOOL],
      ['null', NULL],
    ],
  ],
  [
    'N',
    [
      ['bool', BOOL],
      ['null', NULL],
    ],
  ],
  ['y', BOOL_RESOLVERS],
  ['Y', BOOL_RESOLVERS],
  ['t', BOOL_RESOLVERS],
  ['T', BOOL_RESOLVERS],
  ['f', BOOL_RESOLVERS],
  ['F', BOOL_RESOLVERS],
  ['o', BOOL_RESOLVERS],
  ['O', BOOL_RESOLVERS],
  ['+', NUMBER_RESOLVERS],
  ['-', NUMBER_RESOLVERS],
  ['.', [['float', FLOAT]]],
  ['<', [['merge', MERGE]]],
  ['=', [['value', VALUE]]],
  ['!', [['yaml', YAML_INDICATOR]]],
  ['&', [['yaml', YAML_INDICATOR]]],
  ['*', [['yaml', YAML_INDICATOR]]],
  ...'0123456789'.split('').map((digit): [string, Resolver[]] => [digit, DIGIT_RESOLVERS]),
]);

/** The tag PyYAML's resolver gives a plain scalar with this (decoded) text. */
export function resolvePyYamlTag(text: string): PyYamlTag {
  const resolvers = RESOLVERS_BY_FIRST_CHAR.get(text.length === 0 ? '' : text[0]);
  if (resolvers) {
    for (const [tag, regex] of resolvers) if (regex.test(text)) return tag;
  }
  return 'str';
}

/** What `yaml.safe_load` makes of a plain scalar. */
export function resolvePyYamlPlain(text: string): PyYamlScalar {
  const tag = resolvePyYamlTag(text);
  switch (tag) {
    case 'str':
      return { tag, value: text };
    case 'null':
      return { tag, value: null };
    case 'bool':
      return { tag, value: TRUE_WORDS.has(text.toLowerCase()) };
    case 'int':
      return { tag, value: constructInt(text) };
    case 'float':
      return { tag, value: constructFloat(text) };
    case 'timestamp':
      return constructTimestamp(text);
    default:
      // `<<` is only meaningful as a mapping key (handled by the merge logic); as a value, like
      // `=` (the value tag), SafeConstructor has no constructor for it and safe_load raises.
      return {
        tag,
        value: undefined,
        constructError: `could not determine a constructor for the tag 'tag:yaml.org,2002:${tag}'`,
      };
  }
}

/** A human description of the value, Python-style, for messages: `False`, `90`, `inf`, `None`. */
export function describePyYamlValue(scalar: PyYamlScalar): string {
  switch (scalar.tag) {
    case 'bool':
      return `the boolean ${scalar.value ? 'True' : 'False'}`;
    case 'null':
      return 'null (None)';
    case 'int':
      return `the integer ${formatNumber(scalar.value as number)}`;
    case 'float':
      return `the float ${formatNumber(scalar.value as number)}`;
    case 'timestamp':
      return 'a date/timestamp';
    default:
      return `a ${scalar.tag} value`;
  }
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(value);
}

function splitSign(text: string): { sign: number; digits: string } {
  if (text[0] === '-') return { sign: -1, digits: text.slice(1) };
  if (text[0] === '+') return { sign: 1, digits: text.slice(1) };
  return { sign: 1, digits: text };
}

function sexagesimal(digits: string, parse: (part: string) => number): number {
  // "1:30" → 1 × 60 + 30, as PyYAML's constructors compute it.
  let value = 0;
  let base = 1;
  for (const part of digits.split(':').reverse()) {
    value += parse(part) * base;
    base *= 60;
  }
  return value;
}

function constructInt(text: string): number {
  const { sign, digits } = splitSign(text.replace(/_/g, ''));
  if (digits === '0') return 0;
  if (digits.startsWith('0b')) return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith('0x')) return sign * parseInt(digits.slice(2), 16);
  if (digits[0] === '0') return sign * parseInt(digits, 8);
  if (digits.includes(':')) return sign * sexagesimal(digits, (part) => parseInt(part, 10));
  return sign * parseInt(digits, 10);
}

function constructFloat(text: string): number {
  const { sign, digits } = splitSign(text.replace(/_/g, '').toLowerCase());
  if (digits === '.inf') return sign * Infinity;
  if (digits === '.nan') return NaN;
  if (digits.includes(':')) return sign * sexagesimal(digits, (part) => parseFloat(part));
  return sign * parseFloat(digits);
}

const TIMESTAMP_PARTS =
  /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/;

function constructTimestamp(text: string): PyYamlScalar {
  const parts = TIMESTAMP_PARTS.exec(text);
  if (!parts) return { tag: 'timestamp', value: undefined, constructError: `invalid timestamp ${text}` };
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Python's datetime.date raises ValueError for 2024-02-30; Date would roll over silently.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1) {
    return { tag: 'timestamp', value: undefined, constructError: 'day is out of range for month' };
  }
  if (parts[4] === undefined) return { tag: 'timestamp', value: date };
  const [hour, minute, second] = [Number(parts[4]), Number(parts[5]), Number(parts[6])];
  if (hour > 23 || minute > 59 || second > 59) {
    return { tag: 'timestamp', value: undefined, constructError: 'time value out of range' };
  }
  const millis = parts[7] ? Number(`0.${parts[7]}`.slice(0, 5)) * 1000 : 0;
  let offsetMinutes = 0;
  if (parts[9]) offsetMinutes = (parts[9] === '-' ? -1 : 1) * (Number(parts[10]) * 60 + Number(parts[11] ?? 0));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { tag: 'timestamp', value: new Date(utc) };
}
