// Completion of `{snapshot.<path>}` placeholders inside `reply_template` values: the daemon's 25
// allow-listed paths, segment by segment (`{snapshot.cost_ladder.` offers its five children), with
// the live value from the connected daemon as detail and the meaning, type and caveats as
// documentation. The closing `}` is inserted when it is missing.
import * as vscode from 'vscode';
import { PLACEHOLDER_CATALOG, PLACEHOLDER_PREFIX, type LintResult, type PlaceholderInfo } from '../../core/phrasebook';
import type { PhrasebookDiagnostics } from './diagnostics';
import { describeLiveValue, type LiveSnapshot } from './liveSnapshot';
import { entryAt, fieldValueAt, REPLY_TEMPLATE_FIELD } from './locate';
import { placeholderDocumentation } from './placeholderMarkdown';

export const PLACEHOLDER_TRIGGER_CHARACTERS = ['.', '{'];

/** `{snapshot.` and a partial path, right before the cursor. */
const PATH_BEFORE_CURSOR = /\{snapshot\.([A-Za-z0-9_.]*)$/;
/** `{`, `{s`, ... `{snapshot`: the placeholder itself is being typed. */
const PREFIX_BEFORE_CURSOR = /\{(?:s(?:n(?:a(?:p(?:s(?:h(?:o(?:t)?)?)?)?)?)?)?)?$/;
const PATH_CHARS_AFTER_CURSOR = /^[A-Za-z0-9_.]*/;
/** Fallback while the YAML is momentarily broken (an unclosed quote): the key on the same line. */
const REPLY_TEMPLATE_KEY_ON_LINE = /^\s*(?:-\s+)?["']?reply_template["']?\s*:/;

export class PlaceholderCompletion implements vscode.CompletionItemProvider {
  constructor(
    private readonly diagnostics: PhrasebookDiagnostics,
    private readonly live: LiveSnapshot,
  ) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionItem[] | undefined> {
    const analysis = this.diagnostics.analysisFor(document);
    if (!analysis) return undefined;
    const line = document.lineAt(position.line).text;
    const before = line.slice(0, position.character);
    if (!this.isInReplyTemplate(analysis.result, position, before)) return undefined;
    const after = line.slice(position.character);
    const pathTail = PATH_CHARS_AFTER_CURSOR.exec(after)?.[0] ?? '';
    const closed = after.slice(pathTail.length).startsWith('}');

    const path = PATH_BEFORE_CURSOR.exec(before);
    if (path) {
      await this.live.ready();
      return this.pathItems(path[1], position, pathTail.length, closed);
    }
    const prefix = PREFIX_BEFORE_CURSOR.exec(before);
    if (prefix) {
      await this.live.ready();
      return this.placeholderItems(position.translate(0, -prefix[0].length), position, closed);
    }
    return undefined;
  }

  private isInReplyTemplate(result: LintResult | undefined, position: vscode.Position, lineBefore: string): boolean {
    const entry = entryAt(result, position);
    if (entry && fieldValueAt(entry, REPLY_TEMPLATE_FIELD, position)) return true;
    return REPLY_TEMPLATE_KEY_ON_LINE.test(lineBefore);
  }

  /** After `{snapshot.`: paths below the segments already typed, labelled by what is left to type. */
  private pathItems(
    typed: string,
    position: vscode.Position,
    tailLength: number,
    closed: boolean,
  ): vscode.CompletionItem[] {
    const completeSegments = typed.slice(0, typed.lastIndexOf('.') + 1);
    const partial = typed.slice(completeSegments.length);
    const range = new vscode.Range(position.translate(0, -partial.length), position.translate(0, tailLength));
    return PLACEHOLDER_CATALOG.filter((info) => info.path.startsWith(completeSegments)).map((info, order) => {
      const rest = info.path.slice(completeSegments.length);
      const item = this.item(info, rest, order);
      item.range = range;
      item.insertText = closed ? rest : `${rest}}`;
      return item;
    });
  }

  /** While `{snapshot` itself is typed: whole placeholders. */
  private placeholderItems(
    start: vscode.Position,
    position: vscode.Position,
    closed: boolean,
  ): vscode.CompletionItem[] {
    const range = new vscode.Range(start, position);
    return PLACEHOLDER_CATALOG.map((info, order) => {
      const placeholder = `${PLACEHOLDER_PREFIX}${info.path}`;
      const item = this.item(info, `${placeholder}}`, order);
      item.range = range;
      item.filterText = placeholder;
      item.insertText = closed ? placeholder : `${placeholder}}`;
      return item;
    });
  }

  private item(info: PlaceholderInfo, label: string, order: number): vscode.CompletionItem {
    const item = new vscode.CompletionItem({ label, description: info.type }, vscode.CompletionItemKind.Field);
    const live = this.live.liveSnapshotValue(info.path);
    item.detail = live ? describeLiveValue(live) : `${info.path}: ${info.type}`;
    item.documentation = placeholderDocumentation(info, live ? describeLiveValue(live) : undefined);
    // The daemon's own order (sections together), not alphabetical.
    item.sortText = String(order).padStart(3, '0');
    return item;
  }
}
