// Everything about one entry that depends on its own text: the daemon's checks a–f placed on the
// exact characters, plus the per-entry lints. The result is in offsets relative to the entry's
// start, so the lint can cache it by the entry's content and reuse it after edits elsewhere.
import { checkEntry, issueField, issueMessage, validateEntries, type EntryIssue } from '../daemonRules';
import type { EntryNode, FieldNode, PhrasebookDocument } from '../document';
import { perEntryLints } from './entryLints';
import { heuristicSafeRewrite } from './heuristicRewrite';
import { placeholderFixes, quoteFix, scalarEdit } from './fixes';
import { type EntryAnalysis, type EntryPatternInfo, type SpanFinding, type SpanFix } from './types';
import { compileDaemonPattern, translateDaemonPattern, type DaemonCompileResult } from '../pythonRegex';
import type { SourceSpan } from '../yaml/scalarOffsets';
import { patternShape } from './shadowing';
import { FINDING_CODES, ruleDefaults } from './registry';

const RULE_CODES: Record<EntryIssue['rule'], string> = {
  'entry-not-object': FINDING_CODES.entryNotObject,
  'required-field': FINDING_CODES.requiredField,
  'too-long': FINDING_CODES.tooLong,
  'invalid-regex': FINDING_CODES.invalidRegex,
  'http-500': FINDING_CODES.http500,
  'unchecked-regex': FINDING_CODES.regexUnchecked,
  'nested-quantifier': FINDING_CODES.nestedQuantifier,
  'unknown-placeholder': FINDING_CODES.unknownPlaceholder,
};

export function analyzeEntry(doc: PhrasebookDocument, entry: EntryNode): EntryAnalysis {
  const absolute: SpanFinding[] = [];
  const check = checkEntry(entry.value);
  const anchorSpan = entry.fields.find((field) => !field.merged)?.keySpan ?? entry.span;
  for (const issue of check.issues) absolute.push(...issueFindings(doc, entry, issue, anchorSpan));
  const pattern = patternInfo(entry.value, check.compile);
  const patternField = entry.fieldsByName.get('pattern');
  if (pattern?.translation && !pattern.translation.ok && patternField) {
    absolute.push(
      untranslatableFinding(patternField, pattern.source, pattern.translation.reason, pattern.translation.pos),
    );
  }
  absolute.push(...perEntryLints(doc, entry));
  const base = entry.span.start;
  const rel = (span: SourceSpan): SourceSpan => ({ start: span.start - base, end: span.end - base });
  return {
    findings: absolute.map((finding) => relativeFinding(finding, rel)),
    duplicateKey: check.duplicateKey,
    category: stringField(entry, 'category'),
    pattern,
    patternSpan: patternField ? rel(patternField.valueSpan) : null,
    shape: pattern?.compile === 'ok' ? patternShape(pattern.source) : null,
    fields: entry.fields.map((field) => ({
      name: field.name,
      keySpan: rel(field.keySpan),
      valueSpan: rel(field.valueSpan),
      value: field.value,
    })),
  };
}

function stringField(entry: EntryNode, name: string): string | null {
  const value = entry.fieldsByName.get(name)?.value;
  return typeof value === 'string' ? value : null;
}

function patternInfo(value: unknown, known: DaemonCompileResult | null): EntryPatternInfo | null {
  const source = (value as { pattern?: unknown } | null)?.pattern;
  if (typeof source !== 'string' || source.trim() === '') return null;
  // The daemon's check compiled it already unless an earlier check stopped it.
  const compile = known ?? compileDaemonPattern(source);
  return {
    source,
    compile: compile.kind,
    translation: compile.kind === 'ok' ? translateDaemonPattern(source, compile.compiled) : null,
  };
}

function issueFindings(
  doc: PhrasebookDocument,
  entry: EntryNode,
  issue: EntryIssue,
  anchorSpan: SourceSpan,
): SpanFinding[] {
  const fieldName = issueField(issue);
  const field = entry.fieldsByName.get(fieldName);
  const finding = (span: SourceSpan, extra: Partial<SpanFinding> = {}): SpanFinding => ({
    severity: 'error',
    code: RULE_CODES[issue.rule],
    message: issueMessage(issue),
    span,
    field: fieldName,
    ...extra,
  });
  switch (issue.rule) {
    case 'entry-not-object':
      return [finding(entry.nodeSpan)];
    case 'required-field': {
      if (!field) return [finding(anchorSpan)];
      const span = field.valueSpan.end > field.valueSpan.start ? field.valueSpan : field.keySpan;
      const fix = typeof field.value !== 'string' ? quoteFix(doc.text, field) : null;
      return [finding(span, fix ? { fixes: [fix] } : {})];
    }
    case 'too-long':
      return [finding(field?.valueSpan ?? anchorSpan, { data: { length: issue.length, max: issue.max } })];
    case 'unchecked-regex':
      return [finding(field?.valueSpan ?? anchorSpan)];
    case 'invalid-regex':
    case 'http-500': {
      const data =
        issue.rule === 'invalid-regex'
          ? { reErrorText: issue.reErrorText, pos: issue.pos }
          : { exceptionType: issue.exceptionType, pos: issue.pos };
      return [finding(regexPositionSpan(field, issue.pos), { data })];
    }
    case 'nested-quantifier': {
      const pattern = field?.value as string;
      const fix = field ? rewriteFix(doc, entry, field, pattern) : null;
      return issue.matches.map((match) =>
        finding(field ? field.offsets().sourceSpan(match.start, match.end) : anchorSpan, {
          data: { matchedText: match.text },
          ...(fix ? { fixes: [fix] } : {}),
        }),
      );
    }
    case 'unknown-placeholder': {
      if (!field) return [finding(anchorSpan)];
      const template = field.value as string;
      return [
        finding(field.offsets().sourceSpan(issue.occurrence.start, issue.occurrence.end), {
          data: { path: issue.occurrence.path },
          fixes: placeholderFixes(doc.text, field, template, issue.occurrence),
        }),
      ];
    }
  }
}

/** The character CPython names (code-point `pos`), found through the YAML quoting. */
function regexPositionSpan(field: FieldNode | undefined, pos: number | null): SourceSpan {
  if (!field) return { start: 0, end: 0 };
  if (pos === null || typeof field.value !== 'string') return field.valueSpan;
  return field.offsets().sourceSpanOfCodePointAt(field.value, pos);
}

function untranslatableFinding(field: FieldNode, pattern: string, reason: string, pos: number | null): SpanFinding {
  return {
    ...ruleDefaults(FINDING_CODES.untranslatable),
    message: `No JavaScript equivalent for this pattern (${reason}): previews and ReDoS analysis cannot use it; the daemon is unaffected.`,
    span: pos === null ? field.valueSpan : field.offsets().sourceSpanOfCodePointAt(pattern, pos),
    field: 'pattern',
    data: { reason },
  };
}

/**
 * The heuristic-safe rewrite as a fix — only when the daemon would accept the result (it
 * compiles and the heuristic no longer fires) and the rewrite is one of the equivalences.
 */
function rewriteFix(doc: PhrasebookDocument, entry: EntryNode, field: FieldNode, pattern: string): SpanFix | null {
  const rewrite = heuristicSafeRewrite(pattern);
  if (!rewrite) return null;
  const candidate = { ...(entry.value as Record<string, unknown>), pattern: rewrite.pattern };
  if (validateEntries([candidate]).some((error) => error.field === 'pattern')) return null;
  return {
    title: `Rewrite the pattern so the daemon's heuristic accepts it (${rewrite.descriptions.join('; ')}) — matches the same messages`,
    edits: [scalarEdit(doc.text, field, rewrite.pattern, rewrite.replacement)],
    isPreferred: true,
  };
}

function relativeFinding(finding: SpanFinding, rel: (span: SourceSpan) => SourceSpan): SpanFinding {
  return {
    ...finding,
    span: rel(finding.span),
    ...(finding.related ? { related: finding.related.map((r) => ({ ...r, span: rel(r.span) })) } : {}),
    ...(finding.fixes
      ? {
          fixes: finding.fixes.map((fix) => ({
            ...fix,
            edits: fix.edits.map((edit) => ({ ...edit, span: rel(edit.span) })),
          })),
        }
      : {}),
  };
}
