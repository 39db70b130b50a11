// `{snapshot.<path>}` placeholders: the daemon's regex, its 25-path allow-list (contract §4.5) and
// what each path holds at run time (§6), for completion, hover and the "always falls through" lints.

/** `\{snapshot\.([a-zA-Z0-9_.]+)\}` — shared by the daemon's viewer, validator and renderer. */
export const PLACEHOLDER_REGEX_SOURCE = String.raw`\{snapshot\.([a-zA-Z0-9_.]+)\}`;
export const PLACEHOLDER_PREFIX = '{snapshot.';

/** A run-time caveat that makes a reply fall through or render surprisingly. */
export type PlaceholderCaveat = 'always-unknown' | 'null-unless-paused' | 'boolean' | 'upper-case-enum';

export interface PlaceholderInfo {
  path: string;
  /** Python type(s) of the value in snapshot schema v4. */
  type: string;
  meaning: string;
  caveat?: PlaceholderCaveat;
  /** One sentence for hovers about the caveat. */
  caveatText?: string;
}

const ALWAYS_UNKNOWN_TEXT =
  'Always "unknown" in snapshot schema v4, so a reply that uses it always falls through to the reasoning engine.';
const HEALTH_VALUES = '`healthy`, `degraded`, `unhealthy` or `unknown`';

function info(
  path: string,
  type: string,
  meaning: string,
  caveat?: PlaceholderCaveat,
  caveatText?: string,
): PlaceholderInfo {
  return caveat ? { path, type, meaning, caveat, caveatText } : { path, type, meaning };
}

function serviceHealth(service: string, label: string): PlaceholderInfo {
  return info(`service_health.${service}`, 'str', `${label} health: ${HEALTH_VALUES}.`);
}

/** The daemon's `SNAPSHOT_SCALAR_PATHS`, in its order, with what each path holds. */
export const PLACEHOLDER_CATALOG: readonly PlaceholderInfo[] = [
  info(
    'operational_state.primary',
    'str',
    'Primary state: `booting`, `ready`, `active`, `paused`, `stopped` or `unknown`.',
  ),
  info(
    'operational_state.paused',
    'bool',
    'Whether the daemon is paused.',
    'boolean',
    'Renders Python-style as `True` or `False`.',
  ),
  info(
    'operational_state.pause_reason',
    'str | None',
    'When paused, the alphabetically first degradation reason (`auth`, `cost`, `dispatch`, `migration`, `operator`, `retry_ceiling`, `substrate`, `token_expiring`).',
    'null-unless-paused',
    'Null unless the daemon is paused, so the reply falls through to the reasoning engine whenever it is not paused.',
  ),
  info('alerts.active_count', 'int', 'Number of active alerts.'),
  info('alerts.by_severity.critical', 'int', 'Active critical alerts.'),
  info('alerts.by_severity.warning', 'int', 'Active warning alerts.'),
  info('alerts.by_severity.info', 'int', 'Active info alerts.'),
  info(
    'cost_ladder.current_tier',
    'str',
    'Cost tier as the upper-case enum name: `NORMAL`, `WARN_75`, `DOWNSHIFT_90`, `HARD_STOP_100` (or `unknown`).',
    'upper-case-enum',
    'Renders the upper-case enum name (e.g. `WARN_75`), not the lower-case value `/api/cost-state` shows.',
  ),
  info(
    'cost_ladder.monthly_budget_pct_used',
    'float | None',
    'Percent of the monthly budget used (0–100+, 2 decimals).',
  ),
  info('cost_ladder.model_default', 'str', "The router's default model id, or `unknown`."),
  info('cost_ladder.spent_to_date_usd', 'float | "unknown"', 'Spend to date in USD (6 decimals).'),
  info(
    'cost_ladder.credit_pool_usd',
    'float',
    'Credit pool in USD (holder value, else environment fallback, else 200.0).',
  ),
  serviceHealth('supabase', 'Supabase'),
  serviceHealth('fly', 'Fly'),
  serviceHealth('vercel', 'Vercel'),
  serviceHealth('sentry', 'Sentry'),
  serviceHealth('doppler', 'Doppler'),
  info('daemon_health.overall_status', 'str', `Overall daemon health: ${HEALTH_VALUES}.`),
  info('daemon_health.boot_at', 'str', 'When all listeners had started (`YYYY-MM-DDTHH:MM:SSZ`), else `unknown`.'),
  info('daemon_health.uptime_seconds', 'float | "unknown"', 'Uptime in seconds (1 decimal).'),
  info(
    'daemon_health.recent_error_count_5min',
    'int',
    'Dead letters, failed replies and failed notifications in the last 5 minutes.',
  ),
  info('tasks.open_count', '"unknown"', 'Open tasks.', 'always-unknown', ALWAYS_UNKNOWN_TEXT),
  info('tasks.in_progress_count', '"unknown"', 'Tasks in progress.', 'always-unknown', ALWAYS_UNKNOWN_TEXT),
  info('computed_at', 'str', 'When the snapshot was computed (`YYYY-MM-DDTHH:MM:SSZ`).'),
  info('schema_version', 'int', 'Snapshot schema version (4).'),
];

export const SNAPSHOT_SCALAR_PATHS: readonly string[] = PLACEHOLDER_CATALOG.map((entry) => entry.path);

const CATALOG_BY_PATH = new Map(PLACEHOLDER_CATALOG.map((entry) => [entry.path, entry]));

/** Paths whose snapshot value is a float in schema v4 (`200.0` must render as `200.0`, not `200`). */
export const FLOAT_VALUED_PATHS: ReadonlySet<string> = new Set(
  PLACEHOLDER_CATALOG.filter((entry) => entry.type.startsWith('float')).map((entry) => entry.path),
);

export function isKnownPlaceholderPath(path: string): boolean {
  return CATALOG_BY_PATH.has(path);
}

export function placeholderInfo(path: string): PlaceholderInfo | undefined {
  return CATALOG_BY_PATH.get(path);
}

export interface PlaceholderOccurrence {
  path: string;
  /** UTF-16 offsets into the template: the whole `{snapshot.path}` ... */
  start: number;
  end: number;
  /** ... and just the path. */
  pathStart: number;
  pathEnd: number;
}

/** Every placeholder occurrence, in order (repeats included — the daemon reports each). */
export function findPlaceholders(template: string): PlaceholderOccurrence[] {
  const matcher = new RegExp(PLACEHOLDER_REGEX_SOURCE, 'g');
  const found: PlaceholderOccurrence[] = [];
  for (let m = matcher.exec(template); m !== null; m = matcher.exec(template)) {
    const pathStart = m.index + PLACEHOLDER_PREFIX.length;
    found.push({ path: m[1], start: m.index, end: m.index + m[0].length, pathStart, pathEnd: pathStart + m[1].length });
  }
  return found;
}

/** The daemon's `referenced_snapshot_fields`: sorted, de-duplicated paths. */
export function referencedSnapshotFields(template: string): string[] {
  // Python sorts str by code point; the paths are ASCII, so UTF-16 order is the same.
  return [...new Set(findPlaceholders(template).map((p) => p.path))].sort();
}

/**
 * Known paths an unknown one probably meant, best first: a known path ending in the given one
 * (`current_tier` → `cost_ladder.current_tier`), then small edit distances.
 */
export function closestPlaceholderPaths(path: string, maxResults = 3): string[] {
  const lowered = path.toLowerCase();
  const scored: Array<{ path: string; score: number }> = [];
  for (const known of SNAPSHOT_SCALAR_PATHS) {
    if (known.endsWith(`.${lowered}`) || known === lowered) {
      scored.push({ path: known, score: 0 });
      continue;
    }
    const distance = editDistance(lowered, known);
    // Accept up to a third of the longer string's length: beyond that the guess is noise.
    if (distance <= Math.max(2, Math.floor(Math.max(lowered.length, known.length) / 3))) {
      scored.push({ path: known, score: distance });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.path.localeCompare(b.path));
  return scored.slice(0, maxResults).map((s) => s.path);
}

/** Levenshtein distance (insert, delete, substitute each cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
