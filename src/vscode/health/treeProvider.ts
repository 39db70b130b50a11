// The Health view's data provider: maps the core tree (built whole in src/core) to tree items. Elements are small
// handles interned by node id, so the view can be told about exactly the nodes that changed
// (VS Code finds a refreshed element by identity) while their content is always the latest.
import * as vscode from 'vscode';
import type { HealthNode, NodeAction } from '../../core/tree/daemonTree';
import { buildKoraTree, type DaemonView } from '../../core/tree/koraTree';
import { HealthTreeState, type RefreshPlan } from '../../core/tree/treeState';
import { welcomeState } from '../../core/health/summary';
import { COMMAND } from '../constants';

/** What the view holds for a node; view-item menus pass it to commands. */
export interface NodeHandle {
  readonly id: string;
  readonly daemonName: string;
  readonly kind: string;
}

const ACTION_COMMAND: Record<NodeAction, { command: string; title: string }> = {
  retry: { command: COMMAND.refresh, title: 'Retry now' },
  setSessionToken: { command: COMMAND.setSessionToken, title: 'Set Session Token…' },
  configureDaemons: { command: COMMAND.configureDaemons, title: 'Configure Daemons…' },
  showLog: { command: COMMAND.showLog, title: 'Show Log' },
};

const COLLAPSIBLE: Record<HealthNode['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export class HealthTreeProvider implements vscode.TreeDataProvider<NodeHandle>, vscode.Disposable {
  private readonly state = new HealthTreeState();
  private readonly handles = new Map<string, NodeHandle>();
  private readonly changes = new vscode.EventEmitter<NodeHandle | NodeHandle[] | undefined>();
  private views: readonly DaemonView[] = [];
  private changeEvents = 0;

  readonly onDidChangeTreeData = this.changes.event;

  /** Rebuilds from the latest readings and tells the view about exactly what changed. */
  update(views: readonly DaemonView[], now: number): RefreshPlan {
    this.views = views;
    return this.render(now);
  }

  /** Rebuilds with the same health at a later time (countdowns, ages). */
  render(now: number): RefreshPlan {
    // While the welcome page is due (nothing configured, first read pending) the tree is empty.
    const ready = welcomeState(this.views.map((view) => view.health)) === 'ready';
    const nodes = ready ? buildKoraTree(this.views, now, { compareCommand: COMMAND.compareBackupWithLive }) : [];
    const plan = this.state.replace(nodes);
    for (const id of [...this.handles.keys()]) if (!this.state.get(id)) this.handles.delete(id);
    if (plan.kind === 'all') this.fire(undefined);
    else if (plan.kind === 'nodes') this.fire(plan.ids.map((id) => this.handleOf(this.state.get(id)!)));
    return plan;
  }

  /** The current node behind a handle or id (tests and commands read labels, icons, ...). */
  node(handleOrId: NodeHandle | string): HealthNode | undefined {
    return this.state.get(typeof handleOrId === 'string' ? handleOrId : handleOrId.id);
  }

  /** How many change events the view has been sent (tests check polls do not cause flicker). */
  get changeEventCount(): number {
    return this.changeEvents;
  }

  getChildren(handle?: NodeHandle): NodeHandle[] {
    return this.state.children(handle?.id).map((node) => this.handleOf(node));
  }

  getParent(handle: NodeHandle): NodeHandle | undefined {
    const parentId = this.state.parentId(handle.id);
    const parent = parentId === undefined ? undefined : this.state.get(parentId);
    return parent && this.handleOf(parent);
  }

  getTreeItem(handle: NodeHandle): vscode.TreeItem {
    const node = this.state.get(handle.id);
    // The view may ask about a node that vanished a moment ago; its refresh is already queued.
    if (!node) return new vscode.TreeItem('…');
    const item = new vscode.TreeItem(node.label, COLLAPSIBLE[node.collapsible]);
    item.id = node.id;
    item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(node.iconId, node.colorId ? new vscode.ThemeColor(node.colorId) : undefined);
    // Untrusted (no command links run) and without icon syntax: daemon text is escaped as well.
    item.tooltip = new vscode.MarkdownString(node.tooltip);
    item.contextValue = node.contextValue;
    item.accessibilityInformation = { label: node.description ? `${node.label}, ${node.description}` : node.label };
    const command = node.command
      ? { command: node.command.id, title: node.command.title, arguments: node.command.arguments }
      : node.action && { ...ACTION_COMMAND[node.action], arguments: [node.daemonName] };
    if (command) item.command = command;
    return item;
  }

  dispose(): void {
    this.changes.dispose();
  }

  private handleOf(node: HealthNode): NodeHandle {
    let handle = this.handles.get(node.id);
    if (!handle) {
      handle = Object.freeze({ id: node.id, daemonName: node.daemonName, kind: node.kind });
      this.handles.set(node.id, handle);
    }
    return handle;
  }

  private fire(change: NodeHandle[] | undefined): void {
    this.changeEvents += 1;
    this.changes.fire(change);
  }
}
