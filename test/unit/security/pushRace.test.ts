// Security checks, unit layer: a push never writes over a change it did not show. The daemon has
// no conditional PUT, so the push reads live again right before the PUT (refusing if it changed
// while the operator looked at the preview) and right after it (reporting a write that landed
// in between). Two operators on the same daemon are simulated with a second client.
import * as assert from 'node:assert/strict';
import { readLive } from '../../../src/core/phrasebook/ops/live';
import { describeAfterWrite, nothingWasSent, pushPhrasebook } from '../../../src/core/phrasebook/ops/push';
import { canonicalEntriesHash } from '../../../src/core/phrasebook/ops/writeFormat';
import { confirmingHooks, entry, requests, seedPlus, startHarness, type Harness } from '../phrasebook-ops/fixtures';

describe('security (unit): a push does not silently replace a concurrent write', () => {
  let harness: Harness;
  afterEach(async () => harness?.close());

  it('refuses, sending nothing, when live changed while the confirmation was open', async () => {
    harness = await startHarness();
    const colleague = seedPlus(entry('colleague'));
    const outcome = await pushPhrasebook(
      harness.client,
      { payload: seedPlus(entry('mine')) },
      confirmingHooks({
        // The colleague's push lands while this operator reads the preview.
        confirm: async () => (await harness.client.putPhrasebook(colleague)).kind === 'ok',
      }),
    );
    assert.equal(outcome.kind, 'changed_since_preview');
    assert.equal(nothingWasSent(outcome), true);
    assert.equal(requests(harness.daemon, 'PUT').length, 1, "only the colleague's PUT reached the daemon");
    assert.equal(
      (await readLive(harness.client)).hash,
      canonicalEntriesHash(colleague),
      "the colleague's write is live",
    );
  });

  it('reports a write that landed right after ours, and says the daemon has no conditional PUT', async () => {
    harness = await startHarness();
    const colleague = seedPlus(entry('colleague'));
    const client = harness.client;
    const racing = Object.create(client) as typeof client;
    racing.putPhrasebook = async (entries) => {
      const result = await client.putPhrasebook(entries);
      await client.putPhrasebook(colleague); // lands between our PUT and our verification read
      return result;
    };
    const outcome = await pushPhrasebook(racing, { payload: seedPlus(entry('mine')) }, confirmingHooks());
    assert.equal(outcome.kind, 'accepted');
    if (outcome.kind !== 'accepted') return;
    assert.equal(outcome.after, 'overwritten');
    assert.equal(outcome.liveAfter?.hash, canonicalEntriesHash(colleague));
    assert.equal(
      outcome.live.hash,
      canonicalEntriesHash(seedPlus(entry('mine'))),
      'live stays what we wrote (the base)',
    );
    assert.match(
      describeAfterWrite('"alpha"', outcome) ?? '',
      /Someone else's write landed on "alpha" right after this push.*no conditional write/,
    );
  });

  it('verifies a push nobody raced', async () => {
    harness = await startHarness();
    const outcome = await pushPhrasebook(harness.client, { payload: seedPlus(entry('mine')) }, confirmingHooks());
    assert.equal(outcome.kind, 'accepted');
    if (outcome.kind !== 'accepted') return;
    assert.equal(outcome.after, 'verified');
    assert.equal(describeAfterWrite('"alpha"', outcome), undefined);
  });
});
