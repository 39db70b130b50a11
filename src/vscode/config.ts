// Typed access to the `kora.*` settings. Nothing else calls getConfiguration('kora').
import * as vscode from 'vscode';
import type { DaemonSetting } from './settingsTable';
import { SETTING } from './constants';
import { displayUrl } from '../core/text/displayUrl';
import { DEFAULT_DAEMONS, settingKey, settingValue, type KoraSettings, type SettingName } from './settingsTable';

export type { KoraSettings, SettingName, SeverityOverride } from './settingsTable';

export type { DaemonSetting } from './settingsTable';

export interface DaemonSettingProblem {
  index: number;
  message: string;
}

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTING.section);
}

/**
 * The configured daemons. Only user (machine) values count: a workspace's settings.json must not
 * be able to point the extension, and so the session token, at another host.
 */
function readDaemons(): { daemons: DaemonSetting[]; problems: DaemonSettingProblem[] } {
  const inspected = section().inspect<unknown>(SETTING.daemons);
  const raw = inspected?.globalValue ?? inspected?.defaultValue ?? DEFAULT_DAEMONS;
  const daemons: DaemonSetting[] = [];
  const problems: DaemonSettingProblem[] = [];
  if (!Array.isArray(raw)) return { daemons: [], problems: [{ index: -1, message: '"kora.daemons" must be a list' }] };
  const seenNames = new Set<string>();
  raw.forEach((item: unknown, index) => {
    const entry = (item ?? {}) as Record<string, unknown>;
    const url = typeof entry.url === 'string' ? entry.url.trim().replace(/\/+$/, '') : '';
    let name = typeof entry.name === 'string' && entry.name.trim() ? entry.name.trim() : '';
    if (!url) return problems.push({ index, message: `daemon #${index + 1} has no "url"` });
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return problems.push({ index, message: `daemon #${index + 1}: only http and https URLs are supported` });
      }
    } catch {
      return problems.push({ index, message: `daemon #${index + 1}: "${displayUrl(url)}" is not a valid URL` });
    }
    if (!name) name = new URL(url).host;
    if (seenNames.has(name)) name = `${name} (${index + 1})`;
    seenNames.add(name);
    daemons.push({ name, url, allowInsecureHttp: entry.allowInsecureHttp === true });
  });
  return { daemons, problems };
}

/** A change of `kora.*` settings, as the one change event of KoraConfig reports it. */
export interface SettingsChange {
  /** True when the change touches one of these settings. */
  affects(...names: (SettingName | typeof SETTING.daemons)[]): boolean;
}

/**
 * Typed access to the `kora.*` settings with one change event that features subscribe to (rather
 * than each listening to every configuration change of the window). Defaults live in SETTING_TABLE.
 */
export class KoraConfig implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SettingsChange>();
  private readonly listener: vscode.Disposable;
  /** Fires after any `kora.*` setting changed; listeners ask `affects` about the ones they use. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTING.section)) return;
      this.changed.fire({
        affects: (...names) => names.some((name) => event.affectsConfiguration(`${SETTING.section}.${SETTING[name]}`)),
      });
    });
  }

  get<K extends SettingName>(name: K): KoraSettings[K] {
    return settingValue(name, section().get<unknown>(settingKey(name)));
  }

  /** The configured daemons (machine values only) and the entries that were skipped. */
  daemons(): { daemons: DaemonSetting[]; problems: DaemonSettingProblem[] } {
    return readDaemons();
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}

export async function openDaemonSettings(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', `${SETTING.section}.${SETTING.daemons}`);
}
