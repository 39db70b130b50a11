// What the editor shows for a file about to be pushed: its errors (so a refusal counts exactly what
// the Problems view counts) and every exponential or polynomial ReDoS finding of the deep analysis
// (which the daemon's own heuristic may not catch, so the push would be accepted).
import * as vscode from 'vscode';
import { codesTagged } from '../../core/phrasebook/lint/registry';
import { toPlainLine } from '../../core/text/markdown';
import { DIAGNOSTIC_SOURCE } from '../constants';

const REDOS_CODES = codesTagged('attack');
const MESSAGE_MAX = 200;

export interface EditorFindings {
  /** Every error the editor shows for the file (ReDoS errors included). */
  errors: vscode.Diagnostic[];
  /** Every exponential or polynomial ReDoS finding, whatever its configured severity. */
  redos: vscode.Diagnostic[];
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code ?? '');
}

export function editorFindings(uri: vscode.Uri): EditorFindings {
  const ours = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
  const byLine = (a: vscode.Diagnostic, b: vscode.Diagnostic) => a.range.start.line - b.range.start.line;
  return {
    errors: ours.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error).sort(byLine),
    redos: ours.filter((diagnostic) => REDOS_CODES.has(codeOf(diagnostic))).sort(byLine),
  };
}

/** `line 12: <message>` (1-based, one plain line). */
export function findingLine(diagnostic: vscode.Diagnostic): string {
  return `line ${diagnostic.range.start.line + 1}: ${toPlainLine(diagnostic.message, MESSAGE_MAX)}`;
}
