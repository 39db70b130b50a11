// Putting a fault matrix row on a fake daemon, whichever way the daemon is driven: the FakeDaemon
// object itself (unit layer) or its HTTP control API (integration layer, DaemonControl). Both offer
// the same four operations, so the matrix means the same thing in both layers.
import { ENDPOINTS } from '../../../src/core/daemon/client';
import type { FaultSpec } from '../../fake-daemon/faults';
import type { ScenarioName } from '../../fake-daemon/scenarios';
import { SNAPSHOT_ONLY_FAULTS, type Clearing, type Injection, type PhrasebookCommand } from './matrix';

/** The endpoints the health view polls (where a health fault is put). */
export const HEALTH_PATHS: readonly string[] = [ENDPOINTS.snapshot, ENDPOINTS.heartbeat];

/** The path each command's first request goes to (where a read-phase fault is put). */
export const COMMAND_PATH: Record<PhrasebookCommand, string> = {
  openLive: ENDPOINTS.phrasebook,
  pull: ENDPOINTS.phrasebook,
  push: ENDPOINTS.phrasebook,
  testMessage: ENDPOINTS.phrasebookTest,
};

/** What the matrix needs from a fake daemon. */
export interface InjectionTarget {
  setScenario(name: ScenarioName): unknown;
  /** A daemon restart: new session token, pooled connections dropped. */
  restart(): unknown;
  addFault(spec: FaultSpec): unknown;
  /** Start scenario, no faults or patches, no phrasebook files. */
  reset(): Promise<unknown>;
}

/** Puts an injection on the daemon; transport faults stay until cleared, on the given paths. */
export async function inject(target: InjectionTarget, injection: Injection, paths: readonly string[]): Promise<void> {
  switch (injection.kind) {
    case 'scenario':
      await target.setScenario(injection.scenario);
      return;
    case 'restart':
      await target.restart();
      return;
    case 'fault': {
      const targets = SNAPSHOT_ONLY_FAULTS.has(injection.fault) ? [ENDPOINTS.snapshot] : paths;
      for (const path of targets) await target.addFault({ name: injection.fault, path, persistent: true });
    }
  }
}

/** A one-shot injection for the next request to `path` (a push's PUT, armed at its confirmation). */
export async function injectOnce(target: InjectionTarget, injection: Injection, path: string): Promise<void> {
  if (injection.kind === 'restart') await target.restart();
  else if (injection.kind === 'fault') await target.addFault({ name: injection.fault, path, times: 1 });
  else throw new Error(`a scenario cannot be armed for one request (${injection.scenario})`);
}

export async function clearInjection(target: InjectionTarget, clearing: Clearing): Promise<void> {
  // A daemon coming back is a new process: new session token; reset reopens its port.
  if (clearing === 'restart') await target.restart();
  await target.reset();
}
