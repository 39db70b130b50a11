// Injected transport faults for the fault matrix: one-shot (default) or persistent, optionally
// limited to one path. They apply to `/api/...` requests after authentication.

import type { ServerResponse } from 'node:http';
import { indexHtml } from './indexPage';
import { sendPlain500, sendText } from './httpUtil';

export const FAULTS = [
  'hang',
  'slow_body',
  'reset_mid_body',
  'plain_500',
  'html_200',
  'malformed_json',
  'huge_body',
  'future_computed_at',
  'redirect_other_origin',
  'write_then_500',
] as const;
export type FaultName = (typeof FAULTS)[number];

export function isFaultName(value: unknown): value is FaultName {
  return typeof value === 'string' && (FAULTS as readonly string[]).includes(value);
}

export interface FaultSpec {
  name: FaultName;
  /** Limit to this exact path (e.g. `/api/snapshot`); all `/api/` paths otherwise. */
  path?: string;
  /** How many requests it affects; ignored when persistent. Default 1. */
  times?: number;
  persistent?: boolean;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
}

/** Faults that change what a route computes rather than replacing the response. */
const ROUTE_LEVEL: ReadonlySet<FaultName> = new Set(['future_computed_at', 'write_then_500']);

export const HUGE_BODY_BYTES = 50 * 1024 * 1024;
export const REDIRECT_TARGET = 'http://attacker.invalid:8080/collect';
/** Slower than undici's ~1 s timer resolution, so a short body timeout reliably fires between bytes. */
const SLOW_BODY_TICK_MS = 2_000;
const CHUNK_BYTES = 64 * 1024;

export class FaultBook {
  private active: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.active.push({ ...spec, remaining: spec.persistent ? Number.POSITIVE_INFINITY : Math.max(1, spec.times ?? 1) });
  }

  clear(): void {
    this.active = [];
  }

  list(): FaultSpec[] {
    return this.active.map(({ name, path, persistent, remaining }) => ({
      name,
      path,
      persistent,
      times: Number.isFinite(remaining) ? remaining : undefined,
    }));
  }

  /** Takes (consumes once) the first transport-level fault for this path. */
  takeTransportFault(path: string): FaultName | undefined {
    return this.take(path, (name) => !ROUTE_LEVEL.has(name));
  }

  /** Takes a specific route-level fault for this path. */
  takeRouteFault(name: FaultName, path: string): boolean {
    return this.take(path, (candidate) => candidate === name) !== undefined;
  }

  private take(path: string, accept: (name: FaultName) => boolean): FaultName | undefined {
    const fault = this.active.find(
      (candidate) => accept(candidate.name) && (candidate.path === undefined || candidate.path === path),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.active = this.active.filter((candidate) => candidate !== fault);
    return fault.name;
  }
}

/** Plays a transport fault on the response. */
export function playFault(name: FaultName, res: ServerResponse, token: string): void {
  switch (name) {
    case 'hang':
      return; // never answer; the socket is destroyed when the server stops
    case 'slow_body':
      return trickle(res);
    case 'reset_mid_body': {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"services": [{"name": "vercel", "status": "hea');
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    case 'plain_500':
      return sendPlain500(res);
    case 'html_200':
      return sendText(res, 200, indexHtml(token), 'text/html; charset=utf-8');
    case 'malformed_json':
      return sendText(res, 200, '{"services": [{"name": "vercel",', 'application/json');
    case 'huge_body':
      return streamHuge(res);
    case 'redirect_other_origin':
      res.writeHead(302, { location: REDIRECT_TARGET, 'content-length': '0' });
      res.end();
      return;
    default:
      sendPlain500(res);
  }
}

function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"pad": "');
  const timer = setInterval(() => res.write('x'), SLOW_BODY_TICK_MS);
  res.on('close', () => clearInterval(timer));
}

function streamHuge(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(CHUNK_BYTES, 0x20);
  let sent = 0;
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const pump = (): void => {
    while (!closed && sent < HUGE_BODY_BYTES) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  res.write('{"pad": "');
  pump();
}
