// The status-bar item: overall status of all daemons; a click reveals the Health view.
import * as vscode from 'vscode';
import { summarizeStatus } from '../../core/health/summary';
import { Severity } from '../../core/health/looks';
import type { DaemonHealth } from '../../core/health/types';
import { STATUS_BAR_ITEM_ID, VIEW } from '../constants';

/** The only background colours a status-bar item supports. */
const BACKGROUND: Partial<Record<Severity, string>> = {
  [Severity.warning]: 'statusBarItem.warningBackground',
  [Severity.error]: 'statusBarItem.errorBackground',
};

export class HealthStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Left, 10);
  private enabled = false;

  constructor() {
    this.item.name = 'Kora Ops Health';
    this.item.command = { command: `${VIEW.health}.focus`, title: 'Show Kora Health' };
  }

  update(daemons: readonly DaemonHealth[], now: number): void {
    const summary = summarizeStatus(daemons, now);
    this.item.text = summary.text;
    const tooltip = new vscode.MarkdownString(summary.tooltip, true);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: summary.text.replace(/\$\([^)]*\)\s*/g, '') };
    const background = BACKGROUND[summary.severity];
    this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
  }

  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    if (enabled) this.item.show();
    else this.item.hide();
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** The text shown (with `$(icon)` syntax), or undefined while hidden. */
  get text(): string | undefined {
    return this.enabled ? this.item.text : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
