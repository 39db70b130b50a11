// The contract-faithful fake Kora admin app (port 9119 stand-in): per-start session token injected
// into the cockpit page, the token middleware and its 7 public paths, SPA fallback for unknown
// `/api` paths, snapshot/heartbeat per scenario, MCP, phrasebook routes on real files, faults, and
// an unauthenticated control API under `/__fake/` for tests in other processes.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTROL_PREFIX, handleControl } from './control';
import { FaultBook, playFault, type FaultSpec } from './faults';
import { closeServer, delay, listen, sendJson, sendText } from './httpUtil';
import { FRONTEND_NOT_BUILT_BODY, INDEX_HEADERS, indexHtml } from './indexPage';
import { handleMcp, MCP_PATH, type CoordinatorView } from './mcp';
import { handlePhrasebook, isPhrasebookPath } from './phrasebookRoutes';
import { PhrasebookStore } from './phrasebookStore';
import {
  formatUtc,
  heartbeatBody,
  listenerStatuses,
  mergePatch,
  scenarioServices,
  snapshotBody,
  type ScenarioName,
  type ServiceRecord,
  type Timeline,
} from './scenarios';

export interface FakeDaemonOptions {
  /** 0 (default) picks a free port; the port is kept across stop()/start(). */
  port?: number;
  scenario?: ScenarioName;
  /** Data folder (phrasebook files, audit log); a temporary one is created (and removed on close) when absent. */
  koraHome?: string;
  /** Raw `KORA_PHRASEBOOK_BACKUP_COUNT` value. */
  backupCount?: string;
  /** Accepted MCP bearer token(s), comma-separated like `KORA_MCP_BEARER_TOKEN`. Random when absent. */
  mcpToken?: string;
  now?: () => number;
  /** Response delay of the `slow` scenario. */
  slowMs?: number;
  snapshotIntervalMs?: number;
  probeIntervalMs?: number;
  /** Also serve the control API on a separate, always-listening port (0 = any). */
  controlPort?: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  /** 0 when no response was sent (hang, reset). */
  status: number;
}

export interface FakeDaemonState {
  scenario: ScenarioName;
  listening: boolean;
  url: string;
  controlUrl: string | null;
  /** The current session token (a test value; the real daemon never reveals it). */
  token: string;
  mcpToken: string;
  tokenRotations: number;
  koraHome: string;
  rotationKeep: number;
  faults: FaultSpec[];
  requestCount: number;
}

/** Paths under `/api/` the daemon's token middleware lets through (contract §2.3). */
export const PUBLIC_API_PATHS: ReadonlySet<string> = new Set([
  '/api/status',
  '/api/config/defaults',
  '/api/config/schema',
  '/api/model/info',
  '/api/dashboard/themes',
  '/api/dashboard/plugins',
  '/api/dashboard/plugins/rescan',
]);

const SNAPSHOT_PATH = '/api/snapshot';
const HEARTBEAT_PATH = '/api/heartbeat/services';
const DEFAULT_SLOW_MS = 2_000;
const DEFAULT_INTERVAL_MS = 300_000;
const PROBE_STEP_MS = 1_000;
/** Uptime of a daemon that has been running a while (4h 05m) and of one that just started. */
const SETTLED_UPTIME_MS = 14_700_000;
const WARMING_UPTIME_MS = 20_000;
const FIRST_SNAPSHOT_AGE_MS = 42_000;
const FIRST_PROBE_AGE_MS = 100_000;
const FUTURE_OFFSET_MS = 3_600_000;
const SNAPSHOT_FRESH_MS = 600_000;
const REQUEST_LOG_LIMIT = 10_000;

export class FakeDaemon {
  readonly requestLog: RequestLogEntry[] = [];
  readonly koraHome: string;
  readonly store: PhrasebookStore;
  readonly faults = new FaultBook();
  readonly now: () => number;
  slowMs: number;
  private scenarioName: ScenarioName;
  private currentToken = newToken();
  private sessionId = randomBytes(16).toString('hex');
  private rotations = 0;
  private timeline: Timeline;
  private snapshotPatch: unknown = {};
  private servicePatch: Record<string, Partial<ServiceRecord> | null> = {};
  private readonly server: Server;
  private controlServer: Server | undefined;
  private listening = false;
  private boundPort: number;
  private controlPort: number | undefined;
  private readonly ownsKoraHome: boolean;
  readonly mcpTokens: string[];

  constructor(private readonly options: FakeDaemonOptions = {}) {
    this.now = options.now ?? Date.now;
    this.scenarioName = options.scenario ?? 'healthy';
    this.slowMs = options.slowMs ?? DEFAULT_SLOW_MS;
    this.boundPort = options.port ?? 0;
    this.ownsKoraHome = options.koraHome === undefined;
    this.koraHome = options.koraHome ?? mkdtempSync(join(tmpdir(), 'kora-fake-home-'));
    this.store = new PhrasebookStore(this.koraHome, options.backupCount, this.now);
    this.mcpTokens = (options.mcpToken ?? newToken())
      .split(',')
      .map((token) => token.trim())
      .filter(Boolean);
    this.timeline = this.newTimeline(this.scenarioName === 'warming' ? WARMING_UPTIME_MS : SETTLED_UPTIME_MS);
    this.server = createServer((req, res) => void this.handle(req, res, false));
  }

  get url(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  get port(): number {
    return this.boundPort;
  }

  get controlUrl(): string | null {
    return this.controlPort === undefined ? null : `http://127.0.0.1:${this.controlPort}`;
  }

  /** The session token of the current "process" (rotates on restart()). */
  get token(): string {
    return this.currentToken;
  }

  get mcpToken(): string {
    return this.mcpTokens[0];
  }

  get scenario(): ScenarioName {
    return this.scenarioName;
  }

  get state(): FakeDaemonState {
    return {
      scenario: this.scenarioName,
      listening: this.listening,
      url: this.url,
      controlUrl: this.controlUrl,
      token: this.currentToken,
      mcpToken: this.mcpToken,
      tokenRotations: this.rotations,
      koraHome: this.koraHome,
      rotationKeep: this.store.rotationKeep,
      faults: this.faults.list(),
      requestCount: this.requestLog.length,
    };
  }

  async start(): Promise<void> {
    if (this.listening) return;
    this.boundPort = await listen(this.server, this.boundPort);
    this.listening = true;
    if (this.options.controlPort !== undefined && !this.controlServer) {
      this.controlServer = createServer((req, res) => void this.handle(req, res, true));
      this.controlPort = await listen(this.controlServer, this.options.controlPort);
    }
  }

  /** Closes the listening socket (clients get "connection refused") and drops open connections. */
  async stop(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    await closeServer(this.server);
  }

  /** Stops everything and removes a temporary KORA_HOME. */
  async close(): Promise<void> {
    await this.stop();
    if (this.controlServer) await closeServer(this.controlServer);
    this.controlServer = undefined;
    if (this.ownsKoraHome) rmSync(this.koraHome, { recursive: true, force: true });
  }

  /** Like a daemon restart: new session token and session id, uptime from zero, connections dropped. */
  restart(): void {
    this.currentToken = newToken();
    this.sessionId = randomBytes(16).toString('hex');
    this.rotations += 1;
    this.timeline = { ...this.timeline, bootAt: this.now() };
    // Pooled keep-alive connections die with a real process; the in-flight control request must not.
    this.server.closeIdleConnections();
  }

  /** Switches scenario; `offline` closes the port, any other scenario (re)opens it. */
  async setScenario(name: ScenarioName, options: { slowMs?: number } = {}): Promise<void> {
    if (options.slowMs !== undefined) this.slowMs = options.slowMs;
    const uptime = name === 'warming' ? WARMING_UPTIME_MS : SETTLED_UPTIME_MS;
    if (name !== this.scenarioName) this.timeline = { ...this.timeline, bootAt: this.now() - uptime };
    this.scenarioName = name;
    if (name === 'offline') await this.stop();
    else await this.start();
  }

  /** Merge-patches (RFC 7386) every snapshot served from now on. */
  patchSnapshot(patch: unknown): void {
    this.snapshotPatch = mergePatch(this.snapshotPatch, patch);
  }

  /** Per-service changes by name (`null` removes a service); kept until reset(). */
  patchServices(patch: Record<string, Partial<ServiceRecord> | null>): void {
    this.servicePatch = { ...this.servicePatch, ...patch };
  }

  addFault(spec: FaultSpec): void {
    this.faults.add(spec);
  }

  /** Back to the initial scenario, no faults or patches, phrasebook files removed. */
  async reset(): Promise<void> {
    this.faults.clear();
    this.snapshotPatch = {};
    this.servicePatch = {};
    this.store.reset();
    this.slowMs = this.options.slowMs ?? DEFAULT_SLOW_MS;
    await this.setScenario(this.options.scenario ?? 'healthy');
  }

  /** The snapshot object the daemon would serve now (undefined in scenarios without one). */
  currentSnapshot(): Record<string, unknown> | undefined {
    if (['stale', 'malformed', 'old_daemon', 'offline'].includes(this.scenarioName)) return undefined;
    return mergePatch(
      snapshotBody(this.scenarioName, this.services(), this.timeline, this.now()),
      this.snapshotPatch,
    ) as Record<string, unknown>;
  }

  currentHeartbeat(): Record<string, unknown> {
    return heartbeatBody(this.services(), this.scenarioName === 'warming', this.timeline, this.now());
  }

  // ---- request handling -------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse, viaControlServer: boolean): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake.invalid').pathname;
    res.on('close', () => this.logRequest(req.method ?? 'GET', path, res));
    try {
      if (path.startsWith(CONTROL_PREFIX)) return await handleControl(this, req, res, path, viaControlServer);
      if (viaControlServer) return sendJson(res, 404, { detail: 'Not Found' });
      if (this.scenarioName === 'slow') await delay(this.slowMs);
      if (path === MCP_PATH || path.startsWith(`${MCP_PATH}/`)) return await this.routeMcp(req, res, path);
      if (!path.startsWith('/api/')) return this.serveSpa(req, res);
      if (!PUBLIC_API_PATHS.has(path) && !this.hasValidToken(req))
        return sendJson(res, 401, { detail: 'Unauthorized' });
      const fault = this.faults.takeTransportFault(path);
      if (fault) return playFault(fault, res, this.currentToken);
      return await this.routeApi(req, res, path);
    } catch {
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    }
  }

  private async routeApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const oldDaemon = this.scenarioName === 'old_daemon';
    if (path === '/api/status' && req.method === 'GET')
      return sendJson(res, 200, { version: '0.0.0-fake', gateway_running: false, active_sessions: 0 });
    if (path === SNAPSHOT_PATH && req.method === 'GET' && !oldDaemon) return this.serveSnapshot(res);
    if (path === HEARTBEAT_PATH && req.method === 'GET' && !oldDaemon) return this.serveHeartbeat(res);
    if (isPhrasebookPath(path) && !oldDaemon) {
      return handlePhrasebook(req, res, path, {
        store: this.store,
        freshSnapshot: () => this.freshSnapshot(),
        takeWriteThen500: (route) => this.faults.takeRouteFault('write_then_500', route),
      });
    }
    // Unknown API path: GET falls through to the SPA catch-all, other methods get Starlette's 405.
    if (req.method === 'GET') return this.serveSpa(req, res);
    return sendJson(res, 405, { detail: 'Method Not Allowed' });
  }

  private serveSnapshot(res: ServerResponse): void {
    if (this.scenarioName === 'malformed')
      return sendText(res, 200, '{"schema_version": 4, "computed_at": ', 'application/json');
    const snapshot = this.currentSnapshot();
    if (!snapshot) return sendJson(res, 200, { error: 'no_snapshot', stale: true });
    if (this.faults.takeRouteFault('future_computed_at', SNAPSHOT_PATH))
      snapshot.computed_at = formatUtc(this.now() + FUTURE_OFFSET_MS);
    sendJson(res, 200, snapshot);
  }

  private serveHeartbeat(res: ServerResponse): void {
    if (this.scenarioName === 'malformed') return sendText(res, 200, '{"services": [{"name": ', 'application/json');
    sendJson(res, 200, this.currentHeartbeat());
  }

  private async routeMcp(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (this.scenarioName === 'old_daemon') {
      if (req.method === 'GET') return this.serveSpa(req, res);
      return sendJson(res, 405, { detail: 'Method Not Allowed' });
    }
    await handleMcp(req, res, path, this.mcpTokens, () => this.coordinator());
  }

  private serveSpa(_req: IncomingMessage, res: ServerResponse): void {
    if (this.scenarioName === 'no_frontend') return sendJson(res, 404, FRONTEND_NOT_BUILT_BODY);
    const html = indexHtml(this.currentToken);
    res.writeHead(200, { ...INDEX_HEADERS, 'content-length': Buffer.byteLength(html) });
    res.end(html);
  }

  private hasValidToken(req: IncomingMessage): boolean {
    const header = req.headers['x-hermes-session-token'];
    if (header === this.currentToken) return true;
    const authorization = req.headers.authorization;
    return typeof authorization === 'string' && authorization === `Bearer ${this.currentToken}`;
  }

  private freshSnapshot(): Record<string, unknown> | undefined {
    const snapshot = this.currentSnapshot();
    const computedAt = Date.parse(String(snapshot?.computed_at));
    const age = this.now() - computedAt;
    return snapshot && age >= 0 && age <= SNAPSHOT_FRESH_MS ? snapshot : undefined;
  }

  private coordinator(): CoordinatorView {
    const statuses = listenerStatuses(this.scenarioName);
    return {
      state: 'running',
      uptimeSeconds: Math.round((this.now() - this.timeline.bootAt) / 100) / 10,
      sessionId: this.sessionId,
      listeners: Object.entries(statuses).map(([name, status]) => ({ name, started: status === 'up' })),
    };
  }

  private services(): ServiceRecord[] {
    const base = scenarioServices(this.scenarioName);
    const byName = new Map(base.map((service) => [service.name, service]));
    for (const [name, change] of Object.entries(this.servicePatch)) {
      if (change === null) byName.delete(name);
      else
        byName.set(name, {
          name,
          status: 'unknown',
          latency_ms: null,
          details: {},
          error: null,
          ...byName.get(name),
          ...change,
        });
    }
    return [...byName.values()];
  }

  private newTimeline(uptimeMs: number): Timeline {
    const started = Math.floor(this.now() / 1000) * 1000;
    return {
      bootAt: started - uptimeMs,
      snapshotEpoch: started - FIRST_SNAPSHOT_AGE_MS,
      snapshotIntervalMs: this.options.snapshotIntervalMs ?? DEFAULT_INTERVAL_MS,
      probeEpoch: started - FIRST_PROBE_AGE_MS,
      probeIntervalMs: this.options.probeIntervalMs ?? DEFAULT_INTERVAL_MS,
      probeStepMs: PROBE_STEP_MS,
    };
  }

  private logRequest(method: string, path: string, res: ServerResponse): void {
    if (this.requestLog.length >= REQUEST_LOG_LIMIT) this.requestLog.shift();
    this.requestLog.push({ method, path, status: res.headersSent ? res.statusCode : 0 });
  }
}

/** Starts a fake daemon (listening unless the scenario is `offline`). */
export async function startFakeDaemon(options: FakeDaemonOptions = {}): Promise<FakeDaemon> {
  const daemon = new FakeDaemon(options);
  await daemon.start();
  if (daemon.scenario === 'offline') await daemon.stop();
  return daemon;
}

function newToken(): string {
  // 32 random bytes, URL-safe: 43 characters, like `secrets.token_urlsafe(32)`.
  return randomBytes(32).toString('base64url');
}
