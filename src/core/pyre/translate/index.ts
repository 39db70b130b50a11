/** translateToJs and pythonMatch: the JS side of pyre. */
import { PyreCompiled } from '../compile';
import { codePointsOf } from '../pystr';
import { Translator, Untranslatable } from './translator';

export interface JsTranslation {
  ok: true;
  /** RegExp source; compile with `flags` (add 'g'/'y' as needed). */
  source: string;
  /** Always includes 'u'; 'i' when IGNORECASE is uniform; never 'g'/'y'. */
  flags: string;
  /** Approximations made, e.g. possessive emulated. */
  notes: string[];
  /** JS group number of each Python group (index = Python group; emulation adds JS groups). */
  pythonGroupToJs: readonly number[];
}

export interface JsUntranslatable {
  ok: false;
  reason: string;
  pos: number | null;
}

const translations = new WeakMap<PyreCompiled, JsTranslation | JsUntranslatable>();

export function translateToJs(compiled: PyreCompiled): JsTranslation | JsUntranslatable {
  const cached = translations.get(compiled);
  if (cached) return cached;
  const result = translateUncached(compiled);
  translations.set(compiled, result);
  return result;
}

function translateUncached(compiled: PyreCompiled): JsTranslation | JsUntranslatable {
  try {
    const parts = new Translator(compiled.ast, compiled.flags, compiled.groupNames).translate();
    const flags = parts.ignoreCaseFlag ? 'iu' : 'u';
    new RegExp(parts.source, flags); // the engine is the final judge of the syntax we produced
    return { ok: true, source: parts.source, flags, notes: parts.notes, pythonGroupToJs: parts.pythonGroupToJs };
  } catch (caught) {
    if (caught instanceof Untranslatable) return { ok: false, reason: caught.reason, pos: caught.pos };
    const message = caught instanceof Error ? caught.message : String(caught);
    return { ok: false, reason: `no JavaScript equivalent: ${message}`, pos: null };
  }
}

const stickyRegExps = new WeakMap<PyreCompiled, RegExp>();

/** Python re.match semantics (anchored at the start, not fullmatch); `end` is a code-point index. */
export function pythonMatch(
  compiled: PyreCompiled,
  text: string,
): { matched: true; end: number } | { matched: false } | JsUntranslatable {
  let regexp = stickyRegExps.get(compiled);
  if (!regexp) {
    const translation = translateToJs(compiled);
    if (!translation.ok) return translation;
    regexp = new RegExp(translation.source, translation.flags + 'y');
    stickyRegExps.set(compiled, regexp);
  }
  regexp.lastIndex = 0;
  const found = regexp.exec(text);
  if (!found) return { matched: false };
  return { matched: true, end: codePointsOf(text.slice(0, found[0].length)).length };
}
