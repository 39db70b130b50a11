// Every `kora.*` setting but the daemon list: its default, its bounds, and how a raw value from
// settings.json becomes a typed one. Pure (no `vscode`), so a unit test holds it to the manifest.
import type { Severity } from '../core/findings';
import { DEFAULT_PYTHON_VERSION, PYTHON_VERSIONS, type PythonVersion } from '../core/pyre/pythonVersion';
import { SETTING } from './constants';

export type SeverityOverride = Severity | 'off';

export interface DaemonSetting {
  name: string;
  url: string;
  allowInsecureHttp: boolean;
}

/** `kora.daemons` when nothing usable is set (the manifest's default). */
export const DEFAULT_DAEMONS: readonly DaemonSetting[] = [
  { name: 'local', url: 'http://127.0.0.1:9119', allowInsecureHttp: false },
];

/** The typed value of each setting, by its name in SETTING. */
export interface KoraSettings {
  pollingMinIntervalSeconds: number;
  pollingMaxBackoffSeconds: number;
  notifyOnUnhealthy: boolean;
  statusBarEnabled: boolean;
  phrasebookFiles: readonly string[];
  deepAnalysisEnabled: boolean;
  deepAnalysisTimeBudgetMs: number;
  phrasebookSeverity: Readonly<Record<string, SeverityOverride>>;
  pythonVersion: PythonVersion;
  historyMaxEntriesPerDaemon: number;
}

export type SettingName = keyof KoraSettings;

interface SettingSpec<T> {
  readonly default: T;
  /** The manifest's minimum, applied again in case settings.json holds something smaller. */
  readonly minimum?: number;
  /** The value, or undefined when `raw` is not one (the default applies). */
  coerce(raw: unknown): T | undefined;
}

const SEVERITY_OVERRIDES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

function number(defaultValue: number, minimum: number): SettingSpec<number> {
  return {
    default: defaultValue,
    minimum,
    coerce: (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? Math.max(minimum, raw) : undefined),
  };
}

function boolean(defaultValue: boolean): SettingSpec<boolean> {
  return { default: defaultValue, coerce: (raw) => (typeof raw === 'boolean' ? raw : undefined) };
}

export const SETTING_TABLE: { readonly [K in SettingName]: SettingSpec<KoraSettings[K]> } = {
  pollingMinIntervalSeconds: number(15, 5),
  pollingMaxBackoffSeconds: number(300, 10),
  notifyOnUnhealthy: boolean(false),
  statusBarEnabled: boolean(true),
  phrasebookFiles: {
    default: ['**/phrasebook/**/*.{yml,yaml}', '**/slack_dm*.{yml,yaml}'],
    coerce: (raw) => (Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string') : undefined),
  },
  deepAnalysisEnabled: boolean(true),
  deepAnalysisTimeBudgetMs: number(2000, 100),
  phrasebookSeverity: {
    default: {},
    coerce: (raw) => {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
      const overrides: Record<string, SeverityOverride> = {};
      for (const [code, severity] of Object.entries(raw)) {
        if (typeof severity === 'string' && SEVERITY_OVERRIDES.has(severity))
          overrides[code] = severity as SeverityOverride;
      }
      return overrides;
    },
  },
  pythonVersion: {
    default: DEFAULT_PYTHON_VERSION,
    coerce: (raw) => PYTHON_VERSIONS.find((version) => version === raw),
  },
  historyMaxEntriesPerDaemon: number(50, 1),
};

/** The typed value of a setting from what settings.json holds (undefined: not set). */
export function settingValue<K extends SettingName>(name: K, raw: unknown): KoraSettings[K] {
  const spec: SettingSpec<KoraSettings[K]> = SETTING_TABLE[name];
  return spec.coerce(raw) ?? spec.default;
}

/** The setting's key under the `kora` section (e.g. `polling.minIntervalSeconds`). */
export function settingKey(name: SettingName): string {
  return SETTING[name];
}
