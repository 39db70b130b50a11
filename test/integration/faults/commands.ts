// Runs a phrasebook command of the fault matrix in real VS Code (through its command id, with the
// test prompter answering) and checks what it reported against the matrix row: the outcome the
// command returns, the document it shows, and that no local file changed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import { ENDPOINTS } from '../../../src/core/daemon/client';
import { toDaemonYaml } from '../../../src/core/phrasebook/ops/writeFormat';
import { COMMAND } from '../../../src/vscode/constants';
import { PUSH_ACTION, type PushSummary } from '../../../src/vscode/phrasebook-ops/pushFlow';
import type { TestMessageSummary } from '../../../src/vscode/phrasebook-ops/testMessageFlow';
import { SEED_ENTRIES } from '../../fake-daemon/seed';
import { injectOnce } from '../../unit/faults/injection';
import {
  TEST_MESSAGE_TEXT,
  type CommandOutcome,
  type FaultRow,
  type PhrasebookCommand,
} from '../../unit/faults/matrix';
import { waitFor, workspaceRoot } from '../helpers';
import type { DaemonControl } from './control';

const FOLDER = 'faults';
const DOCUMENT_TIMEOUT_MS = 15000;

export function faultFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), FOLDER, name);
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The contents of every file in the matrix's workspace folder, to prove a command wrote nothing. */
export async function folderSnapshot(): Promise<Map<string, string>> {
  const folder = vscode.Uri.joinPath(workspaceRoot(), FOLDER);
  await vscode.workspace.fs.createDirectory(folder);
  const files = new Map<string, string>();
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    if (type === vscode.FileType.File) files.set(name, (await readText(vscode.Uri.joinPath(folder, name))) ?? '');
  }
  return files;
}

/** What a command returned, normalized per command. */
export type CommandRun =
  | { command: 'openLive'; text: string }
  | { command: 'pull'; pulled: vscode.Uri | undefined; target: vscode.Uri }
  | { command: 'push'; summary: PushSummary | undefined }
  | { command: 'testMessage'; summary: TestMessageSummary | undefined };

export interface RunOptions {
  /** Armed right before the push's PUT (after the preview read and the re-read that follows it). */
  beforePut?: () => Promise<void>;
}

let runCounter = 0;

/**
 * Prepares `command` against daemon `daemonName` as an operator would run it (the files it needs
 * are written now) and returns the run, so the caller can look at the workspace in between. The
 * test prompter answers "Push" to a push's confirmation.
 */
export async function prepareCommand(
  api: KoraApi,
  daemonName: string,
  command: PhrasebookCommand,
  options: RunOptions = {},
): Promise<() => Promise<CommandRun>> {
  runCounter += 1;
  switch (command) {
    case 'openLive':
      return async () => {
        const uri = await vscode.commands.executeCommand<vscode.Uri>(COMMAND.openLivePhrasebook, daemonName);
        assert.ok(uri, 'Open Live returns the document it shows');
        const document = await vscode.workspace.openTextDocument(uri);
        return { command, text: document.getText() };
      };
    case 'pull': {
      const target = faultFile(`pulled-${runCounter}.yml`);
      return async () => ({
        command,
        target,
        pulled: await vscode.commands.executeCommand<vscode.Uri | undefined>(
          COMMAND.pullPhrasebook,
          daemonName,
          target,
        ),
      });
    }
    case 'push': {
      const file = faultFile(`push-${runCounter}.yml`);
      const entries = [
        ...SEED_ENTRIES,
        { pattern: '^faulty$', category: 'faulty', description: 'Pushed under a fault', reply_template: 'Still here.' },
      ];
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(toDaemonYaml(entries)));
      return () => runPush(api, file, daemonName, options);
    }
    case 'testMessage': {
      // The local side answers for the active phrasebook file: the seed, as a workspace file.
      const file = faultFile(`seed-${runCounter}.yml`);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(toDaemonYaml(SEED_ENTRIES)));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { preview: false });
      return async () => ({
        command,
        summary: await vscode.commands.executeCommand<TestMessageSummary | undefined>(COMMAND.testMessage, {
          daemon: daemonName,
          message: TEST_MESSAGE_TEXT,
        }),
      });
    }
  }
}

async function runPush(api: KoraApi, file: vscode.Uri, daemonName: string, options: RunOptions): Promise<CommandRun> {
  const prompter = api.phrasebookOps.prompter;
  prompter.useScript([{ kind: 'modal', answer: PUSH_ACTION }]);
  const client = api.health.registry.get(daemonName)?.client;
  if (!client) throw new Error(`daemon ${daemonName} is not configured`);
  const putPhrasebook = client.putPhrasebook;
  client.putPhrasebook = async (...args: Parameters<typeof putPhrasebook>) => {
    await options.beforePut?.();
    return putPhrasebook.apply(client, args);
  };
  try {
    return {
      command: 'push',
      summary: await vscode.commands.executeCommand<PushSummary>(COMMAND.pushPhrasebook, file, daemonName),
    };
  } finally {
    client.putPhrasebook = putPhrasebook;
    prompter.stopScripting();
  }
}

/** Arms a write-phase fault for the push's PUT, right before it is sent. */
export function armBeforePut(control: DaemonControl, row: FaultRow): RunOptions {
  return row.phrasebook.phase === 'write'
    ? { beforePut: () => injectOnce(control, row.inject, ENDPOINTS.phrasebook) }
    : {};
}

/** The text of a live document once VS Code shows the latest content (a re-opened one refreshes). */
async function liveText(
  run: Extract<CommandRun, { command: 'openLive' }>,
  accept: (text: string) => boolean,
): Promise<string> {
  const document = vscode.window.activeTextEditor?.document;
  return waitFor(
    () => {
      const text = document?.getText() ?? run.text;
      return accept(text) ? text : undefined;
    },
    { timeoutMs: DOCUMENT_TIMEOUT_MS, message: 'the live document to show the expected content' },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; it shows:\n${(document?.getText() ?? run.text).slice(0, 400)}`);
  });
}

/** Checks a command's run against the row's expected outcome. */
export async function assertCommandOutcome(
  run: CommandRun,
  expected: CommandOutcome,
  daemonName: string,
): Promise<void> {
  switch (run.command) {
    case 'openLive':
      if (expected.result === 'error') {
        const text = await liveText(run, (candidate) => /could not be read/.test(candidate));
        assert.match(text, new RegExp(`^# The live phrasebook of daemon "${daemonName}" could not be read: `));
        assert.match(text, expected.message);
      } else {
        assert.equal(expected.result, 'read', `Open Live cannot produce ${expected.result}`);
        await liveText(
          run,
          (candidate) =>
            candidate.startsWith(`# Live phrasebook of daemon "${daemonName}"`) &&
            candidate.includes(`# ${SEED_ENTRIES.length} entries`),
        );
      }
      return;
    case 'pull':
      if (expected.result === 'error') {
        assert.equal(run.pulled, undefined, 'Pull reports failure');
        assert.equal(await readText(run.target), undefined, 'no file was written');
      } else {
        assert.equal(expected.result, 'read', `Pull cannot produce ${expected.result}`);
        assert.equal(run.pulled?.toString(), run.target.toString(), 'Pull wrote the target');
        assert.match((await readText(run.target)) ?? '', /^entries:/m);
      }
      return;
    case 'push': {
      const summary = run.summary;
      assert.equal(summary?.kind, expected.result, `push outcome: ${JSON.stringify(summary)}`);
      if (expected.result === 'interrupted')
        assert.equal(summary?.outcome, expected.reconciliation, 'the reconciled outcome');
      return;
    }
    case 'testMessage': {
      const summary = run.summary;
      if (expected.result === 'error') {
        assert.equal(summary, undefined, 'Test Message reports failure');
        return;
      }
      assert.equal(expected.result, 'answered', `Test Message cannot produce ${expected.result}`);
      if (expected.result !== 'answered') return;
      assert.ok(summary, 'Test Message answered');
      assert.equal(summary.report.daemon.matched, true);
      assert.equal(
        summary.report.local?.matched && summary.report.local.snapshot_present,
        expected.localSnapshot,
        'the local answer had the snapshot',
      );
      assert.equal(summary.report.comparison?.same, expected.same, JSON.stringify(summary.report.comparison));
    }
  }
}

/** Files a successful command legitimately writes (a pull's target); everything else must stay. */
export function expectedWrites(run: CommandRun, expected: CommandOutcome): string[] {
  if (run.command === 'pull' && expected.result === 'read') return [run.target.path.split('/').pop() ?? ''];
  return [];
}
