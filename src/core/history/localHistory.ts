import { errorText } from '../text/errorText';
// Local history of phrasebook versions per daemon. The daemon keeps backups of what a PUT replaced
// but cannot serve their content (contract §3.5), and a revert backs up nothing (§3.4); the
// extension, however, has seen that content (pulled it, pushed over it, reverted away from it).
// This store keeps it, bounded, so a backup can still be compared and restored by pushing.
//
// Storage is injected: the extension backs it with its global storage folder, tests with memory.

/** Where records persist: one opaque text blob per daemon key. */
export interface HistoryStorage {
  read(daemonKey: string): Promise<string | undefined>;
  write(daemonKey: string, text: string): Promise<void>;
}

/** Why a version was kept; shown to the operator. */
export type HistoryReason = 'pulled' | 'pushed-over' | 'reverted-away' | 'pushed' | 'reverted-to';

export const HISTORY_REASON_LABEL: Record<HistoryReason, string> = {
  pulled: 'pulled from the daemon',
  'pushed-over': 'replaced by a push',
  'reverted-away': 'replaced by a revert',
  pushed: 'pushed to the daemon',
  'reverted-to': 'restored by a revert',
};

export interface HistoryRecord {
  /** `sha256:<hex>` of the canonical entries; one record per distinct content per daemon. */
  entriesHash: string;
  entryCount: number;
  /** The content in the daemon's write format. */
  yaml: string;
  reason: HistoryReason;
  /** ISO time of the last time this content was kept. */
  savedAt: string;
  /** Daemon backup files known to hold this content (from PUT responses that matched). */
  backupFilenames: string[];
}

export interface HistoryInput {
  entriesHash: string;
  entryCount: number;
  yaml: string;
  reason: HistoryReason;
  backupFilename?: string | null;
}

export interface LocalHistoryOptions {
  /** Read on every write so a settings change applies at once. */
  maxEntriesPerDaemon: () => number;
  now?: () => Date;
  /** Told when a stored blob cannot be read back (it is then replaced, not fatal). */
  onCorrupt?: (daemonKey: string, reason: string) => void;
}

interface StoredHistory {
  version: 1;
  records: HistoryRecord[];
}

const STORAGE_VERSION = 1;

export class LocalHistory {
  /** Writes for one daemon are chained so two concurrent records cannot lose each other. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(
    private readonly storage: HistoryStorage,
    private readonly options: LocalHistoryOptions,
  ) {}

  /** Newest first. */
  async list(daemonKey: string): Promise<HistoryRecord[]> {
    await this.pending.get(daemonKey);
    return this.load(daemonKey);
  }

  async findByHash(daemonKey: string, entriesHash: string): Promise<HistoryRecord | undefined> {
    return (await this.list(daemonKey)).find((record) => record.entriesHash === entriesHash);
  }

  async findByBackup(daemonKey: string, backupFilename: string): Promise<HistoryRecord | undefined> {
    return (await this.list(daemonKey)).find((record) => record.backupFilenames.includes(backupFilename));
  }

  /**
   * Keeps a version. The same content kept again becomes the newest record (one per content), and
   * gains the backup file name when one is given. Returns the stored record.
   */
  record(daemonKey: string, input: HistoryInput): Promise<HistoryRecord> {
    return this.mutate(daemonKey, (records) => {
      const existing = records.find((record) => record.entriesHash === input.entriesHash);
      const backupFilenames = [...(existing?.backupFilenames ?? [])];
      if (input.backupFilename && !backupFilenames.includes(input.backupFilename)) {
        backupFilenames.push(input.backupFilename);
      }
      const record: HistoryRecord = {
        entriesHash: input.entriesHash,
        entryCount: input.entryCount,
        yaml: input.yaml,
        reason: input.reason,
        savedAt: (this.options.now?.() ?? new Date()).toISOString(),
        backupFilenames,
      };
      const others = records.filter((item) => item.entriesHash !== input.entriesHash);
      return { records: [record, ...others], result: record };
    });
  }

  /** Ties an already kept content to a daemon backup file; false when that content is not kept. */
  attachBackup(daemonKey: string, entriesHash: string, backupFilename: string): Promise<boolean> {
    return this.mutate(daemonKey, (records) => {
      const record = records.find((item) => item.entriesHash === entriesHash);
      if (!record) return { records, result: false };
      if (!record.backupFilenames.includes(backupFilename)) record.backupFilenames.push(backupFilename);
      return { records, result: true };
    });
  }

  private mutate<T>(
    daemonKey: string,
    change: (records: HistoryRecord[]) => { records: HistoryRecord[]; result: T },
  ): Promise<T> {
    const previous = this.pending.get(daemonKey) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const { records, result } = change(await this.load(daemonKey));
        const bounded = records.slice(0, this.limit());
        const stored: StoredHistory = { version: STORAGE_VERSION, records: bounded };
        await this.storage.write(daemonKey, JSON.stringify(stored));
        return result;
      });
    this.pending.set(daemonKey, next);
    return next;
  }

  private limit(): number {
    const configured = Math.floor(this.options.maxEntriesPerDaemon());
    return Number.isFinite(configured) && configured >= 1 ? configured : 1;
  }

  private async load(daemonKey: string): Promise<HistoryRecord[]> {
    const text = await this.storage.read(daemonKey);
    if (text === undefined) return [];
    try {
      const parsed = JSON.parse(text) as Partial<StoredHistory>;
      if (parsed.version !== STORAGE_VERSION || !Array.isArray(parsed.records)) throw new Error('unknown format');
      return parsed.records.filter(isHistoryRecord);
    } catch (error) {
      this.options.onCorrupt?.(daemonKey, errorText(error));
      return [];
    }
  }
}

function isHistoryRecord(value: unknown): value is HistoryRecord {
  const record = value as Partial<HistoryRecord> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.entriesHash === 'string' &&
    typeof record.entryCount === 'number' &&
    typeof record.yaml === 'string' &&
    typeof record.savedAt === 'string' &&
    typeof record.reason === 'string' &&
    Array.isArray(record.backupFilenames)
  );
}
