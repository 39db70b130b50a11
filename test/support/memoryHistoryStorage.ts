import type { HistoryStorage } from '../../src/core/history/localHistory';

/** History kept in a map, for the unit tests (the extension stores it in globalState). */
export class MemoryHistoryStorage implements HistoryStorage {
  readonly blobs = new Map<string, string>();

  async read(daemonKey: string): Promise<string | undefined> {
    return this.blobs.get(daemonKey);
  }

  async write(daemonKey: string, text: string): Promise<void> {
    this.blobs.set(daemonKey, text);
  }
}
