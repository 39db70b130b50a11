import { strict as assert } from 'node:assert';
import { buildHealthTree, orderServices, type HealthNode } from '../../../src/core/tree/daemonTree';
import { COLOR } from '../../../src/core/health/looks';
import type { DaemonState } from '../../../src/core/health/types';
import { TREE_CONTEXT } from '../../../src/vscode/constants';
import { NOW, aDaemon, listener, service } from '../health-view/builders';

function only(nodes: HealthNode[]): HealthNode {
  assert.equal(nodes.length, 1);
  return nodes[0];
}

function child(parent: HealthNode, kind: HealthNode['kind']): HealthNode {
  const found = parent.children.find((node) => node.kind === kind);
  assert.ok(found, `${parent.id} has no ${kind} child (has ${parent.children.map((c) => c.kind).join(', ')})`);
  return found;
}

function allNodes(nodes: readonly HealthNode[]): HealthNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(node.children)]);
}

describe('health tree model', () => {
  describe('a healthy daemon', () => {
    const root = only(buildHealthTree([aDaemon('alpha').build()], NOW));

    it('has a root with overall status and uptime, and a stale marker up front once data is older than its cadence', () => {
      assert.equal(root.label, 'alpha');
      assert.equal(root.description, 'healthy · up 4h 05m');
      const older = only(
        buildHealthTree(
          [
            aDaemon('alpha')
              .with({ lastSuccessAt: NOW - 3 * 60_000, expectedUpdateMs: 300_000 })
              .build(),
          ],
          NOW,
        ),
      );
      assert.equal(older.description, 'healthy · up 4h 05m', 'within the cadence: nothing to say');
      const stale = only(
        buildHealthTree(
          [
            aDaemon('alpha')
              .with({ lastSuccessAt: NOW - 10 * 60_000, expectedUpdateMs: 300_000 })
              .build(),
          ],
          NOW,
        ),
      );
      assert.equal(stale.description, 'healthy · stale, read 10 min ago · up 4h 05m');
      assert.match(stale.tooltip, /Stale/);
      assert.match(root.tooltip, /Last answer/);
      assert.match(root.tooltip, /Daemon publishes.*every 5 min/);
      assert.equal(root.iconId, 'pass-filled');
      assert.equal(root.colorId, COLOR.passed);
      assert.equal(root.contextValue, TREE_CONTEXT.daemon);
      assert.equal(root.collapsible, 'expanded');
    });

    it('lists listeners, services, recent errors, snapshot, alerts and cost, with no state node', () => {
      assert.deepEqual(
        root.children.map((node) => node.kind),
        ['listeners', 'services', 'errors', 'snapshot', 'alerts', 'cost'],
      );
    });

    it('summarises the groups', () => {
      assert.equal(child(root, 'listeners').description, '3 up');
      assert.equal(child(root, 'listeners').collapsible, 'collapsed');
      assert.equal(child(root, 'services').description, '5 healthy');
      assert.equal(child(root, 'errors').description, '0');
      assert.equal(child(root, 'snapshot').description, 'computed 2 min ago');
      assert.equal(child(root, 'alerts').description, 'none active');
      assert.equal(child(root, 'cost').description, 'NORMAL · 12.5% of monthly budget');
    });

    it('gives every node a unique id that is stable across builds', () => {
      const ids = allNodes([root]).map((node) => node.id);
      assert.equal(new Set(ids).size, ids.length);
      const again = allNodes(buildHealthTree([aDaemon('alpha').build()], NOW + 1000)).map((node) => node.id);
      assert.deepEqual(again, ids);
    });
  });

  describe('a degraded daemon', () => {
    const root = only(buildHealthTree([aDaemon('beta').degraded().build()], NOW));

    it('shows the overall status on the root', () => {
      assert.equal(root.iconId, 'warning');
      assert.equal(root.colorId, COLOR.warning);
      assert.match(root.description, /^degraded · up 4h 05m/);
    });

    it('marks listeners up and down, and opens the group when one is down', () => {
      const listeners = child(root, 'listeners');
      assert.equal(listeners.description, '2 up · 1 down');
      assert.equal(listeners.collapsible, 'expanded');
      const down = listeners.children.find((node) => node.label === 'slack_client');
      assert.equal(down?.iconId, 'error');
      assert.equal(down?.colorId, COLOR.error);
      assert.equal(down?.description, 'down');
    });

    it('shows services with status icon, latency description and a tooltip with check, details and error', () => {
      const services = child(root, 'services');
      assert.equal(services.description, '2 healthy · 1 degraded · 1 unhealthy · 1 unknown');
      const [vercel, sentry, , supabase] = services.children;
      assert.deepEqual([vercel.iconId, vercel.colorId, vercel.description], ['question', COLOR.muted, 'unknown']);
      assert.deepEqual(
        [sentry.iconId, sentry.colorId, sentry.description],
        ['warning', COLOR.warning, 'degraded · 230 ms'],
      );
      assert.deepEqual([supabase.iconId, supabase.colorId], ['error', COLOR.error]);
      assert.match(sentry.tooltip, /Last check: 2026\\-05\\-23T10\\:05\\:00Z \\\(5 min ago\\\)/);
      assert.match(sentry.tooltip, /Detail unresolved\\_issues: 12/);
      assert.match(vercel.tooltip, /Error: auth env unset or empty\\: \\'KORA\\_VERCEL\\_API\\_TOKEN\\'/);
    });

    it('colours recent errors, alerts and cost by how bad they are', () => {
      assert.equal(child(root, 'errors').colorId, COLOR.warning);
      assert.equal(child(root, 'alerts').description, '2 active · 2 warning');
      assert.equal(child(root, 'alerts').colorId, COLOR.warning);
      assert.equal(child(root, 'cost').colorId, COLOR.warning);
    });
  });

  it('shows listener error counts and last event only when the daemon knows them', () => {
    const health = aDaemon()
      .with({
        listeners: [
          listener('web'),
          listener('slack_client', 'up', { consecutiveErrors: 3, lastEventAt: '2026-05-23T10:09:30Z', started: false }),
        ],
      })
      .build();
    const listeners = child(only(buildHealthTree([health], NOW)), 'listeners').children;
    assert.equal(listeners[0].description, 'up');
    assert.equal(listeners[1].description, 'up · not started · 3 consecutive errors · last event 30 s ago');
  });

  it('orders services canonically, then extras alphabetically', () => {
    const names = ['zeta', 'fly', 'alpha', 'sentry', 'vercel', 'supabase', 'doppler'];
    assert.deepEqual(
      orderServices(names.map((name) => service(name))).map((s) => s.name),
      ['vercel', 'sentry', 'doppler', 'supabase', 'fly', 'alpha', 'zeta'],
    );
  });

  describe('every state is named, never a blank tree', () => {
    interface Expected {
      label: string;
      description: string | RegExp;
      iconId: string;
      action?: string;
    }
    const expected: Record<Exclude<DaemonState, 'ok'>, Expected> = {
      connecting: { label: 'Connecting…', description: '', iconId: 'loading~spin' },
      offline: { label: 'Offline', description: 'retrying in 12 s', iconId: 'debug-disconnect', action: 'retry' },
      unauthorized: {
        label: 'Token rejected',
        description: 'Set Session Token…',
        iconId: 'lock',
        action: 'setSessionToken',
      },
      no_frontend: {
        label: 'Cockpit not built',
        description: 'set a session token',
        iconId: 'key',
        action: 'setSessionToken',
      },
      warming: { label: 'Probes warming up', description: /first probe cycle/, iconId: 'watch' },
      stale: { label: 'Snapshot stale', description: 'no snapshot available', iconId: 'history', action: 'showLog' },
      endpoint_missing: {
        label: 'Endpoint missing',
        description: 'daemon too old',
        iconId: 'versions',
        action: 'showLog',
      },
      malformed: {
        label: 'Malformed response',
        description: 'see the log',
        iconId: 'bracket-error',
        action: 'showLog',
      },
      insecure_refused: {
        label: 'Insecure URL refused',
        description: /https/,
        iconId: 'shield',
        action: 'configureDaemons',
      },
    };
    for (const [state, want] of Object.entries(expected) as [Exclude<DaemonState, 'ok'>, Expected][]) {
      it(`${state}: a root with a state node saying what to do`, () => {
        const health = aDaemon('beta')
          .inState(state, `the ${state} detail`)
          .with({ nextPollAt: NOW + 12_000 })
          .build();
        const root = only(buildHealthTree([health], NOW));
        assert.ok(root.children.length > 0, 'the daemon has children');
        const stateNode = root.children[0];
        assert.equal(stateNode.kind, 'state');
        assert.equal(stateNode.label, want.label);
        if (typeof want.description === 'string') assert.equal(stateNode.description, want.description);
        else assert.match(stateNode.description, want.description);
        assert.equal(stateNode.iconId, want.iconId);
        assert.equal(stateNode.action, want.action);
        assert.match(stateNode.tooltip, new RegExp(`the ${state.replace('_', '\\\\_')} detail`));
        if (state !== 'warming' && state !== 'stale')
          assert.equal(root.iconId, want.iconId, 'the root shows the state');
      });
    }

    it('offline without a scheduled poll offers a click to retry', () => {
      const health = aDaemon().inState('offline').with({ nextPollAt: null }).build();
      assert.equal(only(buildHealthTree([health], NOW)).children[0].description, 'click to retry');
    });

    it('a stale snapshot says how old it is', () => {
      const health = aDaemon()
        .with({
          state: 'stale',
          snapshotStale: true,
          snapshotComputedAt: '2026-05-23T09:56:00Z',
          snapshotAgeSeconds: 14 * 60,
        })
        .build();
      const root = only(buildHealthTree([health], NOW));
      assert.equal(root.children[0].description, 'computed 14 min ago');
      assert.equal(child(root, 'snapshot').colorId, COLOR.warning);
      assert.match(root.description, /^snapshot stale/);
    });

    it('stale without any snapshot: no snapshot node, and listeners say why they are missing', () => {
      const health = aDaemon()
        .with({
          state: 'stale',
          snapshotStale: true,
          snapshotComputedAt: null,
          snapshotAgeSeconds: null,
          listeners: [],
        })
        .build();
      const root = only(buildHealthTree([health], NOW));
      assert.equal(root.children[0].description, 'no snapshot available');
      assert.equal(
        root.children.some((node) => node.kind === 'snapshot'),
        false,
      );
      assert.equal(child(root, 'listeners').description, 'unknown without a snapshot');
    });

    it('warming keeps the snapshot data and says the services are warming', () => {
      const health = aDaemon().with({ state: 'warming', servicesWarming: true, services: [] }).build();
      const root = only(buildHealthTree([health], NOW));
      assert.equal(root.iconId, 'pass-filled', 'the snapshot still says healthy');
      assert.equal(child(root, 'services').description, 'probes warming up');
      assert.equal(child(root, 'listeners').description, '3 up');
    });

    it('a daemon that could not be read has no empty groups', () => {
      const root = only(buildHealthTree([aDaemon().inState('offline').build()], NOW));
      assert.deepEqual(
        root.children.map((node) => node.kind),
        ['state'],
      );
    });

    it('keeps last known data under a problem state when the model has it', () => {
      const health = aDaemon()
        .with({ state: 'offline', stateDetail: 'connection refused', lastSuccessAt: NOW - 5 * 60_000 })
        .build();
      const root = only(buildHealthTree([health], NOW));
      assert.deepEqual(
        root.children.slice(0, 3).map((node) => node.kind),
        ['state', 'listeners', 'services'],
      );
      assert.equal(root.description, 'offline · read 5 min ago');
    });
  });

  describe('status values we do not know', () => {
    it('are shown as the daemon sent them, with a neutral icon, on the root and on services', () => {
      const health = aDaemon('alpha')
        .with({ overallStatus: 'maintenance', services: [service('github', 'maintenance')] })
        .build();
      const root = only(buildHealthTree([health], NOW));
      assert.match(root.description, /^maintenance/);
      assert.equal(root.iconId, 'circle-outline');
      const github = child(child(root, 'services'), 'service');
      assert.match(github.description, /^maintenance/);
      assert.equal(github.iconId, 'circle-outline');
      assert.equal(github.colorId, COLOR.muted);
    });
  });

  describe('daemon-supplied text', () => {
    const hostile = '[pwn](command:workbench.action.terminal.new) <img src=x> https://evil.example';
    const health = aDaemon(`alpha ${hostile}`)
      .with({
        stateDetail: hostile,
        bootAt: hostile,
        listeners: [listener(hostile)],
        services: [
          service(hostile, 'degraded', { error: hostile, details: { [hostile]: hostile }, lastCheckAt: hostile }),
        ],
      })
      .build();
    const nodes = allNodes(buildHealthTree([health], NOW));

    it('is escaped in every tooltip', () => {
      for (const node of nodes) {
        assert.ok(!node.tooltip.includes(']('), `${node.id}: link syntax survived`);
        assert.ok(!node.tooltip.includes('<'), `${node.id}: HTML survived`);
        assert.ok(!node.tooltip.includes('https://'), `${node.id}: a raw URL survived`);
      }
      const serviceNode = nodes.find((node) => node.kind === 'service');
      assert.match(serviceNode?.tooltip ?? '', /Error: \\\[pwn\\\]\\\(command\\:workbench/);
    });

    it('is a single line in labels and descriptions', () => {
      const multiLine = aDaemon('a\nb')
        .with({ listeners: [listener('x\n# y')] })
        .build();
      for (const node of allNodes(buildHealthTree([multiLine], NOW))) {
        assert.ok(!node.label.includes('\n') && !node.description.includes('\n'), node.id);
      }
    });

    it('cannot collide ids across daemons or paths', () => {
      const a = aDaemon('a/listeners').with({ listeners: [] }).build();
      const b = aDaemon('a')
        .with({ listeners: [listener('x')] })
        .build();
      const ids = allNodes(buildHealthTree([a, b], NOW)).map((node) => node.id);
      assert.equal(new Set(ids).size, ids.length);
    });
  });
});
