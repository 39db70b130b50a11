// Live values for hovers and completion come from the pollers' latest snapshot; a hover asks for a new
// read when the snapshot it would show is older than the TTL. The monitor is a minimal stand-in for
// the parts PolledSnapshots reads (daemons, each poller's latest snapshot outcome, refresh).
import * as assert from 'node:assert/strict';
import type { HealthMonitor } from '../../../src/core/health/poller';
import { LIVE_SNAPSHOT_TTL_MS, PolledSnapshots } from '../../../src/vscode/phrasebook/polledSnapshots';

type SnapshotOutcome =
  { ok: true; value: { kind: 'snapshot'; snapshot: unknown }; at: number } | { ok: false; at: number };

function monitorOf(outcomes: Record<string, SnapshotOutcome | undefined>) {
  const refreshes: string[][] = [];
  const monitor = {
    daemons: Object.keys(outcomes).map((name) => ({ daemon: { name } })),
    poller: (name: string) => ({ latest: (stream: string) => (stream === 'snapshot' ? outcomes[name] : undefined) }),
    refresh: async (_reason: string, _index: unknown, streams: string[]) => {
      refreshes.push(streams);
    },
  };
  return { monitor: monitor as unknown as HealthMonitor, refreshes };
}

const snapshotAt = (at: number, marker: string): SnapshotOutcome => ({
  ok: true,
  value: { kind: 'snapshot', snapshot: { marker } },
  at,
});

describe('live snapshots for hovers (PolledSnapshots)', () => {
  const now = 1_000_000;

  it('shows the first daemon whose snapshot read succeeded', () => {
    const { monitor } = monitorOf({ alpha: { ok: false, at: now }, beta: snapshotAt(now, 'beta') });
    const snapshots = new PolledSnapshots(
      () => monitor,
      () => now,
    );
    assert.deepEqual(snapshots.latestSnapshot(), { daemonName: 'beta', snapshot: { marker: 'beta' } });
  });

  it('asks for a read when the shown snapshot is old, even if another daemon was just read', async () => {
    const old = now - LIVE_SNAPSHOT_TTL_MS - 1;
    const { monitor, refreshes } = monitorOf({ alpha: snapshotAt(old, 'alpha'), beta: { ok: false, at: now } });
    await new PolledSnapshots(
      () => monitor,
      () => now,
    ).ready(50);
    assert.deepEqual(refreshes, [['snapshot']]);
  });

  it('asks for nothing while the shown snapshot is current', async () => {
    const { monitor, refreshes } = monitorOf({ alpha: snapshotAt(now - 1_000, 'alpha') });
    await new PolledSnapshots(
      () => monitor,
      () => now,
    ).ready(50);
    assert.deepEqual(refreshes, []);
  });

  it('asks at most once per TTL when no daemon has a snapshot', async () => {
    let clock = now;
    const { monitor, refreshes } = monitorOf({ alpha: { ok: false, at: now } });
    const snapshots = new PolledSnapshots(
      () => monitor,
      () => clock,
    );
    await snapshots.ready(50);
    clock += LIVE_SNAPSHOT_TTL_MS - 1;
    await snapshots.ready(50);
    assert.equal(refreshes.length, 1);
    clock += 1;
    await snapshots.ready(50);
    assert.equal(refreshes.length, 2);
  });
});
