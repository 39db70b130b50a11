// The whole Health tree as pure data: each daemon's health nodes and, when its phrasebook is read,
// its Phrasebook section. The editor only maps these nodes to tree items.
import { READABLE_STATES } from '../health/looks';
import type { PhrasebookReading } from '../health/streams';
import type { DaemonHealth } from '../health/types';
import { buildHealthTree } from './daemonTree';
import type { HealthNode } from './node';
import { buildPhrasebookSection, type PhrasebookSectionData } from './phrasebookNodes';

export interface DaemonView {
  health: DaemonHealth;
  /** Undefined when this daemon's phrasebook is not shown at all. */
  phrasebook?: PhrasebookReading;
  /** Backup file names whose content local history holds ("Compare with Live" applies). */
  backupsWithHistory?: ReadonlySet<string>;
}

export interface KoraTreeOptions {
  /** Command run when a backup with local history is clicked. */
  compareCommand?: string;
}

export function buildKoraTree(views: readonly DaemonView[], now: number, options: KoraTreeOptions = {}): HealthNode[] {
  const roots = buildHealthTree(
    views.map((view) => view.health),
    now,
  );
  return roots.map((root, index) => {
    const section = phrasebookSection(views[index], now, options);
    return section ? { ...root, collapsible: 'expanded', children: [...root.children, section] } : root;
  });
}

/** The section while the daemon is reachable, or what was last read (marked) while it is not. */
function phrasebookSection(view: DaemonView, now: number, options: KoraTreeOptions): HealthNode | undefined {
  const { health, phrasebook } = view;
  if (!phrasebook) return undefined;
  const reachable = READABLE_STATES.has(health.state);
  const everRead = !phrasebook.loading;
  if (!everRead && !reachable && health.state !== 'connecting') return undefined;
  const data: PhrasebookSectionData =
    reachable || !everRead
      ? phrasebook
      : { ...phrasebook, error: `the daemon is ${health.state}: ${health.stateDetail}` };
  return buildPhrasebookSection({
    daemonName: health.daemon.name,
    data,
    backupsWithHistory: view.backupsWithHistory ?? new Set(),
    now: new Date(now),
    compareCommand: options.compareCommand,
  });
}
