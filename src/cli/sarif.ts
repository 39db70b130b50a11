// Findings as SARIF 2.1.0, for code scanning in CI (GitHub and others). Columns are UTF-16 code
// units (`columnKind`), 1-based as SARIF wants; quick fixes become SARIF `fixes`.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Range, Severity } from '../core/findings';
import { DEFAULT_SEVERITIES } from '../core/phrasebook';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_NAME = 'kora-ops';
const SRCROOT = '%SRCROOT%';

/** One line per finding code, for the SARIF rule table (and anyone listing the codes). */
export const FINDING_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'yaml/syntax': 'The file is not valid YAML.',
  'yaml/duplicate-key': 'A key is repeated in an entry; only the last value counts.',
  'yaml/pyyaml-load-error': "PyYAML's safe_load fails on this value; the daemon would ignore the file.",
  'yaml/yaml11-trap': 'PyYAML (YAML 1.1) does not read this unquoted value as a string.',
  'yaml/unicode-line-break': 'U+0085/U+2028/U+2029 are line breaks to PyYAML but not to YAML 1.2 readers.',
  'daemon/root-not-list': 'The daemon needs a top-level `entries` list.',
  'daemon/too-many-entries': 'The daemon accepts at most 200 entries.',
  'daemon/entry-not-object': 'Each entry must be a mapping.',
  'daemon/required-field': 'pattern, category, description and reply_template are required, non-blank strings.',
  'daemon/too-long': 'A field exceeds its length cap.',
  'daemon/invalid-regex': "The pattern does not compile with Python's re (IGNORECASE).",
  'daemon/http-500': 'The pattern makes the daemon crash (HTTP 500) instead of rejecting it.',
  'phrasebook/regex-unchecked': "kora-ops' regex engine failed on this pattern; the daemon's verdict is unknown.",
  'daemon/nested-quantifier': "The daemon's nested-quantifier heuristic rejects the pattern.",
  'daemon/unknown-placeholder': 'A {snapshot.…} placeholder is not in the daemon\'s allow-list.',
  'daemon/duplicate': 'The same (pattern, category) pair is declared twice.',
  'phrasebook/ignored-key': 'A key the daemon ignores and drops on write.',
  'phrasebook/placeholder-always-unknown': 'The placeholder is always "unknown", so the reply always falls through.',
  'phrasebook/placeholder-null-unless-paused': 'The placeholder is null unless the daemon is paused.',
  'phrasebook/placeholder-boolean': 'The placeholder renders as Python True/False.',
  'phrasebook/shadowed-entry': 'An earlier entry matches every message this one matches.',
  'phrasebook/untranslatable': 'The pattern has no JavaScript equivalent (previews and analysis only).',
  'redos/exponential': 'Catastrophic backtracking: exponential matching time.',
  'redos/polynomial': 'Polynomial backtracking: super-linear matching time.',
  'redos/inconclusive': 'The ReDoS analysis could not reach a verdict.',
};

type SarifLevel = 'error' | 'warning' | 'note';

function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

export interface FileFindings {
  /** The path as given on the command line. */
  file: string;
  findings: Finding[];
}

/** A SARIF log with one run; file URIs are relative to `cwd` (`%SRCROOT%`) when inside it. */
export function toSarif(files: readonly FileFindings[], cwd: string, toolVersion: string): object {
  const codes = [...new Set(files.flatMap((f) => f.findings.map((finding) => finding.code)))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const artifact = (file: string) => {
    const absolute = path.resolve(cwd, file);
    const relative = path.relative(cwd, absolute);
    return relative.startsWith('..') || path.isAbsolute(relative)
      ? { uri: pathToFileURL(absolute).href }
      : { uri: relative.split(path.sep).join('/'), uriBaseId: SRCROOT };
  };
  const results = files.flatMap(({ file, findings }) =>
    findings.map((finding) => ({
      ruleId: finding.code,
      ruleIndex: ruleIndex.get(finding.code),
      level: sarifLevel(finding.severity),
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(file), region: region(finding.range) } }],
      ...(finding.related?.length
        ? {
            relatedLocations: finding.related.map((related, id) => ({
              id,
              message: { text: related.message },
              physicalLocation: { artifactLocation: artifact(file), region: region(related.range) },
            })),
          }
        : {}),
      ...(finding.fixes?.length
        ? {
            fixes: finding.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [
                {
                  artifactLocation: artifact(file),
                  replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
                },
              ],
            })),
          }
        : {}),
      properties: { entryIndex: finding.entryIndex, field: finding.field },
    })),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: toolVersion,
            informationUri: 'https://example.invalid/kora/kora-ops',
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: FINDING_DESCRIPTIONS[code] ?? code },
              defaultConfiguration: { level: sarifLevel(DEFAULT_SEVERITIES[code] ?? 'error') },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        results,
      },
    ],
  };
}
