// Markdown about one `{snapshot.<path>}` placeholder, for completion documentation and hovers.
import * as vscode from 'vscode';
import { closestPlaceholderPaths, PLACEHOLDER_PREFIX, type PlaceholderInfo } from '../../core/phrasebook';
import { escapeMarkdown } from '../../core/text/markdown';
import { inlineCode } from './markdown';

/** Meaning, type and caveat of a placeholder (our catalogue: trusted markdown), and its live value (escaped). */
export function placeholderDocumentation(info: PlaceholderInfo, liveLine: string | undefined): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', true);
  markdown.appendMarkdown(`${inlineCode(`${PLACEHOLDER_PREFIX}${info.path}}`)}\n\n`);
  markdown.appendMarkdown(`${info.meaning}\n\n`);
  markdown.appendMarkdown(`Type: ${inlineCode(info.type)}\n\n`);
  if (info.caveatText) markdown.appendMarkdown(`$(warning) ${info.caveatText}\n\n`);
  if (liveLine) markdown.appendMarkdown(escapeMarkdown(liveLine));
  return markdown;
}

/** A path outside the allow-list: the daemon rejects it; suggest the closest known paths. */
export function unknownPlaceholderDocumentation(path: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', true);
  markdown.appendMarkdown(`${inlineCode(`${PLACEHOLDER_PREFIX}${path}}`)}\n\n`);
  markdown.appendMarkdown("$(error) Not one of the daemon's 25 snapshot paths: the daemon rejects this entry.");
  const suggestions = closestPlaceholderPaths(path);
  if (suggestions.length > 0)
    markdown.appendMarkdown(`\n\nDid you mean ${suggestions.map((known) => inlineCode(known)).join(', ')}?`);
  return markdown;
}
