// The composition root: activate() builds the services (config, daemons, health, history), then the
// features, then the commands that receive the services they use. The phrasebook features live in a
// second bundle, loaded on first need (vscode/phrasebookBundle.ts), so activation stays cheap.
import * as vscode from 'vscode';
import { performance } from 'node:perf_hooks';
import { registerCommands } from './vscode/commands';
import { KoraConfig } from './vscode/config';
import { LIVE_PHRASEBOOK_SCHEME, TEST_RESULT_SCHEME } from './vscode/constants';
import { KoraContext } from './vscode/context';
import { DaemonRegistry } from './vscode/daemons';
import { healthApi, type HealthApi } from './vscode/health';
import { HealthController } from './vscode/health/controller';
import type { PhrasebookApi } from './vscode/phrasebook';
import type { PhrasebookOpsApi } from './vscode/phrasebook-ops';
import { opsDaemonAccess } from './vscode/phrasebook-ops/daemonAccess';
import { BackupHistoryIndex } from './vscode/phrasebook-ops/historyIndex';
import { createLocalHistory } from './vscode/phrasebook-ops/historyStorage';
import { SwitchablePrompter } from './vscode/phrasebook-ops/prompter';
import { DeferredContentProvider, loadWhenPhrasebookOpens, phrasebookLoader } from './vscode/phrasebookBundle';
import type { KoraServices } from './vscode/services';
import type { PhrasebookTestingApi } from './vscode/testing';
import { TestExplorer } from './vscode/testing/explorer';
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
  /** Whether the phrasebook bundle is loaded (reading the three views below loads it). */
  phrasebookLoaded(): boolean;
  /** Phrasebook language features: recognition, analysis counters, publish events. */
  readonly phrasebook: PhrasebookApi;
  /** Health sidebar: tree provider, status bar text, badge, monitor, daemon registry. */
  readonly health: HealthApi;
  /** Phrasebook operations: scripted prompts, local history, bases, the tree's Phrasebook section. */
  readonly phrasebookOps: PhrasebookOpsApi;
  /** Phrasebook tests: the Test Explorer's controller and the last result of each case. */
  readonly testing: PhrasebookTestingApi;
}

function buildServices(extension: vscode.ExtensionContext, kora: KoraContext): KoraServices {
  const config = kora.register(new KoraConfig());
  const daemons = kora.register(new DaemonRegistry(kora.tokens, kora.logger('daemons'), config));
  const health = kora.register(new HealthController(config, daemons, kora.logger('health')));
  const opsDaemons = opsDaemonAccess(daemons, () => health.monitor);
  const history = createLocalHistory(extension.globalStorageUri, config, kora.logger('phrasebook-ops'));
  const backupHistory = kora.register(new BackupHistoryIndex(opsDaemons, history));
  kora.register(health.setBackupHistory(backupHistory));
  const bundle = phrasebookLoader(extension.extensionPath, () => services);
  const testExplorer = kora.register(new TestExplorer(() => bundle.load().tests));
  const services: KoraServices = {
    context: kora,
    config,
    daemons,
    opsDaemons,
    health,
    history,
    backupHistory,
    prompter: new SwitchablePrompter(testHooksEnabled(extension)),
    testExplorer,
    phrasebook: bundle.load,
    phrasebookLoaded: bundle.loaded,
  };
  return services;
}

export function activate(extension: vscode.ExtensionContext): KoraExports {
  const started = performance.now();
  const kora = new KoraContext(extension);
  active = kora;
  extension.subscriptions.push(kora);
  const services = buildServices(extension, kora);
  // Features first: documents the phrasebook bundle produces, and the trigger that loads it.
  kora.register(
    vscode.workspace.registerTextDocumentContentProvider(
      LIVE_PHRASEBOOK_SCHEME,
      kora.register(new DeferredContentProvider(() => services.phrasebook().liveDocuments)),
    ),
  );
  kora.register(
    vscode.workspace.registerTextDocumentContentProvider(
      TEST_RESULT_SCHEME,
      kora.register(new DeferredContentProvider(() => services.phrasebook().testResults)),
    ),
  );
  kora.register(loadWhenPhrasebookOpens(services));
  registerCommands(services);
  const activateMs = performance.now() - started;
  kora
    .logger('activate')
    .info(`Kora Ops ${extension.extension.packageJSON.version} activated in ${activateMs.toFixed(1)} ms`);
  if (!testHooksEnabled(extension)) return Object.freeze({ activateMs });
  kora
    .logger('activate')
    .warn('test hooks are enabled (development host with KORA_TEST_HOOKS=1): the test API can be claimed once');
  return Object.freeze({ activateMs, claimTestApi: claimOnce(testApi(services, activateMs)) });
}

/** The test API; the phrasebook views load the phrasebook bundle when first read. */
function testApi(services: KoraServices, activateMs: number): KoraApi {
  return Object.freeze({
    context: services.context,
    activateMs,
    phrasebookLoaded: services.phrasebookLoaded,
    health: healthApi(services.health, services.daemons),
    get phrasebook() {
      return services.phrasebook().phrasebookApi;
    },
    get phrasebookOps() {
      return services.phrasebook().phrasebookOpsApi;
    },
    get testing() {
      return services.phrasebook().testingApi;
    },
  });
}

export function deactivate(): void {
  active?.dispose();
  active = undefined;
}
