// zod schemas for the daemon's bodies (contract §3, §6). Tolerant by design: objects are loose
// (extra keys kept), fields the UI can live without fall back (`.catch`) when a newer daemon changes
// their type, and only what we cannot do without (e.g. `computed_at`, a service's `name`) makes a
// response `malformed`.

import { z } from 'zod';
import { DaemonError } from './errors';

const UNKNOWN = 'unknown';
const numberOrUnknown = z.union([z.number(), z.literal(UNKNOWN)]);
const nullableNumber = z.number().nullable().catch(null);
const nullableString = z.string().nullable().catch(null);

export const SERVICE_STATUSES = ['healthy', 'degraded', 'unhealthy', 'unknown'] as const;
export const LISTENER_STATUSES = ['up', 'down', 'unknown'] as const;
/** Any status string is kept as sent (issue 9: an unknown value is shown verbatim, not coerced). */
const serviceStatus = z.string();

// ---- /api/snapshot (schema v4, tolerant of v5) -------------------------------------------------

const listenerSchema = z
  .looseObject({
    status: z.string().catch(UNKNOWN),
    /** A timestamp, or the "unknown" placeholder (always, in v4). */
    last_event_at: nullableString,
    consecutive_errors: numberOrUnknown.nullable().catch(null),
  })
  .catch({ status: UNKNOWN, last_event_at: null, consecutive_errors: null });

const daemonHealthSchema = z.looseObject({
  overall_status: serviceStatus.catch(UNKNOWN),
  boot_at: nullableString,
  uptime_seconds: numberOrUnknown.nullable().catch(null),
  listeners: z.record(z.string(), listenerSchema).catch({}),
  recent_error_count_5min: nullableNumber,
});

const snapshotSchema = z.looseObject({
  schema_version: z.number(),
  computed_at: z.string(),
  operational_state: z
    .looseObject({ primary: z.string().catch(UNKNOWN), paused: z.boolean().nullable().catch(null), pause_reason: nullableString })
    .optional()
    .catch(undefined),
  alerts: z
    .looseObject({
      active_count: nullableNumber,
      by_severity: z
        .looseObject({ critical: nullableNumber, warning: nullableNumber, info: nullableNumber })
        .catch({ critical: null, warning: null, info: null }),
      by_category: z.record(z.string(), z.number()).catch({}),
    })
    .optional()
    .catch(undefined),
  cost_ladder: z
    .looseObject({
      current_tier: z.string().catch(UNKNOWN),
      monthly_budget_pct_used: nullableNumber,
      model_default: z.string().catch(UNKNOWN),
      spent_to_date_usd: numberOrUnknown.nullable().catch(null),
      credit_pool_usd: nullableNumber,
    })
    .optional()
    .catch(undefined),
  /** Always "unknown" in v4; numbers in v5. */
  tasks: z
    .looseObject({ open_count: numberOrUnknown.catch(UNKNOWN), in_progress_count: numberOrUnknown.catch(UNKNOWN) })
    .optional()
    .catch(undefined),
  service_health: z.record(z.string(), z.string().catch(UNKNOWN)).catch({}),
  daemon_health: daemonHealthSchema.optional().catch(undefined),
});

const snapshotUnavailableSchema = z.looseObject({ error: z.string(), stale: z.boolean().catch(true) });

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
  status: serviceStatus.catch(UNKNOWN),
  last_check_at: nullableString,
  latency_ms: nullableNumber,
  details: z.record(z.string(), z.unknown()).catch({}),
  error: nullableString,
});

export const heartbeatSchema = z.looseObject({
  services: z.array(heartbeatServiceSchema),
  generated_at: nullableString,
  stub: z.boolean().catch(false),
  cache_warming: z.boolean().catch(false),
});

export type HeartbeatService = z.infer<typeof heartbeatServiceSchema>;
export type HeartbeatResponse = z.infer<typeof heartbeatSchema>;

// ---- Phrasebook (§3.1–3.5) ----------------------------------------------------------------------

export const phrasebookEntryWriteSchema = z.looseObject({
  pattern: z.string(),
  category: z.string(),
  description: z.string(),
  reply_template: z.string(),
});

const phrasebookEntryDtoSchema = phrasebookEntryWriteSchema.extend({
  referenced_snapshot_fields: z.array(z.string()).catch([]),
});

export const phrasebookResponseSchema = z.looseObject({
  /** "override" | "bundled_default" today; kept open so a new source does not break reads. */
  source: z.string(),
  source_path: z.string(),
  override_candidate_path: nullableString,
  entries: z.array(phrasebookEntryDtoSchema),
});

export const phrasebookTestResponseSchema = z.discriminatedUnion('matched', [
  z.looseObject({ matched: z.literal(false), would_fall_through_to_reasoning_engine: z.boolean().catch(true) }),
  z.looseObject({
    matched: z.literal(true),
    category: z.string(),
    description: z.string(),
    pattern: z.string(),
    reply_template: z.string(),
    referenced_snapshot_fields: z.array(z.string()).catch([]),
    rendered_reply: nullableString,
    would_fall_through_to_reasoning_engine: z.boolean(),
    snapshot_present: z.boolean().catch(false),
  }),
]);

export const phrasebookPutResponseSchema = z.looseObject({
  source_path: z.string(),
  entry_count: z.number(),
  backup_filename: z.string().nullable(),
  rotated_backup_count: z.number().catch(0),
  entries: z.array(phrasebookEntryDtoSchema).catch([]),
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
    z.looseObject({ loc: z.array(z.union([z.string(), z.number()])).catch([]), msg: z.string().catch(''), type: z.string().optional() }),
  ),
});

export const phrasebookRevertResponseSchema = z.looseObject({ reverted_to: z.string(), source_path: z.string().nullable() });

/** `{"error": "<code>", "detail": "..."}` bodies of the phrasebook routes (400/404/500). */
export const koraErrorBodySchema = z.looseObject({ error: z.string(), detail: z.string().optional().catch(undefined) });

const backupItemSchema = z.looseObject({
  filename: z.string(),
  timestamp: z.string().catch(''),
  size_bytes: nullableNumber,
  /** null = the backup does not parse as a phrasebook (corrupt). */
  entry_count: nullableNumber,
});

export const phrasebookBackupsResponseSchema = z.looseObject({
  backups: z.array(backupItemSchema),
  rotation_keep: nullableNumber,
});

export type PhrasebookEntryWrite = z.infer<typeof phrasebookEntryWriteSchema>;
export type PhrasebookEntryDto = z.infer<typeof phrasebookEntryDtoSchema>;
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
  result: z
    .looseObject({
      content: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).catch([]),
      isError: z.boolean().optional().catch(undefined),
    })
    .optional(),
  error: z.looseObject({ code: z.number(), message: z.string().catch('') }).optional(),
});

export const coordinatorStatusSchema = z.looseObject({
  state: z.string(),
  uptime_seconds: nullableNumber,
  shutdown_reason: nullableString,
  listeners: z
    .array(z.looseObject({ name: z.string(), started: z.boolean().catch(false), shutdown_timeout_seconds: nullableNumber }))
    .catch([]),
  daemon_session_id: nullableString,
});

export type McpDaemonStatus = z.infer<typeof coordinatorStatusSchema>;

// ---- helpers ------------------------------------------------------------------------------------

const MAX_REPORTED_ISSUES = 5;

/** Validates or throws `malformed` naming the failing paths (never the values). */
export function parseWith<T>(schema: z.ZodType<T>, json: unknown, path: string): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issuePaths = parsed.error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => issue.path.map(String).join('.') || '(root)');
  throw new DaemonError({
    kind: 'malformed',
    detail: `unexpected response shape at ${issuePaths.join(', ')}`,
    path,
    issuePaths,
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
