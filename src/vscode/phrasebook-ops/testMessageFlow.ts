// "Kora: Test Message…": the daemon's answer for its live phrasebook next to the local answer for
// the active phrasebook file, side by side, with the differences and their cause.
import * as vscode from 'vscode';
import { looksLikePhrasebook, parsePhrasebook } from '../../core/phrasebook/document';
import type { RedosAnalyzer } from '../../core/phrasebook/lint/deep';
import { renderTestResult, testMessage, type TestMessageReport } from '../../core/phrasebook/ops/testMessage';
import { LIVE_PHRASEBOOK_SCHEME } from '../constants';
import { chooseDaemon } from '../daemonPicker';
import { fileName, showDiff, type OpsEnv } from './env';
import { errorText } from '../../core/text/errorText';

export interface TestMessageArgs {
  daemon?: string;
  message?: string;
}

export interface TestMessageSummary {
  message: string;
  daemon: string;
  /** The file answered locally, when a phrasebook file was active. */
  file?: string;
  report: TestMessageReport;
  /** The documents shown (local, daemon): the right one alone when there is no local file. */
  shown: vscode.Uri[];
}

function activePhrasebook(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) return undefined;
  if (document.uri.scheme === LIVE_PHRASEBOOK_SCHEME) return document;
  return document.languageId === 'yaml' && looksLikePhrasebook(document.getText()) ? document : undefined;
}

/** `analyzer` vets the file's patterns before they run in the extension host (see testMessage). */
export async function testMessageFlow(
  env: OpsEnv,
  analyzer: RedosAnalyzer,
  args: TestMessageArgs = {},
): Promise<TestMessageSummary | undefined> {
  // Captured first: the input box does not change it, but a daemon QuickPick could steal focus.
  const file = activePhrasebook();
  const message =
    args.message ??
    (await env.prompter.input({
      title: 'Kora: Test Message',
      prompt: file
        ? `Which entry answers this message? (daemon live vs ${fileName(file.uri)})`
        : 'Which entry answers this message on the daemon?',
      placeholder: 'e.g. status',
    }));
  if (message === undefined) return undefined;
  const daemon = await chooseDaemon(env.daemons.list(), env.prompter, 'Test the message on which daemon?', {
    name: args.daemon,
  });
  if (!daemon) return undefined;
  let report: TestMessageReport;
  try {
    const payload = file ? (parsePhrasebook(file.getText()).entriesValue ?? []) : undefined;
    report = await testMessage(daemon.client, message, payload, env.now(), analyzer);
  } catch (error) {
    env.notify.error(`Could not test the message on "${daemon.name}": ${errorText(error)}`);
    return undefined;
  }
  const daemonUri = env.testResults.add(
    `${daemon.name} · daemon answer`,
    renderTestResult(`Daemon "${daemon.name}" — live phrasebook (/test)`, message, { daemon: report.daemon }),
  );
  if (!report.local || !file) {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(daemonUri), { preview: false });
    env.notify.info("Open a phrasebook file to compare its answer with the daemon's.");
    return { message, daemon: daemon.name, report, shown: [daemonUri] };
  }
  const localUri = env.testResults.add(
    `${fileName(file.uri)} · local answer`,
    renderTestResult(`Local — ${fileName(file.uri)}${file.isDirty ? ' (unsaved changes included)' : ''}`, message, {
      local: report.local,
    }),
  );
  await showDiff(localUri, daemonUri, `Test ${JSON.stringify(message)}: ${fileName(file.uri)} ↔ ${daemon.name}`);
  const comparison = report.comparison;
  if (comparison && !comparison.same) {
    env.notify.warn(
      `Different answers for ${JSON.stringify(message)}: ${comparison.differences.join('; ')}. Because: ${comparison.causes.join('; ')}.`,
    );
  } else {
    env.notify.info(`Same answer for ${JSON.stringify(message)} locally and on "${daemon.name}".`);
  }
  return { message, daemon: daemon.name, file: file.uri.toString(), report, shown: [localUri, daemonUri] };
}
