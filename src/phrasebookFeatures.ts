// The phrasebook bundle's entry (dist/phrasebook.js): phrasebook language features, phrasebook
// operations, the Test Explorer's work and the commands that use them. The main bundle loads it on
// first need (vscode/phrasebookBundle.ts) and passes its services in; this bundle keeps no state of
// its own beyond what it builds here, so nothing exists twice.
import type { CommandFactory, CommandHandler } from './vscode/commands';
import { PHRASEBOOK_COMMAND_TABLE } from './vscode/commands/phrasebookTable';
import { PHRASEBOOK_COMMANDS, type PhrasebookCommandId } from './vscode/constants';
import { registerPhrasebookFeatures, type PhrasebookApi } from './vscode/phrasebook';
import type { DeepAnalysisService } from './vscode/phrasebook/deepAnalysis';
import { registerPhrasebookOps, type PhrasebookOpsApi } from './vscode/phrasebook-ops';
import type { OpsEnv } from './vscode/phrasebook-ops/env';
import type { TestMessageSummary } from './vscode/phrasebook-ops/testMessageFlow';
import type { KoraServices } from './vscode/services';
import { registerPhrasebookTesting, testingApi, type PhrasebookTestingApi } from './vscode/testing';

/** What the phrasebook commands receive: the services plus this bundle's features. */
export interface PhrasebookServices extends KoraServices {
  readonly ops: OpsEnv;
  /** The diagnostics' ReDoS analyzer (Test Message and local test runs vet patterns with it). */
  readonly deep: DeepAnalysisService;
  /** The last "Test Message" outcome, for "Add Tested Message as a Test Case". */
  readonly tested: { last?: TestMessageSummary };
}

export type PhrasebookCommandFactory = CommandFactory<PhrasebookServices>;

export interface PhrasebookFeatures {
  readonly commands: Readonly<Record<PhrasebookCommandId, CommandHandler>>;
  /** The integration tests' views (the test API). */
  readonly phrasebookApi: PhrasebookApi;
  readonly phrasebookOpsApi: PhrasebookOpsApi;
  readonly testingApi: PhrasebookTestingApi;
  /** The content of the read-only live phrasebook and Test Message result documents. */
  readonly liveDocuments: OpsEnv['documents'];
  readonly testResults: OpsEnv['testResults'];
  /** The Test Explorer's work. */
  readonly tests: ReturnType<typeof registerPhrasebookTesting>;
}

export function activatePhrasebookFeatures(services: KoraServices): PhrasebookFeatures {
  const language = registerPhrasebookFeatures(services);
  const ops = registerPhrasebookOps(services);
  const tests = registerPhrasebookTesting(services, language.deep);
  const phrasebookServices: PhrasebookServices = { ...services, ops: ops.env, deep: language.deep, tested: {} };
  const commands = Object.fromEntries(
    PHRASEBOOK_COMMANDS.map((id) => [id, PHRASEBOOK_COMMAND_TABLE[id](phrasebookServices)]),
  ) as Record<PhrasebookCommandId, CommandHandler>;
  return {
    commands,
    phrasebookApi: language.api,
    phrasebookOpsApi: ops.api,
    testingApi: testingApi(services.testExplorer, tests),
    liveDocuments: ops.env.documents,
    testResults: ops.env.testResults,
    tests,
  };
}
