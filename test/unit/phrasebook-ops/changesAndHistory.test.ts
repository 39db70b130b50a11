import { strict as assert } from 'node:assert';
import { LocalHistory } from '../../../src/core/history/localHistory';
import { MemoryHistoryStorage } from '../../support/memoryHistoryStorage';
import { describeEntryChanges, summarizeEntryChanges } from '../../../src/core/phrasebook/ops/changes';
import { keepAfterPush } from '../../../src/core/phrasebook/ops/historyKeeping';
import { pushPhrasebook } from '../../../src/core/phrasebook/ops/push';
import { auditLine } from '../../../src/core/phrasebook/ops/audit';
import { confirmingHooks, entry, seedPlus, startHarness, type Harness } from './fixtures';

describe('entry change summary', () => {
  it('counts added, removed, changed and order changes', () => {
    const a = entry('a');
    const b = entry('b');
    const c = entry('c');
    const summary = summarizeEntryChanges([a, b, c], [{ ...b, reply_template: 'new' }, a, entry('d')]);
    assert.deepEqual(summary, {
      before: 3,
      after: 3,
      added: 1,
      removed: 1,
      changed: 1,
      reordered: true,
      identical: false,
    });
    assert.equal(describeEntryChanges(summary), '3 → 3 entries (1 added, 1 removed, 1 changed, order changed)');
    assert.equal(describeEntryChanges(summarizeEntryChanges([a], [a])), '1 → 1 entry (no change)');
  });

  it('audit lines carry daemon, action, counts and backup — nothing else', () => {
    assert.equal(
      auditLine({
        daemon: 'alpha',
        action: 'push',
        outcome: 'accepted',
        entriesBefore: 8,
        entriesAfter: 9,
        backupFilename: 'slack_dm.X.yml',
        rotatedBackups: 1,
      }),
      'daemon="alpha" action=push outcome=accepted entries=8→9 backup=slack_dm.X.yml rotated=1',
    );
  });
});

describe('local history after a push (against the fake daemon)', () => {
  let harness: Harness;
  afterEach(async () => harness?.close());

  it('ties the replaced content to the backup the PUT named when the backup list agrees', async () => {
    harness = await startHarness();
    const history = new LocalHistory(new MemoryHistoryStorage(), { maxEntriesPerDaemon: () => 10 });
    await harness.client.putPhrasebook(seedPlus(entry('v1')));
    const outcome = await pushPhrasebook(harness.client, { payload: seedPlus(entry('v2')) }, confirmingHooks());
    assert.equal(outcome.kind, 'accepted');
    if (outcome.kind !== 'accepted') return;
    const backups = await harness.client.getPhrasebookBackups();
    const kept = await keepAfterPush(history, 'alpha', outcome.plan.live, outcome.live, outcome.response, backups);
    assert.equal(kept.backupMatched, true);
    const record = await history.findByBackup('alpha', outcome.response.backup_filename ?? '');
    assert.equal(record?.entriesHash, outcome.plan.live.hash);
    assert.equal(record?.reason, 'pushed-over');
    assert.equal(record?.yaml, outcome.plan.live.yaml);
  });

  it('does not tie it when someone wrote between our last read and our PUT', async () => {
    harness = await startHarness();
    const history = new LocalHistory(new MemoryHistoryStorage(), { maxEntriesPerDaemon: () => 10 });
    await harness.client.putPhrasebook(seedPlus(entry('v1')));
    const client = harness.client;
    const racing = Object.create(client) as typeof client;
    racing.putPhrasebook = async (entries) => {
      // A colleague's push with a different entry count lands after the re-read, just before ours
      // (the window no re-read can close: the daemon has no conditional PUT).
      await client.putPhrasebook([entry('theirs')]);
      return client.putPhrasebook(entries);
    };
    const outcome = await pushPhrasebook(racing, { payload: seedPlus(entry('mine')) }, confirmingHooks());
    assert.equal(outcome.kind, 'accepted');
    if (outcome.kind !== 'accepted') return;
    const kept = await keepAfterPush(
      history,
      'alpha',
      outcome.plan.live,
      outcome.live,
      outcome.response,
      await harness.client.getPhrasebookBackups(),
    );
    assert.equal(kept.backupMatched, false);
    assert.equal(await history.findByBackup('alpha', outcome.response.backup_filename ?? ''), undefined);
    assert.ok(await history.findByHash('alpha', outcome.plan.live.hash), 'the content is still kept, just not tied');
  });
});
