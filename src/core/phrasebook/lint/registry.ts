// The one table of finding codes. Every code a check emits is declared here, once, with what the
// editor, the CLI (text, JSON, SARIF) and the README say about it; a unit test fails when the
// README's table drifts from this one. Adding a rule: one entry here, its check, its test.
import type { Severity } from '../../findings';

/**
 * `daemon`: the daemon's own verdict. `guard`: replaces the whole analysis of a refused input.
 * `push`: only shown around a push. `attack`: carries an attack string (`data.attackString`).
 * `unnecessary`: marks text without effect (editors render it faded). `tests`: phrasebook test files
 * (`*.tests.yml`) and the coverage they give.
 */
export type RuleTag = 'daemon' | 'guard' | 'push' | 'attack' | 'unnecessary' | 'tests';

export interface FindingRule {
  code: string;
  /** Default severity (what a check emits before `kora.phrasebook.severity` / `--severity`). */
  severity: Severity;
  /** The README's "Default" cell when the severity depends on where the check runs. */
  defaultText?: string;
  /** False for the daemon's verdicts, YAML errors and guards: no override applies to them. */
  overridable: boolean;
  tags: readonly RuleTag[];
  /** One sentence: the SARIF rule description. */
  description: string;
  /** The README's "Finds" cell (Markdown, one line). */
  docs: string;
}

const DAEMON_RULE = { severity: 'error', overridable: false, tags: ['daemon'] } as const;
const TEST_RULE = { overridable: false, tags: ['tests'] } as const;

/** By the name checks use (`FINDING_CODES.shadowedEntry`); README order. */
const RULES = {
  rootNotList: {
    ...DAEMON_RULE,
    code: 'daemon/root-not-list',
    description: 'The daemon needs a top-level `entries` list.',
    docs: 'The file has no top-level `entries` list.',
  },
  tooManyEntries: {
    ...DAEMON_RULE,
    code: 'daemon/too-many-entries',
    description: 'The daemon accepts at most 200 entries.',
    docs: 'More than 200 entries (pointing at the first one over).',
  },
  entryNotObject: {
    ...DAEMON_RULE,
    code: 'daemon/entry-not-object',
    description: 'Each entry must be a mapping.',
    docs: 'An entry that is not a mapping.',
  },
  requiredField: {
    ...DAEMON_RULE,
    code: 'daemon/required-field',
    description: 'pattern, category, description and reply_template are required, non-blank strings.',
    docs: '`pattern`, `category`, `description` or `reply_template` missing, blank or not a string.',
  },
  tooLong: {
    ...DAEMON_RULE,
    code: 'daemon/too-long',
    description: 'A field exceeds its length cap.',
    docs: 'A field over its length cap (counted in code points, as Python does).',
  },
  invalidRegex: {
    ...DAEMON_RULE,
    code: 'daemon/invalid-regex',
    description: "The pattern does not compile with Python's re (IGNORECASE).",
    docs: "The configured CPython's `re.error` message and position, through YAML quoting and escapes.",
  },
  http500: {
    ...DAEMON_RULE,
    code: 'daemon/http-500',
    description: 'The pattern makes the daemon crash (HTTP 500) instead of rejecting it.',
    docs: "A pattern on which CPython raises something other than `re.error` (e.g. `a{99999999999}`), or whose error quotes a lone surrogate (e.g. `[\\ud800-a]`): the daemon's PUT would fail with HTTP 500.",
  },
  nestedQuantifier: {
    ...DAEMON_RULE,
    code: 'daemon/nested-quantifier',
    description: "The daemon's nested-quantifier heuristic rejects the pattern.",
    docs: "The daemon's heuristic, false positives included, with a rewrite the daemon accepts that matches the same messages (e.g. `(\\d+)?` → `(\\d+\\|)`).",
  },
  unknownPlaceholder: {
    ...DAEMON_RULE,
    code: 'daemon/unknown-placeholder',
    description: "A {snapshot.…} placeholder is not in the daemon's allow-list.",
    docs: 'A `{snapshot.…}` path outside the allow-list (quick fix: the closest known path).',
  },
  duplicate: {
    ...DAEMON_RULE,
    code: 'daemon/duplicate',
    description: 'The same (pattern, category) pair is declared twice.',
    docs: "A repeated (pattern, category) pair, pointing at the first declaration (the daemon's message names the first such entry even when it failed `required-field`: reproduced, and explained).",
  },
  regexUnchecked: {
    code: 'phrasebook/regex-unchecked',
    severity: 'error',
    overridable: true,
    tags: [],
    description: "kora-ops' regex engine failed on this pattern; the daemon's verdict is unknown.",
    docs: "kora-ops' own CPython `re` port failed on the pattern (a bug to report): whether the daemon accepts it is unknown.",
  },
  daemonValidation: {
    code: 'daemon/validation',
    severity: 'error',
    overridable: false,
    tags: ['daemon', 'push'],
    description: 'A daemon rule fails locally, so the push is refused before anything is sent.',
    docs: 'Before a push: a daemon rule fails on the file, so nothing is sent.',
  },
  daemonRejected: {
    code: 'daemon/rejected',
    severity: 'error',
    overridable: false,
    tags: ['daemon', 'push'],
    description: 'The daemon refused the pushed phrasebook (HTTP 422).',
    docs: "After a push: the daemon's 422 answer, placed on the field it names.",
  },
  redosExponential: {
    code: 'redos/exponential',
    severity: 'error',
    overridable: true,
    tags: ['attack'],
    description: 'Catastrophic backtracking: exponential matching time.',
    docs: "Catastrophic backtracking found by recheck (the daemon's heuristic misses e.g. `^(a\\|aa)+$`), with the attack string.",
  },
  redosPolynomial: {
    code: 'redos/polynomial',
    severity: 'warning',
    overridable: true,
    tags: ['attack'],
    description: 'Polynomial backtracking: super-linear matching time.',
    docs: 'Polynomial backtracking, with its degree and attack string.',
  },
  redosInconclusive: {
    code: 'redos/inconclusive',
    severity: 'information',
    overridable: true,
    tags: [],
    description: 'The ReDoS analysis could not reach a verdict.',
    docs: "The analysis ran out of its time budget (per pattern, or the CLI run's total) or met an unsupported construct.",
  },
  yamlSyntax: {
    code: 'yaml/syntax',
    severity: 'error',
    overridable: false,
    tags: [],
    description: 'The file is not valid YAML.',
    docs: 'The file is not valid YAML.',
  },
  yaml11Trap: {
    code: 'yaml/yaml11-trap',
    severity: 'warning',
    overridable: true,
    tags: [],
    description: 'PyYAML (YAML 1.1) does not read this unquoted value as a string.',
    docs: 'Values PyYAML (YAML 1.1) does not read as strings: `yes`, `no`, `on`, `1:30`, `0777`, … (quick fix: quote).',
  },
  yamlDuplicateKey: {
    code: 'yaml/duplicate-key',
    severity: 'warning',
    overridable: true,
    tags: [],
    description: 'A key is repeated in an entry; only the last value counts.',
    docs: 'Repeated keys, also a repeated top-level `entries:` (PyYAML keeps the last).',
  },
  yamlLoadError: {
    code: 'yaml/pyyaml-load-error',
    severity: 'error',
    overridable: true,
    tags: [],
    description: "PyYAML's safe_load fails on this value; the daemon would ignore the file.",
    docs: 'What PyYAML refuses where the editor reads on: NUL and other characters, tabs where PyYAML expects a space, invalid UTF-8.',
  },
  yamlUnicodeLineBreak: {
    code: 'yaml/unicode-line-break',
    severity: 'warning',
    overridable: true,
    tags: [],
    description: 'U+0085/U+2028/U+2029 are line breaks to PyYAML but not to YAML 1.2 readers.',
    docs: 'U+0085, U+2028, U+2029: line breaks to PyYAML, ordinary characters to the editor.',
  },
  ignoredKey: {
    code: 'phrasebook/ignored-key',
    severity: 'warning',
    overridable: true,
    tags: ['unnecessary'],
    description: 'A key the daemon ignores and drops on write.',
    docs: 'Keys the daemon ignores and drops on write (typos like `reply`).',
  },
  placeholderAlwaysUnknown: {
    code: 'phrasebook/placeholder-always-unknown',
    severity: 'warning',
    overridable: true,
    tags: [],
    description: 'The placeholder is always "unknown", so the reply always falls through.',
    docs: '`tasks.*` is always `"unknown"` in snapshot v4: the reply always falls through.',
  },
  placeholderNullUnlessPaused: {
    code: 'phrasebook/placeholder-null-unless-paused',
    severity: 'information',
    overridable: true,
    tags: [],
    description: 'The placeholder is null unless the daemon is paused.',
    docs: '`pause_reason` is null unless paused.',
  },
  placeholderBoolean: {
    code: 'phrasebook/placeholder-boolean',
    severity: 'information',
    overridable: true,
    tags: [],
    description: 'The placeholder renders as Python True/False.',
    docs: 'Booleans render Python-style, `True`/`False`.',
  },
  shadowedEntry: {
    code: 'phrasebook/shadowed-entry',
    severity: 'warning',
    overridable: true,
    tags: ['unnecessary'],
    description: 'An earlier entry matches every message this one matches.',
    docs: 'An earlier entry matches every message this one does (sound, deliberately incomplete).',
  },
  untranslatable: {
    code: 'phrasebook/untranslatable',
    severity: 'information',
    overridable: true,
    tags: [],
    description: 'The pattern has no JavaScript equivalent (previews and analysis only).',
    docs: 'A construct the JS preview cannot express exactly (previews may differ; the daemon is unaffected).',
  },
  tooLarge: {
    code: 'phrasebook/too-large',
    severity: 'warning',
    defaultText: 'warning (editor, over 2 MB) / error (CLI, over 8 MB)',
    overridable: false,
    tags: ['guard'],
    description: 'The document is too large to analyse (editor) or read (CLI).',
    docs: "The document is not analysed (editor) or not even read (CLI): one finding instead of a stalled process. The daemon's largest valid phrasebook is about 4 MB.",
  },
  tooComplex: {
    code: 'phrasebook/too-complex',
    severity: 'error',
    overridable: false,
    tags: ['guard'],
    description: 'The document has too many YAML values or nests too deeply to analyse.',
    docs: 'More than 100,000 YAML values (aliases counted) or nesting deeper than 200 levels: one finding for the document, never per-entry findings about values that were cut off. A push is refused.',
  },
  aliasExplosion: {
    code: 'yaml/alias-explosion',
    severity: 'error',
    overridable: false,
    tags: ['guard'],
    description: 'YAML aliases expand exponentially ("billion laughs"); PyYAML would exhaust memory loading the file.',
    docs: 'Aliases that expand exponentially ("billion laughs").',
  },
  testYamlLoadError: {
    ...TEST_RULE,
    code: 'tests/yaml-load-error',
    severity: 'error',
    description: 'The test file does not load the way PyYAML loads it.',
    docs: 'A phrasebook test file (`*.tests.yml`) PyYAML would not load.',
  },
  testNoCases: {
    ...TEST_RULE,
    code: 'tests/no-cases',
    severity: 'error',
    description: 'A test file needs a top-level `cases` list.',
    docs: 'A test file without a top-level `cases` list.',
  },
  testUnknownKey: {
    ...TEST_RULE,
    code: 'tests/unknown-key',
    severity: 'warning',
    description: 'A key a test file or a case does not use.',
    docs: 'An unknown key in a test file or one of its cases (ignored).',
  },
  testBadValue: {
    ...TEST_RULE,
    code: 'tests/bad-value',
    severity: 'error',
    description: 'A test-file value of the wrong kind (the phrasebook path, the snapshot fixture).',
    docs: 'A `phrasebook` that is not a path, a `snapshot` that is not a mapping.',
  },
  testInvalidCase: {
    ...TEST_RULE,
    code: 'tests/invalid-case',
    severity: 'error',
    description: 'A case that cannot run: no message, or no or conflicting expectations.',
    docs: 'A case that cannot run (no message; no, or conflicting, expectations).',
  },
  testPhrasebookMissing: {
    ...TEST_RULE,
    code: 'tests/phrasebook-missing',
    severity: 'error',
    description: 'The phrasebook a test file names cannot be read.',
    docs: 'The phrasebook the test file names cannot be read.',
  },
  testUnknownCategory: {
    ...TEST_RULE,
    code: 'tests/unknown-category',
    severity: 'error',
    description: 'A case expects a category no entry of the phrasebook has.',
    docs: 'A case expecting a category no entry of the phrasebook has.',
  },
  testMessageTooLong: {
    ...TEST_RULE,
    code: 'tests/message-too-long',
    severity: 'warning',
    description: 'The daemon matches only the first characters of a message this long.',
    docs: 'A message longer than the daemon matches (the rest is ignored).',
  },
  testEmptyMessage: {
    ...TEST_RULE,
    code: 'tests/empty-message',
    severity: 'warning',
    description: 'A message that is empty after trimming: no entry can answer it.',
    docs: 'A message that is empty after trimming: no entry can answer it.',
  },
  testInvalidReplyPattern: {
    ...TEST_RULE,
    code: 'tests/invalid-reply-pattern',
    severity: 'error',
    description: "A case's `reply_matches` is not a valid regular expression.",
    docs: 'A `reply_matches` that is not a valid regular expression.',
  },
  testUntestedEntry: {
    ...TEST_RULE,
    code: 'tests/untested-entry',
    severity: 'hint',
    description: 'A phrasebook entry no test case reaches.',
    docs: 'A phrasebook entry no case of its test files reaches (a hint on the phrasebook).',
  },
} as const satisfies Record<string, FindingRule>;

type Rules = typeof RULES;
export type FindingCode = Rules[keyof Rules]['code'];

/** Each code by the name checks use. */
export const FINDING_CODES = Object.fromEntries(Object.entries(RULES).map(([name, rule]) => [name, rule.code])) as {
  readonly [Name in keyof Rules]: Rules[Name]['code'];
};

/** Every rule, in README order. */
export const FINDING_RULES: readonly FindingRule[] = Object.values(RULES);

const BY_CODE: ReadonlyMap<string, FindingRule> = new Map(FINDING_RULES.map((rule) => [rule.code, rule]));

export function findingRule(code: string): FindingRule | undefined {
  return BY_CODE.get(code);
}

/** A finding's code and default severity, so a check never restates the severity. */
export function ruleDefaults<Code extends FindingCode>(code: Code): { code: Code; severity: Severity } {
  return { code, severity: (BY_CODE.get(code) as FindingRule).severity };
}

export const DEFAULT_SEVERITIES: Readonly<Record<string, Severity>> = Object.fromEntries(
  FINDING_RULES.map((rule) => [rule.code, rule.severity]),
);

/** Whether `kora.phrasebook.severity` / `--severity` may change the code's severity. */
export function isOverridable(code: string): boolean {
  return findingRule(code)?.overridable ?? false;
}

export function codesTagged(tag: RuleTag): ReadonlySet<string> {
  return new Set(FINDING_RULES.filter((rule) => rule.tags.includes(tag)).map((rule) => rule.code));
}

/** The README's finding table, row by row (`| Code | Default | Overridable | Finds |`). */
export function findingTableRows(): string[] {
  return FINDING_RULES.map(
    (rule) =>
      `| \`${rule.code}\` | ${rule.defaultText ?? rule.severity} | ${rule.overridable ? 'yes' : 'no'} | ${rule.docs} |`,
  );
}
