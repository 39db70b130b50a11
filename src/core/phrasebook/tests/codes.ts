// One way to build a finding of a phrasebook test file (`tests/...`); the codes live in the rule registry.
import type { Finding, Range } from '../../findings';
import { ruleDefaults, type FindingCode } from '../lint/registry';

export function testFinding(
  code: FindingCode,
  message: string,
  range: Range,
  entryIndex: number | null = null,
): Finding {
  return { ...ruleDefaults(code), message, range, entryIndex, field: null };
}
