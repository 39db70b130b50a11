// Session-token handling without setup. The daemon regenerates its token on every start and only
// injects it into the cockpit page (`GET /`), so we scrape it, keep it in memory, and scrape again
// once when a request is rejected. Without a built cockpit, a token the user stored is the fallback.

import { DaemonError } from './errors';
import type { HttpResponse } from './http';

/** The VS Code side backs this with SecretStorage; the CLI with the `KORA_SESSION_TOKEN` env. */
export interface StoredSessionTokenProvider {
  getStoredSessionToken(): Promise<string | undefined>;
}

/** Optional bearer token for the daemon's `/mcp` surface. */
export interface McpTokenProvider {
  getMcpToken(): Promise<string | undefined>;
}

export type TokenSource = 'scraped' | 'stored';

export interface SessionToken {
  value: string;
  source: TokenSource;
}

export const SESSION_TOKEN_HEADER = 'X-Hermes-Session-Token';
const FRONTEND_NOT_BUILT_MARKER = 'Frontend not built';

// The daemon injects `<script>window.__HERMES_SESSION_TOKEN__="…";window.__HERMES_…="";</script>`
// before `</head>`. Tolerate spacing and either quote, and never run past the closing quote (the
// base-path global that follows is also a quoted string).
const TOKEN_SCRIPT_PATTERN = /__HERMES_SESSION_TOKEN__\s*=\s*(["'])([^"'\\<>\s]+)\1/;

export function extractSessionToken(html: string): string | undefined {
  return TOKEN_SCRIPT_PATTERN.exec(html)?.[2];
}

/** Visible ASCII only: all a header value can safely carry, and what every real token is made of. */
const USABLE_TOKEN = /^[\x21-\x7e]+$/;

const TOKEN_ORIGIN_TEXT: Record<TokenSource | 'mcp', { what: string; fix: string }> = {
  scraped: {
    what: "The session token on the daemon's cockpit page",
    fix: 'Check what serves the cockpit page (a proxy?), or set a session token yourself',
  },
  stored: {
    what: 'The stored session token',
    fix: 'Set it again (a copy-paste error?): "Kora: Set Session Token…" in VS Code, or KORA_SESSION_TOKEN for the CLI',
  },
  mcp: {
    what: 'The MCP token',
    fix: 'Set it again (a copy-paste error?): "Kora: Set MCP Token…" in VS Code, or the variable given to --mcp-token-env',
  },
};

/**
 * Refuses a token that could not travel in a header (control characters, spaces, non-ASCII) before
 * any request, with a sentence that says what to do, instead of a low-level HTTP client error.
 * The token itself is never quoted.
 */
export function assertUsableToken(value: string, origin: TokenSource | 'mcp', path: string): void {
  if (USABLE_TOKEN.test(value)) return;
  const { what, fix } = TOKEN_ORIGIN_TEXT[origin];
  throw new DaemonError({
    kind: 'unauthorized',
    detail: `${what} contains characters no token can have (control characters, spaces or non-ASCII), so it was not sent. ${fix}.`,
    path,
  });
}

/**
 * Owns the current session token of one daemon. Concurrent callers share one scrape.
 * `fetchIndex` performs `GET /` (unauthenticated) through the daemon's transport.
 */
export class SessionAuth {
  private cached: SessionToken | undefined;
  private pending: Promise<SessionToken> | undefined;
  private lastScraped: string | undefined;
  private scrapedTokens = 0;

  constructor(
    private readonly fetchIndex: () => Promise<HttpResponse>,
    private readonly stored: StoredSessionTokenProvider | undefined,
  ) {}

  /** The token in memory, for redaction only. */
  get currentValue(): string | undefined {
    return this.cached?.value;
  }

  /** The cached token, or a freshly acquired one. */
  async token(): Promise<SessionToken> {
    if (this.cached) return this.cached;
    return this.acquire();
  }

  /**
   * Called after a 401 with the token that was rejected. Acquires again (once per rejection; callers
   * sharing the same rejected token share the re-scrape). Returns undefined when the only token on
   * offer is the one just rejected — retrying with it would be pointless.
   */
  async renewAfterRejection(rejected: SessionToken): Promise<SessionToken | undefined> {
    if (this.cached?.value === rejected.value) this.cached = undefined;
    const renewed = await this.token();
    return renewed.value === rejected.value ? undefined : renewed;
  }

  forget(): void {
    this.cached = undefined;
  }

  /** A token read from the cockpit page by someone else (the liveness check) replaces a scraped one. */
  adoptScraped(value: string): void {
    this.noteScraped(value);
    if (this.cached === undefined || this.cached.source === 'scraped') this.cached = { value, source: 'scraped' };
  }

  /** How many different tokens the cockpit page has shown: the daemon issues a new one on every start. */
  get instance(): number {
    return Math.max(0, this.scrapedTokens - 1);
  }

  private noteScraped(value: string): void {
    if (value !== this.lastScraped) this.scrapedTokens += 1;
    this.lastScraped = value;
  }

  private acquire(): Promise<SessionToken> {
    this.pending ??= this.scrapeOrFallback().then(
      (token) => {
        this.cached = token;
        this.pending = undefined;
        return token;
      },
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }

  private async scrapeOrFallback(): Promise<SessionToken> {
    const page = await this.fetchIndex();
    if (page.status === 200) {
      const scraped = extractSessionToken(page.text);
      if (scraped) {
        assertUsableToken(scraped, 'scraped', '/');
        this.noteScraped(scraped);
        return { value: scraped, source: 'scraped' };
      }
      return this.storedOr('the cockpit page carries no session token (is the cockpit behind a login?)');
    }
    if (page.status === 404 && page.text.includes(FRONTEND_NOT_BUILT_MARKER)) {
      return this.storedOr(
        'the daemon has no cockpit built ("Frontend not built"), so its session token cannot be read',
      );
    }
    return this.storedOr(`GET / answered HTTP ${page.status}, so the session token cannot be read`, page.status);
  }

  private async storedOr(reason: string, status?: number): Promise<SessionToken> {
    // Surrounding whitespace (a trailing newline from a file or a paste) is not part of a token.
    const stored = (await this.stored?.getStoredSessionToken())?.trim();
    if (stored) {
      assertUsableToken(stored, 'stored', '/');
      return { value: stored, source: 'stored' };
    }
    const kind = status === undefined ? 'no_frontend' : 'http_status';
    throw new DaemonError({ kind, detail: `${reason}, and no stored session token is set`, path: '/', status });
  }
}
