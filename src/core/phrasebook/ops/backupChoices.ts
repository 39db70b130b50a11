// What the operator chooses from when reverting: the daemon's backups, newest first, described by
// time (relative and absolute), entry count and size. Pure data, so the QuickPick and the CLI show
// the same thing and tests can check it without VS Code.

import type { PhrasebookBackupItem } from '../../daemon/schemas';
import { entryCountText } from './changes';
import { safeLine } from '../../text/sanitize';

/** One item of `GET /api/phrasebook/slack_dm/backups` (contract §3.5); entry_count null = corrupt. */
export type BackupInfo = PhrasebookBackupItem;

export interface BackupChoice {
  /** The file to send to revert. */
  filename: string;
  label: string;
  description: string;
  detail: string;
  /** Corrupt backups are listed so the operator knows they exist, but cannot be chosen. */
  selectable: boolean;
  /** The "most recent backup" shortcut on top of the list. */
  isMostRecent: boolean;
  backup: BackupInfo;
}

const BACKUP_NAME = /^slack_dm\.(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})Z(?:-(\d+))?\.yml$/;

/** The UTC time a backup name encodes, and its same-second counter (0 without suffix). */
export function parseBackupName(filename: string): { time: Date; sequence: number } | undefined {
  const match = BACKUP_NAME.exec(filename);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, counter] = match;
  const time = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
  return { time, sequence: counter ? Number(counter) : 0 };
}

/**
 * Newest first, by the time in the name and then the same-second counter. The daemon sorts by
 * file name, where `…Z-1.yml` (newer) sorts before `…Z.yml` (contract §4.6); we show true order.
 * Names that do not parse keep the daemon's order, after the ones that do.
 */
export function sortBackupsNewestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  const keyed = backups.map((backup, index) => ({ backup, index, parsed: parseBackupName(backup.filename) }));
  keyed.sort((a, b) => {
    if (a.parsed && b.parsed) {
      const byTime = b.parsed.time.getTime() - a.parsed.time.getTime();
      return byTime !== 0 ? byTime : b.parsed.sequence - a.parsed.sequence;
    }
    if (a.parsed || b.parsed) return a.parsed ? -1 : 1;
    return a.index - b.index;
  });
  return keyed.map((item) => item.backup);
}

export function formatRelativeTime(time: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - time.getTime()) / 1000);
  if (seconds < 0) return 'in the future (clock skew)';
  if (seconds < 45) return 'just now';
  const units: [number, string][] = [
    [60, 'minute'],
    [3600, 'hour'],
    [86400, 'day'],
    [30 * 86400, 'month'],
    [365 * 86400, 'year'],
  ];
  let chosen = units[0];
  for (const unit of units) if (seconds >= unit[0] * 0.75) chosen = unit;
  const count = Math.max(1, Math.round(seconds / chosen[0]));
  return `${count} ${chosen[1]}${count === 1 ? '' : 's'} ago`;
}

/** `2026-05-23 10:00:00 UTC`: the daemon names backups in UTC, so we show UTC too. */
export function formatAbsoluteUtc(time: Date): string {
  return `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function formatSize(bytes: number | null): string {
  if (bytes === null) return 'size unknown';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function describeEntryCount(count: number | null): string {
  return count === null ? 'unreadable (corrupt)' : entryCountText(count);
}

/** One line describing a backup: relative time · absolute time · entries · size. */
export function describeBackup(backup: BackupInfo, now: Date): { when: string; facts: string } {
  const parsed = parseBackupName(backup.filename);
  const when = parsed
    ? `${formatRelativeTime(parsed.time, now)} · ${formatAbsoluteUtc(parsed.time)}`
    : safeLine(backup.timestamp);
  return { when, facts: `${describeEntryCount(backup.entry_count)} · ${formatSize(backup.size_bytes)}` };
}

/** The revert choices: every backup once, newest first; the newest readable one is marked "most recent". */
export function buildBackupChoices(backups: readonly BackupInfo[], now: Date): BackupChoice[] {
  const ordered = sortBackupsNewestFirst(backups);
  const choices: BackupChoice[] = ordered.map((backup) => {
    const { when, facts } = describeBackup(backup, now);
    const selectable = backup.entry_count !== null;
    return {
      filename: backup.filename,
      label: safeLine(backup.filename),
      description: when,
      detail: selectable ? facts : `${facts} — cannot be restored: the daemon would load its bundled default instead`,
      selectable,
      isMostRecent: false,
      backup,
    };
  });
  const newestReadable = choices.find((choice) => choice.selectable);
  if (!newestReadable) return choices;
  const skipped = choices.indexOf(newestReadable);
  const note = skipped > 0 ? ` (skips ${skipped} newer unreadable backup${skipped === 1 ? '' : 's'})` : '';
  newestReadable.isMostRecent = true;
  newestReadable.description = `most recent · ${newestReadable.description}`;
  newestReadable.detail = `${newestReadable.detail}${note}`;
  return choices;
}
