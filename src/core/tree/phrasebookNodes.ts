// The Phrasebook section under each daemon in the Health tree: live source and entry count, and the
// backups (k of rotation_keep) with their context values. Pure: data in, tree nodes out, built
// like the health nodes so the view can diff and refresh them the same way.

import type { HealthNode } from './node';
import { COLOR } from '../health/looks';
import { MarkdownBuilder, toPlainLine } from '../text/markdown';
import { LIVE_SOURCE, type PhrasebookBackupsResponse } from '../daemon/schemas';
import type { PhrasebookReading } from '../health/streams';
import { describeBackup, sortBackupsNewestFirst } from '../phrasebook/ops/backupChoices';
import { entryCountText } from '../phrasebook/ops/changes';

/** Tree item context values (package.json menus match on them; = TREE_CONTEXT of the extension). */
export const SECTION_CONTEXT = {
  phrasebook: 'kora.phrasebook',
  backups: 'kora.phrasebookBackups',
  backup: 'kora.backup',
  backupWithHistory: 'kora.backup.withHistory',
  backupCorrupt: 'kora.backup.corrupt',
} as const;

const SECTION_KIND = { phrasebook: 'phrasebook', backups: 'backups', backup: 'backup' } as const;

/** The poller's phrasebook reading, as the section shows it. */
export type PhrasebookSectionData = PhrasebookReading;

export interface SectionInput {
  daemonName: string;
  data: PhrasebookSectionData;
  /** Backup file names whose content local history holds ("Compare with Live" applies). */
  backupsWithHistory: ReadonlySet<string>;
  now: Date;
  /** Command run when a backup with local history is clicked. */
  compareCommand?: string;
}

/** Same scheme as the health nodes: encoded daemon name, then path segments. */
function sectionId(daemonName: string, ...path: string[]): string {
  return [daemonName, ...path].map(encodeURIComponent).join('/');
}

function base(daemonName: string, path: string[], kind: string, contextValue: string): HealthNode {
  return {
    id: sectionId(daemonName, ...path),
    kind,
    daemonName,
    label: '',
    description: '',
    iconId: 'book',
    tooltip: '',
    contextValue,
    collapsible: 'none',
    children: [],
  };
}

export function buildPhrasebookSection(input: SectionInput): HealthNode {
  const { daemonName, data } = input;
  const root = base(daemonName, ['phrasebook'], SECTION_KIND.phrasebook, SECTION_CONTEXT.phrasebook);
  root.label = 'Phrasebook';
  if (!data.live) {
    root.description = data.error ? 'unavailable' : 'loading…';
    root.iconId = data.error ? 'warning' : 'loading~spin';
    if (data.error) root.colorId = COLOR.warning;
    root.tooltip = new MarkdownBuilder()
      .heading('Phrasebook of', daemonName)
      .field('Could not read it', data.error)
      .toString();
    return root;
  }
  const override = data.live.source === LIVE_SOURCE.override;
  root.description = `${override ? 'override' : 'bundled default'} · ${entryCountText(data.live.entryCount)}${data.error ? ' · not current' : ''}`;
  const tooltip = new MarkdownBuilder()
    .heading('Live phrasebook of', daemonName)
    .field('Source', override ? `override file ${data.live.source_path}` : 'bundled default (no override file)')
    .field('Entries', data.live.entryCount);
  if (!override) tooltip.field('A push creates', data.live.override_candidate_path);
  root.tooltip = tooltip.field('Last read failed', data.error).toString();
  root.collapsible = 'expanded';
  if (data.backups) root.children = [backupsNode(input, data.backups)];
  return root;
}

function backupsNode(input: SectionInput, backups: PhrasebookBackupsResponse): HealthNode {
  const node = base(input.daemonName, ['phrasebook', 'backups'], SECTION_KIND.backups, SECTION_CONTEXT.backups);
  node.label = 'Backups';
  node.iconId = 'history';
  const keep = backups.rotation_keep ?? '?';
  node.description = `${backups.backups.length} of ${keep}`;
  node.tooltip = new MarkdownBuilder()
    .text(
      `The daemon keeps at most ${keep} backups of its override; each push backs up the version it replaces. A revert does not.`,
    )
    .toString();
  node.collapsible = backups.backups.length > 0 ? 'collapsed' : 'none';
  node.children = sortBackupsNewestFirst(backups.backups).map((backup) => {
    const item = base(
      input.daemonName,
      ['phrasebook', 'backups', backup.filename],
      SECTION_KIND.backup,
      SECTION_CONTEXT.backup,
    );
    const { when, facts } = describeBackup(backup, input.now);
    const corrupt = backup.entry_count === null;
    const known = input.backupsWithHistory.has(backup.filename);
    // A daemon-supplied name: one plain line, no control or bidi characters.
    item.label = toPlainLine(backup.filename);
    item.description = `${when.split(' · ')[0]} · ${facts}`;
    item.iconId = corrupt ? 'warning' : known ? 'file-code' : 'file';
    if (corrupt) item.colorId = COLOR.warning;
    item.contextValue = corrupt
      ? SECTION_CONTEXT.backupCorrupt
      : known
        ? SECTION_CONTEXT.backupWithHistory
        : SECTION_CONTEXT.backup;
    item.tooltip = new MarkdownBuilder()
      .heading('Backup', backup.filename)
      .field('Saved', when)
      .field('Holds', facts)
      .text(
        corrupt
          ? 'Unreadable: reverting to it would make the daemon serve its bundled default.'
          : known
            ? 'Local history has its content: Compare with Live.'
            : 'The daemon cannot serve its content, and local history has no copy.',
      )
      .toString();
    if (known && input.compareCommand)
      item.command = {
        id: input.compareCommand,
        title: 'Compare with Live',
        arguments: [{ daemonName: input.daemonName, filename: backup.filename }],
      };
    return item;
  });
  return node;
}

/** The backup file name behind a backup node id (`<daemon>/phrasebook/backups/<file>`). */
export function backupFilenameOfNodeId(id: string): string | undefined {
  const segments = id.split('/');
  if (segments.length !== 4 || segments[1] !== 'phrasebook' || segments[2] !== 'backups') return undefined;
  return decodeURIComponent(segments[3]);
}
