// The unit layer's coverage count: rows record themselves when their test passes, and a root-level
// `after` hook prints the total once, after every test file of the run.
import { CoverageCount } from './matrix';

export const coverage = new CoverageCount('unit');

after(() => {
  if (coverage.anyStarted) console.log(`\n  ${coverage.line}\n`);
});
