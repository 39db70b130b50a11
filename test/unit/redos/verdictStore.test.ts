// The on-disk verdict cache: definite verdicts survive a restart under the same analyser version;
// another version, a corrupt file or an unwritable folder only cost a fresh analysis.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_FILE_NAME, FileVerdictStore, analyserVersion } from '../../../src/core/redos/verdictStore';
import type { RedosVerdict } from '../../../src/core/redos/verdict';

const EXPONENTIAL: RedosVerdict = {
  status: 'vulnerable',
  complexity: 'exponential',
  attackString: 'aaa!',
  attackPython: '"a" * 3 + "!"',
};

describe('redos/verdictStore: verdicts cached on disk', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'kora-verdicts-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps definite verdicts across instances with the same analyser version', () => {
    const first = new FileVerdictStore(directory, analyserVersion('native'));
    first.set('uy', '^(a+)+$', EXPONENTIAL);
    first.set('uy', '^a$', { status: 'safe' });
    first.flush();
    const second = new FileVerdictStore(directory, analyserVersion('native'));
    assert.deepEqual(second.get('uy', '^(a+)+$'), EXPONENTIAL);
    assert.deepEqual(second.get('uy', '^a$'), { status: 'safe' });
    assert.equal(second.get('iuy', '^a$'), undefined, 'flags are part of the key');
  });

  it('does not keep inconclusive verdicts, which depend on the budget and the load', () => {
    const store = new FileVerdictStore(directory, analyserVersion('pure'));
    store.set('uy', '^x$', { status: 'inconclusive', reason: 'analysis exceeded its time budget of 1 ms' });
    store.flush();
    assert.equal(new FileVerdictStore(directory, analyserVersion('pure')).get('uy', '^x$'), undefined);
  });

  it("ignores another analyser version's verdicts", () => {
    const old = new FileVerdictStore(directory, 'kora-redos-0/recheck-0.0.0/pure');
    old.set('uy', '^(a+)+$', EXPONENTIAL);
    old.flush();
    assert.equal(new FileVerdictStore(directory, analyserVersion('pure')).get('uy', '^(a+)+$'), undefined);
  });

  it('survives a corrupt file, says so, and rewrites it on the next change', () => {
    writeFileSync(join(directory, CACHE_FILE_NAME), '{not json');
    const messages: string[] = [];
    const store = new FileVerdictStore(directory, analyserVersion('pure'), (m) => messages.push(m));
    assert.equal(store.get('uy', '^a$'), undefined);
    assert.equal(messages.length, 1);
    store.set('uy', '^a$', { status: 'safe' });
    store.flush();
    assert.equal(JSON.parse(readFileSync(join(directory, CACHE_FILE_NAME), 'utf8')).version, analyserVersion('pure'));
  });

  it('reports an unwritable folder instead of throwing', () => {
    const blocker = join(directory, 'file');
    writeFileSync(blocker, '');
    const messages: string[] = [];
    const store = new FileVerdictStore(join(blocker, 'cache'), analyserVersion('pure'), (m) => messages.push(m));
    store.set('uy', '^a$', { status: 'safe' });
    store.flush();
    assert.equal(messages.length, 1);
    assert.match(messages[0], /could not write the ReDoS verdict cache/);
  });
});
