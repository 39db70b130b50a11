/**
 * A model of CPython's recursion limit for the parts of re that recurse (the parser's
 * _parse_sub/_parse, getwidth, the compiler). CPython 3.11 counts Python frames and some C-level
 * calls against one budget (sys.getrecursionlimit() = 1000) and raises RecursionError when a call
 * would exceed it. We count the same calls: recursive functions `enter`/`leave`, and the helper
 * calls they make (tokenizer methods, SubPattern(), re.error(), ...) are checked with `reach`.
 *
 * BASE_DEPTH is the depth of re._parser.parse() when re.compile is called from a shallow caller
 * (module -> function -> function -> re.compile, as test/tools/pyre_oracle.py does). The daemon
 * calls re.compile from deeper in its stack, so there the error starts a few nesting levels earlier.
 */
import { PyExceptionSignal, RECURSION_CALLING_MESSAGE, RECURSION_COMPARING_MESSAGE, RECURSION_MESSAGE } from './errors';

export const PYTHON_RECURSION_LIMIT = 1000;
/** Frames below re._parser.parse / re._compiler._code in the oracle's call stack (calibrated). */
export const BASE_DEPTH = 6;

/**
 * A chain of nested calls, one letter per frame: 'p' = a Python call (message "maximum recursion
 * depth exceeded"), 't' = a C-level tp_call such as instantiating a class (message "... while
 * calling a Python object"), 'c' = a rich comparison in C, e.g. inside min() ("... in comparison").
 * E.g. SubPattern(state) is 'tp': type.__call__ then __init__.
 */
export type CallChain = string;

export class PythonStack {
  private depth: number;
  /** Code-point position to report with a RecursionError (best effort: where parsing was). */
  position: () => number | null = () => null;

  /**
   * `countsCCalls`: CPython 3.11 counts C-level calls ('t', 'c') against the same limit; from 3.12
   * on only Python frames count, so such links are dropped from every chain.
   */
  constructor(
    baseDepth = BASE_DEPTH,
    private readonly limit = PYTHON_RECURSION_LIMIT,
    private readonly countsCCalls = true,
  ) {
    this.depth = baseDepth;
  }

  /** Checks a chain of helper calls made from the current frame; the first frame over the limit raises. */
  reach(fullChain: CallChain): void {
    const chain = this.countsCCalls ? fullChain : fullChain.replace(/[tc]/g, '');
    if (this.depth + chain.length <= this.limit) return;
    const crossing = chain[Math.max(0, this.limit - this.depth)];
    const message =
      crossing === 't' ? RECURSION_CALLING_MESSAGE : crossing === 'c' ? RECURSION_COMPARING_MESSAGE : RECURSION_MESSAGE;
    throw new PyExceptionSignal('RecursionError', message, this.position());
  }

  /**
   * Enters / leaves one (Python) frame. A RecursionError aborts the whole compilation and each
   * compilation has its own PythonStack, so an exception needs no unwinding of the depth.
   */
  enter(kind: 'p' | 't' = 'p'): void {
    this.reach(kind);
    this.depth++;
  }

  leave(): void {
    this.depth--;
  }

  /** Runs fn one (Python) frame deeper. */
  call<T>(fn: () => T, kind: 'p' | 't' = 'p'): T {
    this.enter(kind);
    const result = fn();
    this.leave();
    return result;
  }
}
