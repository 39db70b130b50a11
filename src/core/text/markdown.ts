// Escaping of untrusted text (anything the daemon sends) for Markdown tooltips and hovers.
// The renderer is CommonMark + GFM (VS Code's MarkdownString), where a daemon string could
// otherwise inject links (including `command:` links), images, HTML, autolinked URLs or block
// structure. Every ASCII punctuation character is backslash-escaped, which CommonMark renders as
// the literal character; `<`, `>` and `&` become entities so no HTML or entity survives.

import { safeLine } from './sanitize';

const DEFAULT_MAX_LENGTH = 500;

/** ASCII punctuation, every character of which CommonMark allows to be backslash-escaped. */
const ESCAPABLE = /[!"#$%'()*+,\-./:;=?@[\\\]^_`{|}~]/g;
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Makes untrusted text a single plain line: controls, line breaks and bidi overrides visibly
 * escaped by the one output sanitizer (a line break could otherwise start a heading, list or code
 * block), remaining whitespace runs collapsed, length capped.
 */
export function toPlainLine(text: unknown, maxLength = DEFAULT_MAX_LENGTH): string {
  const line = safeLine(text).replace(/\s+/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

/** Untrusted text as inert Markdown: renders literally, one line, never a link or markup. */
export function escapeMarkdown(text: unknown, maxLength = DEFAULT_MAX_LENGTH): string {
  // Backslashes first: the `;` of the entities added afterwards must stay unescaped.
  return toPlainLine(text, maxLength)
    .replace(ESCAPABLE, '\\$&')
    .replace(/[&<>]/g, (char) => HTML_ENTITIES[char]);
}

/**
 * Builds a Markdown document from trusted structure and untrusted values: `text` is ours and
 * written as is, values passed to `heading` and `field` are always escaped. A heading and the
 * fields after it form one compact block (hard line breaks); `text` starts a new block.
 */
export class MarkdownBuilder {
  private readonly blocks: string[][] = [];
  private open = false;

  /** A trusted paragraph (our own wording, may contain Markdown). */
  text(markdown: string): this {
    this.blocks.push([markdown]);
    this.open = false;
    return this;
  }

  /** A bold title with an escaped value after it, e.g. the daemon name; opens a block of fields. */
  heading(title: string, untrusted?: unknown): this {
    this.blocks.push([untrusted === undefined ? `**${title}**` : `**${title}** ${escapeMarkdown(untrusted)}`]);
    this.open = true;
    return this;
  }

  /** `Label: value` with the value escaped (the label is ours); skipped when the value is absent. */
  field(label: string, untrusted: unknown): this {
    if (untrusted === undefined || untrusted === null || untrusted === '') return this;
    const line = `${label}: ${escapeMarkdown(untrusted)}`;
    if (this.open) this.blocks[this.blocks.length - 1].push(line);
    else {
      this.blocks.push([line]);
      this.open = true;
    }
    return this;
  }

  toString(): string {
    // Two trailing spaces make a hard line break; escaped values never end in a space.
    return this.blocks.map((lines) => lines.join('  \n')).join('\n\n');
  }
}
