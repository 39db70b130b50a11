// Quick fixes for phrasebook diagnostics: the fixes the core attached to each finding (closest
// placeholder path, quoting a YAML 1.1 trap, removing a duplicate, the heuristic-safe rewrite),
// plus "Copy attack string" on ReDoS diagnostics.
import * as vscode from 'vscode';
import type { Finding, FindingFix } from '../../core/findings';
import { COMMAND } from '../constants';
import { attackStringFromArgument } from './attackString';
import { isDiagnosticOf, toVsRange, toVsTextEdit } from './convert';
import type { PhrasebookDiagnostics } from './diagnostics';

export class PhrasebookCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly diagnostics: PhrasebookDiagnostics) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const findings = this.diagnostics
      .findingsFor(document)
      .filter((finding) => toVsRange(finding.range).intersection(range) !== undefined);
    const actions: vscode.CodeAction[] = [];
    // Two findings may carry the same fix (a YAML 1.1 trap is also a "missing field"): offer it once.
    const offered = new Set<string>();
    for (const finding of findings) {
      // Link the action to the diagnostic VS Code passed in (if it is one of ours), for the lightbulb.
      const diagnostic = context.diagnostics.find((candidate) => isDiagnosticOf(candidate, finding));
      for (const fix of finding.fixes ?? []) {
        const signature = JSON.stringify([fix.title, fix.edits]);
        if (offered.has(signature)) continue;
        offered.add(signature);
        actions.push(fixAction(document, fix, diagnostic));
      }
      const copy = copyAttackStringAction(finding, diagnostic);
      if (copy) actions.push(copy);
    }
    return actions;
  }
}

function fixAction(
  document: vscode.TextDocument,
  fix: FindingFix,
  diagnostic: vscode.Diagnostic | undefined,
): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(document.uri, fix.edits.map(toVsTextEdit));
  action.isPreferred = fix.isPreferred === true;
  if (diagnostic) action.diagnostics = [diagnostic];
  return action;
}

function copyAttackStringAction(
  finding: Finding,
  diagnostic: vscode.Diagnostic | undefined,
): vscode.CodeAction | undefined {
  const attackString = attackStringFromArgument(finding.data);
  if (attackString === undefined || attackString === '') return undefined;
  const action = new vscode.CodeAction('Copy ReDoS attack string', vscode.CodeActionKind.QuickFix);
  action.command = { title: 'Copy ReDoS attack string', command: COMMAND.copyAttackString, arguments: [attackString] };
  if (diagnostic) action.diagnostics = [diagnostic];
  return action;
}
