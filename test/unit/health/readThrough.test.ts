import * as assert from 'node:assert/strict';
import { FakeClock } from '../../support/fakeClock';
import { HealthMonitor } from '../../../src/core/health/poller';
import { readingThroughPoller } from '../../../src/core/health/readThrough';
import type { PhrasebookOpsClient } from '../../../src/core/phrasebook/ops/client';
import { DaemonError } from '../../../src/core/daemon/errors';
import { SimulatedDaemon } from '../../fake-daemon/simulatedSource';

/** A daemon whose phrasebook read counts and can fail. */
class CountingDaemon extends SimulatedDaemon {
  reads = 0;
  fail = false;
  async getPhrasebook() {
    this.reads += 1;
    if (this.fail)
      throw new DaemonError({ kind: 'offline', detail: 'connection refused', path: '/api/phrasebook/slack_dm' });
    return { entries: [], source: 'bundled_default', source_path: null, override_candidate_path: '/x.yml' } as never;
  }
}

describe('reads of the operations go through the poller', () => {
  it('reads now, keeps the answer for the tree, and passes a failure on', async () => {
    const clock = new FakeClock();
    const sim = new CountingDaemon({ now: () => clock.now() });
    const monitor = new HealthMonitor([sim], { clock });
    const direct = {
      getPhrasebook: () => Promise.reject(new Error('must not be called')),
    } as unknown as PhrasebookOpsClient;
    const client = readingThroughPoller(direct, () => monitor.poller('sim'));
    const live = await client.getPhrasebook();
    assert.equal(live.source, 'bundled_default');
    assert.equal(sim.reads, 1);
    assert.equal(monitor.phrasebooks[0].live?.source, 'bundled_default', 'the tree sees what the operation read');
    sim.fail = true;
    await assert.rejects(client.getPhrasebook(), /connection refused/);
    monitor.dispose();
  });

  it('reads the client directly when the daemon has no poller', async () => {
    const direct = { getPhrasebook: async () => ({ entries: [1] }) } as unknown as PhrasebookOpsClient;
    const client = readingThroughPoller(direct, () => undefined);
    assert.deepEqual((await client.getPhrasebook()).entries, [1]);
  });
});
