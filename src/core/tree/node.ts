// The node every health view renders, and how one is made. Shared by the parts of the tree model.
import type { ColorId, Look } from '../health/looks';
import type { DaemonHealth } from '../health/types';

/** The kinds the health tree model builds; contributed sections use their own strings. */
export type NodeKind =
  'daemon' | 'state' | 'listeners' | 'listener' | 'services' | 'service' | 'errors' | 'snapshot' | 'alerts' | 'cost';

/** What clicking a node does; the editor maps these to its commands. */
export type NodeAction = 'retry' | 'setSessionToken' | 'configureDaemons' | 'showLog';

type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface HealthNode {
  /** Stable across builds for the same thing (daemon + path), so views keep expansion state. */
  id: string;
  kind: NodeKind | (string & {});
  daemonName: string;
  label: string;
  description: string;
  iconId: string;
  colorId?: ColorId;
  /** Markdown; daemon-supplied text in it is escaped. */
  tooltip: string;
  /** `kora.<kind>` (the root is `kora.daemon`), for menus. */
  contextValue: string;
  collapsible: Collapsible;
  action?: NodeAction;
  /** Nodes contributed by other features (e.g. the phrasebook section) may name their own command. */
  command?: NodeCommand;
  children: HealthNode[];
}

interface NodeCommand {
  id: string;
  title: string;
  arguments?: unknown[];
}

/** Labels taken from the daemon (names) are cut to this length. */
export const LABEL_MAX = 80;

/** Node ids are the daemon name and a path, each part URI-encoded, joined by `/`. */
function nodeId(health: DaemonHealth, ...path: string[]): string {
  return [health.daemon.name, ...path].map(encodeURIComponent).join('/');
}

export function makeNode(
  health: DaemonHealth,
  path: string[],
  kind: NodeKind,
  fields: Partial<HealthNode>,
  look: Look,
): HealthNode {
  return {
    id: nodeId(health, ...path),
    kind,
    daemonName: health.daemon.name,
    label: '',
    description: '',
    tooltip: '',
    contextValue: `kora.${kind}`,
    collapsible: 'none',
    children: [],
    ...look,
    ...fields,
  };
}

export function secondsSince(epochMs: number, now: number): number {
  return Math.max(0, (now - epochMs) / 1000);
}
