// `kora-ops validate` and `kora-ops lint` end to end through the CLI dispatcher, with files on disk.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/main';
import { lintPhrasebookDeep, lintPhrasebook, type RedosAnalyzer } from '../../../src/core/phrasebook';

interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

function captureIo(cwd: string, stdinText = ''): Captured {
  let out = '';
  let err = '';
  const stdin = new PassThrough();
  stdin.end(stdinText);
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      stdin,
      env: {},
      cwd,
    },
    stdout: () => out,
    stderr: () => err,
  };
}

const VALID_YAML =
  'entries:\n  - pattern: "^hello$"\n    category: greeting\n    description: test\n    reply_template: Hi!\n';
const BROKEN_YAML = `entries:
  - pattern: "(unclosed"
    category: c
    description: d
    reply_template: "{snapshot.nope}"
  - pattern: "a{99999999999}"
    category: c
    description: d
    reply_template: r
  - pattern: x
    category: no
    description: d
    reply_template: r
`;

describe('kora-ops validate', () => {
  let directory: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'kora-cli-'));
    writeFileSync(join(directory, 'ok.yml'), VALID_YAML);
    writeFileSync(join(directory, 'broken.yml'), BROKEN_YAML);
    writeFileSync(join(directory, 'syntax.yml'), 'entries:\n  - pattern: "unterminated\n');
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  it('prints [] and exits 0 when the daemon would accept the file', async () => {
    const run = captureIo(directory);
    assert.equal(await runCli(['validate', 'ok.yml'], run.io), 0);
    assert.equal(run.stdout(), '[]\n');
  });

  it("prints the daemon's errors in its order, compact, and exits 1", async () => {
    const run = captureIo(directory);
    assert.equal(await runCli(['validate', 'broken.yml'], run.io), 1);
    const errors = JSON.parse(run.stdout()) as Array<{ entry_index: number; field: string; error: string }>;
    assert.deepEqual(Object.keys(errors[0]), ['entry_index', 'field', 'error']);
    assert.deepEqual(
      errors.map((e) => [e.entry_index, e.field, e.error.split(' ').slice(0, 3).join(' ')]),
      [
        [0, 'pattern', 'invalid regex: missing'],
        [0, 'reply_template', "snapshot path 'nope'"],
        [1, 'pattern', 'daemon would fail'],
        [2, 'category', "required field 'category'"],
      ],
    );
    assert.equal(run.stdout(), `${JSON.stringify(errors)}\n`);
  });

  it("reads a JSON PUT body from stdin (a bare list gets FastAPI's 422, see daemonBody.test)", async () => {
    const body = JSON.stringify({
      entries: [{ pattern: 'a{99999999999}', category: 'c', description: 'd', reply_template: 'r' }],
    });
    const run = captureIo(directory, body);
    assert.equal(await runCli(['validate', '--stdin'], run.io), 1);
    const [item] = JSON.parse(run.stdout());
    assert.equal(item.field, 'pattern');
    assert.match(item.error, /^daemon would fail with HTTP 500: OverflowError: /);
    const bare = captureIo(
      directory,
      JSON.stringify([{ pattern: '^a$', category: 'c', description: 'd', reply_template: 'r' }]),
    );
    assert.equal(await runCli(['validate', '--stdin'], bare.io), 1);
    assert.match(bare.stdout(), /^\{"detail":\[\{"type":"dict_type"/);
    const notList = captureIo(directory, '{"other": 1}');
    assert.equal(await runCli(['validate', '--stdin'], notList.io), 1);
    assert.equal(notList.stdout(), '[{"entry_index":-1,"field":"_root","error":"entries must be a list"}]\n');
  });

  it('exits 2 on usage and input errors', async () => {
    for (const argv of [
      ['validate'],
      ['validate', 'a.yml', '--stdin'],
      ['validate', 'missing.yml'],
      ['validate', 'syntax.yml'],
    ]) {
      const run = captureIo(directory);
      assert.equal(await runCli(argv, run.io), 2, argv.join(' '));
      assert.notEqual(run.stderr(), '');
    }
    const notJson = captureIo(directory, 'entries: []');
    assert.equal(await runCli(['validate', '--stdin'], notJson.io), 2);
  });
});

describe('kora-ops lint', () => {
  let directory: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'kora-cli-'));
    writeFileSync(join(directory, 'ok.yml'), VALID_YAML);
    writeFileSync(join(directory, 'broken.yml'), BROKEN_YAML);
    writeFileSync(join(directory, 'warn.yml'), VALID_YAML.replace('Hi!', '"Open: {snapshot.tasks.open_count}"'));
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  it('prints the documented JSON shape and exits 1 on errors', async () => {
    const run = captureIo(directory);
    assert.equal(await runCli(['lint', '--no-redos', '--format', 'json', 'broken.yml', 'ok.yml'], run.io), 1);
    const files = JSON.parse(run.stdout());
    assert.deepEqual(
      files.map((f: { file: string }) => f.file),
      ['broken.yml', 'ok.yml'],
    );
    assert.deepEqual(files[1].diagnostics, []);
    const first = files[0].diagnostics[0];
    assert.deepEqual(Object.keys(first), ['severity', 'code', 'message', 'range', 'entryIndex', 'field']);
    assert.deepEqual(
      first.range,
      { start: { line: 1, character: 14 }, end: { line: 1, character: 15 } },
      'the `(` CPython names',
    );
    const codes = files[0].diagnostics.map((d: { code: string }) => d.code);
    assert.ok(
      codes.includes('daemon/http-500') &&
        codes.includes('yaml/yaml11-trap') &&
        codes.includes('daemon/unknown-placeholder'),
    );
  });

  it('exits 0 on warnings only, and honours --severity', async () => {
    const run = captureIo(directory);
    assert.equal(await runCli(['lint', '--no-redos', 'warn.yml'], run.io), 0);
    assert.match(run.stdout(), /^warn\.yml:5:28: warning phrasebook\/placeholder-always-unknown: /m);
    const escalated = captureIo(directory);
    assert.equal(
      await runCli(
        ['lint', '--no-redos', '--severity', 'phrasebook/placeholder-always-unknown=error', 'warn.yml'],
        escalated.io,
      ),
      1,
    );
    const off = captureIo(directory);
    await runCli(
      ['lint', '--no-redos', '--format', 'json', '--severity', 'phrasebook/placeholder-always-unknown=off', 'warn.yml'],
      off.io,
    );
    assert.deepEqual(JSON.parse(off.stdout())[0].diagnostics, []);
  });

  it('writes SARIF 2.1.0 with 1-based regions and fixes', async () => {
    const run = captureIo(directory);
    await runCli(['lint', '--no-redos', '--format', 'sarif', 'broken.yml'], run.io);
    const sarif = JSON.parse(run.stdout());
    assert.equal(sarif.version, '2.1.0');
    const runLog = sarif.runs[0];
    assert.equal(runLog.tool.driver.name, 'kora-ops');
    const invalid = runLog.results.find((r: { ruleId: string }) => r.ruleId === 'daemon/invalid-regex');
    assert.equal(invalid.level, 'error');
    assert.deepEqual(invalid.locations[0].physicalLocation.region, {
      startLine: 2,
      startColumn: 15,
      endLine: 2,
      endColumn: 16,
    });
    assert.equal(invalid.locations[0].physicalLocation.artifactLocation.uri, 'broken.yml');
    assert.equal(runLog.tool.driver.rules[invalid.ruleIndex].id, 'daemon/invalid-regex');
    const trap = runLog.results.find((r: { ruleId: string }) => r.ruleId === 'yaml/yaml11-trap');
    assert.equal(trap.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, "'no'");
  });

  it('rejects bad options and unreadable files with exit 2', async () => {
    for (const argv of [
      ['lint'],
      ['lint', '--format', 'xml', 'ok.yml'],
      ['lint', '--severity', 'daemon/duplicate=off', 'ok.yml'],
      ['lint', '--no-redos', 'missing.yml'],
    ]) {
      const run = captureIo(directory);
      assert.equal(await runCli(argv, run.io), 2, argv.join(' '));
    }
  });
});

describe('deep ReDoS findings', () => {
  it('turns verdicts into findings, one analysis per distinct translated pattern', async () => {
    const text = `entries:\n${['^((a+))+$', '^((a+))+$', '^x+y+$', '^ok$'].map((p, i) => `  - pattern: "${p}"\n    category: c${i}\n    description: d\n    reply_template: r\n`).join('')}`;
    const seen: string[] = [];
    const analyzer: RedosAnalyzer = {
      analyze: async (source) => {
        seen.push(source);
        if (source.includes('((a+)))+'))
          return { status: 'vulnerable', complexity: 'exponential', attackString: 'aaaa!' };
        if (source.includes('x+y+'))
          return { status: 'vulnerable', complexity: 'polynomial', degree: 2, attackString: 'xxxx' };
        return { status: 'inconclusive', reason: 'time budget exceeded' };
      },
    };
    const findings = await lintPhrasebookDeep(lintPhrasebook(text), analyzer);
    assert.equal(seen.length, 3);
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity, f.entryIndex]),
      [
        ['redos/exponential', 'error', 0],
        ['redos/exponential', 'error', 1],
        ['redos/polynomial', 'warning', 2],
        ['redos/inconclusive', 'information', 3],
      ],
    );
    assert.doesNotMatch(findings[0].message, /degree/);
    assert.match(findings[2].message, /degree 2/);
    assert.equal(findings[0].data?.attackString, 'aaaa!');
  });

  it('runs the real worker from the CLI and reports an exponential pattern', async function () {
    this.timeout(120_000);
    const directory = mkdtempSync(join(tmpdir(), 'kora-cli-'));
    try {
      writeFileSync(
        join(directory, 'redos.yml'),
        'entries:\n  - pattern: "^((a+))+$"\n    category: c\n    description: d\n    reply_template: r\n',
      );
      const run = captureIo(directory);
      const exit = await runCli(['lint', '--no-redos-cache', '--format', 'json', 'redos.yml'], run.io);
      if (run.stderr().includes('worker is missing')) this.skip();
      assert.equal(exit, 1);
      const codes = JSON.parse(run.stdout())[0].diagnostics.map((d: { code: string }) => d.code);
      assert.deepEqual(codes, ['redos/exponential']);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
