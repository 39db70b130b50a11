// What a workspace file was based on, per daemon: the live content it was pulled from (or last
// pushed as). Push compares it with live to detect a colleague's change. Kept in workspaceState,
// because a base only means something for this workspace's file.
import type * as vscode from 'vscode';

export interface PhrasebookBase {
  /** `sha256:<hex>` of the live entries at pull/push time. */
  hash: string;
  /** That live content in write format, so a conflict can show what changed since. */
  yaml: string;
  daemonName: string;
  savedAt: string;
}

type BaseTable = Record<string, Record<string, PhrasebookBase>>;

const STATE_KEY = 'kora.phrasebookBases';

export class PhrasebookBases {
  constructor(private readonly state: vscode.Memento) {}

  get(file: vscode.Uri, daemonKey: string): PhrasebookBase | undefined {
    return this.table()[file.toString()]?.[daemonKey];
  }

  /** The daemons this file has a base for (to preselect the daemon of a push). */
  daemonKeysOf(file: vscode.Uri): string[] {
    return Object.keys(this.table()[file.toString()] ?? {});
  }

  async set(file: vscode.Uri, daemonKey: string, base: PhrasebookBase): Promise<void> {
    const table = this.table();
    table[file.toString()] = { ...table[file.toString()], [daemonKey]: base };
    await this.state.update(STATE_KEY, table);
  }

  private table(): BaseTable {
    const stored = this.state.get<BaseTable>(STATE_KEY);
    return stored && typeof stored === 'object' ? { ...stored } : {};
  }
}
