import { strict as assert } from 'node:assert';
import { LocalHistory, type HistoryInput } from '../../../src/core/history/localHistory';
import { MemoryHistoryStorage } from '../../support/memoryHistoryStorage';

function version(n: number, extra: Partial<HistoryInput> = {}): HistoryInput {
  return { entriesHash: `sha256:${n}`, entryCount: n, yaml: `entries: # ${n}\n`, reason: 'pulled', ...extra };
}

describe('local history', () => {
  let clock = 0;
  const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++));

  it('keeps at most the configured number of versions per daemon, newest first', async () => {
    let max = 3;
    const history = new LocalHistory(new MemoryHistoryStorage(), { maxEntriesPerDaemon: () => max, now });
    for (let n = 1; n <= 5; n += 1) await history.record('alpha', version(n));
    assert.deepEqual(
      (await history.list('alpha')).map((r) => r.entryCount),
      [5, 4, 3],
    );
    max = 2;
    await history.record('alpha', version(6));
    assert.deepEqual(
      (await history.list('alpha')).map((r) => r.entryCount),
      [6, 5],
    );
  });

  it('keeps daemons apart', async () => {
    const history = new LocalHistory(new MemoryHistoryStorage(), { maxEntriesPerDaemon: () => 10, now });
    await history.record('alpha', version(1));
    await history.record('beta', version(2));
    assert.deepEqual(
      (await history.list('alpha')).map((r) => r.entryCount),
      [1],
    );
    assert.deepEqual(
      (await history.list('beta')).map((r) => r.entryCount),
      [2],
    );
  });

  it('stores one record per content and accumulates backup file names', async () => {
    const history = new LocalHistory(new MemoryHistoryStorage(), { maxEntriesPerDaemon: () => 10, now });
    await history.record('alpha', version(1));
    await history.record('alpha', version(2));
    await history.record('alpha', version(1, { reason: 'pushed-over', backupFilename: 'slack_dm.A.yml' }));
    assert.equal(await history.attachBackup('alpha', 'sha256:1', 'slack_dm.B.yml'), true);
    assert.equal(await history.attachBackup('alpha', 'sha256:9', 'slack_dm.C.yml'), false);
    const records = await history.list('alpha');
    assert.deepEqual(
      records.map((r) => r.entriesHash),
      ['sha256:1', 'sha256:2'],
    );
    assert.equal(records[0].reason, 'pushed-over');
    assert.deepEqual(records[0].backupFilenames, ['slack_dm.A.yml', 'slack_dm.B.yml']);
    assert.equal((await history.findByBackup('alpha', 'slack_dm.B.yml'))?.entriesHash, 'sha256:1');
    assert.equal(await history.findByBackup('alpha', 'slack_dm.C.yml'), undefined);
  });

  it('does not lose concurrent records', async () => {
    const history = new LocalHistory(new MemoryHistoryStorage(), { maxEntriesPerDaemon: () => 50, now });
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => history.record('alpha', version(n))));
    assert.equal((await history.list('alpha')).length, 6);
  });

  it('survives a corrupt blob and reports it', async () => {
    const storage = new MemoryHistoryStorage();
    storage.blobs.set('alpha', '{not json');
    const corrupt: string[] = [];
    const history = new LocalHistory(storage, {
      maxEntriesPerDaemon: () => 5,
      now,
      onCorrupt: (key) => corrupt.push(key),
    });
    assert.deepEqual(await history.list('alpha'), []);
    assert.deepEqual(corrupt, ['alpha']);
    await history.record('alpha', version(1));
    assert.equal((await history.list('alpha')).length, 1);
  });
});
