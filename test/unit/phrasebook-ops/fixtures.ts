// Shared set-up for the phrasebook-ops unit tests: a real fake daemon on 127.0.0.1:0, a real client,
// entry builders and hooks that answer like an operator would.
import { KoraClient, type KoraClientOptions } from '../../../src/core/daemon/client';
import type { PhrasebookEntryWrite } from '../../../src/core/daemon/schemas';
import { toDaemonYaml } from '../../../src/core/phrasebook/ops/writeFormat';
import type { PushHooks } from '../../../src/core/phrasebook/ops/push';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { startFakeDaemon, type FakeDaemon, type FakeDaemonOptions } from '../../fake-daemon/server';

export const PHRASEBOOK_PATH = '/api/phrasebook/slack_dm';
export const BACKUP_NAME = /^slack_dm\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d+)?\.yml$/;

export interface Harness {
  daemon: FakeDaemon;
  client: KoraClient;
  close(): Promise<void>;
}

export async function startHarness(
  options: FakeDaemonOptions = {},
  clientOptions: KoraClientOptions = {},
): Promise<Harness> {
  const daemon = await startFakeDaemon(options);
  const client = new KoraClient({ name: 'alpha', url: daemon.url }, clientOptions);
  return {
    daemon,
    client,
    async close() {
      await client.dispose();
      await daemon.close();
    },
  };
}

export function entry(category: string, pattern = `^${category}$`, reply = `About ${category}.`): PhrasebookEntryWrite {
  return { pattern, category, description: `The ${category} entry`, reply_template: reply };
}

/** The seed plus `extra` entries: a typical edit of a pulled file. */
export function seedPlus(...extra: PhrasebookEntryWrite[]): PhrasebookEntryWrite[] {
  return [...SEED_ENTRIES.map((item) => ({ ...item })), ...extra];
}

export function yamlOf(entries: readonly PhrasebookEntryWrite[]): string {
  return toDaemonYaml(entries);
}

/** Requests the daemon received for a method and path. */
export function requests(daemon: FakeDaemon, method: string, path = PHRASEBOOK_PATH) {
  return daemon.requestLog.filter((request) => request.method === method && request.path === path);
}

/** Hooks of an operator who confirms everything and records what was asked. */
export function confirmingHooks(
  overrides: Partial<PushHooks> = {},
): PushHooks & { conflicts: number; confirmations: number } {
  const hooks = {
    conflicts: 0,
    confirmations: 0,
    async onConflict() {
      hooks.conflicts += 1;
      return true;
    },
    async confirm() {
      hooks.confirmations += 1;
      return true;
    },
    ...overrides,
  };
  return hooks;
}
