// Every vector of the contract's validator-vectors.json (a copy lives in fixtures/, the project
// must not read ../shared), plus the contract's §9 conformance cases for the validator.
import * as assert from 'node:assert/strict';
import {
  DAEMON_MESSAGES,
  LENGTH_CAPS,
  MAX_ENTRIES,
  NESTED_QUANTIFIER_HEURISTIC_SOURCE,
  PLACEHOLDER_REGEX_SOURCE,
  SNAPSHOT_SCALAR_PATHS,
  ENTRY_FIELDS,
  validateEntries,
} from '../../../src/core/phrasebook';
import vectors from './fixtures/validator-vectors.json';

const VALID = { pattern: '^hello$', category: 'greeting', description: 'test', reply_template: 'Hi!' };

describe('validator vectors (validator-vectors.json)', () => {
  it('has the same constants', () => {
    assert.deepEqual([...ENTRY_FIELDS], vectors.required_fields_in_check_order);
    assert.equal(MAX_ENTRIES, vectors.caps.entries);
    for (const { field, max } of LENGTH_CAPS) assert.equal(max, vectors.caps[field], field);
    assert.equal(NESTED_QUANTIFIER_HEURISTIC_SOURCE, vectors.nested_quantifier_heuristic_regex);
    assert.equal(PLACEHOLDER_REGEX_SOURCE, vectors.placeholder_regex);
    assert.deepEqual([...SNAPSHOT_SCALAR_PATHS], vectors.snapshot_scalar_paths);
  });

  for (const vector of vectors.pattern_cases) {
    it(`pattern ${JSON.stringify(vector.pattern)} → ${vector.errors.length} error(s)`, () => {
      assert.deepEqual(validateEntries([{ ...VALID, pattern: vector.pattern }]), vector.errors);
    });
  }

  for (const vector of vectors.reply_template_cases) {
    it(`reply_template ${JSON.stringify(vector.reply_template)} → ${vector.errors.length} error(s)`, () => {
      assert.deepEqual(validateEntries([{ ...VALID, reply_template: vector.reply_template }]), vector.errors);
    });
  }
});

describe('validator conformance cases (contract §9, T-PE)', () => {
  it('accepts the valid single entry', () => {
    assert.deepEqual(validateEntries([VALID]), []);
  });

  it('rejects a non-list with one root error', () => {
    assert.deepEqual(validateEntries('not a list'), [
      { entry_index: -1, field: '_root', error: 'entries must be a list' },
    ]);
    for (const payload of [null, undefined, {}, { entries: [] }, 42]) {
      assert.deepEqual(validateEntries(payload), [
        { entry_index: -1, field: '_root', error: DAEMON_MESSAGES.entriesNotList },
      ]);
    }
  });

  it('reports missing description and reply_template, in field order', () => {
    assert.deepEqual(validateEntries([{ pattern: 'x', category: 'y' }]), [
      { entry_index: 0, field: 'description', error: "required field 'description' missing or empty" },
      { entry_index: 0, field: 'reply_template', error: "required field 'reply_template' missing or empty" },
    ]);
  });

  it('treats a whitespace-only pattern as missing', () => {
    assert.deepEqual(validateEntries([{ ...VALID, pattern: '   ' }]), [
      { entry_index: 0, field: 'pattern', error: "required field 'pattern' missing or empty" },
    ]);
  });

  it('reports each cap at one past the limit', () => {
    const cases: Array<[string, number]> = [
      ['pattern', 513],
      ['reply_template', 4097],
      ['description', 257],
      ['category', 65],
    ];
    for (const [field, length] of cases) {
      const errors = validateEntries([{ ...VALID, [field]: 'a'.repeat(length) }]);
      assert.deepEqual(errors, [{ entry_index: 0, field, error: `${field} exceeds ${length - 1} characters` }]);
      assert.deepEqual(validateEntries([{ ...VALID, [field]: 'a'.repeat(length - 1) }]), []);
    }
  });

  it('reports 201 distinct entries with a root error first', () => {
    const entries = Array.from({ length: 201 }, (_, i) => ({ ...VALID, pattern: `^hello${i}$` }));
    assert.deepEqual(validateEntries(entries), [
      { entry_index: -1, field: '_root', error: 'too many entries (201 > 200)' },
    ]);
    assert.deepEqual(validateEntries(entries.slice(0, 200)), []);
  });

  it('flags the backtracking cases and (unclosed', () => {
    for (const pattern of ['(a+)+', '(.*)*', '(\\w*)?', '(.+)+']) {
      const [error] = validateEntries([{ ...VALID, pattern }]);
      assert.match(error.error, /backtracking/);
    }
    assert.match(validateEntries([{ ...VALID, pattern: '(unclosed' }])[0].error, /^invalid regex/);
  });

  it('checks placeholders against the allow-list', () => {
    assert.match(
      validateEntries([{ ...VALID, reply_template: 'Hello {snapshot.totally.not.real.field}!' }])[0].error,
      /not in known scalar schema/,
    );
    const burn = 'Burn: {snapshot.cost_ladder.spent_to_date_usd} / {snapshot.cost_ladder.credit_pool_usd}';
    assert.deepEqual(validateEntries([{ ...VALID, reply_template: burn }]), []);
  });

  it('reports a duplicate at the later index on _root', () => {
    const entry = { ...VALID, pattern: '^hi$', category: 'greeting' };
    assert.deepEqual(validateEntries([entry, { ...entry, description: 'other' }]), [
      { entry_index: 1, field: '_root', error: 'duplicate (pattern, category) \u2014 already declared at index 0' },
    ]);
  });
});
