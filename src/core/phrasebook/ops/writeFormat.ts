// The daemon's write format (contract §4.6): what `yaml.safe_dump({"entries": [...]},
// sort_keys=False, allow_unicode=True)` writes — a single top-level `entries` key, the list
// unindented under it, keys in the order pattern, category, description, reply_template — and the
// canonical hash of an entries list that pull/push use to notice live changes.
import { createHash } from 'node:crypto';
import { ENTRY_FIELDS } from '../constants';
import { chooseValueStyle, EmitterState } from '../yaml/pyyamlEmit';

export interface DaemonEntry {
  pattern: string;
  category: string;
  description: string;
  reply_template: string;
}

/** Indentation PyYAML gives the keys of a mapping inside the (unindented) list. */
const MAPPING_INDENT = 2;
/** `expect_scalar` indents a scalar's continuation lines one step deeper than its key. */
const SCALAR_INDENT = MAPPING_INDENT * 2;

/** The override file the daemon would write for these entries, byte for byte. */
export function toDaemonYaml(entries: readonly DaemonEntry[]): string {
  const out = new EmitterState();
  out.writePlain('entries', false);
  out.writeIndicator(':', false);
  if (entries.length === 0) {
    out.writeIndicator('[', true, true);
    out.writeIndicator(']', false);
    out.writeIndent();
    return out.output;
  }
  for (const entry of entries) {
    out.indent = 0;
    out.writeIndent();
    out.writeIndicator('-', true, false, true);
    out.indent = MAPPING_INDENT;
    for (const field of ENTRY_FIELDS) {
      out.writeIndent();
      out.writePlain(field, false);
      out.writeIndicator(':', false);
      out.indent = SCALAR_INDENT;
      writeValue(out, String(entry[field]));
      out.indent = MAPPING_INDENT;
    }
  }
  out.indent = 0;
  out.writeIndent();
  return out.output;
}

function writeValue(out: EmitterState, value: string): void {
  switch (chooseValueStyle(value)) {
    case 'plain':
      out.writePlain(value, true);
      break;
    case 'single':
      out.writeSingleQuoted(value, true);
      break;
    default:
      out.writeDoubleQuoted(value, true);
  }
}

/** The entries with exactly the four written fields, in the written order. */
export function canonicalEntries(entries: readonly DaemonEntry[]): DaemonEntry[] {
  return entries.map((entry) => ({
    pattern: entry.pattern,
    category: entry.category,
    description: entry.description,
    reply_template: entry.reply_template,
  }));
}

/** `sha256:<hex>` of the canonical JSON of the entries (four keys in order, no whitespace). */
export function canonicalEntriesHash(entries: readonly DaemonEntry[]): string {
  const json = JSON.stringify(canonicalEntries(entries));
  return `sha256:${createHash('sha256').update(json, 'utf8').digest('hex')}`;
}
