// The input guard refuses, with one clear finding, what would stall the analysis: alias bombs
// (in the editor and the CLI alike) and, while editing, oversized documents.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../../../src/cli/main';
import {
  aliasBombFinding,
  inputGuardFinding,
  MAX_ANALYSED_DOCUMENT_BYTES,
} from '../../../src/core/phrasebook/lint/inputGuard';

/** Nine levels of nine aliases each: 9^9 expansions if anything expanded them in full. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  lines.push('entries:', '  - pattern: "^hi$"', '    category: c', '    description: d', '    reply_template: "*i"');
  return `${lines.join('\n')}\n`;
}

describe('input guard', () => {
  it('flags an alias bomb on its first anchor', () => {
    const finding = aliasBombFinding(aliasBomb());
    assert.equal(finding?.code, 'yaml/alias-explosion');
    assert.equal(finding?.severity, 'error');
    assert.deepEqual(finding?.range.start, { line: 0, character: 3 });
  });

  it('leaves ordinary anchors and aliases alone', () => {
    const text =
      'x: &shared greeting\nentries:\n  - pattern: "^hi$"\n    category: *shared\n    description: d\n    reply_template: r\n';
    assert.equal(inputGuardFinding(text), undefined);
  });

  it('refuses documents over the editing limit, and only those', () => {
    const line = '# padding padding padding padding padding padding padding padding\n';
    const big = line.repeat(Math.ceil((MAX_ANALYSED_DOCUMENT_BYTES + 1) / line.length));
    assert.equal(inputGuardFinding(big)?.code, 'phrasebook/too-large');
    assert.equal(inputGuardFinding(big.slice(0, MAX_ANALYSED_DOCUMENT_BYTES - 10)), undefined);
  });

  it('makes `kora-ops lint` report an alias bomb instead of expanding it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kora-guard-'));
    try {
      writeFileSync(join(dir, 'bomb.yml'), aliasBomb());
      let out = '';
      const stdin = new PassThrough();
      stdin.end('');
      const io = {
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: () => true },
        stdin,
        env: {},
        cwd: dir,
      };
      const code = await runCli(['lint', '--format', 'json', '--no-redos', 'bomb.yml'], io);
      const report = JSON.parse(out) as Array<{ diagnostics: Array<{ code: string }> }>;
      assert.equal(code, 1);
      assert.deepEqual(
        report[0].diagnostics.map((d) => d.code),
        ['yaml/alias-explosion'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
