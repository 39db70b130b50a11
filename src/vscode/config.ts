// Typed access to the `kora.*` settings. Nothing else calls getConfiguration('kora').
import * as vscode from 'vscode';
import { SETTING } from './constants';
import type { Severity } from '../core/findings';
import { DEFAULT_PYTHON_VERSION, parsePythonVersion, type PythonVersion } from '../core/pyre';
import { displayUrl } from '../core/text/displayUrl';

export interface DaemonSetting {
  name: string;
  url: string;
  allowInsecureHttp: boolean;
}

export interface DaemonSettingProblem {
  index: number;
  message: string;
}

export type SeverityOverride = Severity | 'off';

const DEFAULT_DAEMONS: DaemonSetting[] = [{ name: 'local', url: 'http://127.0.0.1:9119', allowInsecureHttp: false }];

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTING.section);
}

/**
 * The configured daemons. Only user (machine) values count: a workspace's settings.json must not
 * be able to point the extension, and so the session token, at another host.
 */
export function readDaemons(): { daemons: DaemonSetting[]; problems: DaemonSettingProblem[] } {
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

export function readNumber(key: string, fallback: number): number {
  const value = section().get<number>(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function readBoolean(key: string, fallback: boolean): boolean {
  const value = section().get<boolean>(key);
  return typeof value === 'boolean' ? value : fallback;
}

export function readStringList(key: string): string[] {
  const value = section().get<unknown>(key);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function readSeverityOverrides(): Record<string, SeverityOverride> {
  const value = section().get<Record<string, unknown>>(SETTING.phrasebookSeverity) ?? {};
  const allowed = new Set(['error', 'warning', 'information', 'hint', 'off']);
  const overrides: Record<string, SeverityOverride> = {};
  for (const [code, severity] of Object.entries(value)) {
    if (typeof severity === 'string' && allowed.has(severity)) overrides[code] = severity as SeverityOverride;
  }
  return overrides;
}

/** The daemon's CPython (`kora.pythonVersion`); the default for anything unrecognised. */
export function readPythonVersion(): PythonVersion {
  const value = section().get<unknown>(SETTING.pythonVersion);
  return (typeof value === 'string' && parsePythonVersion(value)) || DEFAULT_PYTHON_VERSION;
}

/** True when a configuration change touches one of the given `kora.*` keys. */
export function affects(event: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  return keys.some((key) => event.affectsConfiguration(`${SETTING.section}.${key}`));
}

export async function openDaemonSettings(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', `${SETTING.section}.${SETTING.daemons}`);
}
