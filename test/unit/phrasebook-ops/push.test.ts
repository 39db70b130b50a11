import { strict as assert } from 'node:assert';
import type { PutPhrasebookResult } from '../../../src/core/daemon/client';
import type { PhrasebookEntryWrite } from '../../../src/core/daemon/schemas';
import { normalizeValidationBody } from '../../../src/core/daemon/validationBody';
import { canonicalEntriesHash } from '../../../src/core/phrasebook/ops/writeFormat';
import { findingsForDaemonErrors, readPushableFile } from '../../../src/core/phrasebook/ops/daemonFindings';
import { readLive } from '../../../src/core/phrasebook/ops/live';
import { nothingWasSent, pushPhrasebook } from '../../../src/core/phrasebook/ops/push';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import {
  BACKUP_NAME,
  PHRASEBOOK_PATH,
  confirmingHooks,
  entry,
  requests,
  seedPlus,
  startHarness,
  yamlOf,
  type Harness,
} from './fixtures';

describe('push (against the fake daemon)', () => {
  let harness: Harness;
  afterEach(async () => harness?.close());

  it('accepted: writes, reports the backup and rotated count, live is the file', async () => {
    harness = await startHarness();
    const first = await pushPhrasebook(harness.client, { payload: seedPlus(entry('deploy')) }, confirmingHooks());
    assert.equal(first.kind, 'accepted');
    if (first.kind !== 'accepted') return;
    // Live was the bundled default: nothing to back up.
    assert.equal(first.response.backup_filename, null);
    assert.equal(first.plan.changes.added, 1);
    const second = await pushPhrasebook(
      harness.client,
      { payload: seedPlus(entry('deploy'), entry('rollback')) },
      confirmingHooks(),
    );
    assert.equal(second.kind, 'accepted');
    if (second.kind !== 'accepted') return;
    assert.match(second.response.backup_filename ?? '', BACKUP_NAME);
    assert.equal(second.response.rotated_backup_count, 0);
    const live = await readLive(harness.client);
    assert.equal(live.response.source, 'override');
    assert.equal(live.hash, canonicalEntriesHash(seedPlus(entry('deploy'), entry('rollback'))));
    assert.equal(second.live.hash, live.hash);
  });

  it('refuses locally while a daemon rule fails, and sends nothing at all', async () => {
    harness = await startHarness();
    const payload = seedPlus({ ...entry('broken'), pattern: '(unclosed' });
    const hooks = confirmingHooks();
    const outcome = await pushPhrasebook(harness.client, { payload }, hooks);
    assert.equal(outcome.kind, 'refused_locally');
    if (outcome.kind !== 'refused_locally') return;
    assert.deepEqual(outcome.errors, [
      { entry_index: 8, field: 'pattern', error: 'invalid regex: missing ), unterminated subpattern at position 0' },
    ]);
    assert.equal(nothingWasSent(outcome), true);
    assert.equal(hooks.confirmations, 0);
    assert.equal(harness.daemon.requestLog.length, 0, 'no request of any kind reached the daemon');
  });

  it('conflict: live changed since the base; stopping sends nothing', async () => {
    harness = await startHarness();
    const base = await readLive(harness.client);
    // A colleague writes in the meantime.
    await harness.client.putPhrasebook(seedPlus(entry('colleague')));
    const putsBefore = requests(harness.daemon, 'PUT').length;
    let seen: string | undefined;
    const outcome = await pushPhrasebook(
      harness.client,
      { payload: seedPlus(entry('mine')), baseHash: base.hash },
      confirmingHooks({
        onConflict: async (conflict) => {
          seen = conflict.live.hash;
          return false;
        },
      }),
    );
    assert.equal(outcome.kind, 'conflict');
    assert.equal(seen, canonicalEntriesHash(seedPlus(entry('colleague'))));
    assert.equal(requests(harness.daemon, 'PUT').length, putsBefore);
  });

  it('conflict: the operator may go on after seeing the diff', async () => {
    harness = await startHarness();
    const base = await readLive(harness.client);
    await harness.client.putPhrasebook(seedPlus(entry('colleague')));
    const hooks = confirmingHooks();
    const outcome = await pushPhrasebook(
      harness.client,
      { payload: seedPlus(entry('mine')), baseHash: base.hash },
      hooks,
    );
    assert.equal(outcome.kind, 'accepted');
    assert.equal(hooks.conflicts, 1);
    assert.equal(hooks.confirmations, 1);
  });

  it('no conflict when live still is the base; cancelling at the confirmation sends nothing', async () => {
    harness = await startHarness();
    const base = await readLive(harness.client);
    const hooks = confirmingHooks({ confirm: async () => false });
    const outcome = await pushPhrasebook(
      harness.client,
      { payload: seedPlus(entry('mine')), baseHash: base.hash },
      hooks,
    );
    assert.equal(outcome.kind, 'cancelled');
    assert.equal(hooks.conflicts, 0);
    assert.equal(requests(harness.daemon, 'PUT').length, 0);
  });

  it('422 (validation_failed shape) from a stricter daemon lands on the entry and field it names', async () => {
    harness = await startHarness();
    const file = seedPlus(entry('deploy'), entry('rollback'));
    // Stands in for a daemon with a rule we do not know: the real fake daemon answers a real 422.
    const stricter = Object.create(harness.client) as typeof harness.client;
    stricter.putPhrasebook = (entries: readonly PhrasebookEntryWrite[]) =>
      harness.client.putPhrasebook(
        entries.map((item, index) => (index === 9 ? { ...item, pattern: '(unclosed' } : item)),
      );
    const outcome = await pushPhrasebook(stricter, { payload: file }, confirmingHooks());
    assert.equal(outcome.kind, 'rejected');
    if (outcome.kind !== 'rejected') return;
    assert.equal(outcome.validation.shape, 'validation_failed');
    const document = readPushableFile(yamlOf(file)).document;
    const [finding] = findingsForDaemonErrors(document, outcome.validation.errors);
    assert.equal(finding.entryIndex, 9);
    assert.equal(finding.field, 'pattern');
    const line = yamlOf(file).split('\n')[finding.range.start.line];
    assert.match(line, /pattern: \^rollback\$/);
    assert.equal((await readLive(harness.client)).response.source, 'bundled_default', 'live untouched');
  });

  it("422 (FastAPI's detail shape) is reported as a root error on the file", async () => {
    harness = await startHarness();
    const { daemon, client } = harness;
    const fastApi = Object.create(client) as typeof client;
    // The daemon answers FastAPI's shape when the body is not an object: send one for real.
    fastApi.putPhrasebook = async (): Promise<PutPhrasebookResult> => {
      await client.getPhrasebook(); // acquires the session token the way the client does
      const response = await fetch(`${daemon.url}${PHRASEBOOK_PATH}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-hermes-session-token': daemon.token },
        body: '[]',
      });
      assert.equal(response.status, 422);
      return { kind: 'validation', ...normalizeValidationBody(await response.json(), '') };
    };
    const file = seedPlus(entry('deploy'));
    const outcome = await pushPhrasebook(fastApi, { payload: file }, confirmingHooks());
    assert.equal(outcome.kind, 'rejected');
    if (outcome.kind !== 'rejected') return;
    assert.equal(outcome.validation.shape, 'fastapi_detail');
    const [finding] = findingsForDaemonErrors(readPushableFile(yamlOf(file)).document, outcome.validation.errors);
    assert.equal(finding.entryIndex, null);
    assert.equal(finding.range.start.line, 0, 'on the `entries` key');
    assert.match(finding.message, /valid dictionary/);
  });

  it('401: the token rotates while the confirmation is open; the re-read before the PUT re-scrapes once and the write succeeds', async () => {
    harness = await startHarness();
    const outcome = await pushPhrasebook(
      harness.client,
      { payload: seedPlus(entry('deploy')) },
      confirmingHooks({
        confirm: async () => {
          harness.daemon.restart();
          // Let the client see the restarted daemon drop its pooled connection, as it would by then.
          await new Promise((resolve) => setTimeout(resolve, 50));
          return true;
        },
      }),
    );
    assert.equal(outcome.kind, 'accepted');
    // The re-read of live just before the PUT meets the new token first; the PUT then goes through.
    assert.deepEqual(
      requests(harness.daemon, 'GET').map((request) => request.status),
      [200, 401, 200, 200],
    );
    assert.deepEqual(
      requests(harness.daemon, 'PUT').map((request) => request.status),
      [200],
    );
    assert.equal(harness.daemon.state.tokenRotations, 1);
    assert.equal((await readLive(harness.client)).entries.length, SEED_ENTRIES.length + 1);
  });

  it('a restart that kills the connection under the PUT is reconciled, never guessed', async () => {
    harness = await startHarness();
    const outcome = await pushPhrasebook(
      harness.client,
      { payload: seedPlus(entry('deploy')) },
      confirmingHooks({
        confirm: async () => {
          harness.daemon.restart();
          return true;
        },
      }),
    );
    // Depending on timing the re-read before the PUT dies with its pooled connection (nothing is
    // sent), or absorbs the new token so the PUT goes through, or the PUT itself is cut off.
    if (outcome.kind === 'accepted') {
      assert.deepEqual(
        requests(harness.daemon, 'PUT').map((request) => request.status),
        [200],
      );
      return;
    }
    if (outcome.kind === 'live_unreadable') {
      assert.equal(requests(harness.daemon, 'PUT').length, 0, 'nothing was sent');
      return;
    }
    assert.equal(outcome.kind, 'interrupted');
    if (outcome.kind !== 'interrupted') return;
    assert.equal(outcome.cause, 'connection_lost');
    assert.equal(
      outcome.reconciliation.outcome,
      'unknown',
      'live is unchanged, but an unanswered write may still land',
    );
    assert.equal(outcome.liveAfter?.response.source, 'bundled_default');
  });

  it('HTTP 500 after the write is reconciled as written', async () => {
    harness = await startHarness();
    harness.daemon.addFault({ name: 'write_then_500', path: PHRASEBOOK_PATH });
    const outcome = await pushPhrasebook(harness.client, { payload: seedPlus(entry('deploy')) }, confirmingHooks());
    assert.equal(outcome.kind, 'interrupted');
    if (outcome.kind !== 'interrupted') return;
    assert.equal(outcome.cause, 'server_error');
    assert.equal(outcome.reconciliation.outcome, 'written');
    assert.equal(outcome.liveAfter?.hash, canonicalEntriesHash(seedPlus(entry('deploy'))));
  });

  it('HTTP 500 without a write is reconciled as not written', async () => {
    harness = await startHarness();
    // A one-shot fault on the path, armed once live has been read: it answers the PUT before any write.
    const outcome = await pushPhrasebook(
      harness.client,
      { payload: seedPlus(entry('deploy')) },
      confirmingHooks({
        onStep: (step) => {
          if (step === 'writing') harness.daemon.addFault({ name: 'plain_500', path: PHRASEBOOK_PATH, times: 1 });
        },
      }),
    );
    assert.equal(outcome.kind, 'interrupted');
    if (outcome.kind !== 'interrupted') return;
    assert.equal(outcome.reconciliation.outcome, 'not_written');
    assert.equal(outcome.liveAfter?.response.source, 'bundled_default');
  });

  it('a timeout is reconciled: unchanged live after no answer is "unknown", never "not written"', async () => {
    harness = await startHarness({}, { timeouts: { totalMs: 400, headersMs: 400 } });
    const outcome = await pushPhrasebook(
      harness.client,
      { payload: seedPlus(entry('deploy')) },
      confirmingHooks({
        onStep: (step) => {
          if (step === 'writing') harness.daemon.addFault({ name: 'hang', path: PHRASEBOOK_PATH, times: 1 });
        },
      }),
    );
    assert.equal(outcome.kind, 'interrupted');
    if (outcome.kind !== 'interrupted') return;
    assert.equal(outcome.cause, 'timeout');
    assert.equal(outcome.reconciliation.outcome, 'unknown');
    assert.ok(outcome.liveAfter, 'live was read again');
  });

  it('live unreadable: nothing is written', async () => {
    harness = await startHarness();
    await harness.daemon.stop();
    const outcome = await pushPhrasebook(harness.client, { payload: seedPlus(entry('deploy')) }, confirmingHooks());
    assert.equal(outcome.kind, 'live_unreadable');
    assert.equal(nothingWasSent(outcome), true);
  });
});
