import * as assert from 'node:assert/strict';
import { FakeClock } from '../../support/fakeClock';
import { HealthMonitor } from '../../../src/core/health/poller';
import { PHRASEBOOK_STREAMS, type RefreshReason } from '../../../src/core/health/streams';
import type { PhrasebookBackupsResponse, PhrasebookResponse } from '../../../src/core/daemon/schemas';
import { DaemonError } from '../../../src/core/daemon/errors';
import { SimulatedDaemon } from '../../fake-daemon/simulatedSource';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const FOCUSED_VISIBLE = { focused: true, visible: true };
/** The promise: offline, recovery and restart show within this long while someone looks. */
const SHOWS_WITHIN_MS = 15 * SECOND;

/** A daemon that also serves its phrasebook, and remembers why each read happened. */
class PhrasebookDaemon extends SimulatedDaemon {
  phrasebookReads = 0;
  backupReads = 0;
  failPhrasebook = false;

  async getPhrasebook(): Promise<PhrasebookResponse> {
    this.phrasebookReads += 1;
    if (this.failPhrasebook)
      throw new DaemonError({ kind: 'offline', detail: 'connection refused', path: '/api/phrasebook/slack_dm' });
    return {
      entries: [{ pattern: 'hi', category: 'greeting', description: 'd', reply_template: 'hello' }],
      source: 'override',
      source_path: '/data/slack_dm.yml',
      override_candidate_path: '/data/slack_dm.yml',
    } as unknown as PhrasebookResponse;
  }

  async getPhrasebookBackups(): Promise<PhrasebookBackupsResponse> {
    this.backupReads += 1;
    return { backups: [], rotation_keep: 10 } as unknown as PhrasebookBackupsResponse;
  }
}

function setup<T extends SimulatedDaemon>(make: (now: () => number) => T) {
  const clock = new FakeClock();
  const sim = make(() => clock.now());
  const monitor = new HealthMonitor([sim], { clock, random: () => 0.5 });
  return { clock, sim, monitor };
}

/** Advances in one-second steps until `accept` holds; returns how long that took. */
async function timeUntil(clock: FakeClock, accept: () => boolean, limitMs: number): Promise<number> {
  const start = clock.now();
  while (!accept()) {
    if (clock.now() - start > limitMs) throw new Error(`not within ${limitMs} ms`);
    await clock.advance(SECOND);
  }
  return clock.now() - start;
}

describe('DaemonPoller liveness and streams', () => {
  it('checks liveness at most once per minimum interval while visible, and never unfocused', async () => {
    const { clock, sim, monitor } = setup((now) => new SimulatedDaemon({ now }));
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(30 * MINUTE);
    assert.ok(sim.requests.liveness > 0, 'liveness is checked between content polls');
    assert.ok(sim.requests.liveness <= (30 * MINUTE) / (15 * SECOND), `liveness requests: ${sim.requests.liveness}`);
    monitor.setDemand({ focused: false, visible: true });
    const before = { ...sim.requests };
    await clock.advance(60 * MINUTE);
    assert.deepEqual(sim.requests, before, 'nothing while unfocused');
    monitor.dispose();
  });

  it('shows a daemon going offline within 15 s, though the next content poll is minutes away', async () => {
    const { clock, sim, monitor } = setup((now) => new SimulatedDaemon({ now }));
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(2 * MINUTE);
    assert.equal(monitor.daemons[0].state, 'ok');
    sim.offline = true;
    const took = await timeUntil(clock, () => monitor.daemons[0].state === 'offline', SHOWS_WITHIN_MS);
    assert.ok(took <= SHOWS_WITHIN_MS, `offline after ${took} ms`);
    monitor.dispose();
  });

  it('shows recovery within 15 s even after the backoff has grown to minutes', async () => {
    const { clock, sim, monitor } = setup((now) => new SimulatedDaemon({ now }));
    monitor.setDemand(FOCUSED_VISIBLE);
    sim.offline = true;
    await clock.advance(20 * MINUTE);
    assert.equal(monitor.daemons[0].state, 'offline');
    const nextContentPoll = monitor.daemons[0].nextPollAt;
    sim.offline = false;
    const took = await timeUntil(clock, () => monitor.daemons[0].state === 'ok', SHOWS_WITHIN_MS);
    assert.ok(
      took <= SHOWS_WITHIN_MS,
      `back after ${took} ms (the backoff alone would have waited until ${nextContentPoll})`,
    );
    monitor.dispose();
  });

  it('shows a restart (new boot time) within 15 s and re-reads the phrasebook', async () => {
    const { clock, sim, monitor } = setup((now) => new PhrasebookDaemon({ now }));
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(MINUTE);
    const bootBefore = monitor.daemons[0].bootAt;
    const phrasebookReads = sim.phrasebookReads;
    sim.restart();
    const took = await timeUntil(clock, () => monitor.daemons[0].bootAt !== bootBefore, SHOWS_WITHIN_MS);
    assert.ok(took <= SHOWS_WITHIN_MS);
    assert.ok(sim.phrasebookReads > phrasebookReads, 'a restarted daemon may serve another phrasebook');
    monitor.dispose();
  });

  it('reads the phrasebook once the daemon answers, not on every poll, and again when asked', async () => {
    const { clock, sim, monitor } = setup((now) => new PhrasebookDaemon({ now }));
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(30 * MINUTE);
    assert.equal(sim.phrasebookReads, 1);
    assert.equal(sim.backupReads, 1);
    assert.equal(monitor.phrasebooks[0].live?.entryCount, 1);
    const snapshots = sim.requests.snapshot;
    await monitor.refresh('write', 0, PHRASEBOOK_STREAMS);
    assert.equal(sim.phrasebookReads, 2, 'a write re-reads the phrasebook');
    assert.equal(sim.requests.snapshot, snapshots, 'and nothing else');
    monitor.dispose();
  });

  it('keeps the last phrasebook shown after a failed read, marks it, and retries', async () => {
    const { clock, sim, monitor } = setup((now) => new PhrasebookDaemon({ now }));
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(SECOND);
    sim.failPhrasebook = true;
    await monitor.refresh('manual');
    assert.equal(monitor.phrasebooks[0].live?.entryCount, 1, 'the last good data stays');
    assert.match(monitor.phrasebooks[0].error ?? '', /connection refused/);
    sim.failPhrasebook = false;
    await clock.advance(20 * SECOND);
    assert.equal(monitor.phrasebooks[0].error, undefined, 'retried by itself');
    monitor.dispose();
  });

  it('a manual refresh during a running poll still reads every stream it asked for', async () => {
    const { clock, sim, monitor } = setup((now) => new PhrasebookDaemon({ now }));
    monitor.setDemand(FOCUSED_VISIBLE);
    await clock.advance(MINUTE);
    const before = { ...sim.requests, phrasebook: sim.phrasebookReads };
    const reasons: RefreshReason[] = ['manual', 'manual'];
    await Promise.all(reasons.map((reason) => monitor.refresh(reason)));
    assert.ok(sim.requests.snapshot >= before.snapshot + 1);
    assert.ok(sim.requests.heartbeat >= before.heartbeat + 1);
    assert.ok(sim.phrasebookReads >= before.phrasebook + 1);
    monitor.dispose();
  });
});
