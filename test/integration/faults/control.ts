// The fake daemon's whole control API (`/__fake/*` on its control port, which stays up while the
// daemon port is closed), as the fault and security suites need it: faults and data patches besides
// what the basic FakeDaemonControl of ../helpers offers. It is an InjectionTarget, so the fault
// matrix's injections (test/unit/faults/injection.ts) go through it unchanged.
import type { FaultSpec } from '../../fake-daemon/faults';
import type { InjectionTarget } from '../../unit/faults/injection';
import { testDaemon, type TestDaemon } from '../helpers';

const CONTROL_TIMEOUT_MS = 5000;
const CLEAR_FAULTS = 'none';

/** What `GET /__fake/state` reports (the fields these suites read). */
export interface FakeState {
  scenario: string;
  token: string;
  mcpToken: string;
  tokenRotations: number;
  koraHome: string;
}

export class DaemonControl implements InjectionTarget {
  constructor(readonly daemon: TestDaemon) {}

  state(): Promise<FakeState> {
    return this.request('GET', 'state') as Promise<FakeState>;
  }

  async setScenario(name: string): Promise<void> {
    await this.request('POST', 'scenario', { name });
  }

  async restart(): Promise<void> {
    await this.request('POST', 'restart');
  }

  /** Start scenario, no faults, no patches, no phrasebook files. */
  async reset(): Promise<void> {
    await this.request('POST', 'reset');
  }

  async addFault(spec: FaultSpec): Promise<void> {
    await this.request('POST', 'fault', spec);
  }

  async clearFaults(): Promise<void> {
    await this.request('POST', 'fault', { name: CLEAR_FAULTS });
  }

  /** Merge-patches every snapshot served from now on. */
  async patchSnapshot(patch: unknown): Promise<void> {
    await this.request('POST', 'snapshot', patch);
  }

  /** Per-service changes by name (`null` removes a service). */
  async patchServices(patch: Record<string, unknown>): Promise<void> {
    await this.request('POST', 'services', patch);
  }

  private async request(method: 'GET' | 'POST', action: string, body?: unknown): Promise<unknown> {
    const response = await fetch(new URL(`/__fake/${action}`, this.daemon.controlUrl), {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(
        `${method} /__fake/${action} on fake daemon ${this.daemon.name}: HTTP ${response.status} ${text}`,
      );
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}

export function daemonControl(name: string): DaemonControl {
  return new DaemonControl(testDaemon(name));
}
