// Fault matrix, unit layer, health: KoraClient + HealthMonitor against the fake daemon over real
// sockets, on a fake clock. For every row: the named state and tree node, no unhandled rejection,
// and the schedule's own next poll (no manual refresh) within one min interval shows "ok" again.
import * as assert from 'node:assert/strict';
import { buildHealthTree } from '../../../src/core/tree/daemonTree';
import { spyOnUnhandled, settle, type UnhandledSpy } from '../../support/unhandled';
import { coverage } from './coverage';
import { FAULT_MATRIX } from './matrix';
import { clearInjection, HEALTH_PATHS, inject } from './injection';
import { MIN_INTERVAL_MS, advanceAndAwaitPoll, startMonitorHarness, type MonitorHarness } from './support';

const INDEX_PATH = '/';

describe('fault matrix (unit): health view', function () {
  // Each row waits for at most a couple of short client timeouts.
  this.timeout(20_000);
  let harness: MonitorHarness | undefined;
  let unhandled: UnhandledSpy;

  beforeEach(() => {
    unhandled = spyOnUnhandled();
  });

  afterEach(async () => {
    await harness?.close();
    harness = undefined;
    await settle();
    unhandled.stop();
    assert.deepEqual(unhandled.reasons.map(String), [], 'no unhandled rejection or exception');
  });

  for (const row of FAULT_MATRIX) {
    const { health: expected } = row;
    it(`${row.id}: ${row.title} → ${expected.state}, then ok within one poll interval`, async () => {
      coverage.started();
      const h = (harness = await startMonitorHarness());
      h.monitor.setDemand({ focused: true, visible: true });
      assert.ok(await advanceAndAwaitPoll(h, 0), 'demand starts a poll at once');
      assert.equal(h.monitor.daemons[0].state, 'ok', `healthy before the fault: ${h.monitor.daemons[0].stateDetail}`);
      const scrapesBefore = h.client.requestCount(INDEX_PATH);

      await inject(h.daemon, row.inject, HEALTH_PATHS);
      await h.monitor.refreshNow();
      const health = h.monitor.daemons[0];
      assert.equal(health.state, expected.state, `state (detail: ${health.stateDetail})`);
      assert.match(health.stateDetail, expected.detail);
      const [root] = buildHealthTree(h.monitor.daemons, h.clock.now());
      const stateNode = root.children.find((child) => child.kind === 'state');
      assert.equal(stateNode?.label, expected.stateNode, 'the state node of the tree names the state');
      if (expected.rescraped)
        assert.equal(h.client.requestCount(INDEX_PATH), scrapesBefore + 1, 'the token was read again once');
      if (expected.extraService)
        assert.ok(
          health.services.some((service) => service.name === expected.extraService),
          `lists ${expected.extraService}`,
        );

      await clearInjection(h.daemon, row.clear);
      if (expected.state === 'ok') {
        // Absorbed without leaving "ok": nothing to recover from, the regular cadence goes on.
        await h.monitor.refreshNow();
      } else {
        assert.ok(await advanceAndAwaitPoll(h, MIN_INTERVAL_MS), 'the schedule polls again within one min interval');
      }
      const recovered = h.monitor.daemons[0];
      assert.equal(recovered.state, 'ok', `recovered (detail: ${recovered.stateDetail})`);
      assert.equal(recovered.overallStatus, 'healthy');
      coverage.coveredHealth(row.id);
    });
  }
});
