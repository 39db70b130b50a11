// The configured daemons and one KoraClient each. Clients are kept while a daemon's settings are
// unchanged (the poller keeps its learned cadence, the client its token), rebuilt when they
// change, and disposed once. Tokens come from SecretStorage on demand, never from settings.
import * as vscode from 'vscode';
import { KoraClient } from '../core/daemon/client';
import type { DaemonSetting, DaemonSettingProblem, KoraConfig } from './config';
import type { Logger } from './log';
import type { TokenStore } from './secrets';
import { displayUrl } from '../core/text/displayUrl';

export interface RegisteredDaemon {
  readonly name: string;
  readonly url: string;
  readonly setting: DaemonSetting;
  readonly client: KoraClient;
}

export class DaemonRegistry implements vscode.Disposable {
  private entries: RegisteredDaemon[] = [];
  private settingProblems: DaemonSettingProblem[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly credentialsChanged = new vscode.EventEmitter<readonly RegisteredDaemon[]>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Fires after daemons were added, removed or reconfigured. */
  readonly onDidChange = this.changed.event;
  /** Fires after a token of these daemons was stored or cleared (their cached token is dropped). */
  readonly onDidChangeCredentials = this.credentialsChanged.event;

  constructor(
    private readonly tokens: TokenStore,
    private readonly log: Logger,
    private readonly config: KoraConfig,
  ) {
    this.reload();
    this.subscriptions.push(
      config.onDidChange((change) => {
        if (change.affects('daemons')) this.reload();
      }),
      tokens.onDidChange(({ daemonUrl }) => this.onTokenChanged(daemonUrl)),
    );
  }

  list(): readonly RegisteredDaemon[] {
    return this.entries;
  }

  get(name: string): RegisteredDaemon | undefined {
    return this.entries.find((entry) => entry.name === name);
  }

  /** Entries of `kora.daemons` that were skipped, with the reason. */
  get problems(): readonly DaemonSettingProblem[] {
    return this.settingProblems;
  }

  private reload(): void {
    const { daemons, problems } = this.config.daemons();
    this.settingProblems = problems;
    for (const problem of problems) this.log.warn(`setting kora.daemons: ${problem.message}`);
    const previous = this.entries;
    this.entries = daemons.map(
      (setting) => previous.find((entry) => sameSetting(entry.setting, setting)) ?? this.create(setting),
    );
    const removed = previous.filter((entry) => !this.entries.includes(entry));
    if (previous.length > 0 || this.entries.length > 0) {
      this.log.info(
        `daemons: ${this.entries.map((entry) => `${entry.name} (${displayUrl(entry.url)})`).join(', ') || 'none'}`,
      );
    }
    // Listeners switch to the new clients first, so no poll is left on a closed one.
    const listChanged =
      previous.length !== this.entries.length || this.entries.some((entry, index) => entry !== previous[index]);
    if (listChanged) this.changed.fire();
    for (const entry of removed) this.disposeClient(entry);
  }

  private create(setting: DaemonSetting): RegisteredDaemon {
    const { url } = setting;
    const client = new KoraClient(
      { name: setting.name, url, allowInsecureHttp: setting.allowInsecureHttp },
      {
        sessionTokens: { getStoredSessionToken: () => this.tokens.get('session', url) },
        mcpTokens: { getMcpToken: () => this.tokens.get('mcp', url) },
      },
    );
    return { name: setting.name, url, setting, client };
  }

  private onTokenChanged(daemonUrl: string): void {
    const origin = originOf(daemonUrl);
    const affected = this.entries.filter((entry) => originOf(entry.url) === origin);
    for (const entry of affected) entry.client.forgetSessionToken();
    if (affected.length > 0) this.credentialsChanged.fire(affected);
  }

  private disposeClient(entry: RegisteredDaemon): void {
    entry.client
      .dispose()
      .catch((error: unknown) => this.log.warn(`closing the connection to ${entry.name} failed: ${String(error)}`));
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    for (const entry of this.entries.splice(0)) this.disposeClient(entry);
    this.changed.dispose();
    this.credentialsChanged.dispose();
  }
}

function sameSetting(a: DaemonSetting, b: DaemonSetting): boolean {
  return a.name === b.name && a.url === b.url && a.allowInsecureHttp === b.allowInsecureHttp;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
