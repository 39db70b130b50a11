// Fault matrix, integration layer: the real extension in VS Code against the fake daemon "beta",
// one row of test/unit/faults/matrix.ts per test. Each fault is put on beta through its control
// API; then, at the same time, the Health view is refreshed (Refresh, as the tree's "Retry now"
// does) and a phrasebook command runs with the test prompter. Checked: the tree names the state,
// the command returns the row's outcome and writes no local file, no unhandled rejection reaches the
// extension host, at most one notification is shown, and once the fault clears the tree shows "ok"
// at the next poll (the poller's own retry for a daemon coming back, else Refresh) and the same
// command works again.
import * as assert from 'node:assert/strict';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import { COMMAND } from '../../../src/vscode/constants';
import { clearInjection, COMMAND_PATH, HEALTH_PATHS, inject } from '../../unit/faults/injection';
import {
  CoverageCount,
  FAULT_MATRIX,
  type CommandOutcome,
  type FaultRow,
  type PhrasebookCommand,
} from '../../unit/faults/matrix';
import { waitFor } from '../helpers';
import { hasAlphaAndBeta, healthOf, koraApi, restoreDaemons, rootNode } from '../health/support';
import { assertCommandOutcome, armBeforePut, expectedWrites, folderSnapshot, prepareCommand } from './commands';
import { daemonControl } from './control';
import { NotificationCounter } from './observers';
import { describeReason, spyOnUnhandled, type UnhandledSpy } from '../../support/unhandled';

const DAEMON = 'beta';
/** The slowest row waits for the client's 30 s total deadline (slow body), health and command at once. */
const ROW_TIMEOUT_MS = 120_000;
/** Long enough for one poll that ends in the 30 s deadline, plus one that joined a poll in flight. */
const STATE_TIMEOUT_MS = 75_000;
/** A Refresh may join a poll that was already in flight when the fault cleared: allow one more. */
const MAX_REFRESHES_TO_RECOVER = 2;
/** Slack on top of the scheduled retry time when waiting for the poller's own retry. */
const SCHEDULE_SLACK_MS = 3000;
const SETTLE_MS = 300;
const INDEX_PATH = '/';

/** What each command reports once the daemon is fine again. */
const RECOVERED: Record<PhrasebookCommand, CommandOutcome> = {
  openLive: { result: 'read' },
  pull: { result: 'read' },
  push: { result: 'accepted' },
  testMessage: { result: 'answered', same: true, localSnapshot: true },
};

const coverage = new CoverageCount('integration');

function betaClient(api: KoraApi) {
  const daemon = api.health.registry.get(DAEMON);
  assert.ok(daemon, `${DAEMON} is configured`);
  return daemon.client;
}

/** Refreshes beta until the tree shows the row's state (and what else the row expects). */
async function assertShowsState(api: KoraApi, row: FaultRow, scrapesBefore: number): Promise<void> {
  const expected = row.health;
  let seen = 'nothing yet';
  await waitFor(
    async () => {
      await vscode.commands.executeCommand(COMMAND.refresh, DAEMON);
      const health = healthOf(api, DAEMON);
      seen = `${health.state}: ${health.stateDetail}`;
      return (
        health.state === expected.state &&
        expected.detail.test(health.stateDetail) &&
        (!expected.extraService || health.services.some((service) => service.name === expected.extraService)) &&
        (!expected.rescraped || betaClient(api).requestCount(INDEX_PATH) > scrapesBefore)
      );
    },
    { timeoutMs: STATE_TIMEOUT_MS, intervalMs: 250, message: `${DAEMON} to show ${expected.state}` },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last seen ${seen}`);
  });
  const stateNode = rootNode(api, DAEMON)?.children.find((child) => child.kind === 'state');
  assert.equal(stateNode?.label, expected.stateNode, 'the state node of the tree');
}

/** After the fault cleared: the poller's own retry (when it polls here) or Refresh shows "ok". */
async function assertRecovers(api: KoraApi, row: FaultRow): Promise<void> {
  const before = healthOf(api, DAEMON);
  if (row.clear === 'restart' && vscode.window.state.focused && before.nextPollAt !== null) {
    // The tree said "retrying in N s": the daemon is back by then, without anyone clicking.
    const deadline = before.nextPollAt - Date.now() + SCHEDULE_SLACK_MS;
    await waitFor(() => healthOf(api, DAEMON).state === 'ok', {
      timeoutMs: Math.max(SCHEDULE_SLACK_MS, deadline),
      message: `${DAEMON} back by its scheduled retry`,
    });
    return;
  }
  for (let refresh = 1; refresh <= MAX_REFRESHES_TO_RECOVER; refresh++) {
    await vscode.commands.executeCommand(COMMAND.refresh, DAEMON);
    if (healthOf(api, DAEMON).state === 'ok') return;
  }
  const health = healthOf(api, DAEMON);
  assert.fail(`${DAEMON} still ${health.state} after ${MAX_REFRESHES_TO_RECOVER} refreshes: ${health.stateDetail}`);
}

function assertNoOtherWrites(
  before: Map<string, string>,
  after: Map<string, string>,
  allowed: readonly string[],
): void {
  const changed = [...after]
    .filter(([name, text]) => before.get(name) !== text && !allowed.includes(name))
    .map(([name]) => name);
  assert.deepEqual(changed, [], 'no local file was written or changed');
}

describe('fault matrix (integration): health view and phrasebook commands under faults on beta', function () {
  this.timeout(ROW_TIMEOUT_MS);
  const beta = () => daemonControl(DAEMON);
  const notifications = new NotificationCounter();
  let api: KoraApi;
  let unhandled: UnhandledSpy;

  before(async function () {
    if (!hasAlphaAndBeta()) this.skip();
    api = await koraApi();
    await restoreDaemons(api);
    notifications.install();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // "Push" with no file open tells the operator so: one warning, if this host lets us count it.
    await notifications.calibrate(() => vscode.commands.executeCommand(COMMAND.pushPhrasebook));
  });

  beforeEach(() => {
    unhandled = spyOnUnhandled();
  });

  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    unhandled.stop();
    await beta().reset();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (api) await restoreDaemons(api);
    assert.deepEqual(
      unhandled.reasons.map(describeReason),
      [],
      'no unhandled rejection or exception reached the extension host',
    );
  });

  after(() => {
    notifications.uninstall();
    if (!notifications.effective)
      Mocha.reporters.Base.consoleLog(
        '  (notifications could not be counted in this host: the tests and the extension have separate API objects)',
      );
    if (coverage.anyStarted) Mocha.reporters.Base.consoleLog(`\n  ${coverage.line}\n`);
  });

  for (const row of FAULT_MATRIX) {
    const { command, phase, outcome } = row.phrasebook;
    it(`${row.id}: ${row.title} → tree "${row.health.stateNode ?? row.health.state}", ${command} → ${outcome.result}; then recovers`, async () => {
      coverage.started();
      const scrapesBefore = betaClient(api).requestCount(INDEX_PATH);
      await inject(beta(), row.inject, [...HEALTH_PATHS, ...(phase === 'read' ? [COMMAND_PATH[command]] : [])]);
      const run = await prepareCommand(api, DAEMON, command, armBeforePut(beta(), row));
      const filesBefore = await folderSnapshot();

      const [{ result, notifications: shown }] = await Promise.all([
        notifications.during(run),
        assertShowsState(api, row, scrapesBefore),
      ]);
      await assertCommandOutcome(result, outcome, DAEMON);
      assertNoOtherWrites(filesBefore, await folderSnapshot(), expectedWrites(result, outcome));
      if (notifications.effective) assert.ok(shown.length <= 1, `at most one notification, got: ${shown.join(' | ')}`);

      await clearInjection(beta(), row.clear);
      await assertRecovers(api, row);
      coverage.coveredHealth(row.id);
      const again = await (await prepareCommand(api, DAEMON, command))();
      await assertCommandOutcome(again, RECOVERED[command], DAEMON);
      coverage.coveredPhrasebook(row.id);
    });
  }
});
