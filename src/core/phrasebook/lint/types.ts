// Shapes shared by the lint passes. Per-entry results are kept in document offsets relative to
// the entry's start, so a cached analysis stays valid when edits above the entry move it.
import type { Finding, Range, Severity } from '../../findings';
import type { JsTranslation } from '../pythonRegex';
import type { PatternShape } from './shadowing';
import type { SourceSpan } from '../yaml/scalarOffsets';

export { DEFAULT_SEVERITIES, FINDING_CODES, isOverridable, type FindingCode } from './registry';

export type SeverityOverrides = Record<string, Severity | 'off'>;

export interface LintOptions {
  severityOverrides?: SeverityOverrides;
  /** See `DocumentOptions.fromDisk` (default true: values as PyYAML reads the file). */
  fromDisk?: boolean;
  /** Reuse per-entry results across calls (one cache per open document). */
  cache?: EntryAnalysisCache;
}

/** A finding still in offsets; `span`s are relative to `base` (the entry start, or 0). */
export interface SpanFinding {
  severity: Severity;
  code: string;
  message: string;
  span: SourceSpan;
  field: string | null;
  related?: Array<{ span: SourceSpan; message: string }>;
  fixes?: SpanFix[];
  data?: Record<string, unknown>;
}

export interface SpanFix {
  title: string;
  edits: Array<{ span: SourceSpan; newText: string }>;
  isPreferred?: boolean;
}

export interface FieldInfo {
  name: string | null;
  keyRange: Range;
  valueRange: Range;
  value: unknown;
}

export interface PlaceholderAt {
  path: string;
  known: boolean;
  /** The whole `{snapshot.path}`, and the path alone. */
  range: Range;
  pathRange: Range;
}

export interface EntryPatternInfo {
  source: string;
  /** `ok`, or why the daemon would refuse it. */
  compile: 'ok' | 're.error' | 'exception' | 'engine-failure';
  /** The JavaScript equivalent (for previews and deep analysis), when compiled. */
  translation: JsTranslation | null;
}

/**
 * What the editor needs to know about one entry. `fields`, `placeholders` and `pattern` are
 * computed on first access (most entries are never hovered).
 */
export interface EntryInfo {
  index: number;
  range: Range;
  /** Equal keys ⇒ identical analysis; the editor diffs these to find changed entries. */
  contentKey: string;
  /** True when this call reused a cached analysis for the entry. */
  reused: boolean;
  value: unknown;
  fields: FieldInfo[];
  placeholders: PlaceholderAt[];
  /** With the range of the pattern's value. */
  pattern: (EntryPatternInfo & { range: Range }) | null;
}

/** The cacheable analysis of one entry: everything that depends on the entry's text alone. */
export interface EntryAnalysis {
  findings: SpanFinding[];
  duplicateKey: { pattern: string; category: string } | null;
  /** Category, when it is a string (for shadowing messages). */
  category: string | null;
  pattern: EntryPatternInfo | null;
  /** Relative span of the pattern value (where cross-entry findings go). */
  patternSpan: SourceSpan | null;
  shape: PatternShape | null;
  fields: Array<{ name: string | null; keySpan: SourceSpan; valueSpan: SourceSpan; value: unknown }>;
}

export interface EntryAnalysisCache {
  get(contentKey: string): EntryAnalysis | undefined;
  set(contentKey: string, analysis: EntryAnalysis): void;
}

export interface LintStats {
  entries: number;
  analysed: number;
  reused: number;
}

export interface LintResult {
  findings: Finding[];
  entries: EntryInfo[];
  stats: LintStats;
  document: import('../document').PhrasebookDocument;
}
