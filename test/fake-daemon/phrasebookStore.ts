// The daemon's phrasebook files, for real, in a KORA_HOME folder (contract §4.6, §5.3): the override
// `phrasebook/slack_dm.yml`, byte-copy backups with second-resolution names, rotation, revert, and
// the audit log `kora_audit_log.jsonl`.

import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { toDaemonYaml } from '../../src/core/phrasebook/ops/writeFormat';
import { compilesLikeDaemon } from './phrasebookRules';
import { SEED_ENTRIES, type PhrasebookEntry } from './seed';

export const OVERRIDE_NAME = 'slack_dm.yml';
const BACKUP_PREFIX = 'slack_dm.';
const BACKUP_SUFFIX = '.yml';
const DEFAULT_BACKUP_COUNT = 10;
const MIN_BACKUP_COUNT = 1;
const MAX_BACKUP_COUNT = 1000;
const UNCATEGORIZED = 'uncategorized';

export interface BackupItem {
  filename: string;
  timestamp: string;
  size_bytes: number;
  entry_count: number | null;
}

export type RevertOutcome =
  | { kind: 'ok'; revertedTo: string; sourcePath: string | null; countBefore: number; countAfter: number }
  | { kind: 'invalid_filename'; filename: string }
  | { kind: 'not_found'; filename: string };

/** `KORA_PHRASEBOOK_BACKUP_COUNT` as the daemon reads it: "" → 10, not an int → 10, clamp 1…1000. */
export function parseBackupCount(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_BACKUP_COUNT;
  // Python int() accepts surrounding whitespace, a sign and digit-group underscores.
  if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(raw)) return DEFAULT_BACKUP_COUNT;
  const value = Number.parseInt(raw.trim().replace(/_/g, ''), 10);
  return Math.min(MAX_BACKUP_COUNT, Math.max(MIN_BACKUP_COUNT, value));
}

/** The revert route's shape check (§4.6). */
export function isAcceptableBackupName(name: string): boolean {
  return (
    !name.includes('/') &&
    !name.includes('\\') &&
    !name.includes('..') &&
    name.startsWith(BACKUP_PREFIX) &&
    name.endsWith(BACKUP_SUFFIX)
  );
}

/** `YYYY-MM-DDTHH-MM-SSZ` in UTC. */
export function backupTimestamp(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

/** The daemon's write format, byte for byte (PyYAML `safe_dump`, keys in fixed order). */
export function serializeEntries(entries: readonly PhrasebookEntry[]): string {
  return toDaemonYaml(entries);
}

export class PhrasebookStore {
  readonly phrasebookDir: string;
  readonly overridePath: string;
  readonly backupDir: string;
  readonly auditPath: string;
  readonly rotationKeep: number;

  constructor(
    readonly koraHome: string,
    backupCountRaw: string | undefined,
    private readonly now: () => number,
  ) {
    this.phrasebookDir = join(koraHome, 'phrasebook');
    this.overridePath = join(this.phrasebookDir, OVERRIDE_NAME);
    this.backupDir = join(this.phrasebookDir, 'backups');
    this.auditPath = join(koraHome, 'kora_audit_log.jsonl');
    this.rotationKeep = parseBackupCount(backupCountRaw);
  }

  hasOverride(): boolean {
    return existsSync(this.overridePath);
  }

  /** The live entries: the override when it loads cleanly, else the whole seed (§5.3). */
  loadLive(): PhrasebookEntry[] {
    if (!this.hasOverride()) return SEED_ENTRIES.map((entry) => ({ ...entry }));
    return loadOverride(readFileSync(this.overridePath, 'utf8')) ?? SEED_ENTRIES.map((entry) => ({ ...entry }));
  }

  /** Backup (if an override exists), atomic write, rotation. Returns what the PUT response reports. */
  write(entries: readonly PhrasebookEntry[]): { backupFilename: string | null; rotatedCount: number } {
    mkdirSync(this.phrasebookDir, { recursive: true });
    let backupFilename: string | null = null;
    if (this.hasOverride()) {
      mkdirSync(this.backupDir, { recursive: true });
      backupFilename = this.freeBackupName();
      const target = join(this.backupDir, backupFilename);
      copyFileSync(this.overridePath, target);
      const { atime, mtime } = statSync(this.overridePath);
      utimesSync(target, atime, mtime);
    }
    this.replaceOverride(serializeEntries(entries));
    return { backupFilename, rotatedCount: this.rotate() };
  }

  listBackups(): BackupItem[] {
    return this.backupNames()
      .sort()
      .reverse()
      .flatMap((filename) => {
        try {
          const path = join(this.backupDir, filename);
          const size = statSync(path).size;
          return [
            {
              filename,
              timestamp: filename.slice(BACKUP_PREFIX.length, -BACKUP_SUFFIX.length),
              size_bytes: size,
              entry_count: countEntries(readFileSync(path, 'utf8')),
            },
          ];
        } catch {
          return [];
        }
      });
  }

  revert(filename: string | undefined): RevertOutcome {
    const countBefore = this.loadLive().length;
    if (filename !== undefined) {
      if (!isAcceptableBackupName(filename)) return { kind: 'invalid_filename', filename };
      const path = join(this.backupDir, filename);
      if (!existsSync(path)) return { kind: 'not_found', filename };
      return this.restore(filename, countBefore);
    }
    const newest = this.backupNames().sort().reverse()[0];
    if (newest) return this.restore(newest, countBefore);
    if (this.hasOverride()) unlinkSync(this.overridePath);
    return {
      kind: 'ok',
      revertedTo: 'bundled_default',
      sourcePath: null,
      countBefore,
      countAfter: this.loadLive().length,
    };
  }

  appendAudit(details: Record<string, unknown>): void {
    mkdirSync(this.koraHome, { recursive: true });
    const row = { timestamp: new Date(this.now()).toISOString(), seam: 'phrasebook.updated', details };
    appendFileSync(this.auditPath, `${JSON.stringify(row)}\n`);
  }

  /** Removes override, backups and audit log (fake-daemon reset). */
  reset(): void {
    rmSync(this.phrasebookDir, { recursive: true, force: true });
    rmSync(this.auditPath, { force: true });
  }

  private restore(filename: string, countBefore: number): RevertOutcome {
    this.replaceOverride(readFileSync(join(this.backupDir, filename)));
    return {
      kind: 'ok',
      revertedTo: filename,
      sourcePath: this.overridePath,
      countBefore,
      countAfter: this.loadLive().length,
    };
  }

  private replaceOverride(content: string | Buffer): void {
    mkdirSync(this.phrasebookDir, { recursive: true });
    const temporary = `${this.overridePath}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, this.overridePath);
  }

  private freeBackupName(): string {
    const stamp = backupTimestamp(this.now());
    let name = `${BACKUP_PREFIX}${stamp}${BACKUP_SUFFIX}`;
    for (let counter = 1; existsSync(join(this.backupDir, name)); counter += 1)
      name = `${BACKUP_PREFIX}${stamp}-${counter}${BACKUP_SUFFIX}`;
    return name;
  }

  /** Sort ascending by name and keep the last `rotationKeep` (the lexical caveat is the daemon's). */
  private rotate(): number {
    const names = this.backupNames().sort();
    const excess = names.slice(0, Math.max(0, names.length - this.rotationKeep));
    for (const name of excess) rmSync(join(this.backupDir, name), { force: true });
    return excess.length;
  }

  private backupNames(): string[] {
    if (!existsSync(this.backupDir)) return [];
    return readdirSync(this.backupDir).filter(
      (name) =>
        name.startsWith(BACKUP_PREFIX) &&
        name.endsWith(BACKUP_SUFFIX) &&
        name.length > BACKUP_PREFIX.length + BACKUP_SUFFIX.length - 1,
    );
  }
}

function parseYaml(text: string): unknown {
  // PyYAML reads YAML 1.1 (yes/no are booleans, etc.).
  return parse(text, { version: '1.1' });
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function countEntries(text: string): number | null {
  try {
    const document = parseYaml(text);
    return isMapping(document) && Array.isArray(document.entries) ? document.entries.length : null;
  } catch {
    return null;
  }
}

/** The loader's tolerance (§5.3): any problem → undefined (the caller falls back to the seed). */
function loadOverride(text: string): PhrasebookEntry[] | undefined {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch {
    return undefined;
  }
  if (!isMapping(document) || !Array.isArray(document.entries)) return undefined;
  const entries: PhrasebookEntry[] = [];
  for (const item of document.entries) {
    if (!isMapping(item)) return undefined;
    const pattern = pythonText(item.pattern);
    const replyTemplate = pythonText(item.reply_template);
    if (!pattern || !replyTemplate || !compilesLikeDaemon(pattern)) return undefined;
    entries.push({
      pattern,
      category: pythonText(item.category) || UNCATEGORIZED,
      description: pythonText(item.description),
      reply_template: replyTemplate,
    });
  }
  return entries;
}

function pythonText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}
