// The change events a view receives: a fake view over HealthTreeState, no VS Code needed.
import { strict as assert } from 'node:assert';
import { buildHealthTree } from '../../../src/core/tree/daemonTree';
import { HealthTreeState, planRefresh, type RefreshPlan } from '../../../src/core/tree/treeState';
import type { DaemonHealth } from '../../../src/core/health/types';
import { NOW, aDaemon, listener, service } from '../health-view/builders';

/** Feeds builds into a tree state the way the VS Code provider does, recording each plan. */
class FakeView {
  readonly state = new HealthTreeState();
  readonly plans: RefreshPlan[] = [];

  show(daemons: DaemonHealth[], now = NOW): RefreshPlan {
    const plan = this.state.replace(buildHealthTree(daemons, now));
    this.plans.push(plan);
    return plan;
  }
}

const ids = (plan: RefreshPlan) => (plan.kind === 'nodes' ? plan.ids : plan.kind);

describe('health tree refresh planning', () => {
  it('refreshes everything on the first build and nothing when a poll changed nothing', () => {
    const view = new FakeView();
    assert.equal(view.show([aDaemon('alpha').build()]).kind, 'all');
    assert.equal(view.show([aDaemon('alpha').build()]).kind, 'none');
  });

  it('refreshes only the service whose latency changed', () => {
    const view = new FakeView();
    view.show([aDaemon('alpha').build()]);
    const services = aDaemon('alpha')
      .build()
      .services.map((s) => (s.name === 'fly' ? { ...s, latencyMs: 999 } : s));
    assert.deepEqual(ids(view.show([aDaemon('alpha').with({ services }).build()])), ['alpha/services/fly']);
  });

  it('refreshes the group (and with it the child) when a status change alters its summary', () => {
    const view = new FakeView();
    view.show([aDaemon('alpha').build(), aDaemon('beta').build()]);
    const services = aDaemon('beta')
      .build()
      .services.map((s) => (s.name === 'sentry' ? service('sentry', 'degraded') : s));
    assert.deepEqual(ids(view.show([aDaemon('alpha').build(), aDaemon('beta').with({ services }).build()])), [
      'beta/services',
    ]);
  });

  it('refreshes the parent when a child appears, and never one of its descendants as well', () => {
    const view = new FakeView();
    view.show([aDaemon('alpha').build()]);
    const more = aDaemon('alpha')
      .with({ listeners: [...aDaemon().build().listeners, listener('snapshot')] })
      .build();
    assert.deepEqual(ids(view.show([more])), ['alpha/listeners']);
  });

  it('refreshes the whole daemon when its state changes, and the whole tree when daemons change', () => {
    const view = new FakeView();
    view.show([aDaemon('alpha').build(), aDaemon('beta').build()]);
    assert.deepEqual(ids(view.show([aDaemon('alpha').build(), aDaemon('beta').inState('offline').build()])), ['beta']);
    assert.equal(view.show([aDaemon('alpha').build()]).kind, 'all');
  });

  it('refreshes only the countdown of an offline daemon as time passes', () => {
    const view = new FakeView();
    const offline = aDaemon('beta')
      .inState('offline')
      .with({ nextPollAt: NOW + 30_000 })
      .build();
    view.show([aDaemon('alpha').build(), offline], NOW);
    assert.deepEqual(ids(view.show([aDaemon('alpha').build(), offline], NOW + 1000)), ['beta/state']);
    assert.equal(view.state.get('beta/state')?.description, 'retrying in 29 s');
  });

  it('keeps root freshness wording steady within a minute, so ticks do not refresh roots', () => {
    const view = new FakeView();
    view.show([aDaemon('alpha').build()], NOW);
    assert.equal(view.show([aDaemon('alpha').build()], NOW + 20_000).kind, 'none');
  });

  it('indexes nodes by id for the view', () => {
    const view = new FakeView();
    view.show([aDaemon('alpha').build()]);
    assert.deepEqual(
      view.state.roots.map((root) => root.id),
      ['alpha'],
    );
    assert.equal(view.state.children('alpha/services').length, 5);
    assert.equal(view.state.get('alpha/services/sentry')?.label, 'sentry');
    assert.deepEqual(view.state.children('nope'), []);
    assert.equal(view.state.parentId('alpha/services/sentry'), 'alpha/services');
    assert.equal(view.state.parentId('alpha'), undefined);
  });

  it('plans from the previous build even when ids are reused in another place', () => {
    const before = buildHealthTree([aDaemon('alpha').build()], NOW);
    const after = buildHealthTree([aDaemon('alpha').with({ listeners: [] }).build()], NOW);
    assert.deepEqual(ids(planRefresh(before, after)), ['alpha/listeners']);
  });
});
