// recheck decides `^…$` statically in milliseconds, but on the lookaround anchors that the Python
// translation writes (src/core/pyre/translate) it falls back to random fuzzing, which is slow,
// varies from run to run and calls `^(a|aa)+$` polynomial or runs out of time. So the pattern's
// own leading and trailing anchors are rewritten before analysis: a leading `(?<![\s\S])` is
// exactly `^` without the `m` flag, and a trailing Python `$` becomes `\n?$`, which accepts the
// same inputs (the daemon only asks whether a match exists) with the same backtracking.
// Anchors inside the pattern are left alone.

/** How the translator writes Python's `^` (start of input), flag-independent... */
const START_OF_INPUT = String.raw`(?<![\s\S])`;
/** ... and Python's `$` (end of input, or before a final newline). */
const PYTHON_END_OF_INPUT = String.raw`(?=\n?(?![\s\S]))`;

export function recheckFriendlySource(jsSource: string, jsFlags: string): string {
  if (jsFlags.includes('m')) return jsSource;
  let source = jsSource;
  if (source.startsWith(START_OF_INPUT)) source = `^${source.slice(START_OF_INPUT.length)}`;
  if (source.endsWith(PYTHON_END_OF_INPUT) && !isEscaped(source, source.length - PYTHON_END_OF_INPUT.length)) {
    source = `${source.slice(0, -PYTHON_END_OF_INPUT.length)}\\n?$`;
  }
  return source;
}

/** True when the character at `index` is preceded by an odd number of backslashes. */
function isEscaped(source: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}
