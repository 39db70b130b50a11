// The one shape every analysis produces. The editor turns findings into diagnostics and code
// actions; the CLI prints them. Positions are 0-based lines and UTF-16 characters, as in VS Code.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A machine-applicable fix: the editor offers it as a quick fix; tests apply it as text edits. */
export interface FindingFix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

interface RelatedInfo {
  range: Range;
  message: string;
}

export interface Finding {
  severity: Severity;
  /** `daemon/<rule>` for the daemon's own rules; `redos/...`, `yaml/...`, `phrasebook/...` beyond them. */
  code: string;
  message: string;
  range: Range;
  /** Index in the `entries` list, or null for document-level findings. */
  entryIndex: number | null;
  /** `pattern`, `category`, `description`, `reply_template`, `_root`, or null. */
  field: string | null;
  related?: RelatedInfo[];
  fixes?: FindingFix[];
  /** Extra facts for hovers and commands (e.g. `attackString` for ReDoS findings). */
  data?: Record<string, unknown>;
}
