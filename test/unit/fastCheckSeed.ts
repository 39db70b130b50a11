// Loaded by .mocharc.json before the unit tests. Property tests explore new random cases on a
// developer's machine, but in CI they replay one fixed seed, so a landing never depends on the
// draw; FAST_CHECK_SEED pins any run (a failure prints the seed to reproduce it).
import fc from 'fast-check';

const CI_SEED = 20261122;
const pinned = process.env.FAST_CHECK_SEED ?? (process.env.CI ? String(CI_SEED) : undefined);
if (pinned !== undefined) {
  const seed = Number(pinned);
  if (!Number.isInteger(seed)) throw new Error(`FAST_CHECK_SEED must be an integer, not "${pinned}"`);
  fc.configureGlobal({ seed });
  console.log(`fast-check seed ${seed}${process.env.FAST_CHECK_SEED ? '' : ' (CI)'}`);
}
