// The daemon's validator (`validate_entries`, contract §4.3–4.5): same checks, same order, same
// messages. `checkEntry` gives the structured result per entry (positions included, for the
// editor); `validateEntries` assembles the daemon's exact error list from it.
import { findNestedQuantifiers, type HeuristicMatch } from '../redos/heuristic';
import {
  DAEMON_MESSAGES,
  ENTRY_FIELDS,
  LENGTH_CAPS,
  MAX_ENTRIES,
  ROOT_FIELD,
  ROOT_INDEX,
  type EntryField,
} from './constants';
import { findPlaceholders, isKnownPlaceholderPath, type PlaceholderOccurrence } from './placeholders';
import { pyLen, pyStrip } from '../pyre/pystr';
import { compileDaemonPattern, type DaemonCompileResult } from './pythonRegex';

/** One item of the daemon's 422 `errors` array. */
export interface DaemonError {
  entry_index: number;
  field: string;
  error: string;
}

/** What the daemon objects to in one entry, in the daemon's order, with positions. */
export type EntryIssue =
  | { rule: 'entry-not-object' }
  | { rule: 'required-field'; field: EntryField }
  | { rule: 'too-long'; field: EntryField; length: number; max: number }
  /** `pos`: code-point index into the pattern, as CPython reports it. */
  | { rule: 'invalid-regex'; reErrorText: string; pos: number | null }
  | { rule: 'http-500'; exceptionType: string; text: string; pos: number | null }
  /** Not a daemon rule: our regex engine failed, so the pattern could not be checked. */
  | { rule: 'unchecked-regex'; text: string }
  /** UTF-16 offsets into the pattern. */
  | { rule: 'nested-quantifier'; matches: HeuristicMatch[] }
  | { rule: 'unknown-placeholder'; occurrence: PlaceholderOccurrence };

export interface EntryCheck {
  issues: EntryIssue[];
  /** Set when the entry takes part in the duplicate rule (it passed checks a and b). */
  duplicateKey: { pattern: string; category: string } | null;
  /** The compile outcome, when the entry got that far. */
  compile: DaemonCompileResult | null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Checks a–f of §4.3 for one entry (the duplicate rule g spans entries). */
export function checkEntry(entry: unknown): EntryCheck {
  if (!isPlainObject(entry)) return { issues: [{ rule: 'entry-not-object' }], duplicateKey: null, compile: null };
  const issues: EntryIssue[] = [];
  for (const field of ENTRY_FIELDS) {
    const value = Object.prototype.hasOwnProperty.call(entry, field) ? entry[field] : undefined;
    if (typeof value !== 'string' || pyStrip(value) === '') issues.push({ rule: 'required-field', field });
  }
  if (issues.length > 0) return { issues, duplicateKey: null, compile: null };
  const fields = entry as Record<EntryField, string>;
  for (const { field, max } of LENGTH_CAPS) {
    const length = pyLen(fields[field]);
    if (length > max) issues.push({ rule: 'too-long', field, length, max });
  }
  const compile = compileDaemonPattern(fields.pattern);
  if (compile.kind === 're.error' && findLoneSurrogate(compile.text) !== null) {
    issues.push(surrogateHttp500(compile.text, compile.pos));
  } else if (compile.kind === 're.error') {
    issues.push({ rule: 'invalid-regex', reErrorText: compile.text, pos: compile.pos });
  } else if (compile.kind === 'exception') {
    issues.push({ rule: 'http-500', exceptionType: compile.exceptionType, text: compile.text, pos: compile.pos });
  } else if (compile.kind === 'engine-failure') {
    issues.push({ rule: 'unchecked-regex', text: compile.text });
  } else {
    const matches = findNestedQuantifiers(fields.pattern);
    if (matches.length > 0) issues.push({ rule: 'nested-quantifier', matches });
  }
  for (const occurrence of findPlaceholders(fields.reply_template)) {
    if (!isKnownPlaceholderPath(occurrence.path)) issues.push({ rule: 'unknown-placeholder', occurrence });
  }
  return { issues, duplicateKey: { pattern: fields.pattern, category: fields.category }, compile };
}

/** The first unpaired UTF-16 surrogate (a lone surrogate in the Python str), or null. */
export function findLoneSurrogate(text: string): string | null {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(text)?.[0] ?? null;
}

/**
 * A re.error whose message quotes a lone surrogate (`[\ud800-a]`, `(?\ud800)`): the daemon builds
 * its 422 body, but encoding that JSON as UTF-8 raises UnicodeEncodeError, so the answer is a
 * plain HTTP 500 — arguably a daemon bug, reproduced as is. The surrogate is shown escaped.
 */
function surrogateHttp500(reErrorText: string, pos: number | null): EntryIssue {
  const escaped = reErrorText.replace(/[\ud800-\udfff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16)}`);
  const surrogate = findLoneSurrogate(reErrorText) as string;
  return {
    rule: 'http-500',
    exceptionType: 'UnicodeEncodeError',
    text:
      `'utf-8' codec can't encode character '\\u${surrogate.charCodeAt(0).toString(16)}': surrogates not allowed ` +
      `(the 422 body would say "invalid regex: ${escaped}", and a lone surrogate cannot be sent as UTF-8)`,
    pos,
  };
}

/** The field an issue is reported on, as the daemon names it. */
export function issueField(issue: EntryIssue): string {
  switch (issue.rule) {
    case 'entry-not-object':
      return ROOT_FIELD;
    case 'required-field':
    case 'too-long':
      return issue.field;
    case 'unknown-placeholder':
      return 'reply_template';
    default:
      return 'pattern';
  }
}

/** The daemon's message for an issue (for `http-500`, what the CLI prints in its place). */
export function issueMessage(issue: EntryIssue): string {
  switch (issue.rule) {
    case 'entry-not-object':
      return DAEMON_MESSAGES.entryNotObject;
    case 'required-field':
      return DAEMON_MESSAGES.requiredField(issue.field);
    case 'too-long':
      return DAEMON_MESSAGES.tooLong(issue.field, issue.max);
    case 'invalid-regex':
      return DAEMON_MESSAGES.invalidRegex(issue.reErrorText);
    case 'http-500':
      return DAEMON_MESSAGES.http500(issue.exceptionType, issue.text);
    case 'nested-quantifier':
      return DAEMON_MESSAGES.nestedQuantifier;
    case 'unchecked-regex':
      return DAEMON_MESSAGES.uncheckedRegex(issue.text);
    case 'unknown-placeholder':
      return DAEMON_MESSAGES.unknownPlaceholder(issue.occurrence.path);
  }
}

/** Key of the duplicate rule: the exact, case-sensitive, untrimmed (pattern, category) pair. */
export function duplicateRuleKey(key: { pattern: string; category: string }): string {
  return JSON.stringify([key.pattern, key.category]);
}

export interface DuplicateOf {
  /** The index the daemon's message names (see below). */
  reportedIndex: number;
  /** The earlier entry that passed checks a and b with the same key: the real first declaration. */
  declaredIndex: number;
}

/**
 * Finds, for each participating entry, the earlier one with the same key. Only entries that
 * passed checks a and b take part, but the daemon then looks the index up among ALL object
 * entries with an equal pattern and category (contract §4.3 g), so it may name an entry that
 * failed the required-field check — a daemon quirk reproduced here and explained by the linter.
 */
export function findDuplicates(
  keys: ReadonlyArray<{ pattern: string; category: string } | null>,
  entries: readonly unknown[],
): Map<number, DuplicateOf> {
  const firstByKey = new Map<string, number>();
  const duplicates = new Map<number, DuplicateOf>();
  keys.forEach((key, index) => {
    if (!key) return;
    const ruleKey = duplicateRuleKey(key);
    const declaredIndex = firstByKey.get(ruleKey);
    if (declaredIndex === undefined) {
      firstByKey.set(ruleKey, index);
      return;
    }
    const reportedIndex = entries.findIndex(
      (entry) => isPlainObject(entry) && entry.pattern === key.pattern && entry.category === key.category,
    );
    duplicates.set(index, { declaredIndex, reportedIndex: reportedIndex >= 0 ? reportedIndex : declaredIndex });
  });
  return duplicates;
}

/**
 * `validate_entries(payload)`: the daemon's 422 `errors`, in its order (`[]` = accepted). A
 * pattern that would crash the daemon (HTTP 500) yields an item whose `error` says so.
 * Never throws, whatever the payload.
 */
export function validateEntries(payload: unknown): DaemonError[] {
  if (!Array.isArray(payload))
    return [{ entry_index: ROOT_INDEX, field: ROOT_FIELD, error: DAEMON_MESSAGES.entriesNotList }];
  const errors: DaemonError[] = [];
  if (payload.length > MAX_ENTRIES) {
    errors.push({ entry_index: ROOT_INDEX, field: ROOT_FIELD, error: DAEMON_MESSAGES.tooManyEntries(payload.length) });
  }
  const checks = payload.map((entry) => checkEntry(entry));
  const duplicates = findDuplicates(
    checks.map((check) => check.duplicateKey),
    payload,
  );
  checks.forEach((check, index) => {
    for (const issue of check.issues)
      errors.push({ entry_index: index, field: issueField(issue), error: issueMessage(issue) });
    const duplicate = duplicates.get(index);
    if (duplicate)
      errors.push({ entry_index: index, field: ROOT_FIELD, error: DAEMON_MESSAGES.duplicate(duplicate.reportedIndex) });
  });
  return errors;
}
