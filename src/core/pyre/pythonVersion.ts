/**
 * The CPython versions pyre models and what changes in `re` between them (found by diffing
 * re/_parser.py and by running the differential test against each interpreter):
 * - 3.12: a conditional's group reference `(?(ref)...)` is a number only when it is ASCII decimal
 *   digits; anything else must be an identifier ("bad character in group name '+1'" / '١').
 *   The recursion limit counts Python frames only (C calls such as a class instantiation no
 *   longer count), so RecursionError is always "maximum recursion depth exceeded".
 * - 3.13: the TEMPLATE flag is gone (`(?t)` is "unknown extension ?t"), and chr() raises
 *   ValueError (not OverflowError) for any code point out of range, so `\UFFFFFFFF` is "bad escape".
 * Unicode data (names, identifiers, case) is Unicode 14 (3.11) for every version; see README.
 */
import { INLINE_FLAGS, SRE_FLAG_DEBUG, SRE_FLAG_TEMPLATE } from './constants';

export const PYTHON_VERSIONS = ['3.11', '3.12', '3.13'] as const;
export type PythonVersion = (typeof PYTHON_VERSIONS)[number];
/** The daemon's image is Debian 13, whose python3 is CPython 3.13. */
export const DEFAULT_PYTHON_VERSION: PythonVersion = '3.13';

export interface PythonRules {
  readonly version: PythonVersion;
  /** 3.12+: `(?(١)...)` and `(?(+1)...)` are group names (and so bad ones), not numbers. */
  readonly asciiDigitGroupNumbers: boolean;
  /** 3.11: C-level calls count against the recursion limit and name themselves in the message. */
  readonly recursionCountsCCalls: boolean;
  /** 3.13: chr() of any out-of-range value raises ValueError (-> "bad escape"). */
  readonly chrOverflowIsValueError: boolean;
  /** Inline flag letters (`t` is gone in 3.13). */
  readonly inlineFlags: ReadonlyMap<string, number>;
  /** Flags that cannot be scoped: DEBUG, and TEMPLATE before 3.13. */
  readonly globalFlags: number;
}

const WITHOUT_TEMPLATE = new Map([...INLINE_FLAGS].filter(([letter]) => letter !== 't'));

function rulesFor(version: PythonVersion): PythonRules {
  const minor = Number(version.split('.')[1]);
  return {
    version,
    asciiDigitGroupNumbers: minor >= 12,
    recursionCountsCCalls: minor < 12,
    chrOverflowIsValueError: minor >= 13,
    inlineFlags: minor >= 13 ? WITHOUT_TEMPLATE : INLINE_FLAGS,
    globalFlags: minor >= 13 ? SRE_FLAG_DEBUG : SRE_FLAG_DEBUG | SRE_FLAG_TEMPLATE,
  };
}

const RULES: ReadonlyMap<PythonVersion, PythonRules> = new Map(PYTHON_VERSIONS.map((v) => [v, rulesFor(v)]));

export function pythonRules(version: PythonVersion = DEFAULT_PYTHON_VERSION): PythonRules {
  return RULES.get(version) as PythonRules;
}

/** `3.13`, `3.13.0`, `python3.13` → '3.13'; undefined for anything else. */
export function parsePythonVersion(text: string): PythonVersion | undefined {
  const match = /^(?:python)?\s*(3\.\d+)(?:\.\d+)?$/i.exec(text.trim());
  return PYTHON_VERSIONS.find((version) => version === match?.[1]);
}
