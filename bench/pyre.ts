// Parsing stays linear: compile time of patterns of 512 to 4,096 characters, for several shapes
// (flat alternations, nested groups, classes, escapes, errors at the very end). Numbers only.
import { performance } from 'node:perf_hooks';
import { compilePython } from '../src/core/pyre';

/** 512 is the daemon's cap; the larger sizes make the growth rate visible above timer noise. */
const SIZES = [512, 1024, 2048, 4096];

/** Pattern shapes, each grown to exactly `size` characters. */
const SHAPES: Record<string, (size: number) => string> = {
  alternation: (size) => `^(${'word|'.repeat(size)}`.slice(0, size - 1) + ')',
  nesting: (size) => '('.repeat(Math.floor(size / 2)).slice(0, Math.floor(size / 2)) + ')'.repeat(Math.floor(size / 2)),
  classes: (size) => '[a-z0-9_\\s]+'.repeat(size).slice(0, size - (size % 12)),
  escapes: (size) => '\\d\\w\\s\\x41\\u0042'.repeat(size).slice(0, size - (size % 18)),
  unterminated: (size) => `(${'a'.repeat(size - 1)}`,
};

/** Best of several batches: the least disturbed by GC and the other core's load. */
function microsecondsPerCompile(pattern: string): number {
  const batches = 7;
  const rounds = 200;
  for (let i = 0; i < 300; i++) compilePython(pattern);
  let best = Infinity;
  for (let batch = 0; batch < batches; batch++) {
    const started = performance.now();
    for (let i = 0; i < rounds; i++) compilePython(pattern);
    best = Math.min(best, ((performance.now() - started) / rounds) * 1000);
  }
  return best;
}

export function benchPyre(): { pyre_parse_512_us: number; pyre_parse_4096_over_512: number } {
  let worst512 = 0;
  let worstRatio = 0;
  for (const [name, build] of Object.entries(SHAPES)) {
    const timings = SIZES.map((size) => microsecondsPerCompile(build(size)));
    console.log(`pyre ${name}: ${SIZES.map((size, i) => `${size} chars ${timings[i].toFixed(1)} µs`).join(', ')}`);
    worst512 = Math.max(worst512, timings[0]);
    worstRatio = Math.max(worstRatio, timings[SIZES.length - 1] / timings[0]);
  }
  return { pyre_parse_512_us: worst512, pyre_parse_4096_over_512: worstRatio };
}
