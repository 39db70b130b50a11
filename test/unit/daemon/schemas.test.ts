import * as assert from 'node:assert/strict';
import { DaemonError } from '../../../src/core/daemon/errors';
import {
  coordinatorStatusSchema,
  heartbeatSchema,
  parseSnapshotBody,
  parseWith,
  phrasebookBackupsResponseSchema,
  phrasebookTestResponseSchema,
} from '../../../src/core/daemon/schemas';
import { normalizeValidationBody } from '../../../src/core/daemon/validationBody';

/** The v4 example of contract §6, verbatim. */
const CONTRACT_SNAPSHOT = {
  alerts: { active_count: 1, by_category: { cost_ladder: 1 }, by_severity: { critical: 0, info: 0, warning: 1 } },
  computed_at: '2026-05-23T10:05:00Z',
  cost_ladder: {
    credit_pool_usd: 200.0,
    current_tier: 'WARN_75',
    model_default: 'claude-haiku-4-5-20251001',
    monthly_budget_pct_used: 78.12,
    spent_to_date_usd: 156.24,
  },
  cost_telemetry: { monthly: {}, rolling_24h: {} },
  daemon_health: {
    boot_at: '2026-05-23T06:00:00Z',
    listeners: {
      heartbeat: { consecutive_errors: 'unknown', last_event_at: 'unknown', status: 'up' },
      web: { consecutive_errors: 'unknown', last_event_at: 'unknown', status: 'up' },
    },
    overall_status: 'healthy',
    recent_error_count_5min: 0,
    uptime_seconds: 14700.3,
  },
  operational_state: { pause_reason: null, paused: false, primary: 'ready' },
  schema_version: 4,
  service_health: { doppler: 'healthy', fly: 'healthy', sentry: 'degraded', supabase: 'healthy', vercel: 'unknown' },
  tasks: { in_progress_count: 'unknown', open_count: 'unknown' },
};

function malformedPaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DaemonError);
    assert.equal(error.kind, 'malformed');
    return error.issuePaths ?? [];
  }
  assert.fail('expected a malformed error');
}

describe('daemon schemas (zod, tolerant)', () => {
  it('reads the contract’s v4 snapshot with its "unknown" sentinels', () => {
    const result = parseSnapshotBody(CONTRACT_SNAPSHOT, '/api/snapshot');
    assert.equal(result.kind, 'snapshot');
    if (result.kind !== 'snapshot') return;
    assert.equal(result.snapshot.daemon_health?.listeners.web.consecutive_errors, 'unknown');
    assert.equal(result.snapshot.tasks?.open_count, 'unknown');
    assert.equal(result.snapshot.cost_ladder?.spent_to_date_usd, 156.24);
  });

  it('branches on "error" for the no_snapshot body', () => {
    assert.deepEqual(parseSnapshotBody({ error: 'no_snapshot', stale: true }, '/s'), {
      kind: 'unavailable',
      error: 'no_snapshot',
      stale: true,
    });
  });

  it('tolerates v5: numeric tasks, extra fields, changed types degrade field by field', () => {
    // A v5 body is off our types on purpose: build it as plain JSON objects.
    type Json = Record<string, unknown>;
    const drifted = structuredClone(CONTRACT_SNAPSHOT) as unknown as Json;
    const listeners = (drifted.daemon_health as Json).listeners as Json;
    drifted.schema_version = 5;
    drifted.tasks = { open_count: 7, in_progress_count: 2 };
    drifted.region = 'iad';
    (drifted.cost_ladder as Json).monthly_budget_pct_used = '78%';
    listeners.web = { status: 'restarting', consecutive_errors: 3, last_event_at: '2026-05-23T10:04:00Z' };
    listeners.mcp = 'up';
    (drifted.daemon_health as Json).overall_status = 'green';
    drifted.alerts = ['not', 'an', 'object'];
    const result = parseSnapshotBody(drifted, '/api/snapshot');
    assert.equal(result.kind, 'snapshot');
    if (result.kind !== 'snapshot') return;
    const { snapshot } = result;
    assert.equal(snapshot.tasks?.open_count, 7);
    assert.equal(snapshot.cost_ladder?.monthly_budget_pct_used, null);
    // Status words we do not know are kept as sent (shown verbatim); only a missing shape degrades.
    assert.deepEqual(snapshot.daemon_health?.listeners.web, {
      status: 'restarting',
      consecutive_errors: 3,
      last_event_at: '2026-05-23T10:04:00Z',
    });
    assert.equal(snapshot.daemon_health?.listeners.mcp.status, 'unknown');
    assert.equal(snapshot.daemon_health?.overall_status, 'green');
    assert.equal(snapshot.alerts, undefined);
    assert.equal((snapshot as Record<string, unknown>).region, 'iad', 'extra fields are kept');
  });

  it('calls a snapshot without computed_at malformed, naming the path only', () => {
    const { computed_at: _omitted, ...withoutTime } = CONTRACT_SNAPSHOT;
    assert.deepEqual(
      malformedPaths(() => parseSnapshotBody(withoutTime, '/api/snapshot')),
      ['computed_at'],
    );
    assert.deepEqual(
      malformedPaths(() => parseSnapshotBody([1, 2], '/api/snapshot')),
      ['(root)'],
    );
  });

  it('reads the heartbeat, including the warming branch and unknown statuses', () => {
    const warming = parseWith(
      heartbeatSchema,
      { services: [], generated_at: '2026-05-23T10:06:12Z', stub: false, cache_warming: true },
      '/hb',
    );
    assert.equal(warming.cache_warming, true);
    const body = parseWith(
      heartbeatSchema,
      {
        services: [
          {
            name: 'vercel',
            status: 'paused',
            last_check_at: null,
            latency_ms: 'fast',
            details: { a: 'unknown' },
            error: null,
            extra: 1,
          },
        ],
        generated_at: '2026-05-23T10:06:12Z',
        stub: false,
        cache_warming: false,
      },
      '/hb',
    );
    assert.deepEqual(
      { status: body.services[0].status, latency: body.services[0].latency_ms, details: body.services[0].details },
      { status: 'paused', latency: null, details: { a: 'unknown' } },
    );
    assert.deepEqual(
      malformedPaths(() => parseWith(heartbeatSchema, { services: 'none' }, '/hb')),
      ['services'],
    );
  });

  it('normalizes both 422 shapes into one error list', () => {
    const kora = normalizeValidationBody(
      {
        error: 'validation_failed',
        errors: [
          {
            entry_index: 0,
            field: 'pattern',
            error: 'invalid regex: missing ), unterminated subpattern at position 0',
          },
        ],
      },
      '',
    );
    assert.equal(kora.shape, 'validation_failed');
    assert.deepEqual(kora.errors, [
      { entry_index: 0, field: 'pattern', error: 'invalid regex: missing ), unterminated subpattern at position 0' },
    ]);

    const fastApi = normalizeValidationBody(
      {
        detail: [
          { type: 'dict_type', loc: ['body'], msg: 'Input should be a valid dictionary', input: [] },
          { type: 'string_type', loc: ['body', 'entries', 3, 'pattern'], msg: 'Input should be a valid string' },
        ],
      },
      '',
    );
    assert.equal(fastApi.shape, 'fastapi_detail');
    assert.deepEqual(fastApi.errors, [
      { entry_index: -1, field: '_root', error: 'Input should be a valid dictionary' },
      { entry_index: 3, field: 'pattern', error: 'Input should be a valid string' },
    ]);

    const odd = normalizeValidationBody(undefined, 'Unprocessable');
    assert.deepEqual(odd, {
      shape: 'unrecognized',
      errors: [{ entry_index: -1, field: '_root', error: 'Unprocessable' }],
      body: undefined,
    });
  });

  it('reads the /test union, backups with corrupt entries, and the MCP coordinator status', () => {
    assert.equal(
      parseWith(phrasebookTestResponseSchema, { matched: false, would_fall_through_to_reasoning_engine: true }, '/t')
        .matched,
      false,
    );
    const backups = parseWith(
      phrasebookBackupsResponseSchema,
      {
        backups: [
          {
            filename: 'slack_dm.2026-01-01T00-00-00Z.yml',
            timestamp: '2026-01-01T00-00-00Z',
            size_bytes: 120,
            entry_count: null,
          },
        ],
        rotation_keep: 10,
      },
      '/b',
    );
    assert.equal(backups.backups[0].entry_count, null);
    const status = parseWith(
      coordinatorStatusSchema,
      {
        daemon_session_id: '9f1c',
        listeners: [{ name: 'web', shutdown_timeout_seconds: 10.0, started: true }],
        shutdown_reason: null,
        state: 'running',
        uptime_seconds: 14400.2,
      },
      '/mcp',
    );
    assert.equal(status.listeners[0].started, true);
  });
});
