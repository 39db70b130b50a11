// A phrasebook test file (`slack_dm.tests.yml`, next to `slack_dm.yml`): sample messages with the
// answer the phrasebook must give. Read with the phrasebook's own YAML-with-ranges layer (PyYAML
// values, exact source ranges), so a case's fields have ranges for diagnostics and test locations.
//
//   phrasebook: slack_dm.yml      # optional: the phrasebook to test, relative to this file
//   snapshot: {...}               # optional: placeholder values for every case
//   cases:
//     - message: hey
//       category: greeting        # or `no_match: true`
//       reply: "Hey. What's up?"  # optional: the exact rendered reply (null: falls through)
//       reply_matches: '^Hey'     # optional: a Python regex the reply must match (re.search)
//       snapshot: {...}           # optional: values merged over the file's snapshot
//       name: bare greeting       # optional label (default: the message)
import type { Finding, Range } from '../../findings';
import { isPlainObject } from '../daemonRules';
import { parsePhrasebook, type EntryNode, type FieldNode, type PhrasebookDocument } from '../document';
import { aliasBombFinding } from '../lint/inputGuard';
import { defineKey } from '../yaml/yamlValues';
import { FINDING_CODES } from '../lint/registry';
import { testFinding } from './codes';

export const CASES_KEY = 'cases';
export const CASE_FIELDS = ['name', 'message', 'category', 'no_match', 'reply', 'reply_matches', 'snapshot'] as const;
const TOP_LEVEL_FIELDS = ['phrasebook', 'snapshot', CASES_KEY];

export interface CaseExpectation {
  /** The category of the entry that must answer. */
  category?: string;
  /** True: no entry may answer (the message falls through to the reasoning engine). */
  noMatch?: boolean;
  /** The exact rendered reply; null: an entry answers but renders no reply. */
  reply?: string | null;
  /** A Python regular expression the rendered reply must contain a match of. */
  replyMatches?: string;
}

export interface TestCase {
  index: number;
  /** What the Test Explorer and reports call it: `name`, else the message. */
  label: string;
  message: string;
  expect: CaseExpectation;
  /** The fixture the case renders with (the file's, with the case's merged over it); undefined: none. */
  snapshot: Record<string, unknown> | undefined;
  /** True when the case or the file gives a snapshot fixture. */
  hasFixture: boolean;
  /** The whole case, and where each field sits (for diagnostics and failure locations). */
  range: Range;
  fieldRanges: Partial<Record<(typeof CASE_FIELDS)[number], Range>>;
  /** Why the case cannot run (a structural error), when it cannot. */
  invalid?: string;
}

export interface PhrasebookTestFile {
  /** The `phrasebook:` value, when given. */
  phrasebook?: string;
  phrasebookRange?: Range;
  cases: TestCase[];
  /** Problems of the file itself (YAML, structure); checks against the phrasebook come later. */
  findings: Finding[];
  document: PhrasebookDocument;
}

export function parseTestFile(text: string): PhrasebookTestFile {
  const bomb = aliasBombFinding(text);
  // An alias bomb is not parsed at all: the guard's finding is the whole answer.
  const document = parsePhrasebook(bomb ? '' : text, { listKey: CASES_KEY });
  const findings: Finding[] = bomb ? [bomb] : [...document.syntaxFindings];
  for (const error of document.loadErrors)
    findings.push(testFinding(FINDING_CODES.testYamlLoadError, error.message, document.rangeOf(error.span)));
  const top = new Map(
    document.otherTopLevelFields.filter((field) => field.name !== null).map((field) => [field.name as string, field]),
  );
  for (const field of document.otherTopLevelFields) {
    if (field.name === null || !TOP_LEVEL_FIELDS.includes(field.name)) {
      findings.push(
        testFinding(
          FINDING_CODES.testUnknownKey,
          `unknown key '${field.name}' (expected ${TOP_LEVEL_FIELDS.join(', ')})`,
          document.rangeOf(field.keySpan),
        ),
      );
    }
  }
  const phrasebookField = top.get('phrasebook');
  let phrasebook: string | undefined;
  if (phrasebookField) {
    if (typeof phrasebookField.value === 'string' && phrasebookField.value.trim() !== '')
      phrasebook = phrasebookField.value;
    else
      findings.push(
        testFinding(
          FINDING_CODES.testBadValue,
          "'phrasebook' must be a file path",
          document.rangeOf(phrasebookField.valueSpan),
        ),
      );
  }
  const fileSnapshot = snapshotOf(top.get('snapshot'), document, findings);
  if (!document.entriesIsList) {
    const message = document.entriesKeySpan
      ? `'${CASES_KEY}' must be a list of cases`
      : `a test file needs a top-level '${CASES_KEY}' list`;
    findings.push(testFinding(FINDING_CODES.testNoCases, message, document.rangeOf(document.rootSpan)));
  }
  const cases = document.entries.map((entry) => readCase(entry, document, fileSnapshot, findings));
  return {
    ...(phrasebook !== undefined ? { phrasebook, phrasebookRange: document.rangeOf(phrasebookField!.valueSpan) } : {}),
    cases,
    findings,
    document,
  };
}

function snapshotOf(
  field: FieldNode | undefined,
  document: PhrasebookDocument,
  findings: Finding[],
): Record<string, unknown> | undefined {
  if (!field) return undefined;
  if (isPlainObject(field.value)) return field.value;
  findings.push(
    testFinding(
      FINDING_CODES.testBadValue,
      "'snapshot' must be a mapping of snapshot values (e.g. operational_state: {primary: RUNNING})",
      document.rangeOf(field.valueSpan),
    ),
  );
  return undefined;
}

function readCase(
  entry: EntryNode,
  document: PhrasebookDocument,
  fileSnapshot: Record<string, unknown> | undefined,
  findings: Finding[],
): TestCase {
  const range = document.rangeOf(entry.span);
  const fieldRanges: TestCase['fieldRanges'] = {};
  const problems: string[] = [];
  const problem = (text: string, at: Range) => {
    problems.push(text);
    findings.push(testFinding(FINDING_CODES.testInvalidCase, text, at, entry.index));
  };
  const fields = entry.fieldsByName;
  for (const field of entry.fields) {
    const known = field.name !== null && (CASE_FIELDS as readonly string[]).includes(field.name);
    if (known) fieldRanges[field.name as (typeof CASE_FIELDS)[number]] = document.rangeOf(field.valueSpan);
    else
      findings.push(
        testFinding(
          FINDING_CODES.testUnknownKey,
          `unknown case key '${field.name}' (expected ${CASE_FIELDS.join(', ')})`,
          document.rangeOf(field.keySpan),
          entry.index,
        ),
      );
  }
  if (!entry.isMapping) problem('a case must be a mapping with at least `message` and an expectation', range);
  const message = fields.get('message')?.value;
  if (entry.isMapping && typeof message !== 'string')
    problem("'message' is required and must be text (quote it)", fieldRanges.message ?? range);
  const expect = readExpectation(fields, fieldRanges, range, problem);
  const caseSnapshot = fields.has('snapshot') ? snapshotOf(fields.get('snapshot'), document, findings) : undefined;
  if (fields.has('snapshot') && !caseSnapshot) problems.push("'snapshot' is not a mapping");
  const nameValue = fields.get('name')?.value;
  const label =
    typeof nameValue === 'string' && nameValue.trim() !== ''
      ? nameValue
      : typeof message === 'string'
        ? message
        : `case ${entry.index + 1}`;
  return {
    index: entry.index,
    label,
    message: typeof message === 'string' ? message : '',
    expect,
    snapshot: fileSnapshot || caseSnapshot ? mergeSnapshots(fileSnapshot ?? {}, caseSnapshot ?? {}) : undefined,
    hasFixture: fileSnapshot !== undefined || caseSnapshot !== undefined,
    range,
    fieldRanges,
    ...(problems.length ? { invalid: problems.join('; ') } : {}),
  };
}

function readExpectation(
  fields: Map<string, FieldNode>,
  ranges: TestCase['fieldRanges'],
  caseRange: Range,
  problem: (text: string, at: Range) => void,
): CaseExpectation {
  const expect: CaseExpectation = {};
  const category = fields.get('category');
  if (category) {
    if (typeof category.value === 'string' && category.value !== '') expect.category = category.value;
    else problem("'category' must be the name of a phrasebook category", ranges.category ?? caseRange);
  }
  const noMatch = fields.get('no_match');
  if (noMatch) {
    if (typeof noMatch.value === 'boolean') expect.noMatch = noMatch.value || undefined;
    else problem("'no_match' must be true or false", ranges.no_match ?? caseRange);
  }
  const reply = fields.get('reply');
  if (reply) {
    if (typeof reply.value === 'string' || reply.value === null) expect.reply = reply.value;
    else problem('\'reply\' must be text (quote it), or null for "no reply"', ranges.reply ?? caseRange);
  }
  const replyMatches = fields.get('reply_matches');
  if (replyMatches) {
    if (typeof replyMatches.value === 'string') expect.replyMatches = replyMatches.value;
    else problem("'reply_matches' must be a regular expression (quote it)", ranges.reply_matches ?? caseRange);
  }
  const expectsAnswer =
    expect.category !== undefined || expect.reply !== undefined || expect.replyMatches !== undefined;
  if (expect.noMatch && expectsAnswer)
    problem("'no_match: true' contradicts 'category', 'reply' and 'reply_matches'", ranges.no_match ?? caseRange);
  if (!expect.noMatch && !expectsAnswer && fields.has('message')) {
    problem(
      "say what to expect: 'category', 'no_match: true', 'reply' or 'reply_matches'",
      ranges.message ?? caseRange,
    );
  }
  return expect;
}

/** The case's values win; mappings merge key by key, so a case can change one value. */
export function mergeSnapshots(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) defineKey(merged, key, value);
  for (const [key, value] of Object.entries(over)) {
    const below = Object.prototype.hasOwnProperty.call(merged, key) ? merged[key] : undefined;
    defineKey(merged, key, isPlainObject(below) && isPlainObject(value) ? mergeSnapshots(below, value) : value);
  }
  return merged;
}
