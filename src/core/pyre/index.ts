/**
 * pyre — CPython's `re` for TypeScript. Targets CPython 3.11, 3.12 and 3.13 (default 3.13, the daemon's;
 * see pythonVersion.ts for what differs; Unicode data is 14.0 for all), str patterns,
 * `re.compile(p, re.IGNORECASE)` as the daemon calls it. compilePython is a statement-by-statement
 * port of re/_parser.py plus the compile-time checks of re/_compiler.py: same accept/reject, same
 * exception types, same str(exc) (messages, code-point positions, line/column). Never throws.
 * Known deviations (documented, not hidden):
 * - RecursionError is modelled on CPython's frame counting for a shallow caller (PythonStack);
 *   the daemon calls re.compile from deeper, so there it starts a few nesting levels earlier.
 * - translateToJs: JS \p{...} uses the engine's newer Unicode data for \w, \d, \b (characters
 *   assigned after Unicode 14 differ; under /iu JS also folds U+0345 into \w); Python's
 *   empty-iteration rule, back-references to groups
 *   that did not match and group-dependent conditionals have no exact JS form: these are noted in
 *   `notes` or reported as untranslatable.
 */
export { compilePython, INTERNAL_ERROR_TYPE } from './compile';
export type { CompileOptions, PyreCompileResult, PyreCompiled, PyreReError, PyreException } from './compile';
export { DEFAULT_PYTHON_VERSION, parsePythonVersion, PYTHON_VERSIONS, pythonRules } from './pythonVersion';
export type { PythonRules, PythonVersion } from './pythonVersion';
export { translateToJs, pythonMatch } from './translate';
export type { JsTranslation, JsUntranslatable } from './translate';
export { codePointIndexToUtf16, codePointWidthAt, pyLen, pyPrefix, pyRepr, pyStrip } from './pystr';
export { isRepeat } from './ast';
export type { PyreNode, PyreItem, SubPattern, SetMember, AtCode, CategoryCode, RepeatOp } from './ast';
