// PUT bodies as the daemon reads them: Python's json.loads on the raw bytes (BOM, UTF-16/32,
// NaN/Infinity), FastAPI's 422 for a body that is not an object — checked against CPython.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../../src/cli/args';
import { runCli } from '../../../src/cli/main';
import { readPutBody } from '../../../src/core/phrasebook/ops/daemonBody';
import { pythonRepr } from '../../../src/core/phrasebook';
import { pythonAvailable, runPython } from './python';

const ENTRY = '{"pattern": "^hi$", "category": "g", "description": "d", "reply_template": "r"}';
const utf16 = (text: string, bom: boolean, bigEndian = false): Buffer => {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (bigEndian) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};

/** Bodies of issue #12 and neighbours: [label, bytes]. */
const BODIES: ReadonlyArray<readonly [string, Buffer]> = [
  ['plain object', Buffer.from(`{"entries": [${ENTRY}]}`)],
  ['UTF-8 BOM', Buffer.from(`\ufeff{"entries": [${ENTRY}]}`)],
  [
    'NaN and Infinity',
    Buffer.from(
      '{"entries": [{"pattern": NaN, "category": Infinity, "description": -Infinity, "reply_template": "r"}]}',
    ),
  ],
  ['UTF-16 LE with BOM', utf16(`{"entries": [${ENTRY}]}`, true)],
  ['UTF-16 BE without BOM', utf16(`{"entries": []}`, false, true)],
  ['bare list', Buffer.from(`[${ENTRY}]`)],
  ['string', Buffer.from('"entries"')],
  ['null', Buffer.from('null')],
  ['object without entries', Buffer.from('{"entry": []}')],
  ['big int and float', Buffer.from('{"entries": 12345678901234567890, "x": 1.0}')],
  ['not JSON', Buffer.from('{entries: []}')],
  ['trailing garbage', Buffer.from('{} x')],
];

/** What the daemon does with a body, in one line comparable with Python's. */
function describeReading(bytes: Buffer): string {
  const reading = readPutBody(bytes);
  if (reading.kind === 'not-json') return 'json error';
  if (reading.kind === 'fastapi-422') return 'fastapi 422';
  return `entries ${pythonRepr(reading.payload)}`;
}

describe('PUT bodies as the daemon reads them', () => {
  it("agrees with CPython json.loads(bytes) and FastAPI's dict check on every body", function () {
    if (!pythonAvailable()) this.skip();
    const expected = runPython<string[]>(
      `import base64
def describe(raw):
    try:
        body = json.loads(base64.b64decode(raw))
    except ValueError:
        return "json error"
    if not isinstance(body, dict):
        return "fastapi 422"
    return "entries " + repr(body.get("entries"))
print(json.dumps([describe(b) for b in data]))`,
      BODIES.map(([, bytes]) => bytes.toString('base64')),
    );
    assert.deepEqual(
      BODIES.map(([, bytes]) => describeReading(bytes)),
      expected,
      BODIES.map(([label]) => label).join(', '),
    );
    assert.equal(expected[5], 'fastapi 422');
    assert.match(expected[2], /nan, 'category': inf/);
  });

  describe('kora-ops validate --stdin', () => {
    let directory: string;
    before(() => (directory = mkdtempSync(join(tmpdir(), 'kora-body-'))));
    after(() => rmSync(directory, { recursive: true, force: true }));

    async function validate(bytes: Buffer): Promise<{ code: number; stdout: string; stderr: string }> {
      let stdout = '';
      let stderr = '';
      const stdin = new PassThrough();
      stdin.end(bytes);
      const io: CliIo = {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        stdin,
        env: {},
        cwd: directory,
      };
      return { code: await runCli(['validate', '--stdin'], io), stdout, stderr };
    }

    it('accepts a UTF-8 BOM and UTF-16 like the daemon', async () => {
      for (const bytes of [BODIES[1][1], BODIES[3][1]])
        assert.deepEqual(await validate(bytes), { code: 0, stdout: '[]\n', stderr: '' });
    });

    it('reads NaN and Infinity (as floats, so "missing or empty")', async () => {
      const run = await validate(BODIES[2][1]);
      assert.equal(run.code, 1);
      assert.deepEqual(
        JSON.parse(run.stdout).map((e: { field: string }) => e.field),
        ['pattern', 'category', 'description'],
      );
    });

    it("prints FastAPI's own 422 for a bare list, not the phrasebook rules", async () => {
      const run = await validate(BODIES[5][1]);
      assert.equal(run.code, 1);
      assert.deepEqual(JSON.parse(run.stdout), {
        detail: [{ type: 'dict_type', loc: ['body'], msg: 'Input should be a valid dictionary' }],
      });
    });

    it('refuses input that is not JSON with a usage error', async () => {
      const run = await validate(BODIES[10][1]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /standard input is not JSON/);
    });
  });
});
