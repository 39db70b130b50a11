import { strict as assert } from 'node:assert';
import { parsePhrasebook } from '../../../src/core/phrasebook/document';
import { checkTestFile } from '../../../src/core/phrasebook/tests/checks';
import { FINDING_CODES } from '../../../src/core/phrasebook/lint/registry';
import { coverageFindings, coverageOf } from '../../../src/core/phrasebook/tests/coverage';
import { isTestFilePath, phrasebookPathFor, testFilePathFor } from '../../../src/core/phrasebook/tests/paths';
import { runFileLocally, runFileOnDaemon } from '../../../src/core/phrasebook/tests/runner';
import { parseTestFile } from '../../../src/core/phrasebook/tests/testFile';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { startHarness } from '../phrasebook-ops/fixtures';

const NOW = new Date('2026-12-04T12:00:00Z');
const PHRASEBOOK = `entries:
  - pattern: '^h'
    category: catchall
    description: too broad
    reply_template: Hm.
  - pattern: '^(hey|hi)$'
    category: greeting
    description: hi
    reply_template: 'Hey, {snapshot.operational_state.primary}'
  - pattern: '^bye$'
    category: farewell
    description: bye
    reply_template: Bye.
`;
const entries = () => parsePhrasebook(PHRASEBOOK).entriesValue;
const source = () => ({ entries: entries(), label: 'pb.yml' });
const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code).sort();

async function runText(text: string) {
  const file = parseTestFile(text);
  return { file, run: await runFileLocally(file, source(), { now: NOW }) };
}

describe('phrasebook test files', () => {
  it('reads cases with their expectations, fixture and ranges', () => {
    const file = parseTestFile(`phrasebook: other.yml
snapshot: {operational_state: {primary: RUNNING, paused: false}}
cases:
  - message: hey
    category: greeting
    reply: Hey, RUNNING
  - name: nothing
    message: weather?
    no_match: true
  - message: hi
    reply_matches: 'Hey'
    snapshot: {operational_state: {primary: PAUSED}}
`);
    assert.deepEqual(file.findings, []);
    assert.equal(file.phrasebook, 'other.yml');
    assert.deepEqual(
      file.cases.map((c) => c.label),
      ['hey', 'nothing', 'hi'],
    );
    assert.deepEqual(file.cases[0].expect, { category: 'greeting', reply: 'Hey, RUNNING' });
    assert.deepEqual(file.cases[1].expect, { noMatch: true });
    assert.deepEqual(
      file.cases[2].snapshot,
      { operational_state: { primary: 'PAUSED', paused: false } },
      'case values merge over the file fixture',
    );
    assert.equal(file.cases[0].range.start.line, 3);
    assert.deepEqual(file.cases[0].fieldRanges.category, {
      start: { line: 4, character: 14 },
      end: { line: 4, character: 22 },
    });
  });

  it('reports structural mistakes with codes and keeps such cases as errors, not passes', async () => {
    const { file, run } = await runText(`cases:
  - message: hey
  - message: hey
    category: greeting
    no_match: true
  - message: 42
    category: greeting
  - message: hey
    categroy: greeting
    category: catchall
`);
    assert.deepEqual(codes(file.findings), [
      FINDING_CODES.testInvalidCase,
      FINDING_CODES.testInvalidCase,
      FINDING_CODES.testInvalidCase,
      FINDING_CODES.testUnknownKey,
    ]);
    assert.deepEqual(
      run.results.map((r) => r.status),
      ['errored', 'errored', 'errored', 'passed'],
    );
    assert.match(run.results[0].message ?? '', /say what to expect/);
  });

  it('needs a cases list', () => {
    assert.deepEqual(codes(parseTestFile('cases: 3\n').findings), [FINDING_CODES.testNoCases]);
    assert.deepEqual(codes(parseTestFile('- message: hey\n').findings), [FINDING_CODES.testNoCases]);
  });

  it('checks categories, message lengths and reply patterns against the phrasebook and the daemon', () => {
    const file = parseTestFile(`cases:
  - message: hey
    category: greting
  - message: '${'a'.repeat(1025)}'
    no_match: true
  - message: '   '
    no_match: true
  - message: hey
    reply_matches: '(unclosed'
  - message: '${'é'.repeat(1024)}'
    no_match: true
`);
    const findings = checkTestFile(file, source());
    assert.deepEqual(codes(findings), [
      FINDING_CODES.testEmptyMessage,
      FINDING_CODES.testInvalidReplyPattern,
      FINDING_CODES.testMessageTooLong,
      FINDING_CODES.testUnknownCategory,
    ]);
    assert.match(
      findings.find((f) => f.code === FINDING_CODES.testUnknownCategory)!.message,
      /'greting' \(categories: catchall, farewell, greeting\)/,
    );
    assert.deepEqual(
      codes(checkTestFile(file, { missing: 'ENOENT', label: 'pb.yml' })).filter(
        (c) => c === FINDING_CODES.testPhrasebookMissing,
      ),
      [FINDING_CODES.testPhrasebookMissing],
    );
  });

  it('answers as the daemon does and says which earlier entry took the message', async () => {
    const { run } = await runText(`cases:
  - message: hey
    category: greeting
  - message: '  bye  '
    category: farewell
  - message: what
    category: greeting
`);
    assert.deepEqual(
      run.results.map((r) => r.status),
      ['failed', 'passed', 'failed'],
    );
    const [shadowed, , unmatched] = run.results;
    assert.equal(shadowed.expected, 'answer: entry "greeting"\n');
    assert.equal(shadowed.actual, 'answer: entry "catchall" (entry 0)\n');
    assert.match(
      shadowed.message ?? '',
      /entry 0 \("catchall"\) took the message before entry 1 \("greeting"\), which matches it too/,
    );
    assert.match(unmatched.message ?? '', /no entry with category "greeting" matches this message/);
  });

  it('renders replies from the fixture (fresh unless it says otherwise) and checks reply and reply_matches', async () => {
    const { run } = await runText(`snapshot: {operational_state: {primary: RUNNING}}
cases:
  - message: bye
    reply: Bye.
  - message: bye
    reply: Bye!
  - message: bye
    reply_matches: '^Bye\\.$'
  - message: bye
    reply_matches: 'bye'
  - message: bye
    reply: null
  - message: bye
    reply: null
    snapshot: {computed_at: '2020-01-01T00:00:00Z'}
`);
    assert.deepEqual(
      run.results.map((r) => r.status),
      ['passed', 'failed', 'passed', 'failed', 'failed', 'passed'],
    );
    assert.equal(run.results[1].expected, 'reply: "Bye!"\n');
    assert.equal(run.results[1].actual, 'reply: "Bye."\n');
    assert.match(
      run.results[3].message ?? '',
      /expected a reply matching \/bye\/, got "Bye\."/,
      'reply_matches is case-sensitive',
    );
  });

  it('without a fixture there is no reply, and says why', async () => {
    const { run } = await runText(`cases:
  - message: bye
    reply: Bye.
`);
    assert.equal(run.results[0].status, 'failed');
    assert.equal(run.results[0].actual, 'reply: none (the test file gives no snapshot fixture)\n');
  });

  it('errors every case when the phrasebook cannot be read', async () => {
    const file = parseTestFile('cases:\n  - message: hey\n    no_match: true\n');
    const run = await runFileLocally(file, { missing: 'ENOENT', label: 'gone.yml' }, { now: NOW });
    assert.deepEqual(
      run.results.map((r) => [r.status, r.message]),
      [['errored', 'cannot read the phrasebook gone.yml: ENOENT']],
    );
  });

  it('reports the entries no case reaches, as hints on their patterns', async () => {
    const { run } = await runText('cases:\n  - message: hey\n    category: catchall\n');
    const coverage = coverageOf(run.entries, run.results);
    assert.deepEqual(coverage, {
      total: 3,
      reached: 1,
      uncovered: [
        { entryIndex: 1, category: 'greeting', description: 'hi' },
        { entryIndex: 2, category: 'farewell', description: 'bye' },
      ],
    });
    const hints = coverageFindings(parsePhrasebook(PHRASEBOOK), coverage.uncovered, 'pb.tests.yml');
    assert.deepEqual(
      hints.map((h) => [h.severity, h.code, h.range.start.line]),
      [
        ['hint', FINDING_CODES.testUntestedEntry, 5],
        ['hint', FINDING_CODES.testUntestedEntry, 9],
      ],
    );
  });

  it('names test files and their phrasebooks', () => {
    assert.equal(isTestFilePath('/w/slack_dm.tests.yml'), true);
    assert.equal(isTestFilePath('/w/slack_dm.yml'), false);
    assert.equal(phrasebookPathFor('/w/slack_dm.tests.yaml', undefined), '/w/slack_dm.yaml');
    assert.equal(phrasebookPathFor('/w/t/a.tests.yml', '../pb/slack_dm.yml'), '/w/pb/slack_dm.yml');
    assert.equal(testFilePathFor('/w/slack_dm.yml'), '/w/slack_dm.tests.yml');
  });

  describe('on a daemon', () => {
    it('checks the live answer, and replies only for cases without a fixture', async () => {
      const harness = await startHarness();
      try {
        await harness.client.putPhrasebook(SEED_ENTRIES.map((entry) => ({ ...entry })));
        const file = parseTestFile(`cases:
  - message: hey
    category: greeting
  - message: hey
    category: thanks
  - message: zzz
    no_match: true
  - message: hey
    category: greeting
    reply: nope
    snapshot: {a: 1}
`);
        const run = await runFileOnDaemon(file, harness.client);
        assert.deepEqual(
          run.results.map((r) => r.status),
          ['passed', 'failed', 'passed', 'passed'],
        );
        assert.equal(run.results[1].actual, 'answer: entry "greeting"\n');
        assert.match(run.results[3].notes.join(), /reply not checked on the daemon/);
      } finally {
        await harness.close();
      }
    });

    it('errors a case the daemon does not answer', async () => {
      const file = parseTestFile('cases:\n  - message: hey\n    category: greeting\n');
      const failing = { testPhrasebook: async () => Promise.reject(new Error('connection refused')) };
      const run = await runFileOnDaemon(file, failing);
      assert.deepEqual(
        run.results.map((r) => [r.status, r.message]),
        [['errored', 'the daemon did not answer: connection refused']],
      );
    });
  });
});
