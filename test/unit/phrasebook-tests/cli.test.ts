import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { CliIo } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/main';
import { PHRASEBOOK_PATH, requests, startHarness } from '../phrasebook-ops/fixtures';

const REPO = resolve(__dirname, '..', '..', '..', '..');
const FIXTURE_PHRASEBOOK = join(REPO, 'test', 'fixtures', 'workspace', 'phrasebook');
const JUNIT_XSD = join(REPO, 'test', 'fixtures', 'junit', 'junit-10.xsd');

const FAILING_TESTS = `phrasebook: ../phrasebook/slack_dm.yml
cases:
  - message: hey
    category: greeting
  - name: thanks is not an ack
    message: thanks
    category: ack
  - message: "a <b> & \\"c\\" \\x01"
    no_match: true
  - message: burn
    reply: 'never rendered'
`;

async function kora(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    env: {},
    cwd,
  };
  const code = await runCli(['test', ...argv], io);
  return { code, stdout, stderr };
}

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** xmllint's verdict on `xml` against the JUnit schema: '' when valid, else its complaint. */
function schemaErrors(dir: string, xml: string): string {
  const file = join(dir, 'report.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', JUNIT_XSD, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

describe('kora-ops test (CLI)', function () {
  this.timeout(60000); // the ReDoS worker starts once per run; both cores may be busy
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kora-tests-'));
    mkdirSync(join(dir, 'phrasebook'));
    mkdirSync(join(dir, 'ci'));
    for (const name of ['slack_dm.yml', 'slack_dm.tests.yml'])
      copyFileSync(join(FIXTURE_PHRASEBOOK, name), join(dir, 'phrasebook', name));
    writeFileSync(join(dir, 'ci', 'failing.tests.yml'), FAILING_TESTS);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('text: passes the fixture workspace tests with full coverage, exit 0', async () => {
    const result = await kora(dir, 'phrasebook/slack_dm.tests.yml');
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^ {2}PASS {2}phrasebook\/slack_dm\.tests\.yml:11 hey$/m);
    assert.match(result.stdout, /^10 passed, 0 failed, 0 errored in 1 file\(s\); 8\/8 entries reached$/m);
  });

  it('text: a failure shows expected vs actual and the uncovered entries, exit 1', async () => {
    const result = await kora(dir, 'ci/failing.tests.yml');
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /FAIL {2}ci\/failing\.tests\.yml:5 thanks is not an ack\n\s+expected entry "ack", got entry "thanks" \(entry 1\)/,
    );
    assert.match(result.stdout, /expected {2}answer: entry "ack"\n\s+actual {4}answer: entry "thanks" \(entry 1\)/);
    assert.match(result.stdout, /not reached: entry 2 "ack"/);
    assert.match(result.stdout, /^2 passed, 2 failed, 0 errored in 1 file\(s\); 3\/8 entries reached$/m);
  });

  it('json: cases, statuses, answers and coverage', async () => {
    const result = await kora(dir, '--format', 'json', 'ci/failing.tests.yml', 'phrasebook/slack_dm.tests.yml');
    assert.equal(result.code, 1);
    const body = JSON.parse(result.stdout);
    assert.deepEqual(body.summary, { passed: 12, failed: 2, errored: 0, total: 14 });
    const [failing] = body.files;
    assert.equal(failing.phrasebook, 'phrasebook/slack_dm.yml');
    assert.deepEqual(
      failing.cases.map((c: { status: string }) => c.status),
      ['passed', 'failed', 'passed', 'failed'],
    );
    assert.deepEqual(failing.cases[1].answer, {
      matched: true,
      entryIndex: 1,
      category: 'thanks',
      reply: null,
      why: 'the test file gives no snapshot fixture',
    });
    assert.equal(failing.coverage.reached, 3);
  });

  it('junit: valid against the JUnit schema, with failures where the cases failed', async function () {
    const result = await kora(dir, '--format', 'junit', 'ci/failing.tests.yml', 'phrasebook/slack_dm.tests.yml');
    assert.equal(result.code, 1);
    assert.match(result.stdout, /<testsuites name="kora-ops test" tests="14" failures="2" errors="0" time="[\d.]+">/);
    assert.match(
      result.stdout,
      /<testcase name="thanks is not an ack" classname="ci\.failing\.tests" time="[\d.]+">\n\s+<failure message="expected entry &quot;ack&quot;/,
    );
    assert.ok(!result.stdout.includes('\u0001'), 'a control character is escaped, not written raw');
    assert.match(result.stdout, /<testcase name="a &lt;b&gt; &amp; &quot;c&quot; \\u0001"/);
    if (!hasXmllint()) {
      // CI installs it (scripts/ensure-xmllint.sh); elsewhere say so instead of passing silently.
      if (process.env.CI) assert.fail('xmllint is missing: run scripts/ensure-xmllint.sh');
      this.skip();
    }
    assert.equal(schemaErrors(dir, result.stdout), '');
    assert.notEqual(
      schemaErrors(dir, result.stdout.replace('failures="2"', 'failures="two"')),
      '',
      'the schema check can fail',
    );
  });

  it("--daemon: runs the cases on the daemon's /test", async () => {
    const harness = await startHarness();
    try {
      const result = await kora(dir, '--daemon', harness.daemon.url, 'ci/failing.tests.yml');
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stdout, /^ci\/failing\.tests\.yml \(live phrasebook of http:\/\/127\.0\.0\.1:\d+\)$/m);
      assert.match(
        result.stdout,
        /FAIL {2}ci\/failing\.tests\.yml:5 thanks is not an ack\n\s+expected entry "ack", got entry "thanks"$/m,
      );
      assert.doesNotMatch(result.stdout, /coverage/);
      assert.equal(requests(harness.daemon, 'POST', `${PHRASEBOOK_PATH}/test`).length, 4);
    } finally {
      await harness.close();
    }
  });

  it('usage errors exit 2; an unreadable file exits 2 after the others', async () => {
    assert.equal((await kora(dir)).code, 2);
    assert.equal((await kora(dir, '--format', 'xml', 'x')).code, 2);
    const missing = await kora(dir, 'phrasebook/slack_dm.tests.yml', 'nope.tests.yml');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.tests\.yml: ENOENT/);
    assert.match(missing.stdout, /10 passed/);
  });
});
