// The daemon's validator constants and message texts (contract §4.2–4.5), in one place so the
// CLI's `validate` output and the editor's diagnostics say exactly what the daemon says.

export const ENTRY_FIELDS = ['pattern', 'category', 'description', 'reply_template'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** `field` of root-level, non-object and duplicate errors. */
export const ROOT_FIELD = '_root';
/** `entry_index` of root-level errors. */
export const ROOT_INDEX = -1;

export const MAX_ENTRIES = 200;

/** Length caps in code points, in the order the daemon checks them (not the field order!). */
export const LENGTH_CAPS: ReadonlyArray<{ field: EntryField; max: number }> = [
  { field: 'pattern', max: 512 },
  { field: 'reply_template', max: 4096 },
  { field: 'description', max: 256 },
  { field: 'category', max: 64 },
];

/** The daemon passes `re.IGNORECASE` when compiling every pattern. */
export const DAEMON_REGEX_IGNORECASE = true;

/** `/test` and the matcher look at the first 1,024 characters of a message. */
export const MATCH_TEXT_MAX_CHARS = 1024;
/** A snapshot is "fresh" when `computed_at` is within this many seconds. */
export const SNAPSHOT_FRESH_SECONDS = 600;

export const HTTP_500_PREFIX = 'daemon would fail with HTTP 500: ';

export const DAEMON_MESSAGES = {
  entriesNotList: 'entries must be a list',
  tooManyEntries: (count: number) => `too many entries (${count} > ${MAX_ENTRIES})`,
  entryNotObject: 'entry must be an object',
  requiredField: (field: string) => `required field '${field}' missing or empty`,
  tooLong: (field: string, max: number) => `${field} exceeds ${max} characters`,
  invalidRegex: (reErrorText: string) => `invalid regex: ${reErrorText}`,
  nestedQuantifier:
    'nested unbounded quantifier (possible catastrophic backtracking) \u2014 rewrite to use bounded counts or anchored alternations',
  unknownPlaceholder: (path: string) =>
    `snapshot path '${path}' not in known scalar schema (see SNAPSHOT_SCALAR_PATHS in kora_cli/short_circuit/phrasebook_editor.py)`,
  duplicate: (firstIndex: number) => `duplicate (pattern, category) \u2014 already declared at index ${firstIndex}`,
  http500: (exceptionType: string, text: string) => `${HTTP_500_PREFIX}${exceptionType}: ${text}`,
  /** Ours, not the daemon's: printed in place of the regex verdict when our engine failed. */
  uncheckedRegex: (text: string) =>
    `kora-ops could not check this pattern (regex engine failure: ${text}); the daemon's verdict is unknown`,
} as const;
