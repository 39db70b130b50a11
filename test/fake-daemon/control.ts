// The fake daemon's control API (no token, not under /api): lets tests running in another process
// (integration tests in VS Code, the demo) switch scenarios, rotate the token and inject faults.
//
//   POST /__fake/scenario  {"name": "<scenario>", "slowMs"?: n}
//   POST /__fake/restart                      rotate the session token like a daemon restart
//   POST /__fake/reset                        initial scenario, no faults/patches, no phrasebook files
//   GET  /__fake/state                        FakeDaemonState (includes the current token)
//   POST /__fake/snapshot  {...}              merge-patch every snapshot served from now on
//   POST /__fake/services  {"sentry": {...}}  per-service changes by name (null removes)
//   POST /__fake/fault     {"name": "<fault>"|"none", "path"?, "times"?, "persistent"?}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { isFaultName } from './faults';
import { isObject, parseJsonBody, readBody, sendJson } from './httpUtil';
import { isScenarioName, SCENARIOS, type ServiceRecord } from './scenarios';
import type { FakeDaemon } from './server';

export const CONTROL_PREFIX = '/__fake/';
const CLEAR_FAULTS = 'none';

export async function handleControl(
  daemon: FakeDaemon,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  viaControlServer: boolean,
): Promise<void> {
  const action = path.slice(CONTROL_PREFIX.length);
  if (action === 'state' && req.method === 'GET') return sendJson(res, 200, daemon.state);
  if (req.method !== 'POST') return sendJson(res, 405, { detail: 'Method Not Allowed' });
  const parsed = parseJsonBody(await readBody(req));
  const body = parsed.kind === 'json' && isObject(parsed.value) ? parsed.value : {};
  switch (action) {
    case 'scenario': {
      const name = body.name;
      if (!isScenarioName(name)) return sendJson(res, 400, { error: 'unknown_scenario', known: SCENARIOS });
      const slowMs = typeof body.slowMs === 'number' ? body.slowMs : undefined;
      if (name === 'offline' && !viaControlServer) {
        // Closing the port would cut this very response: answer first, then go offline.
        res.once('finish', () => void daemon.setScenario(name, { slowMs }));
        return sendJson(res, 200, { ok: true, scenario: name });
      }
      await daemon.setScenario(name, { slowMs });
      return sendJson(res, 200, { ok: true, scenario: name });
    }
    case 'restart':
      daemon.restart();
      return sendJson(res, 200, { ok: true, tokenRotations: daemon.state.tokenRotations });
    case 'reset':
      await daemon.reset();
      return sendJson(res, 200, { ok: true });
    case 'snapshot':
      daemon.patchSnapshot(body);
      return sendJson(res, 200, { ok: true });
    case 'services':
      daemon.patchServices(body as Record<string, Partial<ServiceRecord> | null>);
      return sendJson(res, 200, { ok: true });
    case 'fault': {
      if (body.name === CLEAR_FAULTS) {
        daemon.faults.clear();
        return sendJson(res, 200, { ok: true, faults: [] });
      }
      if (!isFaultName(body.name)) return sendJson(res, 400, { error: 'unknown_fault' });
      daemon.addFault({
        name: body.name,
        path: typeof body.path === 'string' ? body.path : undefined,
        times: typeof body.times === 'number' ? body.times : undefined,
        persistent: body.persistent === true,
      });
      return sendJson(res, 200, { ok: true, faults: daemon.faults.list() });
    }
    default:
      return sendJson(res, 404, { detail: 'Not Found' });
  }
}
