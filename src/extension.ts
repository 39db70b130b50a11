// Activation only: build the context, register every feature, return the test-facing API.
import type * as vscode from 'vscode';
import { performance } from 'node:perf_hooks';
import { KoraContext } from './vscode/context';
import { registerCommands } from './vscode/commands';
import { registerPhrasebookFeatures, type PhrasebookApi } from './vscode/phrasebook';
import { registerHealth, type HealthApi } from './vscode/health';
import { registerPhrasebookOps, type PhrasebookOpsApi } from './vscode/phrasebook-ops';
import { registerPhrasebookTesting, type PhrasebookTestingApi } from './vscode/testing';

let active: KoraContext | undefined;

export interface KoraApi {
  /** The context, exposed for the integration tests (they run in the same extension host). */
  readonly context: KoraContext;
  /** How long activate() took, measured here in the real extension host (reported by `npm run bench`). */
  readonly activateMs: number;
  /** Phrasebook language features: recognition, analysis counters, publish events. */
  readonly phrasebook: PhrasebookApi;
  /** Health sidebar: tree provider, status bar text, badge, monitor, daemon registry. */
  readonly health: HealthApi;
  /** Phrasebook operations: scripted prompts, local history, bases, the tree's Phrasebook section. */
  readonly phrasebookOps: PhrasebookOpsApi;
  /** Phrasebook tests: the Test Explorer's controller and the last result of each case. */
  readonly testing: PhrasebookTestingApi;
}

export function activate(extension: vscode.ExtensionContext): KoraApi {
  const started = performance.now();
  const kora = new KoraContext(extension);
  active = kora;
  extension.subscriptions.push(kora);
  registerCommands(kora);
  const phrasebook = registerPhrasebookFeatures(kora);
  const health = registerHealth(kora);
  const phrasebookOps = registerPhrasebookOps(kora, health);
  const testing = registerPhrasebookTesting(kora);
  const activateMs = performance.now() - started;
  kora.logger('activate').info(`Kora Ops ${extension.extension.packageJSON.version} activated in ${activateMs.toFixed(1)} ms`);
  return { context: kora, activateMs, phrasebook, health, phrasebookOps, testing };
}

export function deactivate(): void {
  active?.dispose();
  active = undefined;
}
