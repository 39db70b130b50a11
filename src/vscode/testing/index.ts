// Phrasebook tests in VS Code's Test Explorer (see controller.ts) and "add this message as a test
// case" after Kora: Test Message. `registerPhrasebookTesting` is the one line activate() calls.
import * as vscode from 'vscode';
import { COMMAND } from '../constants';
import type { KoraContext } from '../context';
import { deepAnalysisOf } from '../phrasebook';
import { phrasebookOps } from '../phrasebook-ops';
import { chooseDaemon } from '../phrasebook-ops/daemonAccess';
import type { TestMessageSummary } from '../phrasebook-ops/testMessageFlow';
import { addTestCase, testedMessageOf } from './addTestCase';
import { PhrasebookTestController } from './controller';
import type { CaseRecord } from './report';

/** What integration tests may drive and observe. */
export interface PhrasebookTestingApi {
  readonly controller: vscode.TestController;
  /** The run profiles: local (the default) and on a daemon (asks which). */
  readonly profiles: { local: vscode.TestRunProfile; daemon: vscode.TestRunProfile };
  /** Finds every test file now (what opening the Test Explorer does). */
  discover(): Promise<void>;
  /** The last result of a case item, by its id. */
  record(itemId: string): CaseRecord | undefined;
  readonly onDidFinishRun: vscode.Event<{ itemIds: string[]; target: string }>;
}

const lastTested = new WeakMap<KoraContext, TestMessageSummary>();

/** Called by Kora: Test Message with its outcome, so the follow-up action knows the message. */
export function rememberTestedMessage(kora: KoraContext, summary: TestMessageSummary | undefined): TestMessageSummary | undefined {
  if (summary) lastTested.set(kora, summary);
  return summary;
}

export function registerPhrasebookTesting(kora: KoraContext): PhrasebookTestingApi {
  const testing = kora.register(
    new PhrasebookTestController(
      {
        analyzer: () => deepAnalysisOf(kora),
        chooseDaemon: async () => {
          const env = phrasebookOps(kora);
          return chooseDaemon(env.daemons, env.prompter, 'Run the phrasebook tests on which daemon?');
        },
      },
      kora.logger('testing'),
    ),
  );
  kora.register(
    vscode.commands.registerCommand(COMMAND.addTestCase, async () => {
      const tested = testedMessageOf(lastTested.get(kora));
      if (typeof tested === 'string') {
        void vscode.window.showInformationMessage(tested);
        return undefined;
      }
      try {
        return (await addTestCase(tested)).uri.toString();
      } catch (error) {
        void vscode.window.showErrorMessage(`Kora: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
  );
  return {
    controller: testing.controller,
    profiles: testing.profiles,
    discover: () => testing.discover(),
    record: (itemId) => testing.record(itemId),
    onDidFinishRun: testing.onDidFinishRun,
  };
}
