import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalHistory } from '../../../src/core/history/localHistory';
import { MemoryHistoryStorage } from '../../support/memoryHistoryStorage';
import { canonicalEntriesHash } from '../../../src/core/phrasebook/ops/writeFormat';
import { keepAfterRevert, keepBeforeRevert } from '../../../src/core/phrasebook/ops/historyKeeping';
import { readLive, type LiveState } from '../../../src/core/phrasebook/ops/live';
import { revertPhrasebook, type RevertHooks, type RevertPlan } from '../../../src/core/phrasebook/ops/revert';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { entry, requests, seedPlus, startHarness, type Harness } from './fixtures';

const REVERT_PATH = '/api/phrasebook/slack_dm/revert';

function hooks(overrides: Partial<RevertHooks> = {}): RevertHooks & { kept: LiveState[]; plans: RevertPlan[] } {
  const recorded = {
    kept: [] as LiveState[],
    plans: [] as RevertPlan[],
    async confirm(plan: RevertPlan) {
      recorded.plans.push(plan);
      return true;
    },
    async keepCurrent(live: LiveState) {
      recorded.kept.push(live);
    },
    ...overrides,
  };
  return recorded;
}

describe('revert (against the fake daemon)', () => {
  let harness: Harness;
  afterEach(async () => harness?.close());

  /** Three versions pushed: v1 (no backup, live was bundled), v2 (backs up v1), v3 (backs up v2). */
  async function pushThreeVersions(): Promise<string[]> {
    const backups: string[] = [];
    for (const name of ['v1', 'v2', 'v3']) {
      const result = await harness.client.putPhrasebook(seedPlus(entry(name)));
      assert.equal(result.kind, 'ok');
      if (result.kind === 'ok' && result.body.backup_filename) backups.push(result.body.backup_filename);
    }
    return backups;
  }

  it('named backup: keeps the current content first, restores the backup, reads live after', async () => {
    harness = await startHarness();
    const [v1Backup] = await pushThreeVersions();
    const recorded = hooks();
    const outcome = await revertPhrasebook(harness.client, { filename: v1Backup }, recorded);
    assert.equal(outcome.kind, 'reverted');
    if (outcome.kind !== 'reverted') return;
    assert.equal(outcome.response.reverted_to, v1Backup);
    assert.equal(outcome.liveAfter?.hash, canonicalEntriesHash(seedPlus(entry('v1'))));
    assert.equal(recorded.kept.length, 1);
    assert.equal(
      recorded.kept[0].hash,
      canonicalEntriesHash(seedPlus(entry('v3'))),
      'v3 was kept before being replaced',
    );
  });

  it('most recent: the picker lists each backup once, newest first, the newest marked most recent', async () => {
    harness = await startHarness();
    const [v1Backup, v2Backup] = await pushThreeVersions();
    let offered: string[] = [];
    const outcome = await revertPhrasebook(
      harness.client,
      {},
      hooks({
        choose: async (choices) => {
          offered = choices.map((choice) => `${choice.isMostRecent ? '*' : ''}${choice.filename}`);
          return choices[0];
        },
      }),
    );
    // Same-second pushes get -N suffixes; the newest is v2's backup either way.
    assert.deepEqual(offered, [`*${v2Backup}`, v1Backup]);
    assert.equal(outcome.kind, 'reverted');
    if (outcome.kind !== 'reverted') return;
    assert.equal(outcome.response.reverted_to, v2Backup);
    assert.equal(outcome.liveAfter?.hash, canonicalEntriesHash(seedPlus(entry('v2'))));
  });

  it('the daemon default (CLI without --to) restores what the daemon calls most recent', async () => {
    harness = await startHarness();
    await pushThreeVersions();
    const outcome = await revertPhrasebook(harness.client, { useDaemonDefault: true }, hooks());
    assert.equal(outcome.kind, 'reverted');
    if (outcome.kind !== 'reverted') return;
    assert.equal(outcome.plan.target.kind === 'backup' && outcome.plan.target.filename, undefined, 'no filename sent');
    const backups = await harness.client.getPhrasebookBackups();
    assert.equal(outcome.response.reverted_to, backups.backups[0].filename);
  });

  it('no backups: offers to remove the override and return to the bundled default', async () => {
    harness = await startHarness();
    await harness.client.putPhrasebook(seedPlus(entry('only')));
    const recorded = hooks();
    const outcome = await revertPhrasebook(harness.client, {}, recorded);
    assert.equal(recorded.plans[0].target.kind, 'bundled_default');
    assert.equal(outcome.kind, 'reverted');
    if (outcome.kind !== 'reverted') return;
    assert.equal(outcome.response.reverted_to, 'bundled_default');
    assert.equal(outcome.liveAfter?.response.source, 'bundled_default');
    assert.equal(outcome.liveAfter?.entries.length, SEED_ENTRIES.length);
  });

  it('nothing to revert on a daemon with no override and no backups; nothing is sent', async () => {
    harness = await startHarness();
    const outcome = await revertPhrasebook(harness.client, {}, hooks());
    assert.equal(outcome.kind, 'nothing_to_revert');
    assert.equal(requests(harness.daemon, 'POST', REVERT_PATH).length, 0);
  });

  it('declining the confirmation keeps nothing and sends nothing', async () => {
    harness = await startHarness();
    const [v1Backup] = await pushThreeVersions();
    const recorded = hooks({ confirm: async () => false });
    const outcome = await revertPhrasebook(harness.client, { filename: v1Backup }, recorded);
    assert.equal(outcome.kind, 'cancelled');
    assert.equal(recorded.kept.length, 0);
    assert.equal(requests(harness.daemon, 'POST', REVERT_PATH).length, 0);
  });

  it('400 for an invalid name and 404 for an absent backup; live unchanged', async () => {
    harness = await startHarness();
    await pushThreeVersions();
    const before = await readLive(harness.client);
    const invalid = await revertPhrasebook(harness.client, { filename: '../../etc/passwd' }, hooks());
    assert.equal(invalid.kind, 'rejected');
    if (invalid.kind === 'rejected') {
      assert.equal(invalid.status, 400);
      assert.equal(invalid.body.error, 'invalid_filename');
    }
    const absent = await revertPhrasebook(harness.client, { filename: 'slack_dm.2099-01-01T00-00-00Z.yml' }, hooks());
    assert.equal(absent.kind, 'rejected');
    if (absent.kind === 'rejected') assert.equal(absent.status, 404);
    assert.equal((await readLive(harness.client)).hash, before.hash);
  });

  it('a corrupt backup is listed but cannot be restored', async () => {
    harness = await startHarness();
    await pushThreeVersions();
    const corrupt = 'slack_dm.2020-01-01T00-00-00Z.yml';
    mkdirSync(harness.daemon.store.backupDir, { recursive: true });
    writeFileSync(join(harness.daemon.store.backupDir, corrupt), 'entries: {not: a list}\n');
    let listed: boolean | undefined;
    await revertPhrasebook(
      harness.client,
      {},
      hooks({
        choose: async (choices) => {
          listed = choices.some((choice) => choice.filename === corrupt && !choice.selectable);
          return undefined;
        },
      }),
    );
    assert.equal(listed, true);
    const outcome = await revertPhrasebook(harness.client, { filename: corrupt }, hooks());
    assert.equal(outcome.kind, 'refused_corrupt');
    assert.equal(requests(harness.daemon, 'POST', REVERT_PATH).length, 0);
  });

  it('HTTP 500 after the revert is reconciled as written (exactly, when history knows the backup)', async () => {
    harness = await startHarness();
    const [v1Backup] = await pushThreeVersions();
    harness.daemon.addFault({ name: 'write_then_500', path: REVERT_PATH });
    const outcome = await revertPhrasebook(
      harness.client,
      { filename: v1Backup },
      hooks({
        knownHashOf: async (filename) =>
          filename === v1Backup ? canonicalEntriesHash(seedPlus(entry('v1'))) : undefined,
      }),
    );
    assert.equal(outcome.kind, 'interrupted');
    if (outcome.kind !== 'interrupted') return;
    assert.equal(outcome.reconciliation.outcome, 'written');
    assert.match(outcome.reconciliation.explanation, /exactly/);
  });

  it('local history learns the content of the backup reverted to, and keeps what it replaced', async () => {
    harness = await startHarness();
    const [v1Backup] = await pushThreeVersions();
    const history = new LocalHistory(new MemoryHistoryStorage(), { maxEntriesPerDaemon: () => 10 });
    const outcome = await revertPhrasebook(
      harness.client,
      { filename: v1Backup },
      hooks({ keepCurrent: (live) => keepBeforeRevert(history, 'alpha', live) }),
    );
    assert.equal(outcome.kind, 'reverted');
    if (outcome.kind !== 'reverted') return;
    await keepAfterRevert(history, 'alpha', outcome.response, outcome.liveAfter);
    assert.equal(
      (await history.findByBackup('alpha', v1Backup))?.entriesHash,
      canonicalEntriesHash(seedPlus(entry('v1'))),
    );
    assert.equal(
      (await history.findByHash('alpha', canonicalEntriesHash(seedPlus(entry('v3')))))?.reason,
      'reverted-away',
    );
  });
});
