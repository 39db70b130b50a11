import { strict as assert } from 'node:assert';
import { reconcileWrite, type LiveFingerprint } from '../../../src/core/phrasebook/ops/reconcile';

const state = (entriesHash: string, entryCount = 2, source = 'override'): LiveFingerprint => ({
  entriesHash,
  entryCount,
  source,
});

describe('reconcileWrite', () => {
  const before = state('sha256:before', 8);
  it('written when live now holds what was written', () => {
    assert.equal(
      reconcileWrite('server_error', before, { entriesHash: 'sha256:mine' }, state('sha256:mine')).outcome,
      'written',
    );
  });
  it('not written when live is unchanged after a 500', () => {
    assert.equal(reconcileWrite('server_error', before, { entriesHash: 'sha256:mine' }, before).outcome, 'not_written');
  });
  it('unknown when live is unchanged after a timeout (the write may still land)', () => {
    assert.equal(reconcileWrite('timeout', before, { entriesHash: 'sha256:mine' }, before).outcome, 'unknown');
  });
  it('unknown when live cannot be read again', () => {
    assert.equal(reconcileWrite('server_error', before, { entriesHash: 'sha256:mine' }, undefined).outcome, 'unknown');
  });
  it('unknown when live changed to something else', () => {
    assert.equal(
      reconcileWrite('server_error', before, { entriesHash: 'sha256:mine' }, state('sha256:theirs')).outcome,
      'unknown',
    );
  });
  it('judges by entry count when the expected content is not known', () => {
    assert.equal(
      reconcileWrite('server_error', before, { entryCount: 3, source: 'override' }, state('sha256:x', 3)).outcome,
      'written',
    );
    assert.equal(
      reconcileWrite('server_error', before, { entryCount: 3, source: 'override' }, before).outcome,
      'not_written',
    );
  });
  it('a source change proves a revert to the bundled default', () => {
    const after = state('sha256:seed', 8, 'bundled_default');
    assert.equal(reconcileWrite('server_error', before, { source: 'bundled_default' }, after).outcome, 'written');
    assert.equal(reconcileWrite('server_error', before, { source: 'bundled_default' }, before).outcome, 'not_written');
  });
});
