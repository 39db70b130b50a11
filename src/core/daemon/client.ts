// KoraClient: one per configured daemon. Reads throw DaemonError; writes return a discriminated
// result because a failed write has several meaningful outcomes (422 vs 500-after-write vs timeout).

import { parsePythonJson } from '../phrasebook/pyJson';
import {
  assertUsableToken,
  extractSessionToken,
  SESSION_TOKEN_HEADER,
  SessionAuth,
  type McpTokenProvider,
  type SessionToken,
  type StoredSessionTokenProvider,
  type TokenSource,
} from './auth';
import { DaemonError } from './errors';
import {
  HttpTransport,
  isJsonMediaType,
  isLoopbackHost,
  type HttpRequest,
  type HttpResponse,
  type HttpTimeouts,
} from './http';
import { normalizeValidationBody, type NormalizedValidation } from './validationBody';
import {
  coordinatorStatusSchema,
  heartbeatSchema,
  jsonRpcResponseSchema,
  koraErrorBodySchema,
  parseSnapshotBody,
  parseWith,
  phrasebookBackupsResponseSchema,
  phrasebookPutResponseSchema,
  phrasebookResponseSchema,
  phrasebookRevertResponseSchema,
  phrasebookTestResponseSchema,
  type HeartbeatResponse,
  type KoraErrorBody,
  type McpDaemonStatus,
  type PhrasebookBackupsResponse,
  type PhrasebookEntryWrite,
  type PhrasebookPutResponse,
  type PhrasebookResponse,
  type PhrasebookRevertResponse,
  type PhrasebookTestResponse,
  type SnapshotResult,
} from './schemas';
import { displayUrl } from '../text/displayUrl';

export interface DaemonConfig {
  name: string;
  /** Admin base URL, e.g. `http://127.0.0.1:9119`. */
  url: string;
  /** Allow cleartext http to a non-loopback host (the token would travel unencrypted). */
  allowInsecureHttp?: boolean;
}

export interface KoraClientOptions {
  timeouts?: Partial<HttpTimeouts>;
  maxResponseBytes?: number;
  sessionTokens?: StoredSessionTokenProvider;
  mcpTokens?: McpTokenProvider;
}

export const ENDPOINTS = {
  index: '/',
  snapshot: '/api/snapshot',
  heartbeat: '/api/heartbeat/services',
  phrasebook: '/api/phrasebook/slack_dm',
  phrasebookTest: '/api/phrasebook/slack_dm/test',
  phrasebookRevert: '/api/phrasebook/slack_dm/revert',
  phrasebookBackups: '/api/phrasebook/slack_dm/backups',
  mcp: '/mcp',
} as const;

const MCP_STATUS_TOOL = 'kora__daemon_status';

/** Outcomes shared by PUT and revert when the daemon did not accept the write cleanly. */
export type WriteFailure =
  | { kind: 'unauthorized'; error: DaemonError }
  /** 5xx with any body (the daemon may answer plain-text 500 AFTER writing): re-read to know. */
  | { kind: 'server_error'; status: number; bodyExcerpt: string; body: unknown }
  /** No usable answer (offline, timeout, reset, unreadable 200...): the write may or may not have happened. */
  | { kind: 'transport'; error: DaemonError };

export type PutPhrasebookResult =
  { kind: 'ok'; body: PhrasebookPutResponse } | ({ kind: 'validation' } & NormalizedValidation) | WriteFailure;

export type RevertPhrasebookResult =
  | { kind: 'ok'; body: PhrasebookRevertResponse }
  | { kind: 'invalid_filename'; body: KoraErrorBody }
  | { kind: 'not_found'; body: KoraErrorBody }
  | WriteFailure;

export class KoraClient {
  readonly config: DaemonConfig;
  /** Set when no request may be sent at all (invalid URL, cleartext to a remote host). */
  private readonly refusal: DaemonError | undefined;
  private readonly http: HttpTransport;
  private readonly auth: SessionAuth;
  private readonly counts = new Map<string, number>();
  private mcpToken: string | undefined;
  private lastTokenSource: TokenSource | undefined;
  private rpcId = 0;
  /** The session token the last liveness check saw (for redaction). */
  private livenessToken: string | undefined;

  constructor(
    config: DaemonConfig,
    private readonly options: KoraClientOptions = {},
  ) {
    this.config = { ...config };
    const parsed = parseDaemonUrl(config);
    this.refusal = parsed.refusal;
    this.http = new HttpTransport({
      baseUrl: parsed.url,
      timeouts: options.timeouts,
      maxResponseBytes: options.maxResponseBytes,
      secrets: () =>
        [this.auth.currentValue, this.livenessToken, this.mcpToken].filter((value): value is string => Boolean(value)),
    });
    this.auth = new SessionAuth(
      () => this.send({ method: 'GET', path: ENDPOINTS.index, headers: { accept: 'text/html' } }),
      options.sessionTokens,
    );
  }

  /** Requests actually sent to `path` (all methods), or to any path when omitted. */
  requestCount(path?: string): number {
    if (path !== undefined) return this.counts.get(path) ?? 0;
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  requestCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Where the session token in memory came from (undefined before the first authenticated call). */
  get tokenSource(): TokenSource | undefined {
    return this.auth.currentValue === undefined ? undefined : this.lastTokenSource;
  }

  /** Drop the cached session token (e.g. after the user stored a new one). */
  forgetSessionToken(): void {
    this.auth.forget();
  }

  /**
   * The cheapest request the daemon answers: its cockpit page (no token needed). Any HTTP answer
   * means it is up; a session token on the page other than the last one seen means it restarted
   * (and the new token is adopted, so the next read needs no retry). Throws DaemonError when the
   * daemon cannot be reached.
   */
  async checkLiveness(): Promise<{ instance?: number }> {
    const page = await this.send({ method: 'GET', path: ENDPOINTS.index, headers: { accept: 'text/html' } });
    const token = page.status === 200 ? extractSessionToken(page.text) : undefined;
    if (token === undefined) return {};
    assertUsableToken(token, 'scraped', ENDPOINTS.index);
    this.livenessToken = token;
    this.auth.adoptScraped(token);
    return { instance: this.auth.instance };
  }

  /** Which daemon process answered last, as far as its session tokens tell (any read may re-read the token). */
  daemonInstance(): number {
    return this.auth.instance;
  }

  async getSnapshot(): Promise<SnapshotResult> {
    const path = ENDPOINTS.snapshot;
    const response = await this.sendAuthenticated({ method: 'GET', path });
    const result = parseSnapshotBody(this.okJson(response, path), path);
    if (result.kind !== 'snapshot') return result;
    // The schema coerces off-list values and JSON.parse loses floats and big ints; the renderer
    // must see what the daemon's Python sees.
    return { ...result, pythonValues: parsePythonJson(response.text) };
  }

  async getHeartbeatServices(): Promise<HeartbeatResponse> {
    return parseWith(heartbeatSchema, await this.readJson('GET', ENDPOINTS.heartbeat), ENDPOINTS.heartbeat);
  }

  /** Live coordinator status through `POST /mcp`; undefined when no MCP token is configured. */
  async getDaemonStatusViaMcp(): Promise<McpDaemonStatus | undefined> {
    const token = (await this.options.mcpTokens?.getMcpToken())?.trim();
    if (!token) return undefined;
    const path = ENDPOINTS.mcp;
    assertUsableToken(token, 'mcp', path);
    this.mcpToken = token;
    this.rpcId += 1;
    const response = await this.send({
      method: 'POST',
      path,
      headers: { authorization: `Bearer ${token}` },
      jsonBody: {
        jsonrpc: '2.0',
        id: this.rpcId,
        method: 'tools/call',
        params: { name: MCP_STATUS_TOOL, arguments: {} },
      },
    });
    if (response.status === 401 || response.status === 403) {
      throw new DaemonError({
        kind: 'unauthorized',
        detail: 'the daemon rejected the MCP token',
        path,
        status: response.status,
      });
    }
    const rpc = parseWith(jsonRpcResponseSchema, this.okJson(response, path), path);
    if (rpc.error) {
      throw new DaemonError({
        kind: 'malformed',
        detail: `MCP error ${rpc.error.code}: ${this.http.excerpt(rpc.error.message)}`,
        path,
      });
    }
    const text = rpc.result?.content.find((part) => part.type === 'text')?.text;
    if (!rpc.result || rpc.result.isError || text === undefined) {
      throw new DaemonError({ kind: 'malformed', detail: `MCP tool ${MCP_STATUS_TOOL} returned no status`, path });
    }
    return parseWith(coordinatorStatusSchema, parseJsonText(text, path), path);
  }

  async getPhrasebook(): Promise<PhrasebookResponse> {
    return parseWith(phrasebookResponseSchema, await this.readJson('GET', ENDPOINTS.phrasebook), ENDPOINTS.phrasebook);
  }

  async testPhrasebook(text: string): Promise<PhrasebookTestResponse> {
    const json = await this.readJson('POST', ENDPOINTS.phrasebookTest, { text });
    return parseWith(phrasebookTestResponseSchema, json, ENDPOINTS.phrasebookTest);
  }

  async getPhrasebookBackups(): Promise<PhrasebookBackupsResponse> {
    const json = await this.readJson('GET', ENDPOINTS.phrasebookBackups);
    return parseWith(phrasebookBackupsResponseSchema, json, ENDPOINTS.phrasebookBackups);
  }

  /** Never retried on its own except after a 401 (the daemon refused before touching anything). */
  async putPhrasebook(entries: readonly PhrasebookEntryWrite[]): Promise<PutPhrasebookResult> {
    const path = ENDPOINTS.phrasebook;
    return this.write({ method: 'PUT', path, jsonBody: { entries } }, (response) => {
      if (response.status === 200)
        return { kind: 'ok', body: parseWith(phrasebookPutResponseSchema, this.okJson(response, path), path) };
      if (response.status === 422)
        return {
          kind: 'validation',
          ...normalizeValidationBody(tryParseJson(response), this.http.excerpt(response.text)),
        };
      return undefined;
    });
  }

  /** `filename` omitted → the daemon restores its most recent backup (or the bundled default). */
  async revertPhrasebook(filename?: string): Promise<RevertPhrasebookResult> {
    const path = ENDPOINTS.phrasebookRevert;
    return this.write({ method: 'POST', path, jsonBody: filename === undefined ? {} : { filename } }, (response) => {
      if (response.status === 200)
        return { kind: 'ok', body: parseWith(phrasebookRevertResponseSchema, this.okJson(response, path), path) };
      const body = koraErrorBodySchema.safeParse(tryParseJson(response));
      if (response.status === 400 && body.success && body.data.error === 'invalid_filename')
        return { kind: 'invalid_filename', body: body.data };
      if (response.status === 404 && body.success && body.data.error === 'backup_not_found')
        return { kind: 'not_found', body: body.data };
      return undefined;
    });
  }

  async dispose(): Promise<void> {
    await this.http.close();
  }

  // ---- plumbing ---------------------------------------------------------------------------------

  /** Sends one request (counted), refusing up front when the daemon may not be contacted. */
  private async send(request: HttpRequest): Promise<HttpResponse> {
    if (this.refusal) throw this.refusal;
    this.counts.set(request.path, (this.counts.get(request.path) ?? 0) + 1);
    return this.http.request(request);
  }

  /** Sends with the session token; on 401 re-acquires the token once and retries once. */
  private async sendAuthenticated(request: HttpRequest): Promise<HttpResponse> {
    if (this.refusal) throw this.refusal;
    const token = await this.auth.token();
    const first = await this.send(withToken(request, token));
    this.lastTokenSource = token.source;
    if (first.status !== 401) return first;
    const renewed = await this.auth.renewAfterRejection(token);
    if (renewed) {
      const second = await this.send(withToken(request, renewed));
      this.lastTokenSource = renewed.source;
      if (second.status !== 401) return second;
    }
    // Forget it so the next call scrapes again (the daemon may restart with a fresh token).
    this.auth.forget();
    const source = renewed?.source ?? token.source;
    const detail =
      source === 'stored'
        ? 'the daemon rejected the stored session token'
        : 'the daemon rejected the session token even after reading it again from the cockpit';
    throw new DaemonError({ kind: 'unauthorized', detail, path: request.path, status: 401 });
  }

  private async readJson(method: HttpRequest['method'], path: string, jsonBody?: unknown): Promise<unknown> {
    const response = await this.sendAuthenticated({ method, path, jsonBody });
    return this.okJson(response, path);
  }

  private async write<T extends { kind: string }>(
    request: HttpRequest,
    interpret: (response: HttpResponse) => T | undefined,
  ): Promise<T | WriteFailure> {
    let response: HttpResponse;
    try {
      response = await this.sendAuthenticated(request);
    } catch (error) {
      if (!(error instanceof DaemonError)) throw error;
      return error.kind === 'unauthorized' ? { kind: 'unauthorized', error } : { kind: 'transport', error };
    }
    try {
      const interpreted = interpret(response);
      if (interpreted) return interpreted;
      if (response.status >= 500) {
        return {
          kind: 'server_error',
          status: response.status,
          bodyExcerpt: this.http.excerpt(response.text),
          body: tryParseJson(response),
        };
      }
      return { kind: 'transport', error: this.statusError(response, request.path) };
    } catch (error) {
      if (error instanceof DaemonError) return { kind: 'transport', error };
      throw error;
    }
  }

  /** The body of a 200 JSON answer; anything else becomes a typed error. */
  private okJson(response: HttpResponse, path: string): unknown {
    if (response.status !== 200) throw this.statusError(response, path);
    if (!isJsonMediaType(response.mediaType)) {
      if (response.mediaType === 'text/html') {
        throw new DaemonError({
          kind: 'endpoint_missing',
          detail: 'endpoint not available on this daemon (it answered with the cockpit page)',
          path,
        });
      }
      throw new DaemonError({
        kind: 'malformed',
        detail: `expected JSON but got ${response.mediaType || 'no content type'}`,
        path,
      });
    }
    return parseJsonText(response.text, path);
  }

  private statusError(response: HttpResponse, path: string): DaemonError {
    if (response.status === 404 || response.status === 405) {
      return new DaemonError({
        kind: 'endpoint_missing',
        detail: `endpoint not available on this daemon (HTTP ${response.status})`,
        path,
        status: response.status,
      });
    }
    const bodyExcerpt = this.http.excerpt(response.text);
    return new DaemonError({
      kind: 'http_status',
      detail: `unexpected HTTP ${response.status}${bodyExcerpt ? `: ${bodyExcerpt}` : ''}`,
      path,
      status: response.status,
      bodyExcerpt,
    });
  }
}

function withToken(request: HttpRequest, token: SessionToken): HttpRequest {
  return { ...request, headers: { ...request.headers, [SESSION_TOKEN_HEADER]: token.value } };
}

function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DaemonError({ kind: 'malformed', detail: 'response is not valid JSON', path });
  }
}

function tryParseJson(response: HttpResponse): unknown {
  if (!isJsonMediaType(response.mediaType)) return undefined;
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    return undefined;
  }
}

const PLACEHOLDER_BASE = new URL('http://invalid.invalid');

/** Parses the configured URL and decides whether requests may be sent to it at all. */
export function parseDaemonUrl(config: DaemonConfig): { url: URL; refusal?: DaemonError } {
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    return {
      url: PLACEHOLDER_BASE,
      refusal: new DaemonError({ kind: 'offline', detail: `invalid daemon URL "${displayUrl(config.url)}"` }),
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      url: PLACEHOLDER_BASE,
      refusal: new DaemonError({
        kind: 'offline',
        detail: `unsupported URL scheme ${url.protocol} (use http or https)`,
      }),
    };
  }
  if (url.username || url.password || url.search || url.hash) {
    // Credentials or queries in a URL end up in logs; the token travels in a header instead.
    return {
      url: PLACEHOLDER_BASE,
      refusal: new DaemonError({
        kind: 'offline',
        detail: 'the daemon URL must not contain credentials, a query or a fragment',
      }),
    };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !config.allowInsecureHttp) {
    return {
      url,
      refusal: new DaemonError({
        kind: 'insecure_refused',
        detail: `refusing cleartext http to ${url.host}: the session token would travel unencrypted (use https, a loopback tunnel, or allow insecure http for this daemon)`,
      }),
    };
  }
  return { url };
}
