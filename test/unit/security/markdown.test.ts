// Security checks, unit layer: daemon-supplied strings (service names, errors and details, listener
// names and times, cost tier, an error body quoted in the state detail, backup file names, the
// override path) cannot put a link, a command link or HTML into the Markdown of the health tree,
// the status bar or the phrasebook section. The hostile strings go through the real path: fake
// daemon → KoraClient (schemas) → health model → tree model.
import * as assert from 'node:assert/strict';
import { KoraClient } from '../../../src/core/daemon/client';
import { DaemonError } from '../../../src/core/daemon/errors';
import { buildHealth } from '../../../src/core/health/model';
import { readHealthOnce } from '../../../src/core/health/readOnce';
import { summarizeStatus } from '../../../src/core/health/summary';
import { buildHealthTree, type HealthNode } from '../../../src/core/tree/daemonTree';
import type { DaemonHealth } from '../../../src/core/health/types';
import { buildPhrasebookSection } from '../../../src/core/tree/phrasebookNodes';
import { startFakeDaemon, type FakeDaemon } from '../../fake-daemon/server';
import { assertInertMarkdown, HOSTILE_STRINGS, markdownProblems } from './inertMarkdown';

function allNodes(nodes: readonly HealthNode[]): HealthNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(node.children)]);
}

function assertTooltipsInert(nodes: readonly HealthNode[], where: string): void {
  for (const node of allNodes(nodes)) assertInertMarkdown(node.tooltip, `${where}: tooltip of ${node.id}`);
}

/** Tooltips inert, and labels and descriptions one plain line (no line break, no bidi override). */
function assertTreeInert(nodes: readonly HealthNode[], where: string): void {
  assertTooltipsInert(nodes, where);
  for (const node of allNodes(nodes)) {
    assert.doesNotMatch(
      `${node.label}${node.description}`,
      /[\r\n\u202a-\u202e\u2066-\u2069]/,
      `${where}: one plain line for ${node.id}`,
    );
  }
}

/** Daemon data with a hostile string in every field the tree shows. */
function hostilePatches(hostile: string, index: number) {
  const services = {
    sentry: { status: 'degraded', error: hostile, details: { [hostile]: hostile, note: hostile } },
    [`extra-${index}-${hostile}`]: { status: 'unhealthy', latency_ms: 12, error: hostile, details: { why: hostile } },
  };
  const snapshot = {
    daemon_health: {
      boot_at: hostile,
      listeners: { [hostile]: { status: 'down', consecutive_errors: 3, last_event_at: hostile } },
    },
    cost_ladder: { current_tier: hostile },
    operational_state: { primary: hostile },
  };
  return { services, snapshot };
}

describe('security (unit): daemon text cannot inject Markdown, links or HTML', () => {
  it('the checker itself flags every hostile string when left raw', () => {
    // Guards the guard: if the checker missed these, the tests below would prove nothing.
    const missed = HOSTILE_STRINGS.filter(
      (hostile) =>
        !hostile.includes('#') &&
        !hostile.includes('&') &&
        !hostile.includes('$(') &&
        markdownProblems(hostile).length === 0,
    );
    assert.deepEqual(missed, []);
  });

  describe('health tree and status bar, from a daemon sending hostile data', () => {
    let daemon: FakeDaemon;
    let client: KoraClient;

    beforeEach(async () => {
      daemon = await startFakeDaemon();
      client = new KoraClient({ name: 'hostile', url: daemon.url });
    });

    afterEach(async () => {
      await client.dispose();
      await daemon.close();
    });

    HOSTILE_STRINGS.forEach((hostile, index) => {
      it(`renders ${JSON.stringify(hostile)} inert everywhere`, async () => {
        const { services, snapshot } = hostilePatches(hostile, index);
        daemon.patchServices(services);
        daemon.patchSnapshot(snapshot);
        const health = await readHealthOnce(client);
        assert.equal(health.state, 'ok', health.stateDetail);
        assert.ok(
          health.services.some((service) => service.error === hostile),
          'the hostile error reached the model unchanged',
        );
        assert.ok(
          health.listeners.some((listener) => listener.name === hostile),
          'the hostile listener name reached the model',
        );
        const tree = buildHealthTree([health], Date.now());
        assertTreeInert(tree, 'health tree');
        assertInertMarkdown(summarizeStatus([health]).tooltip, 'status bar tooltip');
      });
    });
  });

  it('quotes a hostile error body in the state detail inertly', () => {
    const now = Date.now();
    for (const hostile of HOSTILE_STRINGS) {
      const error = new DaemonError({
        kind: 'http_status',
        detail: `unexpected HTTP 502: ${hostile}`,
        path: '/api/snapshot',
        status: 502,
        bodyExcerpt: hostile,
      });
      const health: DaemonHealth = buildHealth(
        {
          daemon: { name: 'proxy', url: 'http://127.0.0.1:9119' },
          snapshot: { ok: false, error, at: now },
          heartbeat: { ok: false, error, at: now },
        },
        now,
      );
      assert.equal(health.state, 'malformed');
      assertTreeInert(buildHealthTree([health], now), `state detail ${JSON.stringify(hostile)}`);
    }
  });

  it('renders hostile backup names, override paths and read errors in the Phrasebook section inertly', () => {
    const now = new Date();
    for (const hostile of HOSTILE_STRINGS) {
      const live = { source: 'override', source_path: hostile, override_candidate_path: hostile, entryCount: 3 };
      const backups = {
        backups: [
          { filename: hostile, timestamp: now.toISOString(), size_bytes: 10, entry_count: 2 },
          { filename: `${hostile}-corrupt`, timestamp: hostile, size_bytes: null, entry_count: null },
        ],
        rotation_keep: 5,
      };
      const section = buildPhrasebookSection({
        daemonName: 'alpha',
        data: { live, backups, error: hostile, loading: false },
        backupsWithHistory: new Set([hostile]),
        now,
      });
      const unreadable = buildPhrasebookSection({
        daemonName: 'alpha',
        data: { error: hostile, loading: false },
        backupsWithHistory: new Set(),
        now,
      });
      assertTooltipsInert([section, unreadable], `phrasebook section ${JSON.stringify(hostile)}`);
    }
  });
});
