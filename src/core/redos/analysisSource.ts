// What recheck is asked to judge must be what the daemon runs: `re.match`, i.e. a match attempted
// at the start of the message only. The translator's source alone means "match anywhere" to
// recheck, which then reports `a+b` or `\s+$` as quadratic (each start position rescans the rest)
// although one start position is linear. So the analysis adds the sticky flag `y`, exactly what
// the local matcher (pythonMatch) compiles with.
//
// recheck decides `^…$` statically in milliseconds, but on the lookaround anchors that the Python
// translation writes (src/core/pyre/translate) it falls back to random fuzzing, which is slow,
// varies from run to run and calls `^(a|aa)+$` polynomial or runs out of time. So the pattern's
// own leading and trailing anchors are rewritten too: a leading `(?<![\s\S])` is exactly `^`
// without the `m` flag, and a trailing Python `$` becomes `\n?$`, which accepts the same inputs
// (the daemon only asks whether a match exists) with the same backtracking. Anchors inside the
// pattern are left alone.

/** How the translator writes Python's `^` (start of input), flag-independent... */
const START_OF_INPUT = String.raw`(?<![\s\S])`;
/** ... and Python's `$` (end of input, or before a final newline). */
const PYTHON_END_OF_INPUT = String.raw`(?=\n?(?![\s\S]))`;
/** Matching only at the start of the input, as `re.match` and the sticky RegExp do. */
const STICKY = 'y';

export interface AnalysisSource {
  source: string;
  flags: string;
}

/** The pattern as recheck must see it to judge the daemon's start-anchored `re.match`. */
export function analysisSource(jsSource: string, jsFlags: string): AnalysisSource {
  const flags = jsFlags.includes(STICKY) ? jsFlags : `${jsFlags}${STICKY}`;
  return { source: recheckFriendlySource(jsSource, jsFlags), flags };
}

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
