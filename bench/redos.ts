// Deep ReDoS analysis of 200 distinct, realistic phrasebook patterns (Python, translated as the
// editor does) through DeepRedosAnalyzer as the extension builds it: pre-pass, recheck's native
// binary where installed (else its pure-JavaScript build in workers), a pool sized to the cores and
// the on-disk verdict store. Measures the wall time and the worst stall of this (main) thread's
// event loop, then a second run with a new analyzer over the warm store (a restarted editor or the
// next CI run), and the same 200 with the pure-JavaScript fallback for comparison.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { compilePython, translateToJs } from '../src/core/pyre';
import { DeepRedosAnalyzer } from '../src/core/redos/deep';
import { findNativeBinary } from '../src/core/redos/nativeBinary';
import type { RedosVerdict } from '../src/core/redos/verdict';
import { FileVerdictStore, analyserVersion } from '../src/core/redos/verdictStore';

const ROOT = join(__dirname, '..', '..');
const WORKER_PATH = join(ROOT, 'dist', 'redosWorker.js');
const PATTERN_COUNT = 200;
const STALL_SAMPLING_MS = 10;
/** How long the checker processes get to exit after dispose before their CPU time is read. */
const CHILD_EXIT_WAIT_MS = 500;
/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every mainstream build). */
const USER_HZ = 100;

const PHRASES = [
  'hey',
  'hi',
  'hello',
  'yo',
  'sup',
  'thanks',
  'thx',
  'ty',
  'thank you',
  'ack',
  'got it',
  'ok',
  'okay',
  'cool',
  'burn',
  'cost',
  'spend',
  'how ?much',
  "what'?s? my burn",
  'status',
  'state',
  "how'?s? it going",
  'whats up',
  'any alerts',
  'alerts',
  "what'?s? firing",
  'health',
  'service health',
  'services?',
  'are you paused',
  'paused\\?',
  'stopped\\??',
  'uptime',
  'deploys?',
  'last deploy',
  'queue depth',
  'errors?',
  'error rate',
  'latency',
  'p99',
  'incidents?',
  'on ?call',
  'who is on ?call',
  'pager',
];
/** The last two tails have two loops: the pre-pass cannot decide them, recheck must. */
const TAILS = [
  String.raw`[\s!.]*$`,
  String.raw`[\s.?!]*$`,
  String.raw`[\s.!]*$`,
  String.raw`\s*\??$`,
  String.raw`\b`,
  String.raw`\s+(\w+)[.!]*$`,
  String.raw`(?:\s+\w+)?\s*$`,
];
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
function generatePatterns(count = PATTERN_COUNT): string[] {
  const patterns = new Set<string>();
  for (let i = 0; patterns.size < count; i++) {
    const alternation = pick(i, 2 + (i % 6)).join('|');
    const pattern =
      i % 10 === 9
        ? VULNERABLE_SHAPES[((i / 10) % VULNERABLE_SHAPES.length) | 0].replace('%s', alternation)
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

function translated(pattern: string): { source: string; flags: string } {
  const compiled = compilePython(pattern);
  if (!compiled.ok) throw new Error(`benchmark pattern does not compile: ${pattern}`);
  const translation = translateToJs(compiled);
  if (!translation.ok) throw new Error(`benchmark pattern does not translate: ${pattern}`);
  return translation;
}

interface Run {
  wallMs: number;
  maxStallMs: number;
  /** User + system CPU of this process and of the checker processes it ended; null where unknown. */
  cpuMs: number | null;
}

/** CPU time of the checker processes this one has started and reaped (Linux), in ms. */
function reapedChildrenCpuMs(): number | null {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th of them.
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / USER_HZ;
  } catch {
    return null;
  }
}

function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** All at once, as when a phrasebook is opened; the event loop is sampled meanwhile. */
async function analyseAll(analyzer: DeepRedosAnalyzer, label: string): Promise<Run> {
  const patterns = generatePatterns().map(translated);
  const stalls = monitorEventLoopDelay({ resolution: STALL_SAMPLING_MS });
  const [ownBefore, childrenBefore] = [ownCpuMs(), reapedChildrenCpuMs()];
  stalls.enable();
  const started = performance.now();
  let wallMs: number;
  try {
    const verdicts = await Promise.all(patterns.map(({ source, flags }) => analyzer.analyze(source, flags)));
    wallMs = Math.round(performance.now() - started);
    stalls.disable();
    const stats = analyzer.stats();
    console.log(
      `redos ${label}: ${patterns.length} patterns in ${wallMs} ms (${tally(verdicts)}; ${stats.prepassSafe} by the pre-pass, ` +
        `${stats.judgedByTail} judged by their tail, ${stats.storeHits} from disk, ${stats.checked} checker runs; load ${loadavg()[0].toFixed(2)})`,
    );
  } finally {
    stalls.disable();
    analyzer.dispose();
  }
  await new Promise((resolve) => setTimeout(resolve, CHILD_EXIT_WAIT_MS));
  const childrenAfter = reapedChildrenCpuMs();
  const childrenMs = childrenBefore === null || childrenAfter === null ? null : childrenAfter - childrenBefore;
  // The histogram counts the sampling interval itself as delay; only the excess is a stall.
  return {
    wallMs,
    maxStallMs: Math.max(0, Math.round(stalls.max / 1e6 - STALL_SAMPLING_MS)),
    cpuMs: childrenMs === null ? null : Math.round(ownCpuMs() - ownBefore + childrenMs),
  };
}

export async function benchRedos(): Promise<Record<string, number | string>> {
  const loadBefore = Number(loadavg()[0].toFixed(2));
  const storeDirectory = mkdtempSync(join(tmpdir(), 'kora-bench-redos-'));
  try {
    const nativeBinaryPath = findNativeBinary([ROOT]);
    const backend = nativeBinaryPath ? 'native' : 'pure';
    const newAnalyzer = () =>
      new DeepRedosAnalyzer({
        workerPath: WORKER_PATH,
        nativeBinaryPath,
        store: new FileVerdictStore(storeDirectory, analyserVersion(backend)),
      });
    const cold = await analyseAll(newAnalyzer(), `${backend}, cold`);
    const warm = await analyseAll(newAnalyzer(), `${backend}, warm disk cache`);
    const pure = await analyseAll(
      new DeepRedosAnalyzer({ workerPath: WORKER_PATH }),
      'pure-JavaScript fallback, no disk cache',
    );
    return {
      redos_backend: backend,
      redos_load_1min: loadBefore,
      redos_200_ms: cold.wallMs,
      redos_200_cpu_ms: cold.cpuMs ?? 'n/a',
      redos_max_stall_ms: cold.maxStallMs,
      redos_200_warm_cache_ms: warm.wallMs,
      redos_200_pure_ms: pure.wallMs,
    };
  } finally {
    rmSync(storeDirectory, { recursive: true, force: true });
  }
}
