// Phrasebook tests in VS Code's Test Explorer: the explorer (explorer.ts, main bundle) hands its
// work to the PhrasebookTestController (controller.ts), which the phrasebook bundle starts here.
import type * as vscode from 'vscode';
import { chooseDaemon } from '../daemonPicker';
import type { KoraServices } from '../services';
import type { DeepAnalysisService } from '../phrasebook/deepAnalysis';
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

export function registerPhrasebookTesting(services: KoraServices, deep: DeepAnalysisService): PhrasebookTestController {
  const { context: kora, testExplorer, opsDaemons, prompter } = services;
  return kora.register(
    new PhrasebookTestController(
      testExplorer,
      {
        analyzer: () => deep,
        chooseDaemon: () => chooseDaemon(opsDaemons.list(), prompter, 'Run the phrasebook tests on which daemon?'),
      },
      kora.logger('testing'),
    ),
  );
}

export function testingApi(
  explorer: { controller: vscode.TestController; profiles: PhrasebookTestingApi['profiles'] },
  tests: PhrasebookTestController,
): PhrasebookTestingApi {
  return {
    controller: explorer.controller,
    profiles: explorer.profiles,
    discover: () => tests.discover(),
    record: (itemId) => tests.record(itemId),
    onDidFinishRun: tests.onDidFinishRun,
  };
}
