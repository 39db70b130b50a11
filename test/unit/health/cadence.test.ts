import * as assert from 'node:assert/strict';
import { CadenceLearner, DEFAULT_CADENCE } from '../../../src/core/health/cadence';

const S = 1_000;

describe('CadenceLearner', () => {
  it('plans the first poll after the expected update, half-way probe first while unconfirmed', () => {
    const learner = new CadenceLearner();
    assert.equal(learner.observe(0, 10 * S), 'first');
    // Unconfirmed: probe at marker + period/2 + slack.
    assert.equal(learner.nextPollAt(10 * S), 150 * S + DEFAULT_CADENCE.slackMs);
    assert.equal(learner.observe(0, 153 * S), 'same');
    assert.equal(learner.nextPollAt(153 * S), 300 * S + DEFAULT_CADENCE.slackMs);
  });

  it('confirms a period when a quiet poll after the half-way mark proves it is not a divisor', () => {
    const learner = new CadenceLearner();
    learner.observe(0, 200 * S); // age 200 s > half a period
    assert.equal(learner.observe(300 * S, 303 * S), 'new');
    assert.equal(learner.periodMs, 300 * S);
    assert.equal(learner.isConfirmed, true);
    assert.equal(learner.nextPollAt(303 * S), 600 * S + DEFAULT_CADENCE.slackMs);
  });

  it('discovers a shorter period than its prior through the half-way probe', () => {
    const learner = new CadenceLearner();
    learner.observe(0, 5 * S);
    learner.observe(120 * S, 153 * S); // update seen at the half-way probe
    assert.equal(learner.periodMs, 120 * S);
    assert.equal(learner.isConfirmed, false);
  });

  it('uses quiet polls to rule out counting missed updates wrongly', () => {
    const learner = new CadenceLearner();
    learner.observe(0, 5 * S);
    learner.observe(0, 310 * S); // nothing at 310 s: the period is longer than ~307 s
    learner.observe(600 * S, 620 * S); // 600 s later: one period of 600, not two of 300
    assert.equal(learner.periodMs, 600 * S);
  });

  it('divides by the number of missed updates when nothing rules it out', () => {
    const learner = new CadenceLearner();
    learner.observe(0, 1 * S);
    learner.observe(900 * S, 905 * S); // unfocused for a while: 3 updates of 300 s
    assert.equal(learner.periodMs, 300 * S);
  });

  it('retries a late update at the minimum interval, then with growing gaps', () => {
    const learner = new CadenceLearner();
    learner.observe(0, 200 * S);
    learner.observe(300 * S, 303 * S);
    let polledAt = 603 * S;
    const gaps: number[] = [];
    for (let i = 0; i < 6; i++) {
      learner.observe(300 * S, polledAt);
      const next = learner.nextPollAt(polledAt);
      gaps.push((next - polledAt) / S);
      polledAt = next;
    }
    assert.deepEqual(gaps, [15, 15, 15, 30, 60, 120]);
  });

  it('learns the visibility lag when polls right after the marker miss the update', () => {
    const learner = new CadenceLearner();
    learner.observe(0, 200 * S);
    learner.observe(300 * S, 303 * S);
    learner.observe(300 * S, 603 * S); // expected 600 + 3: not there yet
    learner.observe(600 * S, 618 * S); // marker 600, visible only after 603
    assert.ok(learner.nextPollAt(618 * S) >= 900 * S + 3 * S + DEFAULT_CADENCE.slackMs);
  });

  it('starts over when the marker goes backwards', () => {
    const learner = new CadenceLearner();
    learner.observe(1_000 * S, 1_010 * S);
    assert.equal(learner.observe(500 * S, 1_020 * S), 'reset');
    assert.equal(learner.lastUpdateAt, 500 * S);
  });

  it('never plans two polls closer than the minimum interval', () => {
    const learner = new CadenceLearner({ ...DEFAULT_CADENCE, defaultPeriodMs: 20 * S });
    learner.observe(0, 0);
    assert.ok(learner.nextPollAt(0) >= DEFAULT_CADENCE.minIntervalMs);
  });
});
