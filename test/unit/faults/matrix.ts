// The fault matrix (issue 5 point 3): one row per way a daemon (or what stands in front of it) can
// misbehave, with how to inject it into the fake daemon, the named state the health view must show,
// what a phrasebook command must report, and how the fault clears. Both layers read this table:
// the unit layer (test/unit/faults, KoraClient + HealthMonitor + the core operations over real
// sockets) and the integration layer (test/integration/faults, the real extension in VS Code).
// Pure data: no `vscode`, no fake-daemon instance.
import type { DaemonErrorKind } from '../../../src/core/daemon/errors';
import type { DaemonState } from '../../../src/core/health/types';
import type { WriteOutcome } from '../../../src/core/phrasebook/ops/reconcile';
import type { FaultName } from '../../fake-daemon/faults';
import type { ScenarioName } from '../../fake-daemon/scenarios';

/** How a fault is put on the daemon. */
export type Injection =
  /** A transport fault, active until cleared, on the endpoints the check exercises. */
  | { kind: 'fault'; fault: FaultName }
  /** The daemon switches scenario (`offline` closes its port). */
  | { kind: 'scenario'; scenario: ScenarioName }
  /** The daemon restarts: a new session token, pooled connections dropped. */
  | { kind: 'restart' };

/**
 * How the fault clears: `reset` = faults removed, back to the start scenario; `restart` = the daemon
 * comes back as a new process (new session token) and then serves normally.
 */
export type Clearing = 'reset' | 'restart';

export interface HealthExpectation {
  state: DaemonState;
  /** The one-sentence detail the tree shows in the state node's tooltip. */
  detail: RegExp;
  /** Label of the tree's state node (first child of the daemon root); absent when the state is ok. */
  stateNode?: string;
  /** The client had to read the session token again (a 401 was absorbed). */
  rescraped?: boolean;
  /** A service the tree must list (schema drift: a probe this extension does not know). */
  extraService?: string;
}

/** The phrasebook commands the matrix drives (Open Live and Pull both start by reading live). */
export type PhrasebookCommand = 'openLive' | 'pull' | 'push' | 'testMessage';

/**
 * `read`: the fault is active from the start, so the command's first request meets it.
 * `write`: a push reads live cleanly and meets the fault on its PUT (armed at the confirmation).
 */
export type Phase = 'read' | 'write';

export type CommandOutcome =
  /** The command reports this DaemonError and writes nothing (no PUT, no local file). */
  | { result: 'error'; errorKind: DaemonErrorKind; message: RegExp }
  /** Push: live could not be read, so nothing was sent. */
  | { result: 'live_unreadable'; errorKind: DaemonErrorKind; message: RegExp }
  /** Push: the PUT got no clean answer; live was read again and the outcome told truthfully. */
  | { result: 'interrupted'; reconciliation: WriteOutcome; failure: RegExp }
  /** Push: written despite the fault (e.g. a 401 absorbed by one re-scrape). */
  | { result: 'accepted' }
  /** Pull / Open Live: read normally; the fault does not concern the phrasebook. */
  | { result: 'read' }
  /** Test Message: both answers shown; `same` whether they agree; whether the local one had a snapshot. */
  | { result: 'answered'; same: boolean; localSnapshot: boolean };

export interface PhrasebookExpectation {
  command: PhrasebookCommand;
  phase: Phase;
  outcome: CommandOutcome;
}

export interface FaultRow {
  /** Stable id, used in test titles and the coverage count. */
  id: string;
  /** The words for the fault. */
  title: string;
  inject: Injection;
  clear: Clearing;
  health: HealthExpectation;
  phrasebook: PhrasebookExpectation;
}

/** What Test Message asks: the seed's `status_query` entry renders two snapshot values. */
export const TEST_MESSAGE_TEXT = 'status';

// Timeouts may end in any of the transport's timeout wordings, depending on which deadline fires
// first (they differ between the short unit-test timeouts and the extension's defaults).
const TIMED_OUT = /did not answer in time|response body stalled|no complete answer within/i;
const CONNECTION_LOST = /connection reset by the daemon|connection closed mid-response|network error/i;

export const FAULT_MATRIX: readonly FaultRow[] = [
  {
    id: 'connection-refused',
    title: 'connection refused',
    inject: { kind: 'scenario', scenario: 'offline' },
    clear: 'reset',
    health: { state: 'offline', detail: /^Connection refused/i, stateNode: 'Offline' },
    phrasebook: {
      command: 'push',
      phase: 'read',
      outcome: { result: 'live_unreadable', errorKind: 'offline', message: /connection refused/i },
    },
  },
  {
    id: 'hang',
    title: 'daemon hangs (no response)',
    inject: { kind: 'fault', fault: 'hang' },
    clear: 'reset',
    health: { state: 'offline', detail: TIMED_OUT, stateNode: 'Offline' },
    phrasebook: {
      command: 'push',
      phase: 'write',
      outcome: { result: 'interrupted', reconciliation: 'unknown', failure: TIMED_OUT },
    },
  },
  {
    id: 'slow-body',
    title: 'slow body',
    inject: { kind: 'fault', fault: 'slow_body' },
    clear: 'reset',
    health: { state: 'offline', detail: TIMED_OUT, stateNode: 'Offline' },
    phrasebook: {
      command: 'testMessage',
      phase: 'read',
      outcome: { result: 'error', errorKind: 'timeout', message: TIMED_OUT },
    },
  },
  {
    id: 'reset-mid-body',
    title: 'connection reset mid-body',
    inject: { kind: 'fault', fault: 'reset_mid_body' },
    clear: 'reset',
    health: { state: 'offline', detail: CONNECTION_LOST, stateNode: 'Offline' },
    phrasebook: {
      command: 'push',
      phase: 'write',
      outcome: { result: 'interrupted', reconciliation: 'unknown', failure: CONNECTION_LOST },
    },
  },
  {
    id: 'plain-500',
    title: '500 with a plain-text body',
    inject: { kind: 'fault', fault: 'plain_500' },
    clear: 'reset',
    health: {
      state: 'malformed',
      detail: /Unexpected HTTP 500: Internal Server Error/i,
      stateNode: 'Malformed response',
    },
    phrasebook: {
      command: 'push',
      phase: 'write',
      outcome: { result: 'interrupted', reconciliation: 'not_written', failure: /HTTP 500: Internal Server Error/i },
    },
  },
  {
    id: 'token-rotation',
    title: '401 followed by token rotation',
    inject: { kind: 'restart' },
    clear: 'reset',
    health: { state: 'ok', detail: /Reading live data/i, rescraped: true },
    phrasebook: { command: 'push', phase: 'write', outcome: { result: 'accepted' } },
  },
  {
    id: 'html-200',
    title: 'HTML with status 200 on an API path',
    inject: { kind: 'fault', fault: 'html_200' },
    clear: 'reset',
    health: {
      state: 'endpoint_missing',
      detail: /endpoint not available on this daemon/i,
      stateNode: 'Endpoint missing',
    },
    phrasebook: {
      command: 'pull',
      phase: 'read',
      outcome: { result: 'error', errorKind: 'endpoint_missing', message: /endpoint not available on this daemon/i },
    },
  },
  {
    id: 'malformed-json',
    title: 'malformed JSON',
    inject: { kind: 'fault', fault: 'malformed_json' },
    clear: 'reset',
    health: { state: 'malformed', detail: /not valid JSON/i, stateNode: 'Malformed response' },
    phrasebook: {
      command: 'openLive',
      phase: 'read',
      outcome: { result: 'error', errorKind: 'malformed', message: /not valid JSON/i },
    },
  },
  {
    id: 'huge-body',
    title: 'a 50 MB body',
    inject: { kind: 'fault', fault: 'huge_body' },
    clear: 'reset',
    health: { state: 'malformed', detail: /response too large/i, stateNode: 'Malformed response' },
    phrasebook: {
      command: 'pull',
      phase: 'read',
      outcome: { result: 'error', errorKind: 'too_large', message: /response too large/i },
    },
  },
  {
    id: 'schema-drift',
    title: 'schema drift (snapshot v5 with unknown fields and types)',
    inject: { kind: 'scenario', scenario: 'schema_drift' },
    clear: 'reset',
    health: { state: 'ok', detail: /Reading live data/i, extraService: 'github' },
    phrasebook: {
      command: 'testMessage',
      phase: 'read',
      outcome: { result: 'answered', same: true, localSnapshot: true },
    },
  },
  {
    id: 'stale-snapshot',
    title: 'stale snapshot',
    inject: { kind: 'scenario', scenario: 'stale' },
    clear: 'reset',
    health: { state: 'stale', detail: /no fresh snapshot/i, stateNode: 'Snapshot stale' },
    phrasebook: {
      command: 'testMessage',
      phase: 'read',
      outcome: { result: 'answered', same: true, localSnapshot: false },
    },
  },
  {
    id: 'probes-warming',
    title: 'probes warming',
    inject: { kind: 'scenario', scenario: 'warming' },
    clear: 'reset',
    health: { state: 'warming', detail: /first round of service probes/i, stateNode: 'Probes warming up' },
    phrasebook: { command: 'pull', phase: 'read', outcome: { result: 'read' } },
  },
  {
    id: 'future-computed-at',
    title: '`computed_at` in the future',
    inject: { kind: 'fault', fault: 'future_computed_at' },
    clear: 'reset',
    health: { state: 'stale', detail: /in the future/i, stateNode: 'Snapshot stale' },
    phrasebook: { command: 'openLive', phase: 'read', outcome: { result: 'read' } },
  },
  {
    id: 'comes-back',
    title: 'the daemon coming back after being down',
    inject: { kind: 'scenario', scenario: 'offline' },
    clear: 'restart',
    health: { state: 'offline', detail: /^Connection refused/i, stateNode: 'Offline' },
    phrasebook: {
      command: 'pull',
      phase: 'read',
      outcome: { result: 'error', errorKind: 'offline', message: /connection refused/i },
    },
  },
  {
    id: 'redirect-other-origin',
    title: 'a redirect to another origin',
    inject: { kind: 'fault', fault: 'redirect_other_origin' },
    clear: 'reset',
    health: { state: 'malformed', detail: /redirects are not followed/i, stateNode: 'Malformed response' },
    phrasebook: {
      command: 'pull',
      phase: 'read',
      outcome: { result: 'error', errorKind: 'redirect_refused', message: /redirects are not followed/i },
    },
  },
];

/** Faults that only change what the snapshot route computes; they always apply to `/api/snapshot`. */
export const SNAPSHOT_ONLY_FAULTS: ReadonlySet<FaultName> = new Set(['future_computed_at']);

/** Counts what each layer actually covered (only rows whose test passed) and prints it once. */
export class CoverageCount {
  private readonly health = new Set<string>();
  private readonly phrasebook = new Set<string>();
  private rowsStarted = 0;

  constructor(private readonly layer: string) {}

  /** Called when a row's test starts; a run that started none (e.g. filtered out) prints nothing. */
  started(): void {
    this.rowsStarted += 1;
  }

  get anyStarted(): boolean {
    return this.rowsStarted > 0;
  }

  coveredHealth(id: string): void {
    this.health.add(id);
  }

  coveredPhrasebook(id: string): void {
    this.phrasebook.add(id);
  }

  get line(): string {
    const faults = new Set([...this.health, ...this.phrasebook]).size;
    return `fault matrix (${this.layer}): ${faults} faults covered (health: ${this.health.size}, phrasebook: ${this.phrasebook.size})`;
  }
}
