// A daemon stand-in that puts terminal-control text in every string it answers, and the checks that
// such text reached the output only visibly escaped. Shared by the CLI and core security suites.
import * as assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENDPOINTS } from '../../../src/core/daemon/client';
import { startDaemonStandIn, type ScriptedServer } from './scriptedServer';

/**
 * OSC title + BEL, CSI erase-screen, a CR that would overwrite the line, a line break that would
 * forge a line of our output, a bidi override and a C1 CSI.
 */
export const HOSTILE = 'x\u001b]0;pwned\u0007\u001b[2J\rOVERWRITE\nFORGED LINE\u202eevil\u009b31m';
export const FORGED_LINE = /^FORGED LINE/m;
/** Raw controls a terminal would act on (a line break of our own output is allowed). */
const RAW_CONTROLS =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function assertNoRawControls(output: string, where: string): void {
  const found = RAW_CONTROLS.exec(output);
  assert.equal(
    found,
    null,
    `${where}: raw U+${found?.[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(output)}`,
  );
  assert.doesNotMatch(output, FORGED_LINE, `${where}: a daemon line break forged a line: ${JSON.stringify(output)}`);
}

/** The daemon text is there, escaped: the operator sees that something odd was sent. */
export function assertShownEscaped(output: string, where: string): void {
  assertNoRawControls(output, where);
  assert.ok(
    output.includes('\\u001b]0;pwned') || output.includes('\\x1b]0;pwned'),
    `${where}: ESC shown escaped in ${JSON.stringify(output)}`,
  );
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const HOSTILE_ENTRY = {
  pattern: '^hi$',
  category: HOSTILE,
  description: HOSTILE,
  reply_template: HOSTILE,
  referenced_snapshot_fields: [],
};

/** Every phrasebook route answers with HOSTILE in each string; writes are refused (422/400). */
export function startHostileDaemon(token: string): Promise<ScriptedServer> {
  return startDaemonStandIn(token, (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === ENDPOINTS.phrasebook && req.method === 'GET')
      return json(res, 200, {
        source: 'override',
        source_path: HOSTILE,
        override_candidate_path: HOSTILE,
        entries: [HOSTILE_ENTRY],
      });
    if (path === ENDPOINTS.phrasebook && req.method === 'PUT')
      return json(res, 422, {
        error: 'validation_failed',
        errors: [{ entry_index: 0, field: HOSTILE, error: HOSTILE }],
      });
    if (path === ENDPOINTS.phrasebookBackups)
      return json(res, 200, {
        backups: [{ filename: HOSTILE, timestamp: HOSTILE, size_bytes: 10, entry_count: 1 }],
        rotation_keep: 3,
      });
    if (path === ENDPOINTS.phrasebookTest) {
      return json(res, 200, {
        ...HOSTILE_ENTRY,
        matched: true,
        rendered_reply: HOSTILE,
        would_fall_through_to_reasoning_engine: false,
        snapshot_present: true,
      });
    }
    if (path === ENDPOINTS.phrasebookRevert) return json(res, 400, { error: HOSTILE, detail: HOSTILE });
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(HOSTILE);
  });
}
