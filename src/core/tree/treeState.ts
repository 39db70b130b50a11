// The current health tree plus the smallest refresh that brings a view from the previous build
// to the next one. A view refreshes a node together with its (expanded) subtree, so the plan
// lists the highest changed nodes and nothing below them. Unchanged builds refresh nothing, which
// is what keeps the tree from flickering on every poll.
import type { HealthNode } from './node';

export type RefreshPlan =
  /** Nothing visible changed. */
  | { kind: 'none' }
  /** The list of roots changed: refresh the whole tree. */
  | { kind: 'all' }
  /** Refresh exactly these nodes (by id); none is a descendant of another. */
  | { kind: 'nodes'; ids: string[] };

/** The fields a view renders for one node (everything but its children). */
function sameLook(a: HealthNode, b: HealthNode): boolean {
  return (
    a.label === b.label &&
    a.description === b.description &&
    a.iconId === b.iconId &&
    a.colorId === b.colorId &&
    a.tooltip === b.tooltip &&
    a.contextValue === b.contextValue &&
    a.collapsible === b.collapsible &&
    a.action === b.action &&
    JSON.stringify(a.command) === JSON.stringify(b.command) &&
    a.kind === b.kind
  );
}

function sameIds(a: readonly HealthNode[], b: readonly HealthNode[]): boolean {
  return a.length === b.length && a.every((node, index) => node.id === b[index].id);
}

export function planRefresh(previous: readonly HealthNode[], next: readonly HealthNode[]): RefreshPlan {
  if (!sameIds(previous, next)) return { kind: 'all' };
  const ids: string[] = [];
  const visit = (before: HealthNode, after: HealthNode) => {
    // A refreshed node re-reads its whole subtree, so nothing below it needs listing.
    if (!sameIds(before.children, after.children) || !sameLook(before, after)) {
      ids.push(after.id);
      return;
    }
    after.children.forEach((child, index) => visit(before.children[index], child));
  };
  next.forEach((root, index) => visit(previous[index], root));
  return ids.length === 0 ? { kind: 'none' } : { kind: 'nodes', ids };
}

/** The latest build, indexed by id, for a view that addresses nodes by id. */
export class HealthTreeState {
  private rootNodes: HealthNode[] = [];
  private readonly byId = new Map<string, HealthNode>();
  private readonly parentIds = new Map<string, string>();

  get roots(): readonly HealthNode[] {
    return this.rootNodes;
  }

  get(id: string): HealthNode | undefined {
    return this.byId.get(id);
  }

  /** The id of a node's parent; undefined for roots and unknown ids. */
  parentId(id: string): string | undefined {
    return this.parentIds.get(id);
  }

  /** Children of a node, or the roots when `id` is undefined; empty for unknown ids. */
  children(id?: string): readonly HealthNode[] {
    if (id === undefined) return this.rootNodes;
    return this.byId.get(id)?.children ?? [];
  }

  /** Replaces the tree and says what a view has to refresh. */
  replace(next: HealthNode[]): RefreshPlan {
    const plan = planRefresh(this.rootNodes, next);
    this.rootNodes = next;
    this.byId.clear();
    this.parentIds.clear();
    const index = (nodes: readonly HealthNode[], parent?: HealthNode) => {
      for (const node of nodes) {
        this.byId.set(node.id, node);
        if (parent) this.parentIds.set(node.id, parent.id);
        index(node.children, node);
      }
    };
    index(next);
    return plan;
  }
}
