import { strict as assert } from 'node:assert';
import { UNHEALTHY_NOTIFY_WINDOW_MS, UnhealthyTransitions } from '../../../src/core/health/transitions';
import { NOW, aDaemon } from './builders';

const healthy = () => aDaemon('beta').build();
const offline = () => aDaemon('beta').inState('offline').build();
const unhealthy = () => aDaemon('beta').with({ overallStatus: 'unhealthy' }).build();
const names = (list: { daemon: { name: string } }[]) => list.map((health) => health.daemon.name);

describe('unhealthy transitions (opt-in notification)', () => {
  it('announces a transition from healthy to unhealthy or offline', () => {
    const transitions = new UnhealthyTransitions();
    assert.deepEqual(transitions.observe([healthy()], NOW), []);
    assert.deepEqual(names(transitions.observe([unhealthy()], NOW + 1000)), ['beta']);
    const other = new UnhealthyTransitions();
    other.observe([healthy()], NOW);
    assert.deepEqual(names(other.observe([offline()], NOW + 1000)), ['beta']);
  });

  it('does not announce what was already wrong at the first reading, nor a degraded daemon', () => {
    const transitions = new UnhealthyTransitions();
    assert.deepEqual(transitions.observe([aDaemon('beta').inState('connecting').build()], NOW), []);
    assert.deepEqual(transitions.observe([offline()], NOW + 1000), []);
    const degraded = new UnhealthyTransitions();
    degraded.observe([healthy()], NOW);
    assert.deepEqual(degraded.observe([aDaemon('beta').degraded().build()], NOW + 1000), []);
  });

  it('announces a daemon at most once per 15 minutes, however often it flaps', () => {
    const transitions = new UnhealthyTransitions();
    transitions.observe([healthy()], NOW);
    assert.equal(transitions.observe([offline()], NOW + 1000).length, 1);
    transitions.observe([healthy()], NOW + 2000);
    assert.equal(transitions.observe([offline()], NOW + 3000).length, 0, 'inside the window');
    transitions.observe([healthy()], NOW + UNHEALTHY_NOTIFY_WINDOW_MS);
    assert.equal(transitions.observe([offline()], NOW + 1000 + UNHEALTHY_NOTIFY_WINDOW_MS).length, 1, 'window over');
  });

  it('does not repeat while a daemon stays unhealthy', () => {
    const transitions = new UnhealthyTransitions();
    transitions.observe([healthy()], NOW);
    transitions.observe([offline()], NOW + 1000);
    assert.equal(transitions.observe([offline()], NOW + UNHEALTHY_NOTIFY_WINDOW_MS * 2).length, 0);
  });

  it('rate-limits each daemon on its own', () => {
    const transitions = new UnhealthyTransitions();
    transitions.observe([aDaemon('a').build(), aDaemon('b').build()], NOW);
    assert.deepEqual(
      names(transitions.observe([aDaemon('a').inState('offline').build(), aDaemon('b').build()], NOW + 1)),
      ['a'],
    );
    assert.deepEqual(
      names(
        transitions.observe(
          [aDaemon('a').inState('offline').build(), aDaemon('b').inState('offline').build()],
          NOW + 2,
        ),
      ),
      ['b'],
    );
  });
});
