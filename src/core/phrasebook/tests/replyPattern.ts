// `reply_matches`: a Python regular expression the rendered reply must contain a match of
// (`re.search(pattern, reply)`, case-sensitive), run by the same CPython-faithful engine as the
// phrasebook's patterns. Search is `match` of `(?s:.*?)(?:pattern)`; leading global flags such as
// `(?i)` stay in front, where Python requires them.
import { compilePython, INTERNAL_ERROR_TYPE, pythonMatch, type PyreCompiled } from '../../pyre';
import { errorText } from '../../text/errorText';

const LEADING_GLOBAL_FLAGS = /^(?:\(\?[aiLmsux]+\))+/;

export type ReplyPattern = { ok: true; compiled: PyreCompiled } | { ok: false; error: string };

export function compileReplyPattern(source: string): ReplyPattern {
  const flags = LEADING_GLOBAL_FLAGS.exec(source)?.[0] ?? '';
  const searchable = `${flags}(?s:.*?)(?:${source.slice(flags.length)})`;
  // Compile the pattern alone first, so an error's text and position are about what was written.
  const alone = compilePython(source, { ignoreCase: false });
  if (!alone.ok)
    return {
      ok: false,
      error:
        alone.kind === 'exception' && alone.exceptionType === INTERNAL_ERROR_TYPE
          ? `regex engine failure: ${alone.text}`
          : alone.text,
    };
  const compiled = compilePython(searchable, { ignoreCase: false });
  return compiled.ok ? { ok: true, compiled } : { ok: false, error: compiled.text };
}

/** True / false, or why the engine cannot say (a construct without a JavaScript equivalent). */
export function replySearch(pattern: PyreCompiled, reply: string): boolean | { unsupported: string } {
  try {
    const outcome = pythonMatch(pattern, reply);
    return 'matched' in outcome ? outcome.matched : { unsupported: outcome.reason };
  } catch (error) {
    return { unsupported: `matcher failure: ${errorText(error)}` };
  }
}
