// Activation only: build the context, register every feature, return the (public, harmless) exports.
import type * as vscode from 'vscode';
import { performance } from 'node:perf_hooks';
import { KoraContext } from './vscode/context';
import { registerCommands } from './vscode/commands';
import { registerPhrasebookFeatures, type PhrasebookApi } from './vscode/phrasebook';
import { registerHealth, type HealthApi } from './vscode/health';
import { registerPhrasebookOps, type PhrasebookOpsApi } from './vscode/phrasebook-ops';
import { registerPhrasebookTesting, type PhrasebookTestingApi } from './vscode/testing';
import { claimOnce, testHooksEnabled } from './vscode/testHooks';

let active: KoraContext | undefined;

/**
 * What `activate()` returns, readable by every other extension: a number, and in a test host only
 * (see vscode/testHooks.ts) a one-shot claim of the test API. Never a token or a prompter.
 */
export interface KoraExports {
  /** How long activate() took, measured here in the real extension host (reported by `npm run bench`). */
  readonly activateMs: number;
  /** Present only when the harness enabled test hooks in a development host; works once. */
  readonly claimTestApi?: () => KoraApi;
}

/** The test API: the integration tests' view of the extension's internals. Never in production exports. */
export interface KoraApi {
  /** The context (token store included): the integration tests run in the same extension host. */
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

export function activate(extension: vscode.ExtensionContext): KoraExports {
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
  if (!testHooksEnabled(extension)) return Object.freeze({ activateMs });
  kora.logger('activate').warn('test hooks are enabled (development host with KORA_TEST_HOOKS=1): the test API can be claimed once');
  const testApi: KoraApi = { context: kora, activateMs, phrasebook, health, phrasebookOps, testing };
  return Object.freeze({ activateMs, claimTestApi: claimOnce(testApi) });
}

export function deactivate(): void {
  active?.dispose();
  active = undefined;
}
