// The rule registry is the one list of finding codes: the README's table, the SARIF rules and the
// severity overrides all come from it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toSarif } from '../../../src/cli/sarif';
import type { Finding } from '../../../src/core/findings';
import {
  codesTagged,
  DEFAULT_SEVERITIES,
  FINDING_CODES,
  FINDING_RULES,
  findingTableRows,
  isOverridable,
} from '../../../src/core/phrasebook';

/** From out/test/unit/phrasebook to the repository root. */
const README = join(__dirname, '..', '..', '..', '..', 'README.md');
const TABLE_HEADER = '| Code | Default | Overridable | Finds |';

/** The rows of the README's finding table (after its header and separator, up to the first non-row line). */
function readmeTableRows(): string[] {
  const lines = readFileSync(README, 'utf8').split('\n');
  const header = lines.indexOf(TABLE_HEADER);
  assert.notEqual(header, -1, `README.md has no finding table headed ${TABLE_HEADER}`);
  const rows: string[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

const codeOfRow = (row: string) => /^\| `([^`]+)`/.exec(row)?.[1] ?? row;

describe('finding rule registry', () => {
  it("README.md's finding table is the registry's, row for row", () => {
    const readme = readmeTableRows();
    const registry = findingTableRows();
    const readmeCodes = new Set(readme.map(codeOfRow));
    const registryCodes = new Set(registry.map(codeOfRow));
    assert.deepEqual(
      {
        missingFromReadme: [...registryCodes].filter((c) => !readmeCodes.has(c)),
        notInRegistry: [...readmeCodes].filter((c) => !registryCodes.has(c)),
      },
      { missingFromReadme: [], notInRegistry: [] },
    );
    // Same codes: now every cell must match (paste findingTableRows() into README.md to mend).
    assert.deepEqual(readme, registry);
  });

  it('declares each code once, under one name', () => {
    const codes = FINDING_RULES.map((rule) => rule.code);
    assert.equal(new Set(codes).size, codes.length);
    assert.deepEqual(Object.values(FINDING_CODES).sort(), [...codes].sort());
  });

  it('gives SARIF a description and default level for every code, yaml/alias-explosion included', () => {
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const findings: Finding[] = FINDING_RULES.map((rule) => ({
      severity: rule.severity,
      code: rule.code,
      message: 'm',
      range: at,
      entryIndex: null,
      field: null,
    }));
    const sarif = toSarif([{ file: 'p.yml', findings }], '/work', '0.0.0') as {
      runs: Array<{
        tool: {
          driver: {
            rules: Array<{ id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }>;
          };
        };
      }>;
    };
    const rules = sarif.runs[0].tool.driver.rules;
    assert.equal(rules.length, FINDING_RULES.length);
    for (const rule of rules) assert.notEqual(rule.shortDescription.text, rule.id, `${rule.id} has no description`);
    const alias = rules.find((rule) => rule.id === FINDING_CODES.aliasExplosion);
    assert.match(alias?.shortDescription.text ?? '', /billion laughs/);
    assert.equal(alias?.defaultConfiguration.level, 'error');
  });

  it('derives overridability and default severities from the table', () => {
    assert.equal(isOverridable(FINDING_CODES.redosPolynomial), true);
    assert.equal(isOverridable(FINDING_CODES.duplicate), false, "the daemon's verdict");
    assert.equal(isOverridable(FINDING_CODES.yamlSyntax), false);
    assert.equal(
      isOverridable(FINDING_CODES.aliasExplosion),
      false,
      'a guard replaces the analysis: nothing to re-grade',
    );
    assert.equal(isOverridable('phrasebook/no-such-rule'), false);
    assert.equal(DEFAULT_SEVERITIES[FINDING_CODES.placeholderBoolean], 'information');
    for (const rule of FINDING_RULES)
      if (rule.tags.includes('daemon')) assert.equal(rule.overridable, false, rule.code);
  });

  it('tags the codes editors fade and the codes that carry an attack string', () => {
    assert.deepEqual(
      [...codesTagged('unnecessary')].sort(),
      [FINDING_CODES.ignoredKey, FINDING_CODES.shadowedEntry].sort(),
    );
    assert.deepEqual(
      [...codesTagged('attack')].sort(),
      [FINDING_CODES.redosExponential, FINDING_CODES.redosPolynomial].sort(),
    );
  });
});
