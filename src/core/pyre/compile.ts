/** compilePython: CPython's re.compile(pattern, flags) accept/reject (3.11–3.13), as a result object. */
import { PyreNode } from './ast';
import { checkCompile } from './compiler';
import { SRE_FLAG_IGNORECASE } from './constants';
import { formatReError, PyExceptionSignal, ReErrorSignal } from './errors';
import { parse } from './parser';
import { codePointsOf } from './pystr';
import { BASE_DEPTH, PYTHON_RECURSION_LIMIT, PythonStack } from './pythonStack';
import { DEFAULT_PYTHON_VERSION, pythonRules, PythonVersion } from './pythonVersion';

export interface PyreCompiled {
  ok: true;
  source: string;
  /** The CPython version whose rules compiled it. */
  python: PythonVersion;
  ast: PyreNode;
  groupCount: number;
  groupNames: ReadonlyMap<string, number>;
  /** Final global flags including inline ones, CPython bit values (Pattern.flags). */
  flags: number;
}

/** CPython raised re.error: `text` is str(exc), `msg` exc.msg, `pos` exc.pos (code points). */
export interface PyreReError {
  ok: false;
  kind: 're.error';
  msg: string;
  pos: number | null;
  text: string;
}

/** CPython raised something other than re.error at compile time; the daemon does not catch it. */
export interface PyreException {
  ok: false;
  kind: 'exception';
  exceptionType: string;
  text: string;
  /** Best-effort position of the offending construct, else null. */
  pos: number | null;
}

export type PyreCompileResult = PyreCompiled | PyreReError | PyreException;

/** exceptionType reported when pyre itself failed (a bug, never a CPython behaviour). */
export const INTERNAL_ERROR_TYPE = 'pyre.InternalError';

export interface CompileOptions {
  ignoreCase?: boolean;
  /** The CPython whose `re` is modelled (default: the daemon's, 3.13). */
  python?: PythonVersion;
}

export function compilePython(source: string, options: CompileOptions = {}): PyreCompileResult {
  const flags = options.ignoreCase === false ? 0 : SRE_FLAG_IGNORECASE;
  const python = pythonRules(options.python ?? DEFAULT_PYTHON_VERSION);
  const stack = new PythonStack(BASE_DEPTH, PYTHON_RECURSION_LIMIT, python.recursionCountsCCalls);
  try {
    const { pattern, state } = parse(source, flags, stack, python);
    const finalFlags = state.flags | flags;
    checkCompile(pattern, { groupwidths: state.groupwidths, stack, flags: finalFlags });
    return {
      ok: true,
      source,
      python: python.version,
      ast: pattern,
      groupCount: state.groups - 1,
      groupNames: new Map(state.groupdict),
      flags: finalFlags,
    };
  } catch (caught) {
    return failureResult(source, caught);
  }
}

function failureResult(source: string, caught: unknown): PyreReError | PyreException {
  if (caught instanceof ReErrorSignal) {
    const text = formatReError(caught.reMessage, codePointsOf(source), caught.pos);
    return { ok: false, kind: 're.error', msg: caught.reMessage, pos: caught.pos, text };
  }
  if (caught instanceof PyExceptionSignal) {
    return { ok: false, kind: 'exception', exceptionType: caught.exceptionType, text: caught.text, pos: caught.pos };
  }
  // A JS RangeError here would mean our own recursion went deeper than the Python model allows.
  const text = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
  return { ok: false, kind: 'exception', exceptionType: INTERNAL_ERROR_TYPE, text, pos: null };
}
