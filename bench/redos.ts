// Deep ReDoS analysis of 200 distinct, realistic phrasebook patterns through DeepRedosAnalyzer
// (the bundled worker, recheck's pure-JavaScript checker, the default 2 s budget), measuring the
// total time and the worst stall of this (main) thread's event loop meanwhile: the point of the
// worker is that the extension host stays responsive however long the analysis takes.
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { DeepRedosAnalyzer } from '../src/core/redos/deep';
import type { RedosVerdict } from '../src/core/redos/verdict';

const WORKER_PATH = join(__dirname, '..', '..', 'dist', 'redosWorker.js');
const PATTERN_COUNT = 200;
/** What the translator emits for a Python pattern compiled with IGNORECASE. */
const TRANSLATED_FLAGS = 'iu';
const STALL_SAMPLING_MS = 10;

const PHRASES = [
  'hey', 'hi', 'hello', 'yo', 'sup', 'thanks', 'thx', 'ty', 'thank you', 'ack', 'got it', 'ok', 'okay',
  'cool', 'burn', 'cost', 'spend', 'how ?much', "what'?s? my burn", 'status', 'state', "how'?s? it going",
  'whats up', 'any alerts', 'alerts', "what'?s? firing", 'health', 'service health', 'services?',
  'are you paused', 'paused\\?', 'stopped\\??', 'uptime', 'deploys?', 'last deploy', 'queue depth',
  'errors?', 'error rate', 'latency', 'p99', 'incidents?', 'on ?call', 'who is on ?call', 'pager',
];
const TAILS = [String.raw`[\s!.]*$`, String.raw`[\s.?!]*$`, String.raw`[\s.!]*$`, String.raw`\s*\??$`, String.raw`\b`];
/** Shapes an operator might write that backtrack catastrophically; %s is an alternation. */
const VULNERABLE_SHAPES = [
  String.raw`^(%s)(\s*\w+\s*)+$`, // exponential: nested quantifiers over overlapping classes
  String.raw`^(%s)\s*\s*[?!.]*$`, // polynomial: adjacent overlapping \s*
  String.raw`^(?:(%s)\s?)+$`, // exponential when a phrase can be split two ways
  String.raw`^(%s).*\s.*\s.*$`, // polynomial: .* around a separator
];

/** The phrases from `start`, `count` of them, wrapping around the list. */
function pick(start: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => PHRASES[(start + i * 7) % PHRASES.length]);
}

/** Deterministic: every run of the benchmark analyses the same 200 patterns (one in 10 vulnerable). */
export function generatePatterns(count = PATTERN_COUNT): string[] {
  const patterns = new Set<string>();
  for (let i = 0; patterns.size < count; i++) {
    const alternation = pick(i, 2 + (i % 6)).join('|');
    const pattern =
      i % 10 === 9
        ? VULNERABLE_SHAPES[(i / 10) % VULNERABLE_SHAPES.length | 0].replace('%s', alternation)
        : `^(${alternation})${TAILS[i % TAILS.length]}`;
    patterns.add(pattern);
  }
  return [...patterns];
}

function tally(verdicts: RedosVerdict[]): string {
  const counts = new Map<string, number>();
  for (const verdict of verdicts) {
    const label = verdict.status === 'vulnerable' ? verdict.complexity : verdict.status;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => `${n} ${label}`).join(', ');
}

export async function benchRedos(): Promise<{ redos_200_ms: number; redos_max_stall_ms: number }> {
  const patterns = generatePatterns();
  const analyzer = new DeepRedosAnalyzer({ workerPath: WORKER_PATH });
  const stalls = monitorEventLoopDelay({ resolution: STALL_SAMPLING_MS });
  stalls.enable();
  const started = performance.now();
  try {
    // All at once, as when a phrasebook is opened: the analyzer queues them for its one worker.
    const verdicts = await Promise.all(patterns.map((source) => analyzer.analyze(source, TRANSLATED_FLAGS)));
    const totalMs = performance.now() - started;
    stalls.disable();
    console.log(`redos: ${patterns.length} patterns in ${Math.round(totalMs)} ms (${tally(verdicts)})`);
    return {
      redos_200_ms: Math.round(totalMs),
      // The histogram counts the sampling interval itself as delay; only the excess is a stall.
      redos_max_stall_ms: Math.max(0, Math.round(stalls.max / 1e6 - STALL_SAMPLING_MS)),
    };
  } finally {
    stalls.disable();
    analyzer.dispose();
  }
}
