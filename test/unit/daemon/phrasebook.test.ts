import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import type { PhrasebookEntryWrite } from '../../../src/core/daemon/schemas';
import { parseBackupCount } from '../../fake-daemon/phrasebookStore';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { useFakeDaemon } from './helpers';

const BACKUP_NAME = /^slack_dm\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(?:-\d+)?\.yml$/;
const FIXED_NOW = Date.UTC(2026, 4, 23, 10, 0, 0);
const HELLO: PhrasebookEntryWrite = {
  pattern: '^hello$',
  category: 'greeting',
  description: 'test',
  reply_template: 'Hi!',
};

function entries(count: number): PhrasebookEntryWrite[] {
  return Array.from({ length: count }, (_, index) => ({ ...HELLO, pattern: `^hello${index}$` }));
}

describe('phrasebook routes (client ↔ fake daemon)', () => {
  let now = FIXED_NOW;
  const fake = useFakeDaemon({ now: () => now, backupCount: '3' });
  beforeEach(() => {
    now = FIXED_NOW;
  });

  it('serves the bundled seed before any override exists', async () => {
    const live = await fake.client().getPhrasebook();
    assert.equal(live.source, 'bundled_default');
    assert.equal(live.source_path, 'bundled');
    assert.ok(live.override_candidate_path?.endsWith(join('phrasebook', 'slack_dm.yml')));
    assert.deepEqual(
      live.entries.map((entry) => entry.category),
      SEED_ENTRIES.map((entry) => entry.category),
    );
    assert.deepEqual(live.entries[3].referenced_snapshot_fields, [
      'cost_ladder.current_tier',
      'cost_ladder.monthly_budget_pct_used',
    ]);
  });

  it('writes the first override without a backup and audits it', async () => {
    const client = fake.client();
    const result = await client.putPhrasebook([HELLO]);
    assert.equal(result.kind, 'ok');
    if (result.kind !== 'ok') return;
    assert.equal(result.body.backup_filename, null);
    assert.equal(result.body.entry_count, 1);
    assert.equal(result.body.source_path, fake.daemon.store.overridePath);
    assert.equal(
      readFileSync(fake.daemon.store.overridePath, 'utf8'),
      'entries:\n- pattern: ^hello$\n  category: greeting\n  description: test\n  reply_template: Hi!\n',
    );
    const audit = readFileSync(join(fake.daemon.koraHome, 'kora_audit_log.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].seam, 'phrasebook.updated');
    assert.deepEqual(audit[0].details, {
      actor: 'operator',
      action: 'put',
      entry_count_before: 8,
      entry_count_after: 1,
      backup_filename: null,
      rotated_backup_count: 0,
    });
    assert.equal((await client.getPhrasebook()).source, 'override');
  });

  it('names same-second backups with -1, -2 and rotates by the clamped count', async () => {
    const client = fake.client();
    const names: Array<string | null> = [];
    for (let write = 0; write < 5; write++) {
      const result = await client.putPhrasebook(entries(write + 1));
      assert.equal(result.kind, 'ok');
      if (result.kind === 'ok') names.push(result.body.backup_filename);
    }
    assert.deepEqual(names, [
      null,
      'slack_dm.2026-05-23T10-00-00Z.yml',
      'slack_dm.2026-05-23T10-00-00Z-1.yml',
      'slack_dm.2026-05-23T10-00-00Z-2.yml',
      'slack_dm.2026-05-23T10-00-00Z-3.yml',
    ]);
    const backups = await client.getPhrasebookBackups();
    assert.equal(backups.rotation_keep, 3);
    assert.ok(backups.backups.every((backup) => BACKUP_NAME.test(backup.filename)));
    // Lexical order puts the un-suffixed name last: the daemon's own caveat, reproduced.
    assert.deepEqual(
      backups.backups.map((backup) => backup.filename),
      [
        'slack_dm.2026-05-23T10-00-00Z.yml',
        'slack_dm.2026-05-23T10-00-00Z-3.yml',
        'slack_dm.2026-05-23T10-00-00Z-2.yml',
      ],
    );
    assert.deepEqual(
      backups.backups.map((backup) => backup.entry_count),
      [1, 4, 3],
    );
    assert.equal(backups.backups[0].timestamp, '2026-05-23T10-00-00Z');
  });

  it('parses KORA_PHRASEBOOK_BACKUP_COUNT like the daemon', () => {
    assert.deepEqual(
      ['', '5', 'not-a-number', '0', '99999', ' 7 ', '1_0', '-4'].map(parseBackupCount),
      [10, 5, 10, 1, 1000, 7, 10, 1],
    );
    assert.equal(parseBackupCount(undefined), 10);
  });

  it('refuses an invalid phrasebook with the validator’s 422 and leaves the override untouched', async () => {
    const client = fake.client();
    await client.putPhrasebook([HELLO]);
    const before = readFileSync(fake.daemon.store.overridePath, 'utf8');
    const result = await client.putPhrasebook([
      { ...HELLO, pattern: '(unclosed' },
      { ...HELLO, description: '' },
    ]);
    assert.equal(result.kind, 'validation');
    if (result.kind !== 'validation') return;
    assert.equal(result.shape, 'validation_failed');
    assert.deepEqual(result.errors, [
      { entry_index: 0, field: 'pattern', error: 'invalid regex: missing ), unterminated subpattern at position 0' },
      { entry_index: 1, field: 'description', error: "required field 'description' missing or empty" },
    ]);
    assert.equal(readFileSync(fake.daemon.store.overridePath, 'utf8'), before);
    assert.equal((await client.getPhrasebookBackups()).backups.length, 0, 'no backup for a refused write');
  });

  it('answers FastAPI’s 422 shape when the body is not a JSON object', async () => {
    const response = await request(`${fake.daemon.url}/api/phrasebook/slack_dm`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-hermes-session-token': fake.daemon.token },
      body: '[1, 2]',
    });
    assert.equal(response.statusCode, 422);
    const body = (await response.body.json()) as { detail: Array<{ loc: unknown[] }> };
    assert.deepEqual(body.detail[0].loc, ['body']);
  });

  it('reports a 500 after the write (write_then_500) so the caller can reconcile', async () => {
    const client = fake.client();
    fake.daemon.addFault({ name: 'write_then_500' });
    const result = await client.putPhrasebook([HELLO]);
    assert.equal(result.kind, 'server_error');
    if (result.kind !== 'server_error') return;
    assert.equal(result.status, 500);
    assert.equal(result.bodyExcerpt, 'Internal Server Error');
    assert.deepEqual(
      (await client.getPhrasebook()).entries.map((entry) => entry.pattern),
      ['^hello$'],
      'the write did happen',
    );
  });

  it('reverts to a named backup, to the newest, and to the bundled default, with the exact 400/404 bodies', async () => {
    const client = fake.client();
    await client.putPhrasebook([HELLO]);
    now += 1_000;
    const second = await client.putPhrasebook(entries(2));
    const backupName = second.kind === 'ok' ? second.body.backup_filename : null;
    assert.equal(backupName, 'slack_dm.2026-05-23T10-00-01Z.yml');

    const invalid = await client.revertPhrasebook('../../../etc/passwd');
    assert.deepEqual(invalid, {
      kind: 'invalid_filename',
      body: { error: 'invalid_filename', detail: "invalid backup filename: '../../../etc/passwd'" },
    });
    const missing = await client.revertPhrasebook('slack_dm.2099-01-01T00-00-00Z.yml');
    assert.deepEqual(missing, {
      kind: 'not_found',
      body: { error: 'backup_not_found', detail: 'backup not found: slack_dm.2099-01-01T00-00-00Z.yml' },
    });

    const named = await client.revertPhrasebook(backupName ?? undefined);
    assert.deepEqual(named, {
      kind: 'ok',
      body: { reverted_to: backupName, source_path: fake.daemon.store.overridePath },
    });
    assert.deepEqual(
      (await client.getPhrasebook()).entries.map((entry) => entry.pattern),
      ['^hello$'],
    );
    assert.equal(
      (await client.getPhrasebookBackups()).backups.length,
      1,
      'revert neither consumes nor creates backups',
    );

    const newest = await client.revertPhrasebook();
    assert.equal(newest.kind === 'ok' && newest.body.reverted_to, backupName);

    fake.daemon.store.reset();
    await client.putPhrasebook([HELLO]);
    const toDefault = await client.revertPhrasebook();
    assert.deepEqual(toDefault, { kind: 'ok', body: { reverted_to: 'bundled_default', source_path: null } });
    assert.equal(existsSync(fake.daemon.store.overridePath), false);
    assert.equal((await client.getPhrasebook()).source, 'bundled_default');
  });

  it('matches and renders /test like the daemon', async () => {
    const client = fake.client();
    const greeting = await client.testPhrasebook('  Hey!  ');
    assert.equal(greeting.matched, true);
    assert.equal(greeting.matched && greeting.rendered_reply, "Hey. What's up?");
    const status = await client.testPhrasebook('status');
    assert.equal(status.matched && status.rendered_reply, 'Operational state: ready. 0 active alert(s).');
    const burn = await client.testPhrasebook('burn');
    assert.equal(burn.matched && burn.rendered_reply, '42.5% of monthly budget used. Tier: NORMAL.');
    const paused = await client.testPhrasebook('paused?');
    assert.equal(paused.matched && paused.rendered_reply, 'Primary state: ready. Paused: False.');
    const none = await client.testPhrasebook('hey can you walk me through the migration plan?');
    assert.deepEqual(none, { matched: false, would_fall_through_to_reasoning_engine: true });

    await client.putPhrasebook([
      {
        ...HELLO,
        pattern: '^pool',
        reply_template: 'Pool: {snapshot.cost_ladder.credit_pool_usd}, tasks {snapshot.tasks.open_count}',
      },
      { ...HELLO, pattern: '^credit', reply_template: '{snapshot.cost_ladder.credit_pool_usd} USD' },
    ]);
    const unknownValue = await client.testPhrasebook('pool');
    assert.equal(unknownValue.matched && unknownValue.rendered_reply, null, '"unknown" falls through');
    const float = await client.testPhrasebook('credit please');
    assert.equal(float.matched && float.rendered_reply, '200.0 USD', 'a float renders the Python way');

    await fake.daemon.setScenario('stale');
    const stale = await client.testPhrasebook('credit');
    assert.equal(stale.matched && stale.snapshot_present, false);
    assert.equal(stale.matched && stale.rendered_reply, null);
  });
});
