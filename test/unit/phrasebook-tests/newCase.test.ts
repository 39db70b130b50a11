import { strict as assert } from 'node:assert';
import { caseInsertion, newTestFileText } from '../../../src/core/phrasebook/tests/newCase';
import { parseTestFile } from '../../../src/core/phrasebook/tests/testFile';

function insert(text: string, at: { offset: number; text: string }): string {
  return text.slice(0, at.offset) + at.text + text.slice(at.offset);
}

describe('adding a tested message as a test case', () => {
  it('appends after the last case at its indentation, before later keys and comments', () => {
    const text = 'cases:\n    - message: hey\n      category: greeting\n# trailing comment\nsnapshot: {a: 1}\n';
    const at = caseInsertion(text, { message: "what's up", category: 'status' });
    assert.ok(!('error' in at));
    const updated = insert(text, at);
    assert.equal(
      updated,
      "cases:\n    - message: hey\n      category: greeting\n    - message: 'what''s up'\n      category: 'status'\n# trailing comment\nsnapshot: {a: 1}\n",
    );
    const parsed = parseTestFile(updated);
    assert.deepEqual(parsed.findings, []);
    assert.deepEqual(
      parsed.cases.map((c) => [c.message, c.expect]),
      [
        ['hey', { category: 'greeting' }],
        ["what's up", { category: 'status' }],
      ],
    );
  });

  it('writes no_match for a message no entry answers, quoting what YAML would misread', () => {
    const text = 'snapshot: {a: 1}';
    const at = caseInsertion(text, { message: 'no: really #1' });
    assert.ok(!('error' in at));
    const parsed = parseTestFile(insert(text, at));
    assert.deepEqual(parsed.findings, []);
    assert.deepEqual(
      parsed.cases.map((c) => [c.message, c.expect]),
      [['no: really #1', { noMatch: true }]],
    );
  });

  it('refuses to edit a file it cannot edit safely', () => {
    assert.match(
      (caseInsertion('cases: [{message: a, no_match: true}]\n', { message: 'b' }) as { error: string }).error,
      /block list/,
    );
    assert.match(
      (caseInsertion('cases:\n  - message: [\n', { message: 'b' }) as { error: string }).error,
      /YAML errors/,
    );
  });

  it('starts a new test file that parses back to the case', () => {
    const parsed = parseTestFile(newTestFileText({ message: 'hey', category: 'greeting' }, 'slack_dm.yml'));
    assert.deepEqual(parsed.findings, []);
    assert.deepEqual(parsed.cases[0].expect, { category: 'greeting' });
  });
});
