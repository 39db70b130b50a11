// Markdown building blocks for hovers and completion documentation. Every piece of text that comes
// from a document or a daemon goes through `appendText` or `fencedCode`, never raw into markdown.
import * as vscode from 'vscode';

/** A markdown string (with `$(icon)` syntax) whose command links may run only the listed commands. */
export function markdownTrustedFor(commands: readonly string[]): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', true);
  markdown.isTrusted = { enabledCommands: [...commands] };
  markdown.supportHtml = false;
  return markdown;
}

/** A fenced code block whose fence is longer than any backtick run in the text, so it cannot be closed early. */
export function fencedCode(text: string, language = ''): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `\n${fence}${language}\n${text}\n${fence}\n`;
}

/** Inline code with the same guarantee as `fencedCode`. */
export function inlineCode(text: string): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

/** A `command:` link; the label must be our own text, the arguments are JSON-encoded. */
export function commandLink(label: string, command: string, args: readonly unknown[]): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}
