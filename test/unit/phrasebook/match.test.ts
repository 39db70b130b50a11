// The daemon's matcher and renderer (contract §5.2 and the T-M/T-PBE conformance cases), with
// Python's str() of values and a differential check of first-match selection against CPython.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isFresh,
  matchMessage,
  parseJsonKeepingFloats,
  pythonFloatRepr,
  pythonStr,
  renderReply,
  type MatchableEntry,
} from '../../../src/core/phrasebook';
import { pythonAvailable, runPython } from './python';

const SEED: MatchableEntry[] = [
  { pattern: '^(hey|hi|hello|yo|sup)[\\s!.]*$', category: 'greeting', reply_template: "Hey. What's up?" },
  {
    pattern: '^(thanks|thx|ty|tysm|thank you|appreciate it|appreciate that)[\\s.!]*$',
    category: 'thanks',
    reply_template: 'Anytime.',
  },
  {
    pattern: '^(ack|acknowledged|got it|k|ok|okay|kk|sounds good|cool)[\\s.!]*$',
    category: 'ack',
    reply_template: '👍',
  },
  {
    pattern: "^(burn|cost|spend|how ?much|what'?s? my burn|what'?s? the burn|whats the spend)[\\s.?!]*$",
    category: 'burn_query',
    reply_template:
      '{snapshot.cost_ladder.monthly_budget_pct_used}% of monthly budget used. Tier: {snapshot.cost_ladder.current_tier}.',
  },
  {
    pattern: "^(status|state|how ?are (you|things)|how'?s? it going|whats up|what'?s? up)[\\s.?!]*$",
    category: 'status_query',
    reply_template:
      'Operational state: {snapshot.operational_state.primary}. {snapshot.alerts.active_count} active alert(s).',
  },
  {
    pattern: "^(any alerts|alerts|what'?s? alerting|what'?s? firing|whats firing)[\\s.?!]*$",
    category: 'alert_query',
    reply_template:
      '{snapshot.alerts.active_count} active: {snapshot.alerts.by_severity.critical} crit / {snapshot.alerts.by_severity.warning} warn / {snapshot.alerts.by_severity.info} info.',
  },
  {
    pattern: '^(health|service health|services?|service status)[\\s.?!]*$',
    category: 'health_query',
    reply_template: 'Supabase: {snapshot.service_health.supabase} · Fly: {snapshot.service_health.fly}.',
  },
  {
    pattern: '^(are you paused|paused\\?|you paused\\??|are you stopped|stopped\\??)[\\s.?!]*$',
    category: 'pause_check',
    reply_template: 'Primary state: {snapshot.operational_state.primary}. Paused: {snapshot.operational_state.paused}.',
  },
];

const SNAPSHOT = {
  alerts: { active_count: 2, by_severity: { critical: 0, warning: 1, info: 1 } },
  computed_at: '2026-05-23T10:05:00Z',
  cost_ladder: {
    credit_pool_usd: 200,
    current_tier: 'WARN_75',
    monthly_budget_pct_used: 78.12,
    spent_to_date_usd: 156.24,
  },
  operational_state: { pause_reason: null, paused: false, primary: 'ready' },
  service_health: { fly: 'healthy', supabase: 'healthy' },
  tasks: { open_count: 'unknown' },
};

describe('matching and rendering', () => {
  it('matches case-insensitively at the start of the trimmed message (T-M)', () => {
    for (const text of ['Hey', 'HEY', 'hey', '  hello   '])
      assert.equal(matchMessage(SEED, text, null).category, 'greeting');
    assert.equal(matchMessage(SEED, 'hey can you walk me through the migration plan?', null).matched, false);
  });

  it('does not match empty or non-string messages', () => {
    for (const text of ['', '   ', '\n\t  '])
      assert.equal(matchMessage(SEED, text, SNAPSHOT).fallThroughReason, 'empty-message');
    for (const text of [null, 42]) assert.equal(matchMessage(SEED, text, SNAPSHOT).fallThroughReason, 'not-a-string');
  });

  it('lets the first of two identical patterns win', () => {
    const twice = [SEED[0], { ...SEED[0], category: 'second' }];
    assert.deepEqual(
      [matchMessage(twice, 'hi', null).entryIndex, matchMessage(twice, 'hi', null).category],
      [0, 'greeting'],
    );
  });

  it('renders replies with Python str() of the values', () => {
    assert.equal(matchMessage(SEED, 'hey', SNAPSHOT).renderedReply, "Hey. What's up?");
    assert.equal(matchMessage(SEED, 'alerts', SNAPSHOT).renderedReply, '2 active: 0 crit / 1 warn / 1 info.');
    assert.equal(matchMessage(SEED, 'status', SNAPSHOT).renderedReply, 'Operational state: ready. 2 active alert(s).');
    assert.equal(matchMessage(SEED, 'burn', SNAPSHOT).renderedReply, '78.12% of monthly budget used. Tier: WARN_75.');
    assert.equal(matchMessage(SEED, 'paused?', SNAPSHOT).renderedReply, 'Primary state: ready. Paused: False.');
    assert.equal(
      renderReply('{snapshot.cost_ladder.credit_pool_usd}', SNAPSHOT).reply,
      '200.0',
      'a float-typed path renders like Python',
    );
  });

  it('falls through without a snapshot, or on a missing, null or "unknown" value', () => {
    const noSnapshot = matchMessage(SEED, 'hey', null);
    assert.deepEqual(
      [noSnapshot.matched, noSnapshot.renderedReply, noSnapshot.fallThroughReason],
      [true, null, 'no-snapshot'],
    );
    const unknownTier = matchMessage(SEED, 'burn', {
      ...SNAPSHOT,
      cost_ladder: { ...SNAPSHOT.cost_ladder, current_tier: 'unknown' },
    });
    assert.deepEqual(
      [unknownTier.renderedReply, unknownTier.fallThroughReason, unknownTier.fallThroughPath],
      [null, 'unknown-value', 'cost_ladder.current_tier'],
    );
    assert.equal(renderReply('{snapshot.operational_state.pause_reason}', SNAPSHOT).reason, 'null-value');
    assert.equal(renderReply('{snapshot.nothing.here}', SNAPSHOT).reason, 'missing-value');
    const degraded = { alerts: 'unknown', cost_ladder: {}, operational_state: { primary: 'unknown' } };
    for (const text of ['hey', 'thanks', 'ok']) assert.notEqual(matchMessage(SEED, text, degraded).renderedReply, null);
    for (const text of ['burn', 'status', 'alerts', 'health', 'paused?'])
      assert.equal(matchMessage(SEED, text, degraded).renderedReply, null);
  });

  it('treats a snapshot older than 600 s as absent when given the time', () => {
    const now = new Date('2026-05-23T10:20:00Z');
    assert.equal(matchMessage(SEED, 'status', SNAPSHOT, { now }).fallThroughReason, 'stale-snapshot');
    assert.equal(
      matchMessage(SEED, 'status', SNAPSHOT, { now: new Date('2026-05-23T10:10:00Z') }).renderedReply !== null,
      true,
    );
  });

  it('looks at the first 1,024 characters only', () => {
    assert.equal(matchMessage(SEED, `hey${' '.repeat(1021)}x`, null).category, 'greeting');
    assert.equal(matchMessage(SEED, `hey${' '.repeat(1020)}x`, null).matched, false);
    assert.equal(matchMessage(SEED, 'x'.repeat(100_000), null).matched, false);
  });

  it('formats values like Python str()', () => {
    assert.deepEqual(
      [true, false, null, 3, 78.12, 200].map((v) => pythonStr(v)),
      ['True', 'False', 'None', '3', '78.12', '200'],
    );
    assert.equal(pythonStr({ a: [1, 'x', null] }), "{'a': [1, 'x', None]}");
    const parsed = parseJsonKeepingFloats('{"a": 200.0, "b": 200, "c": "1.5", "d": [1e3, -0.0]}') as Record<
      string,
      unknown
    >;
    assert.deepEqual(
      [pythonStr(parsed.a), pythonStr(parsed.b), pythonStr(parsed.c), pythonStr(parsed.d)],
      ['200.0', '200', '1.5', '[1000.0, -0.0]'],
    );
  });

  it('writes floats exactly like Python repr (CPython)', function () {
    if (!pythonAvailable()) this.skip();
    const floats = [
      ...fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), { numRuns: 2000, seed: 11 }),
      0.1,
      1e16,
      1e15,
      9999999999999998,
      1e-4,
      1e-5,
      123456789.125,
      5e-324,
      1.7976931348623157e308,
      200,
      0.5,
    ].filter((value) => !Object.is(value, -0)); // JSON cannot carry -0 to Python (checked separately above)
    const expected = runPython<string[]>('print(json.dumps([repr(float(x)) for x in data]))', floats);
    floats.forEach((value, index) => assert.equal(pythonFloatRepr(value), expected[index], String(value)));
  });

  it('picks the same first matching entry as CPython re.match on the stripped message', function () {
    if (!pythonAvailable()) this.skip();
    const words = [
      'hey',
      'hi',
      'thanks',
      'ok',
      'burn',
      'status',
      'how are you',
      'alerts',
      'paused?',
      'services',
      'whats up',
      '!',
      '?',
      ' ',
      '\t',
      'x',
      'HEY',
      'Cost',
    ];
    const messages = fc.sample(
      fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((w) => w.join('')),
      { numRuns: 500, seed: 5 },
    );
    const expected = runPython<Array<number | null>>(
      `import re
patterns = [re.compile(p, re.IGNORECASE) for p in data["patterns"]]
def first(m):
    m = m[:1024].strip()
    if not m: return None
    for i, p in enumerate(patterns):
        if p.match(m): return i
    return None
print(json.dumps([first(m) for m in data["messages"]]))`,
      { patterns: SEED.map((e) => e.pattern), messages },
    );
    messages.forEach((message, index) =>
      assert.equal(matchMessage(SEED, message, null).entryIndex, expected[index], JSON.stringify(message)),
    );
  });

  it('counts a snapshot fresh from 0 to 600 s old; any future timestamp (even 30 s) is stale, as on the daemon', () => {
    const now = new Date(Date.UTC(2026, 4, 23, 10, 0, 0));
    const at = (seconds: number) => ({
      computed_at: new Date(now.getTime() - seconds * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
    });
    assert.equal(isFresh(at(0), now), true);
    assert.equal(isFresh(at(600), now), true);
    assert.equal(isFresh(at(601), now), false);
    assert.equal(isFresh(at(-30), now), false);
    assert.equal(isFresh(at(-3600), now), false);
    assert.equal(isFresh({ computed_at: 'unknown' }, now), false);
    assert.equal(
      renderReply('{snapshot.schema_version}', { ...at(-30), schema_version: 4 }, { now }).reason,
      'stale-snapshot',
    );
  });
});

/** Snapshot bodies (as the daemon's json module reads them) and templates of issue #12. */
const RENDER_SNAPSHOTS = [
  '{"computed_at": "x", "schema_version": 9007199254740993, "cost_ladder": {"credit_pool_usd": 200, "monthly_budget_pct_used": 2.0, "spent_to_date_usd": 200.0}}',
  '{"daemon_health": {"overall_status": "Unknown", "uptime_seconds": {"b": 1, "10": [1.5, "x\\u2028", true], "a": null, "b": 2}}}',
  '{"operational_state": {"primary": 42, "paused": "yes", "pause_reason": [NaN, Infinity, -Infinity, 1e16, 1e-5, -0.0]}}',
  '\ufeff{"alerts": {"active_count": -12345678901234567890123, "by_severity": {"critical": 0.1, "warning": "unknown", "info": false}}}',
];
const RENDER_TEMPLATES = [
  '{snapshot.schema_version} {snapshot.cost_ladder.credit_pool_usd} {snapshot.cost_ladder.monthly_budget_pct_used} {snapshot.cost_ladder.spent_to_date_usd}',
  '{snapshot.daemon_health.overall_status}: {snapshot.daemon_health.uptime_seconds}',
  '{snapshot.operational_state.primary} {snapshot.operational_state.paused} {snapshot.operational_state.pause_reason}',
  '{snapshot.alerts.active_count} {snapshot.alerts.by_severity.critical} {snapshot.alerts.by_severity.info}',
  '{snapshot.alerts.by_severity.warning}',
];

describe("rendering: differential test against a CPython restatement of the daemon's renderer", () => {
  it('renders every template over every snapshot exactly as Python str() does (json.loads, walk, str)', function () {
    if (!pythonAvailable()) this.skip();
    const expected = runPython<Array<Array<string | null>>>(
      `import re
PLACEHOLDER = re.compile(r"\\{snapshot\\.([a-zA-Z0-9_.]+)\\}")
def render(template, snapshot):
    values = []
    for m in PLACEHOLDER.finditer(template):
        cur = snapshot
        for seg in m.group(1).split("."):
            if not isinstance(cur, dict) or seg not in cur:
                return None
            cur = cur[seg]
        if cur is None or cur == "unknown":
            return None
        values.append(str(cur))
    it = iter(values)
    return PLACEHOLDER.sub(lambda m: next(it), template)
out = []
for body in data["snapshots"]:
    snap = json.loads(body.encode("utf-8"))
    out.append([render(t, snap) for t in data["templates"]])
print(json.dumps(out))`,
      { snapshots: RENDER_SNAPSHOTS, templates: RENDER_TEMPLATES },
    );
    RENDER_SNAPSHOTS.forEach((body, i) => {
      const snapshot = parseJsonKeepingFloats(body.replace(/^\ufeff/, ''));
      const actual = RENDER_TEMPLATES.map((template) => renderReply(template, snapshot).reply);
      assert.deepEqual(actual, expected[i], body);
    });
    assert.equal(expected[0][0], '9007199254740993 200 2.0 200.0', 'exact big int, int stays int, floats stay floats');
  });
});
