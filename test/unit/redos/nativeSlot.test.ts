// NativeSlot against a fake agent process (fixtures/fakeAgent.ts): protocol framing, the warm-up
// before the first request, the watchdog and a dying process — without recheck's timing.
import { strict as assert } from 'node:assert';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeSlot } from '../../../src/core/redos/nativeSlot';

const FAKE_AGENT = join(__dirname, 'fixtures', 'fakeAgent.js');

describe('redos/nativeSlot: the native checker process', function () {
  this.timeout(30_000);
  let directory: string;
  let binary: string;
  const slots: NativeSlot[] = [];

  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'kora-fake-agent-'));
    binary = join(directory, 'recheck');
    // The slot runs `<binary> agent`, as it does recheck's own binary.
    writeFileSync(binary, `#!/bin/sh\nexec "${process.execPath}" "${FAKE_AGENT}" "$@"\n`);
    chmodSync(binary, 0o755);
  });

  after(() => {
    for (const slot of slots.splice(0)) slot.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  function newSlot(path = binary): NativeSlot {
    const slot = new NativeSlot(path);
    slots.push(slot);
    return slot;
  }

  it('warms up, skips log pushes, reassembles split lines and maps the result', async () => {
    const slot = newSlot();
    const first = await slot.run({ id: 1, source: '^a$', flags: 'uy', timeBudgetMs: 1000 });
    assert.deepEqual(first, { verdict: { status: 'safe' }, cacheable: true });
    const second = await slot.run({ id: 2, source: '^b$', flags: 'uy', timeBudgetMs: 1000 });
    assert.deepEqual(second.verdict, { status: 'safe' });
  });

  it('answers inconclusive at the watchdog and starts a fresh process next', async () => {
    const slot = newSlot();
    await slot.run({ id: 1, source: '^a$', flags: 'uy', timeBudgetMs: 100 }); // past the startup allowance
    const stuck = await slot.run({ id: 2, source: '<hang>', flags: 'uy', timeBudgetMs: 100 });
    assert.deepEqual(stuck, {
      verdict: { status: 'inconclusive', reason: 'analysis exceeded its time budget of 100 ms' },
      cacheable: true,
    });
    assert.equal((await slot.run({ id: 3, source: '^c$', flags: 'uy', timeBudgetMs: 1000 })).verdict.status, 'safe');
  });

  it('reports a dying process as inconclusive, not cacheable, and recovers', async () => {
    const slot = newSlot();
    await slot.run({ id: 1, source: '^a$', flags: 'uy', timeBudgetMs: 1000 });
    const died = await slot.run({ id: 2, source: '<die>', flags: 'uy', timeBudgetMs: 1000 });
    assert.equal(died.verdict.status, 'inconclusive');
    assert.equal(died.cacheable, false);
    assert.equal(died.backendUnusable, false);
    assert.equal((await slot.run({ id: 3, source: '^c$', flags: 'uy', timeBudgetMs: 1000 })).verdict.status, 'safe');
  });

  it('calls a binary that cannot start unusable, so the pool falls back', async () => {
    const slot = newSlot(join(directory, 'missing'));
    const outcome = await slot.run({ id: 1, source: '^a$', flags: 'uy', timeBudgetMs: 1000 });
    assert.equal(outcome.verdict.status, 'inconclusive');
    assert.equal(outcome.backendUnusable, true);
  });
});
