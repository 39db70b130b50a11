// The phrasebook linter: one parse, per-entry analyses (cached by entry content, so an editor
// re-analyses only the entry being edited), then the cheap cross-entry rules — too many entries,
// duplicates, shadowing — over those results. Findings come out in VS Code positions.
import type { Finding, Range } from '../../findings';
import { daemonPythonVersion } from '../daemonPython';
import { LruCache } from '../../redos/cache';
import { DAEMON_MESSAGES, MAX_ENTRIES, ROOT_FIELD } from '../constants';
import { findDuplicates } from '../daemonRules';
import { ENTRIES_KEY, parsePhrasebook, type EntryNode, type PhrasebookDocument } from '../document';
import { analyzeEntry } from './entryAnalysis';
import {
  isOverridable,
  type EntryAnalysis,
  type EntryAnalysisCache,
  type EntryInfo,
  type LintOptions,
  type LintResult,
  type PlaceholderAt,
  type SeverityOverrides,
  type SpanFinding,
} from './types';
import type { SourceSpan } from '../yaml/scalarOffsets';
import { findPlaceholders, isKnownPlaceholderPath } from '../placeholders';
import { findShadowedEntries } from './shadowing';
import { tooComplexFinding } from './inputGuard';
import { FINDING_CODES, ruleDefaults } from './registry';

const DEFAULT_CACHE_ENTRIES = 5000;
/** YAML 1.1 line breaks that YAML 1.2 (and the `yaml` package) read as ordinary characters. */
const UNICODE_LINE_BREAKS = /[\u0085\u2028\u2029]/g;

/** A per-document cache of entry analyses, keyed by the entry's content. */
export function createLintCache(maxEntries = DEFAULT_CACHE_ENTRIES): EntryAnalysisCache {
  return new LruCache<string, EntryAnalysis>(maxEntries);
}

export function lintPhrasebook(text: string, options: LintOptions = {}): LintResult {
  return lintDocument(parsePhrasebook(text, { fromDisk: options.fromDisk }), options);
}

/** Lints an already parsed document (parse once, share with other features). */
export function lintDocument(doc: PhrasebookDocument, options: LintOptions = {}): LintResult {
  // Values cut off by a cap would read as missing fields: one finding for the document instead.
  if (doc.valueLimit) {
    const findings = [...doc.syntaxFindings, tooComplexFinding(doc.valueLimit)];
    return {
      findings: sortByPosition(findings),
      entries: [],
      stats: { entries: 0, analysed: 0, reused: 0 },
      document: doc,
    };
  }
  const analyses = doc.entries.map((entry) => analysisFor(doc, entry, options.cache));
  const findings: Finding[] = [
    ...doc.syntaxFindings,
    ...documentFindings(doc).map((f) => materialize(doc, f, 0, null)),
  ];
  doc.entries.forEach((entry, index) => {
    for (const finding of analyses[index].analysis.findings)
      findings.push(materialize(doc, finding, entry.span.start, index));
  });
  findings.push(
    ...crossEntryFindings(
      doc,
      analyses.map((a) => a.analysis),
    ),
  );
  const reused = analyses.filter((a) => a.reused).length;
  return {
    findings: applySeverities(sortByPosition(findings), options.severityOverrides),
    entries: doc.entries.map((entry, index) => entryInfo(doc, entry, analyses[index].analysis, analyses[index].reused)),
    stats: { entries: doc.entries.length, analysed: doc.entries.length - reused, reused },
    document: doc,
  };
}

/** The findings of one entry alone (per-entry rules; cross-entry rules need the whole list). */
export function lintEntry(doc: PhrasebookDocument, entryIndex: number, options: LintOptions = {}): Finding[] {
  const entry = doc.entries[entryIndex];
  if (!entry) return [];
  const { analysis } = analysisFor(doc, entry, options.cache);
  const findings = analysis.findings.map((finding) => materialize(doc, finding, entry.span.start, entryIndex));
  return applySeverities(findings, options.severityOverrides);
}

/** The entry's analysis from the cache when its content was seen before, else computed (and cached). */
function analysisFor(
  doc: PhrasebookDocument,
  entry: EntryNode,
  cache: EntryAnalysisCache | undefined,
): { analysis: EntryAnalysis; reused: boolean } {
  // Entries using aliases or merges depend on text elsewhere: never cached.
  // The daemon's Python is part of the key: switching it re-checks every entry.
  const key = `${daemonPythonVersion()}\n${entry.contentKey}`;
  const cached = entry.selfContained ? cache?.get(key) : undefined;
  if (cached) return { analysis: cached, reused: true };
  const analysis = analyzeEntry(doc, entry);
  if (entry.selfContained) cache?.set(key, analysis);
  return { analysis, reused: false };
}

function documentFindings(doc: PhrasebookDocument): SpanFinding[] {
  const findings: SpanFinding[] = [];
  for (const error of doc.loadErrors) {
    findings.push({
      ...ruleDefaults(FINDING_CODES.yamlLoadError),
      message: `PyYAML's safe_load fails here (${error.message}): a daemon loading this file from disk would ignore it and serve the bundled phrasebook.`,
      span: error.span,
      field: null,
    });
  }
  for (const span of doc.ignoredEntriesKeySpans) {
    findings.push({
      ...ruleDefaults(FINDING_CODES.yamlDuplicateKey),
      message: `'${ENTRIES_KEY}' is repeated at the top level: PyYAML keeps only the last one, so the daemon ignores these entries.`,
      span,
      field: null,
      ...(doc.entriesKeySpan
        ? { related: [{ span: doc.entriesKeySpan, message: `the '${ENTRIES_KEY}' that counts` }] }
        : {}),
    });
  }
  for (const match of doc.text.matchAll(UNICODE_LINE_BREAKS)) {
    const codePoint = (match[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
    findings.push({
      ...ruleDefaults(FINDING_CODES.yamlUnicodeLineBreak),
      message: `U+${codePoint} is a line break to PyYAML (YAML 1.1), which the daemon uses to read this file, but not to this editor: the value the daemon sees may differ. In a double-quoted string, write it as an escape (\\x85, \\L or \\P).`,
      span: { start: match.index as number, end: (match.index as number) + 1 },
      field: null,
    });
  }
  if (!doc.entriesIsList) {
    findings.push({
      ...ruleDefaults(FINDING_CODES.rootNotList),
      message: DAEMON_MESSAGES.entriesNotList,
      span: doc.rootSpan,
      field: ROOT_FIELD,
    });
  } else if (doc.entries.length > MAX_ENTRIES) {
    findings.push({
      ...ruleDefaults(FINDING_CODES.tooManyEntries),
      message: DAEMON_MESSAGES.tooManyEntries(doc.entries.length),
      span: doc.entriesKeySpan ?? doc.rootSpan,
      field: ROOT_FIELD,
      related: [
        { span: doc.entries[MAX_ENTRIES].span, message: `entry ${MAX_ENTRIES} is the first one over the limit` },
      ],
    });
  }
  for (const field of doc.otherTopLevelFields) {
    const key = field.name ?? doc.text.slice(field.keySpan.start, field.keySpan.end);
    findings.push({
      ...ruleDefaults(FINDING_CODES.ignoredKey),
      message: `The daemon reads only 'entries'; the top-level key '${key}' is ignored and dropped on write.`,
      span: field.keySpan,
      field: null,
    });
  }
  return findings;
}

/** When the daemon's index names an entry that failed the required-field check, say so. */
function duplicateIndexExplanation(reportedIndex: number, declaredIndex: number): string {
  if (reportedIndex === declaredIndex) return '';
  return (
    ` (the daemon names entry ${reportedIndex}, the first entry with this pattern and category, although that entry ` +
    `fails the required-field check and takes no part in the duplicate rule; this entry duplicates entry ${declaredIndex})`
  );
}

function crossEntryFindings(doc: PhrasebookDocument, analyses: EntryAnalysis[]): Finding[] {
  const findings: Finding[] = [];
  const patternSpan = (index: number): SourceSpan => {
    const entry = doc.entries[index];
    const relative = analyses[index].patternSpan;
    return relative ? shift(relative, entry.span.start) : entry.span;
  };
  const values = doc.entries.map((entry) => entry.value);
  for (const [index, { declaredIndex: first, reportedIndex }] of findDuplicates(
    analyses.map((a) => a.duplicateKey),
    values,
  )) {
    const entry = doc.entries[index];
    const finding: SpanFinding = {
      ...ruleDefaults(FINDING_CODES.duplicate),
      message: DAEMON_MESSAGES.duplicate(reportedIndex) + duplicateIndexExplanation(reportedIndex, first),
      span: patternSpan(index),
      field: ROOT_FIELD,
      related: [{ span: patternSpan(first), message: `first declared here (entry ${first})` }],
      data: { firstIndex: first },
    };
    if (entry.deleteSpan)
      finding.fixes = [
        {
          title: `Remove this duplicate of entry ${first}`,
          edits: [{ span: entry.deleteSpan, newText: '' }],
          isPreferred: true,
        },
      ];
    findings.push(materialize(doc, finding, 0, index));
  }
  const candidates = analyses.map((analysis, index) => ({
    index,
    pattern: analysis.pattern?.source ?? '',
    category: analysis.category ?? '',
    shape: analysis.shape,
  }));
  for (const [index, earlier] of findShadowedEntries(candidates)) {
    const finding: SpanFinding = {
      ...ruleDefaults(FINDING_CODES.shadowedEntry),
      message: `This entry can never match: entry ${earlier} (category '${analyses[earlier].category ?? ''}') comes first and matches every message this pattern matches.`,
      span: patternSpan(index),
      field: 'pattern',
      related: [{ span: patternSpan(earlier), message: `entry ${earlier} matches first` }],
      data: { shadowedBy: earlier },
    };
    findings.push(materialize(doc, finding, 0, index));
  }
  return findings;
}

function shift(span: SourceSpan, base: number): SourceSpan {
  return { start: span.start + base, end: span.end + base };
}

/** Offsets (relative to `base`) → VS Code ranges. */
function materialize(doc: PhrasebookDocument, finding: SpanFinding, base: number, entryIndex: number | null): Finding {
  const range = (span: SourceSpan): Range => doc.rangeOf(shift(span, base));
  const result: Finding = {
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    range: range(finding.span),
    entryIndex,
    field: finding.field,
  };
  if (finding.related) result.related = finding.related.map((r) => ({ range: range(r.span), message: r.message }));
  if (finding.fixes?.length) {
    result.fixes = finding.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((edit) => ({ range: range(edit.span), newText: edit.newText })),
      ...(fix.isPreferred ? { isPreferred: true } : {}),
    }));
  }
  if (finding.data) result.data = finding.data;
  return result;
}

function entryInfo(doc: PhrasebookDocument, entry: EntryNode, analysis: EntryAnalysis, reused: boolean): EntryInfo {
  const range = (span: SourceSpan): Range => doc.rangeOf(shift(span, entry.span.start));
  let fields: EntryInfo['fields'] | undefined;
  let placeholders: EntryInfo['placeholders'] | undefined;
  return {
    index: entry.index,
    range: doc.rangeOf(entry.span),
    contentKey: entry.contentKey,
    reused,
    value: entry.value,
    get fields() {
      fields ??= analysis.fields.map((field) => ({
        name: field.name,
        keyRange: range(field.keySpan),
        valueRange: range(field.valueSpan),
        value: field.value,
      }));
      return fields;
    },
    get placeholders() {
      placeholders ??= placeholdersOf(doc, entry);
      return placeholders;
    },
    pattern:
      analysis.pattern && analysis.patternSpan ? { ...analysis.pattern, range: range(analysis.patternSpan) } : null,
  };
}

/** Every `{snapshot.…}` of the entry's reply_template, with its document ranges. */
function placeholdersOf(doc: PhrasebookDocument, entry: EntryNode): PlaceholderAt[] {
  const field = entry.fieldsByName.get('reply_template');
  if (!field || typeof field.value !== 'string') return [];
  const offsets = field.offsets();
  return findPlaceholders(field.value).map((occurrence) => ({
    path: occurrence.path,
    known: isKnownPlaceholderPath(occurrence.path),
    range: doc.rangeOf(offsets.sourceSpan(occurrence.start, occurrence.end)),
    pathRange: doc.rangeOf(offsets.sourceSpan(occurrence.pathStart, occurrence.pathEnd)),
  }));
}

export function applySeverities(findings: Finding[], overrides: SeverityOverrides | undefined): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const override = overrides && isOverridable(finding.code) ? overrides[finding.code] : undefined;
    if (override === 'off') continue;
    result.push(override ? { ...finding, severity: override } : finding);
  }
  return result;
}

/** Document order; findings at the same position keep their order. */
export function sortByPosition(findings: Finding[]): Finding[] {
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) =>
        a.finding.range.start.line - b.finding.range.start.line ||
        a.finding.range.start.character - b.finding.range.start.character ||
        a.order - b.order,
    )
    .map(({ finding }) => finding);
}
