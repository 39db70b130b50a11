// The phrasebook's single door to the CPython-faithful regex engine (`../pyre`): compile a pattern
// the way the daemon does (`re.compile(p, re.IGNORECASE)`), translate it for previews and deep
// analysis, and match. Results are cached by pattern source: an editor re-validates the same
// patterns on every keystroke, and compiling is the dominant per-entry cost.
import {
  compilePython,
  INTERNAL_ERROR_TYPE,
  pythonMatch,
  translateToJs,
  type PyreCompiled,
  type PythonVersion,
} from '../pyre';
import { LruCache } from '../redos/cache';
import { DAEMON_REGEX_IGNORECASE } from './constants';
import { daemonPythonVersion } from './daemonPython';
import { errorText } from '../text/errorText';

export type DaemonCompileResult =
  | { kind: 'ok'; compiled: PyreCompiled }
  /** `re.error`: the daemon reports `invalid regex: <text>`; `pos` is a code-point index. */
  | { kind: 're.error'; text: string; pos: number | null }
  /** Another exception (e.g. OverflowError): the daemon does not catch it and answers HTTP 500. */
  | { kind: 'exception'; exceptionType: string; text: string; pos: number | null }
  /** Our engine failed (a defect, not CPython behaviour): nothing can be said about the daemon. */
  | { kind: 'engine-failure'; text: string };

export type JsTranslation =
  | { ok: true; source: string; flags: string; notes: readonly string[] }
  | { ok: false; reason: string; pos: number | null };

const MAX_CACHED_PATTERNS = 5000;
const compileCache = new LruCache<string, DaemonCompileResult>(MAX_CACHED_PATTERNS);
const translationCache = new LruCache<string, JsTranslation>(MAX_CACHED_PATTERNS);

/** Cache key: the same source can compile differently under another CPython. */
function versionedKey(python: PythonVersion, source: string): string {
  return `${python}\n${source}`;
}

/** `re.compile(source, re.IGNORECASE)` as the daemon's CPython does it — never throws. */
export function compileDaemonPattern(
  source: string,
  python: PythonVersion = daemonPythonVersion(),
): DaemonCompileResult {
  const key = versionedKey(python, source);
  const cached = compileCache.get(key);
  if (cached) return cached;
  const result = compileUncached(source, python);
  compileCache.set(key, result);
  return result;
}

function compileUncached(source: string, python: PythonVersion): DaemonCompileResult {
  try {
    const outcome = compilePython(source, { ignoreCase: DAEMON_REGEX_IGNORECASE, python });
    if (outcome.ok) return { kind: 'ok', compiled: outcome };
    if (outcome.kind === 're.error') return { kind: 're.error', text: outcome.text, pos: outcome.pos ?? null };
    if (outcome.exceptionType === INTERNAL_ERROR_TYPE) return { kind: 'engine-failure', text: outcome.text };
    return { kind: 'exception', exceptionType: outcome.exceptionType, text: outcome.text, pos: outcome.pos ?? null };
  } catch (error) {
    // A defect in the engine must not take the editor down; say what happened instead.
    return { kind: 'engine-failure', text: errorText(error) };
  }
}

/** The JavaScript equivalent of a compiled daemon pattern, or why there is none. */
export function translateDaemonPattern(source: string, compiled: PyreCompiled): JsTranslation {
  const key = versionedKey(compiled.python, source);
  const cached = translationCache.get(key);
  if (cached) return cached;
  let result: JsTranslation;
  try {
    const outcome = translateToJs(compiled);
    result = outcome.ok
      ? { ok: true, source: outcome.source, flags: outcome.flags, notes: outcome.notes ?? [] }
      : { ok: false, reason: outcome.reason, pos: outcome.pos ?? null };
  } catch (error) {
    result = {
      ok: false,
      reason: `translation failed: ${errorText(error)}`,
      pos: null,
    };
  }
  translationCache.set(key, result);
  return result;
}

export type PythonMatchResult = { matched: true; end: number } | { matched: false } | { unsupported: string };

/** Python `pattern.match(text)` (anchored at the start, not required to reach the end). */
export function matchDaemonPattern(compiled: PyreCompiled, text: string): PythonMatchResult {
  try {
    const outcome = pythonMatch(compiled, text);
    if ('matched' in outcome) return outcome.matched ? { matched: true, end: outcome.end } : { matched: false };
    return { unsupported: outcome.reason };
  } catch (error) {
    return { unsupported: `matcher failure: ${errorText(error)}` };
  }
}
