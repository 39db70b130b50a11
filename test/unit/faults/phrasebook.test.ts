// Fault matrix, unit layer, phrasebook commands: the core operations behind Open Live / Pull
// (readLive), Push (pushPhrasebook) and Test Message (testMessage) against the fake daemon under
// each fault. The outcome is named and truthful, nothing is written unless the row says the write
// went through, no rejection escapes, and the same command works again once the fault clears.
import * as assert from 'node:assert/strict';
import { ENDPOINTS, KoraClient } from '../../../src/core/daemon/client';
import { DaemonError } from '../../../src/core/daemon/errors';
import { readLive } from '../../../src/core/phrasebook/ops/live';
import { pushPhrasebook, type PushOutcome } from '../../../src/core/phrasebook/ops/push';
import { testMessage, type TestMessageReport } from '../../../src/core/phrasebook/ops/testMessage';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { startFakeDaemon, type FakeDaemon } from '../../fake-daemon/server';
import { confirmingHooks, entry, seedPlus } from '../phrasebook-ops/fixtures';
import { spyOnUnhandled, settle, type UnhandledSpy } from '../../support/unhandled';
import { coverage } from './coverage';
import { FAULT_MATRIX, TEST_MESSAGE_TEXT, type CommandOutcome, type FaultRow } from './matrix';
import { clearInjection, COMMAND_PATH, inject, injectOnce } from './injection';
import { SHORT_TIMEOUTS } from './support';

/** What a command ended with: its result, or the error it threw. */
type Ran =
  | { command: 'read'; entries: number }
  | { command: 'push'; outcome: PushOutcome }
  | { command: 'test'; report: TestMessageReport }
  | { command: 'threw'; error: unknown };

async function runCommand(client: KoraClient, daemon: FakeDaemon, row: FaultRow): Promise<Ran> {
  const { command, phase } = row.phrasebook;
  try {
    switch (command) {
      case 'openLive':
      case 'pull':
        return { command: 'read', entries: (await readLive(client)).entries.length };
      case 'testMessage':
        return {
          command: 'test',
          report: await testMessage(
            client,
            TEST_MESSAGE_TEXT,
            SEED_ENTRIES.map((item) => ({ ...item })),
            new Date(daemon.now()),
          ),
        };
      case 'push': {
        const hooks = confirmingHooks({
          onStep: (step) => {
            if (phase === 'write' && step === 'writing') void injectOnce(daemon, row.inject, ENDPOINTS.phrasebook);
          },
        });
        return {
          command: 'push',
          outcome: await pushPhrasebook(client, { payload: seedPlus(entry('faulty')) }, hooks),
        };
      }
    }
  } catch (error) {
    return { command: 'threw', error };
  }
}

function assertOutcome(ran: Ran, expected: CommandOutcome): void {
  switch (expected.result) {
    case 'error': {
      assert.equal(ran.command, 'threw', `the command fails (got ${JSON.stringify(ran).slice(0, 300)})`);
      const error = ran.command === 'threw' ? ran.error : undefined;
      assert.ok(error instanceof DaemonError, `a typed DaemonError, not ${String(error)}`);
      assert.equal(error.kind, expected.errorKind, error.message);
      assert.match(error.message, expected.message);
      return;
    }
    case 'read':
      assert.equal(
        ran.command === 'read' && ran.entries,
        SEED_ENTRIES.length,
        `read the live seed (got ${JSON.stringify(ran).slice(0, 300)})`,
      );
      return;
    case 'answered': {
      assert.equal(ran.command, 'test', `answered (got ${JSON.stringify(ran).slice(0, 300)})`);
      const report = ran.command === 'test' ? ran.report : undefined;
      assert.equal(report?.daemon.matched, true, 'the daemon matched the status entry');
      assert.equal(report?.local?.matched, true, 'the local answer matched it too');
      assert.equal(
        report?.local?.matched && report.local.snapshot_present,
        expected.localSnapshot,
        'the local answer had the snapshot',
      );
      assert.equal(report?.comparison?.same, expected.same, `comparison: ${JSON.stringify(report?.comparison)}`);
      return;
    }
    default:
      assertPushOutcome(ran, expected);
  }
}

function assertPushOutcome(
  ran: Ran,
  expected: Extract<CommandOutcome, { result: 'live_unreadable' | 'interrupted' | 'accepted' }>,
): void {
  assert.equal(ran.command, 'push', `push returned an outcome (got ${JSON.stringify(ran).slice(0, 300)})`);
  const outcome = ran.command === 'push' ? ran.outcome : undefined;
  assert.equal(outcome?.kind, expected.result);
  if (outcome?.kind === 'live_unreadable' && expected.result === 'live_unreadable') {
    assert.equal(outcome.error.kind, expected.errorKind);
    assert.match(outcome.error.message, expected.message);
  }
  if (outcome?.kind === 'interrupted' && expected.result === 'interrupted') {
    assert.equal(outcome.reconciliation.outcome, expected.reconciliation, outcome.reconciliation.explanation);
    assert.match(outcome.failure, expected.failure);
    assert.ok(outcome.liveAfter, 'live was read again to tell what happened');
  }
}

/** Whether the row's command is meant to leave the daemon's phrasebook as it was. */
function leavesLiveUntouched(expected: CommandOutcome): boolean {
  return (
    expected.result !== 'accepted' && !(expected.result === 'interrupted' && expected.reconciliation === 'written')
  );
}

describe('fault matrix (unit): phrasebook commands', function () {
  this.timeout(20_000);
  let daemon: FakeDaemon | undefined;
  let client: KoraClient | undefined;
  let unhandled: UnhandledSpy;

  beforeEach(() => {
    unhandled = spyOnUnhandled();
  });

  afterEach(async () => {
    await client?.dispose();
    await daemon?.close();
    client = undefined;
    daemon = undefined;
    await settle();
    unhandled.stop();
    assert.deepEqual(unhandled.reasons.map(String), [], 'no unhandled rejection or exception');
  });

  for (const row of FAULT_MATRIX) {
    const { command, phase, outcome } = row.phrasebook;
    it(`${row.id}: ${command} (${phase}) under ${row.title} → ${outcome.result}, and works once it clears`, async () => {
      coverage.started();
      const fake = (daemon = await startFakeDaemon());
      const kora = (client = new KoraClient({ name: 'faulty', url: fake.url }, { timeouts: SHORT_TIMEOUTS }));
      // Warm up like an editor session would: the token is known and a connection pooled.
      assert.equal((await readLive(kora)).response.source, 'bundled_default');

      if (phase === 'read') await inject(fake, row.inject, [COMMAND_PATH[command]]);
      assertOutcome(await runCommand(kora, fake, row), outcome);
      if (leavesLiveUntouched(outcome))
        assert.equal(fake.store.hasOverride(), false, 'nothing was written on the daemon');
      else assert.equal(fake.store.loadLive().length, SEED_ENTRIES.length + 1, 'the push was written');

      await clearInjection(fake, row.clear);
      const again = await runCommand(kora, fake, { ...row, phrasebook: { ...row.phrasebook, phase: 'read' } });
      assert.notEqual(
        again.command,
        'threw',
        `works again after the fault cleared: ${again.command === 'threw' ? String(again.error) : ''}`,
      );
      if (again.command === 'push') assert.equal(again.outcome.kind, 'accepted');
      coverage.coveredPhrasebook(row.id);
    });
  }
});
