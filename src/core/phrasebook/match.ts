// The daemon's matcher and renderer (contract §5.2) run locally: trim the message (after cutting
// it to 1,024 characters, as `/test` does), take the first entry whose Python pattern matches at
// the start, and render its reply from the snapshot with Python's `str()` of each value — or say
// why the reply falls through to the reasoning engine.
import { MATCH_TEXT_MAX_CHARS, SNAPSHOT_FRESH_SECONDS } from './constants';
import { FLOAT_VALUED_PATHS, findPlaceholders } from './placeholders';
import { PY_KEY_ORDER } from './pyJson';
import { PyFloat, pythonStr } from './pyStr';
import { pyPrefix, pyStrip } from '../pyre/pystr';
import { compileDaemonPattern, matchDaemonPattern } from './pythonRegex';

export interface MatchableEntry {
  pattern: string;
  category: string;
  description?: string;
  reply_template: string;
}

export type FallThroughReason =
  | 'not-a-string'
  | 'empty-message'
  | 'no-match'
  | 'no-snapshot'
  | 'stale-snapshot'
  | 'missing-value'
  | 'null-value'
  | 'unknown-value';

export interface MatchOutcome {
  matched: boolean;
  entryIndex: number | null;
  category: string | null;
  /** The reply as the daemon would send it, or null when it falls through. */
  renderedReply: string | null;
  /** Why nothing is rendered (absent when a reply is rendered). */
  fallThroughReason?: FallThroughReason;
  /** The placeholder path behind a `missing-value` / `null-value` / `unknown-value` reason. */
  fallThroughPath?: string;
  /** Entries at or before the answer whose pattern could not be evaluated here: the daemon may differ. */
  untranslatable?: Array<{ entryIndex: number; reason: string }>;
}

export interface MatchOptions {
  /** When given, a snapshot whose `computed_at` is older than 600 s, or in the future, counts as absent. */
  now?: Date;
  /**
   * The snapshot was read with parsePythonJson: floats are PyFloat, so an integer is an int even
   * on a float-typed path (`200` renders `200`). Otherwise (JSON.parse lost float-ness) float-typed
   * paths render integers as floats, the schema's best guess. Default: whether the snapshot
   * carries parsePythonJson's key order.
   */
  pythonTyped?: boolean;
}

const UNKNOWN_VALUE = 'unknown';

export function matchMessage(
  entries: readonly MatchableEntry[],
  text: unknown,
  snapshot: unknown,
  options: MatchOptions = {},
): MatchOutcome {
  const none = (reason: FallThroughReason, untranslatable: MatchOutcome['untranslatable'] = []): MatchOutcome => ({
    matched: false,
    entryIndex: null,
    category: null,
    renderedReply: null,
    fallThroughReason: reason,
    ...(untranslatable.length ? { untranslatable } : {}),
  });
  if (typeof text !== 'string') return none('not-a-string');
  const message = pyStrip(pyPrefix(text, MATCH_TEXT_MAX_CHARS));
  if (message === '') return none('empty-message');
  const untranslatable: Array<{ entryIndex: number; reason: string }> = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    const compiled = compileDaemonPattern(entry.pattern);
    if (compiled.kind !== 'ok') {
      untranslatable.push({ entryIndex: index, reason: `pattern does not compile: ${compiled.text}` });
      continue;
    }
    const result = matchDaemonPattern(compiled.compiled, message);
    if ('unsupported' in result) {
      untranslatable.push({ entryIndex: index, reason: result.unsupported });
      continue;
    }
    if (!result.matched) continue;
    const rendered = renderReply(entry.reply_template, snapshot, options);
    return {
      matched: true,
      entryIndex: index,
      category: entry.category,
      renderedReply: rendered.reply,
      ...(rendered.reason ? { fallThroughReason: rendered.reason } : {}),
      ...(rendered.path ? { fallThroughPath: rendered.path } : {}),
      ...(untranslatable.length ? { untranslatable } : {}),
    };
  }
  return none('no-match', untranslatable);
}

export interface RenderResult {
  reply: string | null;
  reason?: FallThroughReason;
  path?: string;
}

/** The daemon's renderer: every placeholder resolved, or no reply at all. */
export function renderReply(template: string, snapshot: unknown, options: MatchOptions = {}): RenderResult {
  if (!isDict(snapshot)) return { reply: null, reason: 'no-snapshot' };
  if (options.now && !isFresh(snapshot, options.now)) return { reply: null, reason: 'stale-snapshot' };
  let reply = '';
  let last = 0;
  for (const occurrence of findPlaceholders(template)) {
    const lookup = lookupPath(snapshot, occurrence.path);
    if ('reason' in lookup) return { reply: null, reason: lookup.reason, path: occurrence.path };
    const asFloat = !(options.pythonTyped ?? PY_KEY_ORDER in snapshot) && FLOAT_VALUED_PATHS.has(occurrence.path);
    reply += template.slice(last, occurrence.start) + pythonStr(lookup.value, asFloat);
    last = occurrence.end;
  }
  return { reply: reply + template.slice(last) };
}

function lookupPath(
  snapshot: Record<string, unknown>,
  path: string,
): { value: unknown } | { reason: FallThroughReason } {
  let current: unknown = snapshot;
  for (const segment of path.split('.')) {
    if (!isDict(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return { reason: 'missing-value' };
    current = current[segment];
  }
  if (current === null || current === undefined) return { reason: 'null-value' };
  if (current === UNKNOWN_VALUE) return { reason: 'unknown-value' };
  return { value: current };
}

function isDict(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof PyFloat);
}

/**
 * Fresh = `computed_at` (`YYYY-MM-DDTHH:MM:SSZ`) between 0 and 600 s old (contract §3.7): like the
 * daemon, any future timestamp is stale — 30 s ahead falls through there, so it does here too.
 */
export function isFresh(snapshot: Record<string, unknown>, now: Date): boolean {
  const computedAt = snapshot.computed_at;
  if (typeof computedAt !== 'string') return false;
  const time = Date.parse(computedAt);
  if (Number.isNaN(time)) return false;
  const ageMs = now.getTime() - time;
  return ageMs >= 0 && ageMs <= SNAPSHOT_FRESH_SECONDS * 1000;
}
