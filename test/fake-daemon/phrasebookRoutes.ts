// The phrasebook routes of the admin app (contract §3.1–3.5) with their exact bodies and codes.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { pythonRepr, pythonStr } from '../../src/core/phrasebook/pyStr';
import { isObject, parseJsonBody, readBody, sendFastApi422, sendJson, sendPlain500, type ParsedBody } from './httpUtil';
import { matchTestMessage, referencedFields, validateDaemonEntries, wouldCrashDaemon } from './phrasebookRules';
import type { PhrasebookStore } from './phrasebookStore';
import type { PhrasebookEntry } from './seed';

export const PHRASEBOOK_PATH = '/api/phrasebook/slack_dm';
const TEST_PATH = `${PHRASEBOOK_PATH}/test`;
const REVERT_PATH = `${PHRASEBOOK_PATH}/revert`;
const BACKUPS_PATH = `${PHRASEBOOK_PATH}/backups`;

export interface PhrasebookRouteContext {
  store: PhrasebookStore;
  /** The snapshot the daemon would render with, or undefined when it has no fresh one. */
  freshSnapshot(): Record<string, unknown> | undefined;
  /** True when the `write_then_500` fault applies to this write (consumes a one-shot fault). */
  takeWriteThen500(path: string): boolean;
}

type Handler = (req: IncomingMessage, res: ServerResponse, context: PhrasebookRouteContext) => Promise<void> | void;

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  [PHRASEBOOK_PATH]: { GET: handleGet, PUT: handlePut },
  [TEST_PATH]: { POST: handleTest },
  [REVERT_PATH]: { POST: handleRevert },
  [BACKUPS_PATH]: { GET: handleBackups },
};

export function isPhrasebookPath(path: string): boolean {
  return path in ROUTES;
}

export async function handlePhrasebook(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  context: PhrasebookRouteContext,
): Promise<void> {
  const handler = ROUTES[path]?.[req.method ?? 'GET'];
  if (!handler) {
    sendJson(res, 405, { detail: 'Method Not Allowed' });
    return;
  }
  await handler(req, res, context);
}

function entryDto(entry: PhrasebookEntry): Record<string, unknown> {
  const { pattern, category, description, reply_template } = entry;
  return {
    pattern,
    category,
    description,
    reply_template,
    referenced_snapshot_fields: referencedFields(reply_template),
  };
}

function handleGet(_req: IncomingMessage, res: ServerResponse, { store }: PhrasebookRouteContext): void {
  const override = store.hasOverride();
  sendJson(res, 200, {
    // "override" as soon as the file exists, even when it is malformed and the seed is served (§3.1).
    source: override ? 'override' : 'bundled_default',
    source_path: override ? store.overridePath : 'bundled',
    override_candidate_path: store.overridePath,
    entries: store.loadLive().map(entryDto),
  });
}

async function objectBody(
  req: IncomingMessage,
  res: ServerResponse,
  allowEmpty: boolean,
): Promise<Record<string, unknown> | undefined> {
  const parsed: ParsedBody = parseJsonBody(await readBody(req));
  if (parsed.kind === 'empty' && allowEmpty) return {};
  if (parsed.kind === 'json' && isObject(parsed.value)) return parsed.value;
  sendFastApi422(res, parsed);
  return undefined;
}

async function handleTest(req: IncomingMessage, res: ServerResponse, context: PhrasebookRouteContext): Promise<void> {
  const body = await objectBody(req, res, false);
  if (!body) return;
  // `str(payload.get("text", ""))`: any JSON value is stringified the Python way.
  const text = 'text' in body ? pythonStr(body.text) : '';
  const snapshot = context.freshSnapshot();
  const match = matchTestMessage(context.store.loadLive(), text, snapshot);
  if (!match) {
    sendJson(res, 200, { matched: false, would_fall_through_to_reasoning_engine: true });
    return;
  }
  const { entry, renderedReply } = match;
  sendJson(res, 200, {
    matched: true,
    category: entry.category,
    description: entry.description,
    pattern: entry.pattern,
    reply_template: entry.reply_template,
    referenced_snapshot_fields: referencedFields(entry.reply_template),
    rendered_reply: renderedReply,
    would_fall_through_to_reasoning_engine: renderedReply === null,
    snapshot_present: snapshot !== undefined,
  });
}

async function handlePut(req: IncomingMessage, res: ServerResponse, context: PhrasebookRouteContext): Promise<void> {
  const body = await objectBody(req, res, false);
  if (!body) return;
  const payload = 'entries' in body ? body.entries : null;
  const errors = validateDaemonEntries(payload);
  if (wouldCrashDaemon(errors)) {
    // e.g. an OverflowError from re.compile: the daemon does not catch it, nothing is written.
    sendPlain500(res);
    return;
  }
  if (errors.length > 0) {
    sendJson(res, 422, { error: 'validation_failed', errors });
    return;
  }
  // The validator guarantees a list of objects with the four string fields; extra keys are dropped.
  const entries = (payload as Record<string, string>[]).map(({ pattern, category, description, reply_template }) => ({
    pattern,
    category,
    description,
    reply_template,
  }));
  const { store } = context;
  const countBefore = store.loadLive().length;
  const { backupFilename, rotatedCount } = store.write(entries);
  store.appendAudit({
    actor: 'operator',
    action: 'put',
    entry_count_before: countBefore,
    entry_count_after: entries.length,
    backup_filename: backupFilename,
    rotated_backup_count: rotatedCount,
  });
  if (context.takeWriteThen500(PHRASEBOOK_PATH)) {
    sendPlain500(res);
    return;
  }
  sendJson(res, 200, {
    source_path: store.overridePath,
    entry_count: entries.length,
    backup_filename: backupFilename,
    rotated_backup_count: rotatedCount,
    entries: entries.map(entryDto),
  });
}

async function handleRevert(req: IncomingMessage, res: ServerResponse, context: PhrasebookRouteContext): Promise<void> {
  const body = await objectBody(req, res, true);
  if (!body) return;
  // `{}`, no body, a non-string or "" all mean "the most recent backup".
  const filename = typeof body.filename === 'string' && body.filename !== '' ? body.filename : undefined;
  const { store } = context;
  const outcome = store.revert(filename);
  if (outcome.kind === 'invalid_filename') {
    sendJson(res, 400, {
      error: 'invalid_filename',
      detail: `invalid backup filename: ${pythonRepr(outcome.filename)}`,
    });
    return;
  }
  if (outcome.kind === 'not_found') {
    sendJson(res, 404, { error: 'backup_not_found', detail: `backup not found: ${outcome.filename}` });
    return;
  }
  store.appendAudit({
    actor: 'operator',
    action: 'revert',
    entry_count_before: outcome.countBefore,
    entry_count_after: outcome.countAfter,
    reverted_to: outcome.revertedTo,
  });
  if (context.takeWriteThen500(REVERT_PATH)) {
    sendPlain500(res);
    return;
  }
  sendJson(res, 200, { reverted_to: outcome.revertedTo, source_path: outcome.sourcePath });
}

function handleBackups(_req: IncomingMessage, res: ServerResponse, { store }: PhrasebookRouteContext): void {
  sendJson(res, 200, { backups: store.listBackups(), rotation_keep: store.rotationKeep });
}
