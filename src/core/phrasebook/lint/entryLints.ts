// Per-entry findings beyond the daemon's rules: YAML 1.1 traps, keys the daemon ignores, repeated
// keys, and placeholders whose run-time value makes the reply fall through or render oddly.
import { ENTRY_FIELDS, type EntryField } from '../constants';
import type { EntryNode, FieldNode, PhrasebookDocument } from '../document';
import { quoteFix, removePairFix, renameKeyFix } from './fixes';
import { type SpanFinding } from './types';
import { editDistance, findPlaceholders, placeholderInfo, type PlaceholderCaveat } from '../placeholders';
import { describePyYamlValue } from '../yaml/pyyamlResolve';
import { FINDING_CODES, ruleDefaults } from './registry';

/** The key `GET` adds to each entry; harmless in a pulled file, ignored on write. */
const DERIVED_KEY = 'referenced_snapshot_fields';
/** How far a mistyped key may be from a field name to be offered as a rename. */
const MAX_RENAME_DISTANCE = 3;
const MIN_PREFIX_FOR_RENAME = 3;

export function perEntryLints(doc: PhrasebookDocument, entry: EntryNode): SpanFinding[] {
  const own = entry.fields.filter((field) => !field.merged);
  return [
    ...own.flatMap((field) => yaml11Trap(doc, field)),
    ...ignoredKeys(doc, entry, own),
    ...repeatedKeys(own),
    ...placeholderCaveats(entry),
  ];
}

function isEntryField(name: string | null): name is EntryField {
  return name !== null && (ENTRY_FIELDS as readonly string[]).includes(name);
}

/** A plain value PyYAML does not read as a string (`no`, `on`, `1:30`, `0777`, `~`, dates...). */
function yaml11Trap(doc: PhrasebookDocument, field: FieldNode): SpanFinding[] {
  if (!isEntryField(field.name) || !field.plain || field.plain.text === '' || field.plain.pyyaml.tag === 'str')
    return [];
  const fix = quoteFix(doc.text, field);
  return [
    {
      ...ruleDefaults(FINDING_CODES.yaml11Trap),
      message:
        `PyYAML (YAML 1.1, which the daemon uses to load this file) reads '${field.plain.text}' as ` +
        `${describePyYamlValue(field.plain.pyyaml)}, not as a string: quote it.`,
      span: field.valueSpan,
      field: field.name,
      fixes: fix ? [fix] : [],
      data: { pyyamlTag: field.plain.pyyaml.tag },
    },
  ];
}

function ignoredKeys(doc: PhrasebookDocument, entry: EntryNode, own: FieldNode[]): SpanFinding[] {
  const findings: SpanFinding[] = [];
  for (const field of own) {
    if (isEntryField(field.name)) continue;
    const keyText = field.name ?? doc.text.slice(field.keySpan.start, field.keySpan.end);
    if (field.name === DERIVED_KEY) {
      findings.push({
        severity: 'information',
        code: FINDING_CODES.ignoredKey,
        message: `'${DERIVED_KEY}' is computed by the daemon from reply_template; it is ignored on write and dropped from the saved file.`,
        span: field.keySpan,
        field: null,
        fixes: [removePairFix(doc.text, field, `Remove '${DERIVED_KEY}'`)],
      });
      continue;
    }
    const intended = intendedField(keyText, entry);
    findings.push({
      ...ruleDefaults(FINDING_CODES.ignoredKey),
      message:
        `'${keyText}' is not an entry field: the daemon ignores it and drops it on write` +
        (intended ? ` (did you mean '${intended}'?)` : ` (fields: ${ENTRY_FIELDS.join(', ')})`),
      span: field.keySpan,
      field: null,
      fixes: intended ? [renameKeyFix(field, intended)] : [removePairFix(doc.text, field, `Remove '${keyText}'`)],
      data: intended ? { intendedField: intended } : undefined,
    });
  }
  return findings;
}

/** The missing entry field a key most likely meant: a prefix (`reply`) or a near miss (`patern`). */
function intendedField(key: string, entry: EntryNode): EntryField | null {
  const lowered = key.toLowerCase();
  let best: { field: EntryField; score: number } | null = null;
  for (const field of ENTRY_FIELDS) {
    if (entry.fieldsByName.has(field)) continue;
    const isPrefix = lowered.length >= MIN_PREFIX_FOR_RENAME && field.startsWith(lowered);
    const score = isPrefix ? 0 : editDistance(lowered, field);
    if (score <= MAX_RENAME_DISTANCE && (!best || score < best.score)) best = { field, score };
  }
  return best?.field ?? null;
}

/** PyYAML keeps the last of repeated keys without a word; say which one is silently lost. */
function repeatedKeys(own: FieldNode[]): SpanFinding[] {
  const findings: SpanFinding[] = [];
  own.forEach((field, index) => {
    if (field.name === null) return;
    const later = own.slice(index + 1).find((other) => other.name === field.name);
    if (!later) return;
    findings.push({
      ...ruleDefaults(FINDING_CODES.yamlDuplicateKey),
      message: `'${field.name}' is repeated in this entry: only the last value counts, this one is ignored.`,
      span: field.keySpan,
      field: field.name,
      related: [{ span: later.keySpan, message: `the '${field.name}' that counts` }],
    });
  });
  return findings;
}

const CAVEAT_CODES: Partial<Record<PlaceholderCaveat, string>> = {
  'always-unknown': FINDING_CODES.placeholderAlwaysUnknown,
  'null-unless-paused': FINDING_CODES.placeholderNullUnlessPaused,
  boolean: FINDING_CODES.placeholderBoolean,
};
const CAVEAT_SEVERITY = {
  'always-unknown': 'warning',
  'null-unless-paused': 'information',
  boolean: 'information',
} as const;

function placeholderCaveats(entry: EntryNode): SpanFinding[] {
  const field = entry.fieldsByName.get('reply_template');
  if (!field || typeof field.value !== 'string') return [];
  const template = field.value;
  const findings: SpanFinding[] = [];
  for (const occurrence of findPlaceholders(template)) {
    const info = placeholderInfo(occurrence.path);
    const caveat = info?.caveat;
    if (!info || !caveat || !(caveat in CAVEAT_CODES)) continue;
    findings.push({
      severity: CAVEAT_SEVERITY[caveat as keyof typeof CAVEAT_SEVERITY],
      code: CAVEAT_CODES[caveat] as string,
      message: `{snapshot.${occurrence.path}}: ${info.caveatText}`,
      span: field.offsets().sourceSpan(occurrence.start, occurrence.end),
      field: 'reply_template',
      data: { path: occurrence.path },
    });
  }
  return findings;
}
