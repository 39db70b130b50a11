// Typed failures of a daemon request. Every failure the client can produce is a DaemonError with a
// `kind`, so callers (health model, CLI, phrasebook commands) branch on data, not on message text.
// Messages are built from our own words plus sanitized excerpts: they never contain a token.

import { escapeControls } from '../text/sanitize';

export type DaemonErrorKind =
  /** Could not connect or the connection dropped: refused, DNS failure, reset, connect timeout. */
  | 'offline'
  /** Connected, but the daemon did not answer (headers/body/total deadline). */
  | 'timeout'
  /** The daemon rejected the session (or MCP) token, even after one re-scrape. */
  | 'unauthorized'
  /** `GET /` has no cockpit ("Frontend not built") and no stored token is available. */
  | 'no_frontend'
  /** An older daemon: the route answers with the SPA's HTML (or 404/405). */
  | 'endpoint_missing'
  /** Not JSON, or JSON we cannot understand (issue paths listed, never values). */
  | 'malformed'
  /** Response body exceeded the size cap; the rest was not read. */
  | 'too_large'
  /** Any other unexpected HTTP status. */
  | 'http_status'
  /** Cleartext http to a non-loopback host without the per-daemon opt-in. Nothing was sent. */
  | 'insecure_refused'
  /** The daemon answered with a redirect; it was not followed (the token must not travel). */
  | 'redirect_refused';

export interface DaemonErrorInfo {
  kind: DaemonErrorKind;
  /** Short human detail, e.g. "connection refused" or "HTTP 502 from /api/snapshot". */
  detail: string;
  /** Request path the error belongs to (no query string, no token). */
  path?: string;
  status?: number;
  /** Sanitized, shortened body text for http_status errors. */
  bodyExcerpt?: string;
  /** zod issue paths (e.g. `services.2.name`) for malformed responses. */
  issuePaths?: string[];
  /** Origin of a refused redirect's Location (scheme://host:port only). */
  redirectOrigin?: string;
}

export class DaemonError extends Error {
  readonly kind: DaemonErrorKind;
  readonly detail: string;
  readonly path?: string;
  readonly status?: number;
  readonly bodyExcerpt?: string;
  readonly issuePaths?: string[];
  readonly redirectOrigin?: string;

  constructor(info: DaemonErrorInfo) {
    super(info.path ? `${info.detail} (${info.path})` : info.detail);
    this.name = 'DaemonError';
    this.kind = info.kind;
    this.detail = info.detail;
    this.path = info.path;
    this.status = info.status;
    this.bodyExcerpt = info.bodyExcerpt;
    this.issuePaths = info.issuePaths;
    this.redirectOrigin = info.redirectOrigin;
  }
}

export function isDaemonError(value: unknown): value is DaemonError {
  return value instanceof DaemonError;
}

const EXCERPT_MAX_CHARS = 200;
const REDACTED = '[redacted]';

// Shapes in which a token can appear in text a daemon (or a proxy) sends back.
const TOKEN_TEXT_PATTERNS: readonly RegExp[] = [
  /(__HERMES_SESSION_TOKEN__\s*=\s*)(["'`])[^"'`]*\2/g,
  /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /(X-Hermes-Session-Token["']?\s*[:=]\s*["']?)[A-Za-z0-9._~+/=-]+/gi,
];

/**
 * Removes known secrets and token-looking fragments, control characters (visibly escaped) and excess length from text
 * that may end up in an error message. `secrets` are the values the caller currently holds.
 */
export function sanitizeExcerpt(text: string, secrets: readonly string[] = [], maxChars = EXCERPT_MAX_CHARS): string {
  let cleaned = text;
  for (const secret of secrets) {
    // Short strings would redact ordinary words; real tokens are long.
    if (secret.length >= 8) cleaned = cleaned.split(secret).join(REDACTED);
  }
  for (const pattern of TOKEN_TEXT_PATTERNS) cleaned = cleaned.replace(pattern, `$1${REDACTED}`);
  // Line breaks of a body excerpt are layout, not content; every other control is shown escaped.
  cleaned = escapeControls(cleaned.replace(/[\t\n\r]+/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > maxChars ? `${cleaned.slice(0, maxChars)}…` : cleaned;
}

/** Maps a low-level network error (Node or undici) to a short phrase, without any request data. */
export function describeNetworkError(error: unknown): { kind: 'offline' | 'timeout'; detail: string; reset: boolean } {
  const code = errorCode(error);
  return { ...describeCode(code), reset: code !== undefined && RESET_CODES.has(code) };
}

/** Codes of a connection the peer closed or reset (candidates for one retry of a read). */
const RESET_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

function describeCode(code: string | undefined): { kind: 'offline' | 'timeout'; detail: string } {
  switch (code) {
    case 'ECONNREFUSED':
      return { kind: 'offline', detail: 'connection refused' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { kind: 'offline', detail: 'host not found' };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return { kind: 'offline', detail: 'connection reset by the daemon' };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { kind: 'offline', detail: 'host unreachable' };
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return { kind: 'offline', detail: 'connect timed out' };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { kind: 'timeout', detail: 'the daemon did not answer in time' };
    case 'UND_ERR_BODY_TIMEOUT':
      return { kind: 'timeout', detail: 'the response body stalled' };
    case 'UND_ERR_ABORTED':
    case 'ABORT_ERR':
      return { kind: 'timeout', detail: 'the request took too long' };
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return { kind: 'offline', detail: 'the connection closed mid-response' };
    default:
      return { kind: 'offline', detail: code ? `network error ${code}` : 'network error' };
  }
}

// Wrapper codes whose `cause` usually names the real reason (e.g. ECONNRESET).
const GENERIC_CODES = new Set(['UND_ERR_SOCKET', 'UND_ERR_ABORTED']);

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  let fallback: string | undefined;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const { code, cause, name } = current as { code?: unknown; cause?: unknown; name?: unknown };
    if (typeof code === 'string') {
      if (!GENERIC_CODES.has(code)) return code;
      fallback ??= code;
    } else if (name === 'AbortError' || name === 'TimeoutError') {
      fallback ??= 'ABORT_ERR';
    }
    current = cause;
  }
  return fallback;
}
