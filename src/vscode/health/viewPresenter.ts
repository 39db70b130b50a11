// Everything about the Health view besides its items: the badge (problems count), the
// description (freshness) and the `kora.state` context key that picks the welcome page.
import * as vscode from 'vscode';
import { freshnessDescription, summarizeBadge, welcomeState, type WelcomeState } from '../../core/health/summary';
import type { DaemonHealth } from '../../core/health/types';
import { CONTEXT, KORA_STATE } from '../constants';
import type { NodeHandle } from './treeProvider';

/** The value of the `kora.state` context key. */
export type ViewState = WelcomeState | 'misconfigured';

export class HealthViewPresenter {
  private daemons: readonly DaemonHealth[] = [];
  private state: ViewState | undefined;

  constructor(private readonly view: vscode.TreeView<NodeHandle>) {}

  /** `settingsHaveProblems`: some `kora.daemons` entries were unusable (then "none" is a mistake). */
  update(daemons: readonly DaemonHealth[], now: number, settingsHaveProblems: boolean): void {
    this.daemons = daemons;
    const badge = summarizeBadge(daemons);
    this.view.badge = badge.count > 0 ? { value: badge.count, tooltip: badge.tooltip } : undefined;
    const welcome = welcomeState(daemons);
    this.setState(welcome === 'notConfigured' && settingsHaveProblems ? 'misconfigured' : welcome);
    this.tick(now);
  }

  /** Cheap: only the freshness wording. */
  tick(now: number): void {
    const description = freshnessDescription(this.daemons, now);
    if (this.view.description !== description) this.view.description = description;
  }

  get viewState(): ViewState | undefined {
    return this.state;
  }

  private setState(state: ViewState): void {
    if (state === this.state) return;
    this.state = state;
    void vscode.commands.executeCommand('setContext', CONTEXT.state, KORA_STATE[state]);
  }
}
