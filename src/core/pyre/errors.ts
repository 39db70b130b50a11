/**
 * What CPython raises while compiling, as internal signals. The parser throws them (like Python
 * raises) and compilePython converts them into result objects; they never escape the module.
 */

/** re.error(msg, pattern, pos): str(exc) adds " at position N" and, for multi-line patterns, the line/column. */
export class ReErrorSignal extends Error {
  constructor(
    readonly reMessage: string,
    readonly pos: number | null,
  ) {
    super(reMessage);
  }
}

/** Any other exception CPython raises at compile time (OverflowError, ValueError, RecursionError, ...). */
export class PyExceptionSignal extends Error {
  constructor(
    readonly exceptionType: string,
    readonly text: string,
    readonly pos: number | null,
  ) {
    super(text);
  }
}

export const RECURSION_MESSAGE = 'maximum recursion depth exceeded';
export const RECURSION_CALLING_MESSAGE = 'maximum recursion depth exceeded while calling a Python object';
export const RECURSION_COMPARING_MESSAGE = 'maximum recursion depth exceeded in comparison';

/** Frames of `re.error(...)`: the class call, its __init__, and super().__init__ inside it. */
export const ERROR_CONSTRUCTION = 'tpt';

export function reError(message: string, pos: number | null = null): ReErrorSignal {
  return new ReErrorSignal(message, pos);
}

/**
 * str(re.error) for a str pattern given as code points (error.__init__ in re/_constants.py):
 * line = newlines before pos + 1, column = pos - index of the last newline before pos.
 */
export function formatReError(message: string, codePoints: readonly number[], pos: number | null): string {
  if (pos === null) return message;
  let text = `${message} at position ${pos}`;
  const NEWLINE = 0x0a;
  if (codePoints.includes(NEWLINE)) {
    let line = 1;
    let lastNewline = -1;
    for (let i = 0; i < Math.min(pos, codePoints.length); i++) {
      if (codePoints[i] === NEWLINE) {
        line++;
        lastNewline = i;
      }
    }
    text += ` (line ${line}, column ${pos - lastNewline})`;
  }
  return text;
}
