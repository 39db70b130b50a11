// Findings (core, editor-agnostic) → VS Code types. The only place that knows both shapes.
import * as vscode from 'vscode';
import type { Finding, Range, Severity, TextEdit } from '../../core/findings';
import { codesTagged } from '../../core/phrasebook';
import { DIAGNOSTIC_SOURCE } from '../constants';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Findings about text that has no effect get the "unnecessary" tag, which editors render faded:
 * an entry that can never match, and keys the daemon ignores and drops on write.
 */
const UNNECESSARY_CODES = codesTagged('unnecessary');

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toVsTextEdit(edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toVsRange(edit.range), edit.newText);
}

export function toDiagnostic(finding: Finding, uri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.code;
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (related) =>
        new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toVsRange(related.range)), related.message),
    );
  }
  if (UNNECESSARY_CODES.has(finding.code)) diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** The rule id of one of our diagnostics (`code` may be a string or `{ value, target }`). */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** True when a diagnostic (possibly a copy that went through the renderer) was made from this finding. */
export function isDiagnosticOf(diagnostic: vscode.Diagnostic, finding: Finding): boolean {
  return (
    diagnostic.source === DIAGNOSTIC_SOURCE &&
    diagnosticCode(diagnostic) === finding.code &&
    diagnostic.message === finding.message &&
    diagnostic.range.isEqual(toVsRange(finding.range))
  );
}
