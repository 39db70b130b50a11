// Local history on disk: one JSON file per daemon in the extension's global storage folder, named by
// a hash of the daemon key (a URL is not a file name).
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { LocalHistory, type HistoryStorage } from '../../core/history/localHistory';
import type { KoraConfig } from '../config';
import type { Logger } from '../log';

const HISTORY_FOLDER = 'phrasebook-history';
const FILE_NAME_HASH_CHARS = 24;

export class GlobalStorageHistory implements HistoryStorage {
  private readonly folder: vscode.Uri;

  constructor(globalStorage: vscode.Uri) {
    this.folder = vscode.Uri.joinPath(globalStorage, HISTORY_FOLDER);
  }

  async read(daemonKey: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(this.fileOf(daemonKey)));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  }

  async write(daemonKey: string, text: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    await vscode.workspace.fs.writeFile(this.fileOf(daemonKey), new TextEncoder().encode(text));
  }

  private fileOf(daemonKey: string): vscode.Uri {
    const name = createHash('sha256').update(daemonKey).digest('hex').slice(0, FILE_NAME_HASH_CHARS);
    return vscode.Uri.joinPath(this.folder, `${name}.json`);
  }
}

/** Local history in the extension's global storage, bounded by `kora.history.maxEntriesPerDaemon`. */
export function createLocalHistory(globalStorage: vscode.Uri, config: KoraConfig, log: Logger): LocalHistory {
  return new LocalHistory(new GlobalStorageHistory(globalStorage), {
    maxEntriesPerDaemon: () => config.get('historyMaxEntriesPerDaemon'),
    onCorrupt: (key, reason) => log.warn(`local history of ${key} was unreadable (${reason}); starting afresh`),
  });
}
