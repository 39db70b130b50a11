// Utilities for integration test files (they run inside the real extension host).
// The harness (scripts/run-integration.js) describes the run through environment variables:
// KORA_TEST_MODE, KORA_TEST_EXTENSION_ROOT, KORA_TEST_DAEMONS, KORA_TEST_WORKSPACE.
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/vscode/constants';
import type { KoraApi, KoraExports } from '../../src/extension';

/** How the extension under test was loaded. `ui` runs have no test files. */
export type HarnessMode = 'development' | 'installed' | 'ui';

/** A fake Kora daemon the harness started; `scenario` is the one it started with. */
export interface TestDaemon {
  name: string;
  scenario: string;
  /** The admin URL, as configured in `kora.daemons`. */
  url: string;
  /** Serves `/__fake/*` also while the `offline` scenario has closed the daemon port. */
  controlUrl: string;
  /** The daemon's KORA_HOME (phrasebook override and backups). */
  koraHome: string;
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Said in the timeout error: what was being waited for. */
  message?: string;
}

// Upper bounds for a loaded machine, not speed assertions: a condition that holds returns at once.
const DEFAULT_WAIT_TIMEOUT_MS = 30000;
const DEFAULT_WAIT_INTERVAL_MS = 50;
const FAKE_CONTROL_TIMEOUT_MS = 5000;

export function harnessMode(): HarnessMode {
  const mode = process.env.KORA_TEST_MODE;
  return mode === 'installed' || mode === 'ui' ? mode : 'development';
}

/** The folder the extension must be loaded from: the repo (development) or the extensions dir (installed). */
export function expectedExtensionRoot(): string | undefined {
  return process.env.KORA_TEST_EXTENSION_ROOT || undefined;
}

/** The fake daemons of this run, in the order of `kora.daemons` (empty when none were started). */
export function testDaemons(): TestDaemon[] {
  const raw = process.env.KORA_TEST_DAEMONS;
  if (!raw) return [];
  const parsed: unknown = JSON.parse(raw);
  if (!Array.isArray(parsed)) throw new Error('KORA_TEST_DAEMONS is not a JSON array');
  return parsed as TestDaemon[];
}

export function testDaemon(name: string): TestDaemon {
  const daemon = testDaemons().find((candidate) => candidate.name === name);
  if (!daemon) throw new Error(`no fake daemon named "${name}" in this run (KORA_TEST_DAEMONS)`);
  return daemon;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns a truthy value, which is returned. Rejects after the timeout with
 * `message` and the last error the probe threw (probes may throw while the condition is unmet).
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await sleep(options.intervalMs ?? DEFAULT_WAIT_INTERVAL_MS);
  }
  const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.message ?? 'a condition'}${cause}`);
}

export function koraExtension(): vscode.Extension<KoraExports> {
  const extension = vscode.extensions.getExtension<KoraExports>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return extension;
}

/** The test API, claimed once by the test entry (index.ts) before any test runs. */
let testApi: KoraApi | undefined;

/**
 * Activates the extension and claims its one-shot test API (src/vscode/testHooks.ts). Undefined in
 * a production host (the installed .vsix), whose exports hold no test API.
 */
export async function claimKoraTestApi(): Promise<KoraApi | undefined> {
  const exports = await koraExtension().activate();
  if (!testApi && exports.claimTestApi) testApi = exports.claimTestApi();
  return testApi;
}

/** Activates the extension (a no-op when already active) and returns the test API the entry claimed. */
export async function activateKora(): Promise<KoraApi> {
  await koraExtension().activate();
  if (!testApi)
    throw new Error(
      'no Kora Ops test API in this host: it exists only in a development host with KORA_TEST_HOOKS=1, claimed by the test entry',
    );
  return testApi;
}

/** Drives a fake daemon through its control API (`/__fake/*`, on the control port). */
export class FakeDaemonControl {
  constructor(readonly daemon: TestDaemon) {}

  setScenario(name: string): Promise<unknown> {
    return this.post('/__fake/scenario', { name });
  }

  /** Simulates a daemon restart: a new session token, as the real daemon does on every start. */
  restart(): Promise<unknown> {
    return this.post('/__fake/restart');
  }

  reset(): Promise<unknown> {
    return this.post('/__fake/reset');
  }

  state<State = unknown>(): Promise<State> {
    return this.request('GET', '/__fake/state') as Promise<State>;
  }

  private post(path: string, body?: unknown): Promise<unknown> {
    return this.request('POST', path, body);
  }

  private async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(new URL(path, this.daemon.controlUrl), {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(FAKE_CONTROL_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${method} ${path} on fake daemon ${this.daemon.name}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}

export function fakeDaemon(name: string): FakeDaemonControl {
  return new FakeDaemonControl(testDaemon(name));
}

/** Puts every fake daemon back into the scenario it started with (use in `afterEach`). */
export async function resetFakeDaemons(): Promise<void> {
  await Promise.all(testDaemons().map((daemon) => new FakeDaemonControl(daemon).reset()));
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the harness opens a copy of test/fixtures/workspace)');
  return folder.uri;
}

/** A file of the fixture workspace, e.g. `fixtureUri('phrasebook/broken.yml')`. */
export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a fixture file in an editor and returns the editor. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/** Waits until the diagnostics of `uri` satisfy `accept`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  options: WaitOptions = {},
): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    { message: `diagnostics of ${uri.path}`, ...options },
  );
}
