// Writing strings back into YAML source for quick fixes: a whole value as a quoted scalar, or a
// few characters spliced into an existing scalar in its own style.
import { analyzeScalar, doubleQuoteEscape } from './pyyamlEmit';
import { resolvePyYamlTag } from './pyyamlResolve';
import type { ScalarStyle } from './scalarOffsets';

/** Characters that may not appear raw in single-quoted or plain scalars (breaks, controls). */
const NEEDS_DOUBLE_QUOTES =
  /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A quoted scalar that reads back (in YAML 1.1 and 1.2) as exactly `value`. */
export function quoteYamlString(value: string): string {
  if (!NEEDS_DOUBLE_QUOTES.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return `"${escapeForDoubleQuotes(value)}"`;
}

export function escapeForDoubleQuotes(value: string): string {
  let out = '';
  for (const ch of value) {
    out += ch === '"' || ch === '\\' || NEEDS_DOUBLE_QUOTES.test(ch) ? doubleQuoteEscape(ch) : ch;
  }
  return out;
}

/** True when `value` can stand as a plain block scalar that PyYAML and `yaml` read as this str. */
export function isPlainSafe(value: string): boolean {
  const analysis = analyzeScalar(value);
  return !analysis.empty && analysis.allowBlockPlain && resolvePyYamlTag(value) === 'str' && !value.includes(': ');
}

/**
 * Source text that decodes to `text` when spliced into a scalar of `style`, or null when the
 * style cannot hold it in place (the caller then replaces the whole value).
 */
export function encodeInStyle(text: string, style: ScalarStyle | 'opaque'): string | null {
  if (NEEDS_DOUBLE_QUOTES.test(text) && style !== 'double-quoted') return null;
  switch (style) {
    case 'double-quoted':
      return escapeForDoubleQuotes(text);
    case 'single-quoted':
      return text.replace(/'/g, "''");
    case 'literal':
    case 'folded':
      return text;
    default:
      // Plain scalars: the caller checks that the whole new value is still plain-safe.
      return style === 'plain' ? text : null;
  }
}
