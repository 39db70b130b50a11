// Builders for the quick fixes findings carry: text edits in document offsets that keep the YAML
// valid and change exactly the intended value.
import { wholeLinesOf, type FieldNode } from '../document';
import { closestPlaceholderPaths, type PlaceholderOccurrence } from '../placeholders';
import { analyzeScalar } from '../yaml/pyyamlEmit';
import { resolvePyYamlTag } from '../yaml/pyyamlResolve';
import type { SourceSpan } from '../yaml/scalarOffsets';
import type { SpanFix } from './types';
import { encodeInStyle, isPlainSafe, quoteYamlString } from '../yaml/yamlText';

export interface SpanEdit {
  span: SourceSpan;
  newText: string;
}

/** Replaces the whole value node with a quoted scalar holding `newValue`. */
export function wholeValueEdit(text: string, field: FieldNode, newValue: string): SpanEdit {
  // Block scalars end after their last line break: keep the line structure that follows.
  let end = field.valueSpan.end;
  while (end > field.valueSpan.start && /\s/.test(text[end - 1])) end--;
  return { span: { start: field.valueSpan.start, end }, newText: quoteYamlString(newValue) };
}

/**
 * Changes `oldValue` (the field's string value) into `newValue`, where they differ only in
 * `replacement` (UTF-16 offsets into the value): a small edit in the scalar's own style when that
 * is safe, otherwise the whole value re-quoted.
 */
export function scalarEdit(
  text: string,
  field: FieldNode,
  newValue: string,
  replacement: { start: number; end: number; text: string },
): SpanEdit {
  const offsets = field.offsets();
  if (offsets.isExact && !field.merged) {
    const span = offsets.sourceSpan(replacement.start, replacement.end);
    const encoded = encodeInStyle(replacement.text, offsets.style);
    const staysOnOneLine = !text.slice(span.start, span.end).includes('\n');
    if (encoded !== null && staysOnOneLine && (offsets.style !== 'plain' || plainStaysPlain(newValue, field.flow))) {
      return { span, newText: encoded };
    }
  }
  return wholeValueEdit(text, field, newValue);
}

function plainStaysPlain(value: string, inFlow: boolean): boolean {
  if (!inFlow) return isPlainSafe(value);
  return analyzeScalar(value).allowFlowPlain && resolvePyYamlTag(value) === 'str';
}

/** "Quote it": the plain text as a quoted string, so every YAML reader sees a string. */
export function quoteFix(text: string, field: FieldNode): SpanFix | null {
  if (!field.plain || field.plain.text === '' || field.merged) return null;
  const edit = wholeValueEdit(text, field, field.plain.text);
  return { title: `Quote as the string ${edit.newText}`, edits: [edit], isPreferred: true };
}

/** Replace an unknown placeholder path with the closest known ones (best first). */
export function placeholderFixes(
  text: string,
  field: FieldNode,
  template: string,
  occurrence: PlaceholderOccurrence,
): SpanFix[] {
  return closestPlaceholderPaths(occurrence.path).map((path, rank) => {
    const newTemplate = template.slice(0, occurrence.pathStart) + path + template.slice(occurrence.pathEnd);
    const edit = scalarEdit(text, field, newTemplate, {
      start: occurrence.pathStart,
      end: occurrence.pathEnd,
      text: path,
    });
    return { title: `Change to {snapshot.${path}}`, edits: [edit], isPreferred: rank === 0 };
  });
}

/** Rename a mistyped key to the entry field it was meant to be. */
export function renameKeyFix(field: FieldNode, newName: string): SpanFix {
  return { title: `Rename to '${newName}'`, edits: [{ span: field.keySpan, newText: newName }], isPreferred: true };
}

/** Delete a key and its value, whole lines when the pair stands on its own lines. */
export function removePairFix(text: string, field: FieldNode, title: string): SpanFix {
  return { title, edits: [{ span: wholeLinesOf(text, field.pairSpan), newText: '' }] };
}
