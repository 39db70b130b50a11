// Verdicts kept on disk between runs, keyed by (analyser version, flags, pattern): a CLI run in CI
// or a restarted editor answers known patterns without starting a checker. One small JSON file,
// read once, written atomically (temporary file + rename) after changes settle and on dispose.
// Only definite verdicts are kept: "inconclusive" depends on the time budget and the machine's load.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { version as recheckVersion } from 'recheck/package.json';
import type { RedosVerdict } from './verdict';
import { errorText } from '../text/errorText';

/** Bump when the analysis changes meaning (what is analysed, how verdicts are derived). */
const ANALYSIS_REVISION = 3;
export const CACHE_FILE_NAME = 'redos-verdicts.json';
const MAX_STORED_VERDICTS = 20_000;
const WRITE_DELAY_MS = 1000;

export interface VerdictStore {
  get(flags: string, source: string): RedosVerdict | undefined;
  set(flags: string, source: string, verdict: RedosVerdict): void;
  /** Writes pending changes now (synchronously). */
  flush(): void;
}

export function analyserVersion(backend: string): string {
  return `kora-redos-${ANALYSIS_REVISION}/recheck-${recheckVersion}/${backend}`;
}

function isStorable(verdict: RedosVerdict): boolean {
  return verdict.status === 'safe' || verdict.status === 'vulnerable' || verdict.status === 'unsupported';
}

export class FileVerdictStore implements VerdictStore {
  private entries: Map<string, RedosVerdict> | undefined;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly file: string;

  /** `onError` hears about unreadable or unwritable cache files; the analysis goes on without. */
  constructor(
    private readonly directory: string,
    private readonly version: string,
    private readonly onError: (message: string) => void = () => undefined,
  ) {
    this.file = join(directory, CACHE_FILE_NAME);
  }

  get(flags: string, source: string): RedosVerdict | undefined {
    return this.load().get(this.key(flags, source));
  }

  set(flags: string, source: string, verdict: RedosVerdict): void {
    if (!isStorable(verdict)) return;
    const entries = this.load();
    const key = this.key(flags, source);
    entries.delete(key); // re-insert: the oldest entries are the ones dropped at the cap
    entries.set(key, verdict);
    while (entries.size > MAX_STORED_VERDICTS) entries.delete(entries.keys().next().value as string);
    this.dirty = true;
    this.timer ??= setTimeout(() => this.flush(), WRITE_DELAY_MS).unref();
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty || this.entries === undefined) return;
    this.dirty = false;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.directory, { recursive: true });
      writeFileSync(temporary, JSON.stringify({ version: this.version, verdicts: Object.fromEntries(this.entries) }));
      renameSync(temporary, this.file);
    } catch (error) {
      this.onError(`could not write the ReDoS verdict cache ${this.file}: ${errorText(error)}`);
    }
  }

  private key(flags: string, source: string): string {
    return createHash('sha256').update(`${this.version}\u0000${flags}\u0000${source}`).digest('base64url');
  }

  private load(): Map<string, RedosVerdict> {
    if (this.entries !== undefined) return this.entries;
    this.entries = new Map();
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return this.entries; // no cache yet
    }
    try {
      const parsed = JSON.parse(text) as { version?: unknown; verdicts?: Record<string, RedosVerdict> };
      // Another analyser version's verdicts are not ours to reuse; the file is rewritten on change.
      if (parsed.version !== this.version || typeof parsed.verdicts !== 'object' || parsed.verdicts === null)
        return this.entries;
      for (const [key, verdict] of Object.entries(parsed.verdicts)) {
        if (
          typeof verdict === 'object' &&
          verdict !== null &&
          typeof verdict.status === 'string' &&
          isStorable(verdict)
        )
          this.entries.set(key, verdict);
      }
    } catch {
      this.onError(`ignoring the unreadable ReDoS verdict cache ${this.file}`);
    }
    return this.entries;
  }
}
