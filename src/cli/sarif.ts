// Findings as SARIF 2.1.0, for code scanning in CI (GitHub and others). Columns are UTF-16 code
// units (`columnKind`), 1-based as SARIF wants; quick fixes become SARIF `fixes`.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Range, Severity } from '../core/findings';
import { findingRule } from '../core/phrasebook';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_NAME = 'kora-ops';
const SRCROOT = '%SRCROOT%';

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
                  replacements: fix.edits.map((edit) => ({
                    deletedRegion: region(edit.range),
                    insertedContent: { text: edit.newText },
                  })),
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
            rules: codes.map((code) => {
              const rule = findingRule(code);
              return {
                id: code,
                shortDescription: { text: rule?.description ?? code },
                defaultConfiguration: { level: sarifLevel(rule?.severity ?? 'error') },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href } },
        results,
      },
    ],
  };
}
