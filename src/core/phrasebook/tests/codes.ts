// The finding codes of phrasebook test files (`tests/...`), and one way to build such a finding.
import type { Finding, Range, Severity } from '../../findings';

export const TEST_CODES = {
  yamlLoadError: 'tests/yaml-load-error',
  noCases: 'tests/no-cases',
  unknownField: 'tests/unknown-key',
  badValue: 'tests/bad-value',
  invalidCase: 'tests/invalid-case',
  phrasebookMissing: 'tests/phrasebook-missing',
  unknownCategory: 'tests/unknown-category',
  messageTooLong: 'tests/message-too-long',
  emptyMessage: 'tests/empty-message',
  invalidReplyPattern: 'tests/invalid-reply-pattern',
  untested: 'tests/untested-entry',
} as const;

export function testFinding(
  severity: Severity,
  code: string,
  message: string,
  range: Range,
  entryIndex: number | null = null,
): Finding {
  return { severity, code, message, range, entryIndex, field: null };
}
