// What a position in a phrasebook document is about: which entry, which field value, which
// placeholder. Shared by completion and hover.
import * as vscode from 'vscode';
import type { EntryInfo, FieldInfo, LintResult, PlaceholderAt } from '../../core/phrasebook';
import { toVsRange } from './convert';

export const REPLY_TEMPLATE_FIELD = 'reply_template';
export const PATTERN_FIELD = 'pattern';

export function entryAt(result: LintResult | undefined, position: vscode.Position): EntryInfo | undefined {
  return result?.entries.find((entry) => toVsRange(entry.range).contains(position));
}

/** The field of `entry` named `name` whose value contains `position` (its end included: the cursor after the last character). */
export function fieldValueAt(entry: EntryInfo, name: string, position: vscode.Position): FieldInfo | undefined {
  return entry.fields.find((field) => field.name === name && toVsRange(field.valueRange).contains(position));
}

export function placeholderAt(entry: EntryInfo, position: vscode.Position): PlaceholderAt | undefined {
  return entry.placeholders.find((placeholder) => toVsRange(placeholder.range).contains(position));
}
