import * as assert from 'node:assert/strict';
import { DaemonError } from '../../../src/core/daemon/errors';
import { toCliState, toCliStatusDocument } from '../../../src/core/health/cliStatusJson';
import { buildHealth } from '../../../src/core/health/model';
import type { DaemonState } from '../../../src/core/health/types';

describe('kora-ops status JSON shape', () => {
  it('uses the eight documented states, folding the two internal ones into offline', () => {
    const states: DaemonState[] = [
      'ok',
      'offline',
      'unauthorized',
      'no_frontend',
      'warming',
      'stale',
      'endpoint_missing',
      'malformed',
    ];
    for (const state of states) assert.equal(toCliState(state), state);
    assert.equal(toCliState('insecure_refused'), 'offline');
    assert.equal(toCliState('connecting'), 'offline');
  });

  it('has exactly the documented keys per daemon (plus the extras) and keeps the precise reason', () => {
    const error = new DaemonError({ kind: 'insecure_refused', detail: 'refusing cleartext http' });
    const health = buildHealth(
      {
        daemon: { name: 'prod', url: 'http://10.0.0.5:9119' },
        snapshot: { ok: false, error, at: 0 },
        heartbeat: { ok: false, error, at: 0 },
      },
      0,
    );
    const [daemon] = toCliStatusDocument([health]).daemons;
    assert.deepEqual(Object.keys(daemon).slice(0, 8), [
      'name',
      'url',
      'state',
      'overall_status',
      'uptime_seconds',
      'snapshot_age_seconds',
      'listeners',
      'services',
    ]);
    assert.equal(daemon.state, 'offline');
    assert.equal(daemon.reason, 'insecure_refused');
    assert.equal(daemon.detail, 'Refusing cleartext http.');
  });
});
