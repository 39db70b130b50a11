import * as assert from 'node:assert/strict';
import { FakeClock } from '../../support/fakeClock';
import { HealthMonitor, type HealthChange, type HealthMonitorOptions } from '../../../src/core/health/poller';
import { SimulatedDaemon, type SimulatedDaemonOptions } from '../../fake-daemon/simulatedSource';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const FOCUSED_VISIBLE = { focused: true, visible: true };

function setup(simOptions: Partial<SimulatedDaemonOptions> = {}, monitorOptions: HealthMonitorOptions = {}) {
  const clock = new FakeClock();
  const sim = new SimulatedDaemon({ now: () => clock.now(), ...simOptions });
  const monitor = new HealthMonitor([sim], { clock, random: () => 0.5, ...monitorOptions });
  return { clock, sim, monitor };
}

function total(sim: SimulatedDaemon): number {
  return sim.requests.snapshot + sim.requests.heartbeat + sim.requests.liveness;
}

/** Times (clock ms) of each poll: requests to either endpoint, one entry per distinct time. */
function recordPollTimes(sim: SimulatedDaemon, clock: FakeClock): number[] {
  const times: number[] = [];
  const note = () => {
    if (times[times.length - 1] !== clock.now()) times.push(clock.now());
  };
  const snapshot = sim.getSnapshot.bind(sim);
  const heartbeat = sim.getHeartbeatServices.bind(sim);
  sim.getSnapshot = () => (note(), snapshot());
  sim.getHeartbeatServices = () => (note(), heartbeat());
  return times;
}

describe('HealthMonitor (poller)', () => {
  it('sends no request at all while the window is unfocused or nothing is visible', async () => {
    const { clock, sim, monitor } = setup();
    await clock.advance(10 * MINUTE);
    monitor.setDemand({ focused: false, visible: true });
    await clock.advance(60 * MINUTE);
    monitor.setDemand({ focused: true, visible: false });
    await clock.advance(60 * MINUTE);
    assert.equal(total(sim), 0);
    assert.equal(monitor.daemons[0].state, 'connecting');
    monitor.dispose();
  });

  it('polls both endpoints as soon as there is demand and reports the health', async () => {
    const { clock, sim, monitor } = setup();
    const changes: HealthChange[] = [];
    monitor.onDidChange((change) => changes.push(change));
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(0);
    assert.deepEqual(sim.requests, { snapshot: 1, heartbeat: 1, liveness: 0 });
    const [health] = monitor.daemons;
    assert.equal(health.state, 'ok');
    assert.equal(health.services.length, 5);
    assert.ok(changes.some((change) => change.daemons[0].state === 'ok'));
    monitor.dispose();
  });

  it('stops polling when focus is lost and catches up at once on regaining it when data is old', async () => {
    const { clock, sim, monitor } = setup();
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(0);
    monitor.setDemand({ focused: false, visible: true });
    await clock.advance(20 * MINUTE);
    assert.deepEqual(sim.requests, { snapshot: 1, heartbeat: 1, liveness: 0 });
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(0);
    assert.deepEqual(sim.requests, { snapshot: 2, heartbeat: 2, liveness: 0 }, 'catch-up poll on focus');
    monitor.dispose();
  });

  it('does not re-poll on focus regain when the data is younger than the minimum interval', async () => {
    const { clock, sim, monitor } = setup();
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(0);
    monitor.setDemand({ focused: false, visible: true });
    await clock.advance(5 * SECOND);
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(0);
    assert.equal(total(sim), 2);
    monitor.dispose();
  });

  it('backs off exponentially with jitter while offline and resets after a success', async () => {
    const { clock, sim, monitor } = setup(
      {},
      { random: () => 1, minIntervalMs: 15 * SECOND, maxBackoffMs: 300 * SECOND },
    );
    const times = recordPollTimes(sim, clock);
    sim.offline = true;
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(30 * MINUTE);
    const gaps = times.slice(1).map((time, index) => (time - times[index]) / SECOND);
    // random() = 1 → +20 %: 15×1.2, 30×1.2, ... capped at 300.
    assert.deepEqual(gaps.slice(0, 6), [18, 36, 72, 144, 288, 300]);
    assert.equal(monitor.daemons[0].state, 'offline');
    assert.ok(monitor.daemons[0].nextPollAt !== null && monitor.daemons[0].nextPollAt > clock.now());

    sim.offline = false;
    await clock.advanceTo(times[times.length - 1] + 300 * SECOND);
    assert.equal(monitor.daemons[0].state, 'ok');
    sim.offline = true;
    const before = times.length;
    await clock.advance(10 * MINUTE);
    const gapAfterReset = (times[before + 1] - times[before]) / SECOND;
    assert.equal(gapAfterReset, 18, 'the first retry after a success waits the base delay again');
    monitor.dispose();
  });

  it('spreads retries by the injected jitter', async () => {
    const low = setup({}, { random: () => 0 });
    const high = setup({}, { random: () => 0.999 });
    const lowTimes = recordPollTimes(low.sim, low.clock);
    const highTimes = recordPollTimes(high.sim, high.clock);
    for (const { sim, monitor } of [low, high]) {
      sim.offline = true;
      monitor.setDemand(FOCUSED_VISIBLE);
    }
    await low.clock.advance(5 * MINUTE);
    await high.clock.advance(5 * MINUTE);
    assert.equal(lowTimes[1] - lowTimes[0], 12 * SECOND);
    assert.ok(highTimes[1] - highTimes[0] > 17.9 * SECOND && highTimes[1] - highTimes[0] <= 18 * SECOND);
    low.monitor.dispose();
    high.monitor.dispose();
  });

  for (const periodSeconds of [300, 120, 60, 600]) {
    it(`learns a ${periodSeconds} s update cadence: ≤ 2 requests per endpoint per update, changes within 15 s`, async () => {
      const period = periodSeconds * SECOND;
      const { clock, sim, monitor } = setup({
        snapshotIntervalMs: period,
        probeIntervalMs: period,
        snapshotAgeMs: 0.3 * period,
        probeAgeMs: 0.7 * period,
      });
      const delays: number[] = [];
      let seenComputedAt: string | null = null;
      monitor.onDidChange(({ daemons }) => {
        const computedAt = daemons[0].snapshotComputedAt;
        if (computedAt && computedAt !== seenComputedAt) {
          seenComputedAt = computedAt;
          delays.push(clock.now() - Date.parse(computedAt));
        }
      });
      monitor.setDemand(FOCUSED_VISIBLE);
      // Learning phase, then measure over many updates.
      await clock.advance(3 * period);
      const start = { ...sim.requests };
      const delaysBefore = delays.length;
      const updates = 40;
      await clock.advance(updates * period);
      const perUpdate = {
        snapshot: (sim.requests.snapshot - start.snapshot) / updates,
        heartbeat: (sim.requests.heartbeat - start.heartbeat) / updates,
      };
      assert.ok(perUpdate.snapshot <= 2, `snapshot requests per update: ${perUpdate.snapshot}`);
      assert.ok(perUpdate.heartbeat <= 2, `heartbeat requests per update: ${perUpdate.heartbeat}`);
      assert.ok(perUpdate.snapshot >= 1, 'every update is fetched');
      const measured = delays.slice(delaysBefore);
      assert.ok(measured.length >= updates - 1, `saw ${measured.length} of ${updates} updates`);
      assert.ok(Math.max(...measured) <= 15 * SECOND, `worst delay ${Math.max(...measured)} ms`);
      monitor.dispose();
    });
  }

  it('polls the heartbeat more often while probes warm up, then settles', async () => {
    const { clock, sim, monitor } = setup({ scenario: 'warming' });
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(0);
    assert.equal(monitor.daemons[0].state, 'warming');
    await clock.advance(60 * SECOND);
    const warmingRequests = sim.requests.heartbeat;
    assert.ok(warmingRequests >= 3, `heartbeat polled ${warmingRequests} times in the first minute`);
    sim.scenario = 'healthy';
    await clock.advance(2 * MINUTE);
    assert.equal(monitor.daemons[0].state, 'ok');
    monitor.dispose();
  });

  it('refreshNow polls every daemon even without demand', async () => {
    const { sim, monitor } = setup();
    await monitor.refreshNow();
    assert.deepEqual(sim.requests, { snapshot: 1, heartbeat: 1, liveness: 0 });
    assert.equal(monitor.daemons[0].state, 'ok');
    monitor.dispose();
  });

  it('keeps the poller (and its learned state) of daemons that stay configured', async () => {
    const clock = new FakeClock();
    const kept = new SimulatedDaemon({ name: 'kept', now: () => clock.now() });
    const dropped = new SimulatedDaemon({ name: 'dropped', now: () => clock.now() });
    const monitor = new HealthMonitor([kept, dropped], { clock, random: () => 0.5 });
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(0);
    monitor.setSources([kept]);
    await clock.advance(0);
    assert.equal(monitor.daemons.length, 1);
    assert.equal(monitor.daemons[0].state, 'ok', 'no reset to connecting');
    const droppedRequests = total(dropped);
    await clock.advance(30 * MINUTE);
    assert.equal(total(dropped), droppedRequests, 'a removed daemon is no longer polled');
    monitor.dispose();
  });

  it('marks the next poll time while scheduled and clears it without demand', async () => {
    const { clock, monitor } = setup();
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(0);
    const scheduled = monitor.daemons[0].nextPollAt;
    assert.ok(scheduled !== null && scheduled > clock.now());
    monitor.setDemand({ focused: false, visible: true });
    assert.equal(monitor.daemons[0].nextPollAt, null);
    monitor.dispose();
  });
});
