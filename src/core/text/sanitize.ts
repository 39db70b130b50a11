// The one output sanitizer: every text the CLI and the extension show that came from a daemon or a
// file goes through here. A daemon (or a phrasebook someone sent) could otherwise drive the
// operator's terminal — ESC/CSI sequences recolour or erase lines, OSC sets the title or plants a
// hyperlink, BEL rings, CR overwrites what was printed — or disguise text with bidirectional
// overrides. Such characters are not dropped but rendered visibly escaped (`\x1b`, `\u202e`), so
// the operator sees that something odd was sent. Backslashes are left alone: regex patterns are
// full of them, and an escape can never re-form a control character.

/**
 * C0 and C1 controls, DEL, bidi marks/embeddings/overrides/isolates (incl. U+061C), line/paragraph
 * separators, the BOM/zero-width no-break space, and lone surrogates.
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A character as a visible escape: C0 as `\n`, `\r`, `\t` or `\xNN`; everything from U+007F up as
 * `\uNNNN`, which is also a valid JSON escape (so a sanitized JSON document stays JSON).
 */
function visibleEscape(char: string): string {
  const code = char.charCodeAt(0);
  if (NAMED[char]) return NAMED[char];
  if (code < 0x20) return `\\x${code.toString(16).padStart(2, '0')}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

export type LineBreaks = 'escape' | 'keep';

/**
 * Untrusted text with every control and bidi character visibly escaped. `keep` leaves `\n` as a
 * line break (for multi-line output whose line structure is ours, e.g. a whole YAML document);
 * `escape` (the default) makes it one line.
 */
export function escapeControls(text: string, lineBreaks: LineBreaks = 'escape'): string {
  return text.replace(UNSAFE, (char) => (lineBreaks === 'keep' && char === '\n' ? char : visibleEscape(char)));
}

/** Anything, as one safe line: a string as is, other values as JSON, then escaped. */
export function safeLine(value: unknown): string {
  const raw = typeof value === 'string' ? value : value === undefined || value === null ? '' : stringifyLoosely(value);
  return escapeControls(raw);
}

function stringifyLoosely(value: unknown): string {
  try {
    return typeof value === 'object' ? (JSON.stringify(value) ?? String(value)) : String(value);
  } catch {
    return String(value);
  }
}

/**
 * JSON for a terminal or a log: JSON.stringify escapes C0 already; this also escapes DEL, C1,
 * U+2028/2029 and bidi controls as `\uNNNN`, so the document parses to the same value.
 */
export function safeJsonStringify(value: unknown, space?: number): string {
  return escapeControls(JSON.stringify(value, null, space) ?? 'null', 'keep');
}
