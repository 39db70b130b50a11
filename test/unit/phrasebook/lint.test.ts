// The linter: daemon rules at the exact characters, findings beyond the daemon, quick fixes that
// do what they say, severity overrides, and per-entry caching.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings';
import {
  createLintCache,
  lintEntry,
  lintPhrasebook,
  parsePhrasebook,
  validateEntries,
} from '../../../src/core/phrasebook';
import { applyFix, textAt } from './textEdits';

const REST = '    category: c\n    description: d\n    reply_template: r\n';

function entry(pattern: string, rest = REST): string {
  return `  - pattern: ${pattern}\n${rest}`;
}

function only(findings: Finding[], code: string): Finding {
  const matching = findings.filter((f) => f.code === code);
  assert.equal(matching.length, 1, `expected one ${code}, got ${JSON.stringify(findings.map((f) => f.code))}`);
  return matching[0];
}

describe('lint: daemon rules at the exact character', () => {
  const cases: Array<[string, string, string]> = [
    ["'it''s (unclosed'", 'daemon/invalid-regex', '('],
    ['"\\u00e9\\\\q"', 'daemon/invalid-regex', '\\\\'],
    ['"\\U0001F600x{2,1}"', 'daemon/invalid-regex', '2'],
    ['|-\n      abc)\n', 'daemon/invalid-regex', ')'],
    ['>-\n      ab\n      [cd\n', 'daemon/invalid-regex', '['],
    ['plain (a+)+ text', 'daemon/nested-quantifier', '(a+)+'],
  ];
  for (const [yamlValue, code, expected] of cases) {
    it(`${code} in ${JSON.stringify(yamlValue)} → ${JSON.stringify(expected)}`, () => {
      const text = `entries:\n${entry(yamlValue)}`;
      const finding = only(lintPhrasebook(text).findings, code);
      assert.equal(textAt(text, finding.range), expected);
      assert.equal(finding.severity, 'error');
      assert.equal(finding.entryIndex, 0);
      assert.equal(finding.field, 'pattern');
    });
  }

  it('gives each unknown placeholder occurrence its own range and the daemon message', () => {
    const text = `entries:\n  - pattern: x\n    category: c\n    description: d\n    reply_template: "{snapshot.x.y} and {snapshot.x.y}"\n`;
    const findings = lintPhrasebook(text).findings.filter((f) => f.code === 'daemon/unknown-placeholder');
    assert.deepEqual(
      findings.map((f) => textAt(text, f.range)),
      ['{snapshot.x.y}', '{snapshot.x.y}'],
    );
    assert.notDeepEqual(findings[0].range, findings[1].range);
    assert.equal(findings[0].message, validateEntries(parsePhrasebook(text).entriesValue)[0].error);
  });

  it('puts a duplicate on the later entry with related information to the first', () => {
    const text = `entries:\n${entry('^hi$')}${entry('^x$')}${entry('^hi$')}`;
    const finding = only(lintPhrasebook(text).findings, 'daemon/duplicate');
    assert.equal(finding.entryIndex, 2);
    assert.equal(finding.message, 'duplicate (pattern, category) \u2014 already declared at index 0');
    assert.equal(finding.related?.[0].range.start.line, 1);
    const fixed = applyFix(text, finding.fixes![0]);
    assert.equal(fixed, `entries:\n${entry('^hi$')}${entry('^x$')}`);
  });

  it("gives the daemon's duplicate index, explained, when it names an entry missing a field", () => {
    const blank = '    category: c\n    description: " "\n    reply_template: r\n';
    const text = `entries:\n${entry('^hi$', blank)}${entry('^hi$')}${entry('^hi$')}`;
    const finding = only(lintPhrasebook(text).findings, 'daemon/duplicate');
    assert.equal(finding.entryIndex, 2);
    assert.ok(
      finding.message.startsWith(
        'duplicate (pattern, category) \u2014 already declared at index 0 (the daemon names entry 0',
      ),
    );
    assert.match(finding.message, /fails the required-field check .* this entry duplicates entry 1\)$/);
    assert.equal(finding.related?.[0].message, 'first declared here (entry 1)');
  });

  it('reports root errors on the entries key or the document start', () => {
    const notList = lintPhrasebook('entries: {a: 1}\n').findings;
    assert.equal(only(notList, 'daemon/root-not-list').message, 'entries must be a list');
    assert.equal(only(lintPhrasebook('other: 1\n').findings, 'daemon/root-not-list').range.start.line, 0);
    const many = `entries:\n${Array.from({ length: 201 }, (_, i) => entry(`^e${i}$`)).join('')}`;
    const tooMany = only(lintPhrasebook(many).findings, 'daemon/too-many-entries');
    assert.equal(tooMany.message, 'too many entries (201 > 200)');
    assert.equal(textAt(many, tooMany.range), 'entries');
  });

  it('reports non-object entries and missing fields on the entry', () => {
    const text = 'entries:\n  - just a string\n  - pattern: x\n    category: c\n';
    const findings = lintPhrasebook(text).findings;
    assert.equal(textAt(text, only(findings, 'daemon/entry-not-object').range), 'just a string');
    const missing = findings.filter((f) => f.code === 'daemon/required-field');
    assert.deepEqual(
      missing.map((f) => [f.entryIndex, f.field, textAt(text, f.range)]),
      [
        [1, 'description', 'pattern'],
        [1, 'reply_template', 'pattern'],
      ],
    );
  });

  it('yields exactly the daemon errors as daemon/* findings (same entries, fields, messages)', () => {
    const text = [
      'entries:',
      entry('(unclosed'),
      entry(
        '"(\\\\d+)?"',
        '    category: c\n    description: d\n    reply_template: "{snapshot.nope} {snapshot.nope}"\n',
      ),
      '  - 42',
      entry('"a{99999999999}"'),
      entry('(unclosed'),
    ].join('\n');
    const doc = parsePhrasebook(text);
    const expected = validateEntries(doc.entriesValue).map((e) => `${e.entry_index}|${e.field}|${e.error}`);
    const actual = lintPhrasebook(text)
      .findings.filter((f) => f.code.startsWith('daemon/'))
      .map((f) => `${f.entryIndex}|${f.field}|${f.message}`);
    assert.deepEqual([...new Set(actual)].sort(), [...new Set(expected)].sort());
    assert.ok(actual.some((line) => line.includes('HTTP 500: OverflowError')));
  });
});

describe('lint: beyond the daemon', () => {
  it('flags YAML 1.1 traps and quotes them', () => {
    const text = `entries:\n  - pattern: x\n    category: no\n    description: 1:30\n    reply_template: r\n`;
    const result = lintPhrasebook(text);
    const traps = result.findings.filter((f) => f.code === 'yaml/yaml11-trap');
    assert.deepEqual(
      traps.map((f) => textAt(text, f.range)),
      ['no', '1:30'],
    );
    assert.match(traps[0].message, /boolean False/);
    assert.match(traps[1].message, /integer 90/);
    let fixed = applyFix(text, traps[0].fixes![0]);
    fixed = applyFix(fixed, lintPhrasebook(fixed).findings.find((f) => f.code === 'yaml/yaml11-trap')!.fixes![0]);
    assert.deepEqual(parsePhrasebook(fixed).entriesValue, [
      { pattern: 'x', category: 'no', description: '1:30', reply_template: 'r' },
    ]);
    assert.deepEqual(lintPhrasebook(fixed).findings, []);
  });

  it('flags ignored keys and offers the rename it probably meant', () => {
    const text = `entries:\n  - pattern: x\n    category: c\n    description: d\n    reply: r\n    referenced_snapshot_fields: []\n`;
    const findings = lintPhrasebook(text).findings.filter((f) => f.code === 'phrasebook/ignored-key');
    assert.equal(findings.length, 2);
    const renamed = applyFix(text, findings.find((f) => textAt(text, f.range) === 'reply')!.fixes![0]);
    assert.equal((parsePhrasebook(renamed).entriesValue as Array<Record<string, unknown>>)[0].reply_template, 'r');
    const removed = applyFix(
      text,
      findings.find((f) => textAt(text, f.range) === 'referenced_snapshot_fields')!.fixes![0],
    );
    assert.ok(!removed.includes('referenced_snapshot_fields'));
    assert.ok(removed.endsWith('    reply: r\n'));
  });

  it('explains placeholders that fall through or render oddly', () => {
    const template =
      '"{snapshot.tasks.open_count} {snapshot.operational_state.pause_reason} {snapshot.operational_state.paused}"';
    const text = `entries:\n  - pattern: x\n    category: c\n    description: d\n    reply_template: ${template}\n`;
    const codes = lintPhrasebook(text).findings.map((f) => [f.code, f.severity, textAt(text, f.range)]);
    assert.deepEqual(codes, [
      ['phrasebook/placeholder-always-unknown', 'warning', '{snapshot.tasks.open_count}'],
      ['phrasebook/placeholder-null-unless-paused', 'information', '{snapshot.operational_state.pause_reason}'],
      ['phrasebook/placeholder-boolean', 'information', '{snapshot.operational_state.paused}'],
    ]);
  });

  it('offers the closest known placeholder path', () => {
    const text = `entries:\n  - pattern: x\n    category: c\n    description: d\n    reply_template: 'Tier {snapshot.current_tier}!'\n`;
    const finding = only(lintPhrasebook(text).findings, 'daemon/unknown-placeholder');
    assert.equal(finding.fixes![0].title, 'Change to {snapshot.cost_ladder.current_tier}');
    const fixed = applyFix(text, finding.fixes![0]);
    assert.ok(fixed.includes("'Tier {snapshot.cost_ladder.current_tier}!'"));
    assert.deepEqual(lintPhrasebook(fixed).findings, []);
  });

  it("offers the heuristic-safe rewrite for false positives, in the scalar's own style", () => {
    for (const value of ['"(\\\\d+)?x"', "'(\\d+)?x'", '(\\d+)?x', '|-\n      (\\d+)?x\n']) {
      const text = `entries:\n${entry(value)}`;
      const finding = only(lintPhrasebook(text).findings, 'daemon/nested-quantifier');
      const fixed = applyFix(text, finding.fixes![0]);
      assert.deepEqual(lintPhrasebook(fixed).findings, [], `after fixing ${value}: ${fixed}`);
      assert.equal((parsePhrasebook(fixed).entriesValue as Array<{ pattern: string }>)[0].pattern, '(\\d+|)x');
    }
  });

  it('offers no rewrite for a real nested quantifier', () => {
    const finding = only(lintPhrasebook(`entries:\n${entry('(a+)+')}`).findings, 'daemon/nested-quantifier');
    assert.equal(finding.fixes, undefined);
  });

  it('flags an entry shadowed by an earlier one, with related information', () => {
    const text = `entries:\n${entry('"^(hi|hey)[\\\\s!.]*$"')}${entry('"^HEY[\\\\s!.]*$"', REST.replace('c\n', 'other\n'))}`;
    const finding = only(lintPhrasebook(text).findings, 'phrasebook/shadowed-entry');
    assert.equal(finding.entryIndex, 1);
    assert.equal(finding.related?.[0].range.start.line, 1);
  });

  it('warns about what PyYAML reads differently: repeated keys, unloadable values, Unicode line breaks', () => {
    const text = `entries:\n  - pattern: a\n    pattern: x\n    category: "c\u2028"\n    description: 2024-02-30\n    reply_template: r\n`;
    const findings = lintPhrasebook(text).findings;
    const repeated = only(findings, 'yaml/duplicate-key');
    assert.deepEqual([repeated.range.start.line, repeated.related?.[0].range.start.line], [1, 2]);
    assert.equal(textAt(text, only(findings, 'yaml/pyyaml-load-error').range), '2024-02-30');
    assert.equal(only(findings, 'yaml/unicode-line-break').range.start.line, 3);
  });

  it('applies severity overrides except to daemon rules', () => {
    const text = `entries:\n  - pattern: (unclosed\n    category: no\n    description: d\n    reply_template: r\n    extra: 1\n`;
    const result = lintPhrasebook(text, {
      fromDisk: false,
      severityOverrides: {
        'yaml/yaml11-trap': 'error',
        'phrasebook/ignored-key': 'off',
        'daemon/invalid-regex': 'off',
      },
    });
    assert.equal(only(result.findings, 'yaml/yaml11-trap').severity, 'error');
    assert.equal(result.findings.filter((f) => f.code === 'phrasebook/ignored-key').length, 0);
    assert.equal(only(result.findings, 'daemon/invalid-regex').severity, 'error');
  });
});

describe('lint: per-entry caching', () => {
  it('re-analyses only the entry that changed, with identical findings', () => {
    const entries = Array.from({ length: 20 }, (_, i) => entry(`"^(a|b)${i}(\\\\d+)?$"`)).join('');
    const text = `entries:\n${entries}`;
    const cache = createLintCache();
    const first = lintPhrasebook(text, { cache });
    assert.deepEqual([first.stats.analysed, first.stats.reused], [20, 0]);
    const edited = `# header\nentries:\n${entries.replace('^(a|b)5', '^(a|b|c)5')}`;
    const second = lintPhrasebook(edited, { cache });
    assert.deepEqual([second.stats.analysed, second.stats.reused], [1, 19]);
    assert.deepEqual(second.findings, lintPhrasebook(edited).findings, 'cached and fresh analyses agree');
    assert.equal(second.entries.filter((e) => !e.reused).map((e) => e.index)[0], 5);
    const alone = lintEntry(parsePhrasebook(edited), 5, { cache });
    assert.deepEqual(
      alone,
      second.findings.filter((f) => f.entryIndex === 5 && f.code !== 'phrasebook/shadowed-entry'),
    );
  });
});
