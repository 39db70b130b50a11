import { strict as assert } from 'node:assert';
import { compareTestResults, localTestResult, renderTestResult } from '../../../src/core/phrasebook/ops/testMessage';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { entry } from './fixtures';

const now = new Date('2026-05-23T10:00:00Z');
const snapshot = {
  computed_at: '2026-05-23T09:58:00Z',
  operational_state: { primary: 'ready', paused: false },
  alerts: { active_count: 2 },
};

describe('test a message locally', () => {
  it('answers with the first entry matching at the start of the trimmed message, rendered from the snapshot', () => {
    const result = localTestResult(SEED_ENTRIES, '  status  ', snapshot, now);
    assert.equal(result.matched, true);
    if (!result.matched) return;
    assert.equal(result.entry_index, 4);
    assert.equal(result.category, 'status_query');
    assert.equal(result.rendered_reply, 'Operational state: ready. 2 active alert(s).');
    assert.deepEqual(result.referenced_snapshot_fields, ['alerts.active_count', 'operational_state.primary']);
  });

  it('says why a reply falls through', () => {
    const stale = localTestResult(SEED_ENTRIES, 'status', { ...snapshot, computed_at: '2026-05-23T09:00:00Z' }, now);
    assert.equal(stale.matched && stale.fall_through_reason, 'stale-snapshot');
    const none = localTestResult(SEED_ENTRIES, 'walk me through the migration', snapshot, now);
    assert.deepEqual(none, { matched: false, would_fall_through_to_reasoning_engine: true, reason: 'no-match' });
  });

  it('keeps file indexes when some entries are not usable', () => {
    const result = localTestResult([42, entry('deploy')], 'deploy', snapshot, now);
    assert.equal(result.matched && result.entry_index, 1);
  });

  it('flags a difference caused by the file differing from live', () => {
    const file = [entry('hello', '^(hi|hello)$', 'Hi.')];
    const local = localTestResult(file, 'hey', snapshot, now);
    const daemon = {
      matched: true as const,
      category: 'greeting',
      description: 'd',
      pattern: SEED_ENTRIES[0].pattern,
      reply_template: "Hey. What's up?",
      referenced_snapshot_fields: [],
      rendered_reply: "Hey. What's up?",
      would_fall_through_to_reasoning_engine: false,
      snapshot_present: true,
    };
    const comparison = compareTestResults(local, daemon, { fileEntries: file, liveEntries: SEED_ENTRIES });
    assert.equal(comparison.same, false);
    assert.deepEqual(comparison.differences, ['answer: no match locally, entry "greeting" on the daemon']);
    assert.deepEqual(comparison.causes, ['the file differs from the live phrasebook']);
    assert.equal(
      compareTestResults(localTestResult(SEED_ENTRIES, 'hey', snapshot, now), daemon, {
        fileEntries: SEED_ENTRIES,
        liveEntries: SEED_ENTRIES,
      }).same,
      true,
    );
  });

  it('renders both sides with the same lines so a diff lines them up', () => {
    const local = renderTestResult('Local', 'hey', { local: localTestResult(SEED_ENTRIES, 'hey', snapshot, now) });
    assert.equal(local.split('\n')[3], 'Answer: entry 0 · greeting — Bare greeting with no other content');
    assert.match(local, /^Reply: Hey\. What's up\?$/m);
  });
});
