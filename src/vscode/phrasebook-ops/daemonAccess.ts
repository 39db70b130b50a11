// Which daemons the phrasebook operations can talk to, and how one is chosen. A narrow view of the
// daemon registry, so the operations depend on "a named client", not on how clients are built.
import type * as vscode from 'vscode';
import type { PhrasebookOpsClient } from '../../core/phrasebook/ops/client';
import type { Prompter } from './prompter';
import { displayUrl } from '../../core/text/displayUrl';

export interface OpsDaemon {
  name: string;
  url: string;
  /** Key of local history and bases (the URL, not the renamable name). */
  key: string;
  client: PhrasebookOpsClient;
}

export interface DaemonAccess {
  list(): OpsDaemon[];
  /** Fires when daemons are added, removed or reconfigured. */
  readonly onDidChange: vscode.Event<void>;
}

export function findDaemon(access: DaemonAccess, name: string): OpsDaemon | undefined {
  return access.list().find((daemon) => daemon.name === name);
}

/**
 * The daemon an operation targets: the one named, the only one configured, or the operator's
 * pick (daemons in `preferredKeys`, e.g. those the file was pulled from, listed first).
 */
export async function chooseDaemon(
  access: DaemonAccess,
  prompter: Prompter,
  purpose: string,
  options: { name?: string; preferredKeys?: readonly string[] } = {},
): Promise<OpsDaemon | undefined> {
  const daemons = access.list();
  if (options.name !== undefined) {
    const named = daemons.find((daemon) => daemon.name === options.name);
    if (!named) throw new Error(`no configured daemon is named "${options.name}"`);
    return named;
  }
  if (daemons.length === 0) throw new Error('no Kora daemon is configured (setting "kora.daemons")');
  if (daemons.length === 1) return daemons[0];
  const preferred = new Set(options.preferredKeys ?? []);
  const ordered = [...daemons.filter((d) => preferred.has(d.key)), ...daemons.filter((d) => !preferred.has(d.key))];
  const chosen = await prompter.pick(
    ordered.map((daemon) => ({ label: daemon.name, description: displayUrl(daemon.url), detail: preferred.has(daemon.key) ? 'this file was pulled from or pushed to it' : undefined, daemon })),
    { title: purpose, placeholder: 'Which Kora daemon?' },
  );
  return chosen?.daemon;
}
