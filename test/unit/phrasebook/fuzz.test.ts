// Fuzzing the YAML layer, the linter and the validator: whatever the input, no exception escapes,
// results keep their shape, and every range lies inside the document. Over 50,000 cases in all.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintPhrasebook, parsePhrasebook, validateEntries } from '../../../src/core/phrasebook';
import type { Range } from '../../../src/core/findings';

const YAML_PIECES = [
  'entries:',
  '\n',
  '  - ',
  '- ',
  'pattern: ',
  'category: ',
  'description: ',
  'reply_template: ',
  '"',
  "'",
  '\\',
  '|',
  '>-',
  '|+2',
  '{',
  '}',
  '[',
  ']',
  ',',
  ': ',
  '#',
  '&a ',
  '*a',
  '<<: ',
  '!!str ',
  '!!int ',
  '? ',
  '---',
  '...',
  '%YAML 1.1',
  '\t',
  '    ',
  '(a+)+',
  '(\\d+)?',
  '[x',
  '{snapshot.alerts.active_count}',
  '{snapshot.nope}',
  'no',
  '1:30',
  '~',
  'é',
  '😀',
  '\u2028',
  '\r\n',
  'x',
];
const yamlLike = fc.array(fc.constantFrom(...YAML_PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

function assertRangeInside(text: string, range: Range): void {
  const lines = text.split('\n');
  for (const position of [range.start, range.end]) {
    assert.ok(
      position.line >= 0 && position.line < Math.max(1, lines.length),
      `line ${position.line} outside the document`,
    );
    assert.ok(
      position.character >= 0 && position.character <= lines[position.line].length,
      `character ${position.character} outside line ${position.line}`,
    );
  }
}

describe('fuzzing', () => {
  it('lints YAML-shaped noise without throwing, with ranges inside the document', () => {
    fc.assert(
      fc.property(yamlLike, fc.boolean(), (text, fromDisk) => {
        const result = lintPhrasebook(text, { fromDisk });
        for (const finding of result.findings) {
          assertRangeInside(text, finding.range);
          for (const fix of finding.fixes ?? []) for (const edit of fix.edits) assertRangeInside(text, edit.range);
        }
        for (const entry of result.entries) {
          for (const placeholder of entry.placeholders) assertRangeInside(text, placeholder.range);
        }
      }),
      { numRuns: 15_000 },
    );
  });

  it('parses arbitrary text without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const doc = parsePhrasebook(text);
        assert.ok(Array.isArray(doc.entries));
        lintPhrasebook(text);
      }),
      { numRuns: 15_000 },
    );
  });

  it('validates any JSON value without throwing', () => {
    const entryLike = fc.record(
      {
        pattern: fc.oneof(fc.string(), fc.jsonValue()),
        category: fc.oneof(fc.string(), fc.jsonValue()),
        description: fc.string(),
        reply_template: fc.string(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.array(fc.oneof(entryLike, fc.jsonValue()), { maxLength: 8 })),
        (payload) => {
          for (const error of validateEntries(payload)) {
            assert.equal(typeof error.entry_index, 'number');
            assert.equal(typeof error.field, 'string');
            assert.equal(typeof error.error, 'string');
          }
        },
      ),
      { numRuns: 25_000 },
    );
  });
});
