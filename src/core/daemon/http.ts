// One HTTP transport per daemon on node:http / node:https: its own Agents (never the global
// agent, which other extensions share), connect / headers / body / total timeouts, a response-size
// cap, no redirects (node:http never follows them; a 3xx is refused), and typed errors. Replaces
// undici (~530 KB of the extension's bundle) while keeping all that undici was chosen for.

import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { DaemonError, describeNetworkError, sanitizeExcerpt } from './errors';

export interface HttpTimeouts {
  /** TCP/TLS connect. */
  connectMs: number;
  /** From request sent to response headers received. */
  headersMs: number;
  /** Longest silence between two body chunks. */
  bodyMs: number;
  /** Whole request, so a body trickling one byte at a time cannot hold a poll forever. */
  totalMs: number;
}

const DEFAULT_TIMEOUTS: HttpTimeouts = { connectMs: 5_000, headersMs: 10_000, bodyMs: 10_000, totalMs: 30_000 };
const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const MAX_READ_CONNECTIONS = 4;

/** Error codes of our own timers; errors.ts words them (the names are undici's, kept on purpose). */
const CONNECT_TIMEOUT_CODE = 'ETIMEDOUT';
const HEADERS_TIMEOUT_CODE = 'UND_ERR_HEADERS_TIMEOUT';
const BODY_TIMEOUT_CODE = 'UND_ERR_BODY_TIMEOUT';

type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute path on the daemon, e.g. `/api/snapshot`. */
  path: string;
  headers?: Record<string, string>;
  /** Serialized as JSON with `Content-Type: application/json` when present. */
  jsonBody?: unknown;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased media type without parameters, e.g. `application/json`; '' when absent. */
  mediaType: string;
  text: string;
}

export interface HttpTransportOptions {
  baseUrl: URL;
  timeouts?: Partial<HttpTimeouts>;
  maxResponseBytes?: number;
  /** Secrets currently in use, redacted from any excerpt placed in an error. */
  secrets?: () => readonly string[];
}

function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

export class HttpTransport {
  /** Keep-alive connections for reads. */
  private readonly readAgent: http.Agent;
  /**
   * A fresh connection per write: a pooled socket the daemon closed (e.g. it restarted) would fail a
   * PUT ambiguously, and a write must never be retried blindly.
   */
  private readonly writeAgent: http.Agent;
  private readonly baseUrl: URL;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly timeouts: HttpTimeouts;
  private readonly maxResponseBytes: number;
  private readonly secrets: () => readonly string[];

  constructor(options: HttpTransportOptions) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.secrets = options.secrets ?? (() => []);
    this.baseUrl = options.baseUrl;
    this.origin = options.baseUrl.origin;
    // A base URL may carry a proxy prefix (X-Forwarded-Prefix deployments); paths are appended to it.
    this.basePath = options.baseUrl.pathname.replace(/\/+$/, '');
    const AgentClass = options.baseUrl.protocol === 'https:' ? https.Agent : http.Agent;
    this.readAgent = new AgentClass({ keepAlive: true, maxSockets: MAX_READ_CONNECTIONS });
    this.writeAgent = new AgentClass({ keepAlive: false });
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    try {
      return await this.requestOnce(request);
    } catch (error) {
      // A read on a pooled connection the daemon has just closed fails before any answer: the
      // request never reached the daemon, so one immediate retry on a new connection is safe.
      if (request.method === 'GET' && error instanceof StaleConnectionError) return this.requestOnce(request);
      throw error instanceof StaleConnectionError ? error.daemonError : error;
    }
  }

  private async requestOnce(request: HttpRequest): Promise<HttpResponse> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.timeouts.totalMs);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    let body: string | undefined;
    if (request.jsonBody !== undefined) {
      body = JSON.stringify(request.jsonBody);
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    let response: http.IncomingMessage;
    try {
      response = await this.send(request, headers, body, deadline.signal);
    } catch (error) {
      clearTimeout(timer);
      throw this.networkError(error, request.path, deadline.signal.aborted, true);
    }
    try {
      return await this.readResponse(response, request.path);
    } catch (error) {
      throw this.networkError(error, request.path, deadline.signal.aborted, false);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends the request; resolves at the response headers, under the connect and headers timeouts. */
  private send(
    request: HttpRequest,
    headers: Record<string, string>,
    body: string | undefined,
    signal: AbortSignal,
  ): Promise<http.IncomingMessage> {
    const client = this.baseUrl.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const outgoing = client.request({
        protocol: this.baseUrl.protocol,
        hostname: this.baseUrl.hostname.replace(/^\[|\]$/g, ''),
        port: this.baseUrl.port || undefined,
        path: this.basePath + request.path,
        method: request.method,
        headers,
        agent: request.method === 'GET' ? this.readAgent : this.writeAgent,
        signal,
      });
      let connectTimer: NodeJS.Timeout | undefined;
      let headersTimer: NodeJS.Timeout | undefined;
      const clearTimers = () => {
        clearTimeout(connectTimer);
        clearTimeout(headersTimer);
      };
      outgoing.on('socket', (socket: Socket) => {
        if (!socket.connecting) return; // a pooled keep-alive connection
        connectTimer = setTimeout(
          () => outgoing.destroy(codedError(CONNECT_TIMEOUT_CODE, 'connect timed out')),
          this.timeouts.connectMs,
        );
        socket.once(this.baseUrl.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
      });
      outgoing.on('finish', () => {
        headersTimer = setTimeout(
          () => outgoing.destroy(codedError(HEADERS_TIMEOUT_CODE, 'headers timed out')),
          this.timeouts.headersMs,
        );
      });
      outgoing.on('response', (incoming) => {
        clearTimers();
        resolve(incoming);
      });
      outgoing.on('error', (error) => {
        clearTimers();
        reject(error);
      });
      outgoing.end(body);
    });
  }

  private async readResponse(response: http.IncomingMessage, path: string): Promise<HttpResponse> {
    const status = response.statusCode ?? 0;
    const mediaType = mediaTypeOf(response.headers['content-type']);
    if (status >= 300 && status < 400) {
      discard(response);
      throw this.redirectError(path, status, response.headers.location);
    }
    const declaredLength = Number(firstHeader(response.headers['content-length']));
    if (Number.isFinite(declaredLength) && declaredLength > this.maxResponseBytes) {
      discard(response);
      throw this.tooLargeError(path);
    }
    const text = await this.readCapped(response, path);
    return { status, mediaType, text };
  }

  /** Typed error for a failure of the request (before the answer) or of reading the body. */
  private networkError(error: unknown, path: string, deadlinePassed: boolean, beforeResponse: boolean): Error {
    if (error instanceof DaemonError) return error;
    if (deadlinePassed) {
      return new DaemonError({
        kind: 'timeout',
        detail: `no complete answer within ${Math.round(this.timeouts.totalMs / 1000)} s`,
        path,
      });
    }
    const { kind, detail, reset } = describeNetworkError(error);
    const daemonError = new DaemonError({ kind, detail, path });
    return beforeResponse && reset ? new StaleConnectionError(daemonError) : daemonError;
  }

  /** Sanitized excerpt of a body for error messages (secrets and token fragments removed). */
  excerpt(text: string): string {
    return sanitizeExcerpt(text, this.secrets());
  }

  async close(): Promise<void> {
    this.readAgent.destroy();
    this.writeAgent.destroy();
  }

  /** The body up to the size cap, failing when it stalls longer than the body timeout. */
  private readCapped(body: http.IncomingMessage, path: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let received = 0;
      let stallTimer: NodeJS.Timeout | undefined;
      const fail = (error: Error) => {
        clearTimeout(stallTimer);
        discard(body);
        reject(error);
      };
      const armStallTimer = () => {
        clearTimeout(stallTimer);
        stallTimer = setTimeout(() => fail(codedError(BODY_TIMEOUT_CODE, 'body timed out')), this.timeouts.bodyMs);
      };
      armStallTimer();
      body.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > this.maxResponseBytes) return fail(this.tooLargeError(path));
        chunks.push(chunk);
        armStallTimer();
      });
      body.on('end', () => {
        clearTimeout(stallTimer);
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
      body.on('error', (error) => fail(error));
      // The connection closed before the whole body arrived (a rejection after 'end' is a no-op).
      body.on('close', () => {
        if (!body.complete) fail(codedError('ECONNRESET', 'connection closed mid-response'));
      });
    });
  }

  private tooLargeError(path: string): DaemonError {
    const limitMb = (this.maxResponseBytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
    return new DaemonError({ kind: 'too_large', detail: `response too large (over ${limitMb} MB)`, path });
  }

  private redirectError(path: string, status: number, location: string | string[] | undefined): DaemonError {
    let redirectOrigin = 'an unknown location';
    const target = firstHeader(location);
    if (target) {
      try {
        redirectOrigin = new URL(target, this.origin).origin;
      } catch {
        redirectOrigin = 'an invalid location';
      }
    }
    return new DaemonError({
      kind: 'redirect_refused',
      detail: `the daemon answered HTTP ${status} redirecting to ${redirectOrigin}; redirects are not followed so the token stays with this daemon`,
      path,
      status,
      redirectOrigin,
    });
  }
}

/** Wraps a reset seen before any answer, so `request` can retry reads once. */
class StaleConnectionError extends Error {
  constructor(readonly daemonError: DaemonError) {
    super(daemonError.message);
  }
}

/** Stops reading a body we do not want; the abort it causes is expected, not an error. */
function discard(body: http.IncomingMessage): void {
  body.on('error', () => undefined);
  body.destroy();
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function mediaTypeOf(contentType: string | string[] | undefined): string {
  const raw = firstHeader(contentType);
  return raw ? raw.split(';')[0].trim().toLowerCase() : '';
}

/** `application/json` and `application/<x>+json`. */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[\w.-]+\+json$/.test(mediaType);
}

/** Loopback per the daemon's own notion (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  // Only the literal name: a `*.localhost` name goes through the resolver, which could answer anything.
  if (host === 'localhost' || host === '::1') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  // IPv4-mapped IPv6 loopback (::ffff:127.x.y.z); Node's URL prints it in hex form.
  return /^::ffff:(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(host);
}
