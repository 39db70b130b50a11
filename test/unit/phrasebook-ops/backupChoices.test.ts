import { strict as assert } from 'node:assert';
import {
  buildBackupChoices,
  formatRelativeTime,
  parseBackupName,
  sortBackupsNewestFirst,
  type BackupInfo,
} from '../../../src/core/phrasebook/ops/backupChoices';

const backup = (filename: string, entryCount: number | null = 3): BackupInfo => ({
  filename,
  timestamp: filename.replace(/^slack_dm\./, '').replace(/\.yml$/, ''),
  size_bytes: 231,
  entry_count: entryCount,
});

describe('backup choices', () => {
  const now = new Date(Date.UTC(2026, 4, 23, 12, 0, 0));

  it('parses backup names with and without the same-second counter', () => {
    assert.deepEqual(parseBackupName('slack_dm.2026-05-23T10-00-00Z.yml'), {
      time: new Date(Date.UTC(2026, 4, 23, 10)),
      sequence: 0,
    });
    assert.equal(parseBackupName('slack_dm.2026-05-23T10-00-00Z-2.yml')?.sequence, 2);
    assert.equal(parseBackupName('slack_dm.x.yml'), undefined);
  });

  it('orders newest first, a same-second suffix being newer than the plain name', () => {
    // The daemon's own (lexical, descending) order puts the plain name first.
    const daemonOrder = [
      backup('slack_dm.2026-05-23T10-00-00Z.yml'),
      backup('slack_dm.2026-05-23T10-00-00Z-1.yml'),
      backup('slack_dm.2026-05-22T09-00-00Z.yml'),
      backup('slack_dm.2026-05-23T10-00-00Z-2.yml'),
    ];
    assert.deepEqual(
      sortBackupsNewestFirst(daemonOrder).map((b) => b.filename),
      [
        'slack_dm.2026-05-23T10-00-00Z-2.yml',
        'slack_dm.2026-05-23T10-00-00Z-1.yml',
        'slack_dm.2026-05-23T10-00-00Z.yml',
        'slack_dm.2026-05-22T09-00-00Z.yml',
      ],
    );
  });

  it('lists every backup once, marks the newest readable one "most recent" and makes corrupt ones unselectable', () => {
    const choices = buildBackupChoices(
      [backup('slack_dm.2026-05-23T11-00-00Z.yml', null), backup('slack_dm.2026-05-23T10-00-00Z.yml', 2)],
      now,
    );
    assert.deepEqual(
      choices.map((choice) => choice.filename),
      ['slack_dm.2026-05-23T11-00-00Z.yml', 'slack_dm.2026-05-23T10-00-00Z.yml'],
      'no duplicates',
    );
    assert.equal(choices[0].selectable, false);
    assert.match(choices[0].detail, /unreadable/);
    assert.equal(choices[1].isMostRecent, true);
    assert.equal(choices[1].selectable, true);
    assert.match(choices[1].description, /^most recent · 2 hours ago · 2026-05-23 10:00:00 UTC$/);
    assert.match(choices[1].detail, /^2 entries · 231 B \(skips 1 newer unreadable backup\)$/);
  });

  it('lists a single backup once', () => {
    const choices = buildBackupChoices([backup('slack_dm.2026-05-23T10-00-00Z.yml', 2)], now);
    assert.deepEqual(
      choices.map((c) => [c.filename, c.isMostRecent]),
      [['slack_dm.2026-05-23T10-00-00Z.yml', true]],
    );
  });

  it('offers no "most recent" shortcut when every backup is corrupt, and nothing for no backups', () => {
    const choices = buildBackupChoices([backup('slack_dm.2026-05-23T11-00-00Z.yml', null)], now);
    assert.deepEqual(
      choices.map((c) => [c.isMostRecent, c.selectable]),
      [[false, false]],
    );
    assert.deepEqual(buildBackupChoices([], now), []);
  });

  it('formats relative times', () => {
    const ago = (seconds: number) => formatRelativeTime(new Date(now.getTime() - seconds * 1000), now);
    assert.equal(ago(10), 'just now');
    assert.equal(ago(60), '1 minute ago');
    assert.equal(ago(60 * 5), '5 minutes ago');
    assert.equal(ago(3600 * 3), '3 hours ago');
    assert.equal(ago(86400 * 2), '2 days ago');
    assert.equal(ago(-100), 'in the future (clock skew)');
  });
});
