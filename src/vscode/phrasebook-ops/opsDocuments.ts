// Read-only documents of scheme `kora-phrasebook`: the live phrasebook of a daemon (fetched when
// opened, refreshed after every write), versions from local history, and frozen texts (what live
// was at a given moment, for the push and revert diffs, so a diff shows exactly what was compared).
import * as vscode from 'vscode';
import type { LocalHistory } from '../../core/history/localHistory';
import { readLive, renderLiveDocument } from '../../core/phrasebook/ops/live';
import { LIVE_PHRASEBOOK_SCHEME } from '../constants';
import type { Logger } from '../log';
import { findDaemon, type DaemonAccess } from './daemonAccess';
import { SlotTexts, slotId } from './previewSlots';
import { errorText } from '../../core/text/errorText';

type OpsDocumentRef =
  | { kind: 'live'; daemonName: string }
  | { kind: 'frozen'; daemonName: string; id: string }
  | { kind: 'history'; daemonName: string; entriesHash: string };

const KIND = { live: 'live', frozen: 'frozen', history: 'history' } as const;
/** Frozen texts are only needed while their diff is open; keep the latest ones. */
const MAX_FROZEN_DOCUMENTS = 40;

const HASH_PREFIX = 'sha256:';

function buildUri(daemonName: string, kind: string, id: string | undefined, title: string): vscode.Uri {
  const segments = [encodeURIComponent(daemonName), kind, ...(id ? [id] : []), `${title.replace(/[\\/]/g, '-')}.yml`];
  return vscode.Uri.from({ scheme: LIVE_PHRASEBOOK_SCHEME, path: `/${segments.join('/')}` });
}

export function liveDocumentUri(daemonName: string): vscode.Uri {
  return buildUri(daemonName, KIND.live, undefined, `${daemonName} · live phrasebook`);
}

export function historyDocumentUri(daemonName: string, entriesHash: string, title: string): vscode.Uri {
  return buildUri(daemonName, KIND.history, entriesHash.replace(HASH_PREFIX, ''), title);
}

function parseUri(uri: vscode.Uri): OpsDocumentRef | undefined {
  const [daemonPart, kind, id] = uri.path.split('/').slice(1);
  if (!daemonPart || !kind) return undefined;
  const daemonName = decodeURIComponent(daemonPart);
  if (kind === KIND.live) return { kind, daemonName };
  if (kind === KIND.frozen && id) return { kind, daemonName, id };
  if (kind === KIND.history && id) return { kind, daemonName, entriesHash: `${HASH_PREFIX}${id}` };
  return undefined;
}

export class OpsDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly frozen = new SlotTexts(MAX_FROZEN_DOCUMENTS);

  constructor(
    private readonly daemons: DaemonAccess,
    private readonly history: LocalHistory,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Registers a text under a read-only URI; its title is the tab/diff side name. One URI per daemon
   * and title: the next push or revert preview replaces the text of the same document (an open tab
   * shows the new text) instead of opening another tab.
   */
  freeze(daemonName: string, title: string, text: string): vscode.Uri {
    const id = slotId(daemonName, title);
    this.frozen.set(id, text);
    const uri = buildUri(daemonName, KIND.frozen, id, title);
    this.changed.fire(uri);
    return uri;
  }

  /** Re-fetches every open live document of this daemon (after a write). */
  refreshLive(daemonName: string): void {
    for (const document of vscode.workspace.textDocuments) {
      const ref = document.uri.scheme === LIVE_PHRASEBOOK_SCHEME ? parseUri(document.uri) : undefined;
      if (ref?.kind === KIND.live && ref.daemonName === daemonName) this.changed.fire(document.uri);
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = parseUri(uri);
    if (!ref) return `# Not a Kora phrasebook address: ${uri.toString()}\n`;
    switch (ref.kind) {
      case KIND.frozen:
        return this.frozen.get(ref.id) ?? '# This snapshot is no longer kept; run the operation again to see it.\n';
      case KIND.history:
        return this.historyText(ref.daemonName, ref.entriesHash);
      case KIND.live:
        return this.liveText(ref.daemonName);
    }
  }

  private async liveText(daemonName: string): Promise<string> {
    const daemon = findDaemon(this.daemons, daemonName);
    if (!daemon) return `# No configured daemon is named "${daemonName}".\n`;
    try {
      return renderLiveDocument(await readLive(daemon.client), daemon.name, this.now());
    } catch (error) {
      const message = errorText(error);
      this.log.warn(`live phrasebook of ${daemon.name} unavailable: ${message}`);
      return `# The live phrasebook of daemon "${daemon.name}" could not be read: ${message}\n`;
    }
  }

  private async historyText(daemonName: string, entriesHash: string): Promise<string> {
    const daemon = findDaemon(this.daemons, daemonName);
    const record = daemon && (await this.history.findByHash(daemon.key, entriesHash));
    return record ? record.yaml : '# This version is no longer in local history.\n';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
