// zod schemas for the daemon's bodies (contract §3, §6). Tolerant by design: objects are loose
// (extra keys kept), fields the UI can live without fall back (`z.catch`) when a newer daemon
// changes their type, and only what we cannot do without (e.g. `computed_at`, a service's `name`)
// makes a response `malformed`. `zod/mini` (functional API, ~30 KB bundled) instead of classic
// zod (~100–450 KB): same parser and the same tolerance, a fraction of the extension's bundle.

import * as z from 'zod/mini';
import { DaemonError } from './errors';

const UNKNOWN = 'unknown';
const numberOrUnknown = z.union([z.number(), z.literal(UNKNOWN)]);
const nullableNumber = z.catch(z.nullable(z.number()), null);
const nullableString = z.catch(z.nullable(z.string()), null);
const nullableNumberOrUnknown = z.catch(z.nullable(numberOrUnknown), null);
const stringOrUnknown = z.catch(z.string(), UNKNOWN);
const stringList = z.catch(z.array(z.string()), []);

/** An optional part of a body that is dropped, not fatal, when a newer daemon changes its shape. */
function optionalPart<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

/** Any status string is kept as sent (an unknown value is shown verbatim, not coerced). */
const serviceStatus = z.catch(z.string(), UNKNOWN);

// ---- /api/snapshot (schema v4, tolerant of v5) -------------------------------------------------

const listenerSchema = z.catch(
  z.looseObject({
    status: z.catch(z.string(), UNKNOWN),
    /** A timestamp, or the "unknown" placeholder (always, in v4). */
    last_event_at: nullableString,
    consecutive_errors: nullableNumberOrUnknown,
  }),
  { status: UNKNOWN, last_event_at: null, consecutive_errors: null },
);

const daemonHealthSchema = z.looseObject({
  overall_status: serviceStatus,
  boot_at: nullableString,
  uptime_seconds: nullableNumberOrUnknown,
  listeners: z.catch(z.record(z.string(), listenerSchema), {}),
  recent_error_count_5min: nullableNumber,
});

const snapshotSchema = z.looseObject({
  schema_version: z.number(),
  computed_at: z.string(),
  operational_state: optionalPart(
    z.looseObject({
      primary: stringOrUnknown,
      paused: z.catch(z.nullable(z.boolean()), null),
      pause_reason: nullableString,
    }),
  ),
  alerts: optionalPart(
    z.looseObject({
      active_count: nullableNumber,
      by_severity: z.catch(z.looseObject({ critical: nullableNumber, warning: nullableNumber, info: nullableNumber }), {
        critical: null,
        warning: null,
        info: null,
      }),
      by_category: z.catch(z.record(z.string(), z.number()), {}),
    }),
  ),
  cost_ladder: optionalPart(
    z.looseObject({
      current_tier: stringOrUnknown,
      monthly_budget_pct_used: nullableNumber,
      model_default: stringOrUnknown,
      spent_to_date_usd: nullableNumberOrUnknown,
      credit_pool_usd: nullableNumber,
    }),
  ),
  /** Always "unknown" in v4; numbers in v5. */
  tasks: optionalPart(
    z.looseObject({
      open_count: z.catch(numberOrUnknown, UNKNOWN),
      in_progress_count: z.catch(numberOrUnknown, UNKNOWN),
    }),
  ),
  service_health: z.catch(z.record(z.string(), stringOrUnknown), {}),
  daemon_health: optionalPart(daemonHealthSchema),
});

const snapshotUnavailableSchema = z.looseObject({ error: z.string(), stale: z.catch(z.boolean(), true) });

export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotListener = z.infer<typeof listenerSchema>;

/** `/api/snapshot` answers either the snapshot or `{"error":"no_snapshot","stale":true}` (both 200). */
export type SnapshotResult =
  /** `pythonValues`: the body as Python's json reads it (float-ness, big ints, values off the schema), for rendering. */
  | { kind: 'snapshot'; snapshot: Snapshot; pythonValues?: unknown }
  | { kind: 'unavailable'; error: string; stale: boolean };

export function parseSnapshotBody(json: unknown, path: string): SnapshotResult {
  // The contract says to branch on the presence of `error`.
  if (isRecord(json) && 'error' in json) {
    const unavailable = parseWith(snapshotUnavailableSchema, json, path);
    return { kind: 'unavailable', error: unavailable.error, stale: unavailable.stale };
  }
  return { kind: 'snapshot', snapshot: parseWith(snapshotSchema, json, path) };
}

// ---- /api/heartbeat/services --------------------------------------------------------------------

const heartbeatServiceSchema = z.looseObject({
  name: z.string(),
  status: serviceStatus,
  last_check_at: nullableString,
  latency_ms: nullableNumber,
  details: z.catch(z.record(z.string(), z.unknown()), {}),
  error: nullableString,
});

export const heartbeatSchema = z.looseObject({
  services: z.array(heartbeatServiceSchema),
  generated_at: nullableString,
  stub: z.catch(z.boolean(), false),
  cache_warming: z.catch(z.boolean(), false),
});

export type HeartbeatResponse = z.infer<typeof heartbeatSchema>;

// ---- Phrasebook (§3.1–3.5) ----------------------------------------------------------------------

const phrasebookEntryWriteSchema = z.looseObject({
  pattern: z.string(),
  category: z.string(),
  description: z.string(),
  reply_template: z.string(),
});

const phrasebookEntryDtoSchema = z.extend(phrasebookEntryWriteSchema, {
  referenced_snapshot_fields: stringList,
});

/** The `source` values of GET /api/phrasebook the daemon sends today. */
export const LIVE_SOURCE = { override: 'override', bundledDefault: 'bundled_default' } as const;

export const phrasebookResponseSchema = z.looseObject({
  /** One of LIVE_SOURCE today; kept open so a new source does not break reads. */
  source: z.string(),
  source_path: z.string(),
  override_candidate_path: nullableString,
  entries: z.array(phrasebookEntryDtoSchema),
});

export const phrasebookTestResponseSchema = z.discriminatedUnion('matched', [
  z.looseObject({ matched: z.literal(false), would_fall_through_to_reasoning_engine: z.catch(z.boolean(), true) }),
  z.looseObject({
    matched: z.literal(true),
    category: z.string(),
    description: z.string(),
    pattern: z.string(),
    reply_template: z.string(),
    referenced_snapshot_fields: stringList,
    rendered_reply: nullableString,
    would_fall_through_to_reasoning_engine: z.boolean(),
    snapshot_present: z.catch(z.boolean(), false),
  }),
]);

export const phrasebookPutResponseSchema = z.looseObject({
  source_path: z.string(),
  entry_count: z.number(),
  backup_filename: z.nullable(z.string()),
  rotated_backup_count: z.catch(z.number(), 0),
  entries: z.catch(z.array(phrasebookEntryDtoSchema), []),
});

const validationErrorSchema = z.looseObject({ entry_index: z.number(), field: z.string(), error: z.string() });

/** The Kora validator's 422 body. */
export const validationFailedBodySchema = z.looseObject({
  error: z.literal('validation_failed'),
  errors: z.array(validationErrorSchema),
});

/** FastAPI's own 422 body (request body not a JSON object). */
export const fastApiValidationBodySchema = z.looseObject({
  detail: z.array(
    z.looseObject({
      loc: z.catch(z.array(z.union([z.string(), z.number()])), []),
      msg: z.catch(z.string(), ''),
      type: z.optional(z.string()),
    }),
  ),
});

export const phrasebookRevertResponseSchema = z.looseObject({
  reverted_to: z.string(),
  source_path: z.nullable(z.string()),
});

/** `{"error": "<code>", "detail": "..."}` bodies of the phrasebook routes (400/404/500). */
export const koraErrorBodySchema = z.looseObject({ error: z.string(), detail: optionalPart(z.string()) });

const backupItemSchema = z.looseObject({
  filename: z.string(),
  timestamp: z.catch(z.string(), ''),
  size_bytes: nullableNumber,
  /** null = the backup does not parse as a phrasebook (corrupt). */
  entry_count: nullableNumber,
});

export const phrasebookBackupsResponseSchema = z.looseObject({
  backups: z.array(backupItemSchema),
  rotation_keep: nullableNumber,
});

export type PhrasebookEntryWrite = z.infer<typeof phrasebookEntryWriteSchema>;
export type PhrasebookResponse = z.infer<typeof phrasebookResponseSchema>;
export type PhrasebookTestResponse = z.infer<typeof phrasebookTestResponseSchema>;
export type PhrasebookPutResponse = z.infer<typeof phrasebookPutResponseSchema>;
export type PhrasebookValidationError = z.infer<typeof validationErrorSchema>;
export type PhrasebookRevertResponse = z.infer<typeof phrasebookRevertResponseSchema>;
export type KoraErrorBody = z.infer<typeof koraErrorBodySchema>;
export type PhrasebookBackupItem = z.infer<typeof backupItemSchema>;
export type PhrasebookBackupsResponse = z.infer<typeof phrasebookBackupsResponseSchema>;

// ---- MCP `kora__daemon_status` (§3.10) ----------------------------------------------------------

export const jsonRpcResponseSchema = z.looseObject({
  result: z.optional(
    z.looseObject({
      content: z.catch(z.array(z.looseObject({ type: z.string(), text: z.optional(z.string()) })), []),
      isError: optionalPart(z.boolean()),
    }),
  ),
  error: z.optional(z.looseObject({ code: z.number(), message: z.catch(z.string(), '') })),
});

export const coordinatorStatusSchema = z.looseObject({
  state: z.string(),
  uptime_seconds: nullableNumber,
  shutdown_reason: nullableString,
  listeners: z.catch(
    z.array(
      z.looseObject({
        name: z.string(),
        started: z.catch(z.boolean(), false),
        shutdown_timeout_seconds: nullableNumber,
      }),
    ),
    [],
  ),
  daemon_session_id: nullableString,
});

export type McpDaemonStatus = z.infer<typeof coordinatorStatusSchema>;

// ---- helpers ------------------------------------------------------------------------------------

const MAX_REPORTED_ISSUES = 5;

/** Validates or throws `malformed` naming the failing paths (never the values). */
export function parseWith<T>(schema: z.ZodMiniType<T>, json: unknown, path: string): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issuePaths = parsed.error.issues
    .slice(0, MAX_REPORTED_ISSUES)
    .map((issue) => issue.path.map(String).join('.') || '(root)');
  throw new DaemonError({
    kind: 'malformed',
    detail: `unexpected response shape at ${issuePaths.join(', ')}`,
    path,
    issuePaths,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
