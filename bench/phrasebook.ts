// Phrasebook language benchmarks: full local validation of a realistic 200-entry phrasebook as a
// ratio to the bare `yaml` parse of the same file, and the CLI lint of 1,000- and 10,000-entry
// files (its time and how it scales). Numbers only — a benchmark never asserts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { parseDocument } from 'yaml';
import { run as runLint } from '../src/cli/lint';
import { lintPhrasebook, SNAPSHOT_SCALAR_PATHS, toDaemonYaml, type DaemonEntry } from '../src/core/phrasebook';
import { median } from './stats';

const WORDS = [
  'status',
  'burn',
  'alerts',
  'health',
  'paused',
  'deploy',
  'queue',
  'tasks',
  'uptime',
  'budget',
  'tier',
  'errors',
];
const VERBS = ['show', 'what is', "what's", 'how is', 'tell me', 'check', 'any', 'get'];
const PARSE_RUNS = 60;
const VALIDATION_RUNS = 60;
const CLI_RUNS = 3;

/** A realistic entry (valid for the daemon): alternations of phrasings, an optional number, placeholders. */
function realisticEntry(index: number, salt: string): DaemonEntry {
  const word = WORDS[index % WORDS.length];
  const verb = VERBS[index % VERBS.length];
  const other = WORDS[(index * 7 + 3) % WORDS.length];
  const paths = [SNAPSHOT_SCALAR_PATHS[index % 20], SNAPSHOT_SCALAR_PATHS[(index * 3 + 1) % 20]];
  return {
    pattern: `^(${verb} ${word}|${word}${salt}${index}|${other} ${word}( report)?|how'?s? the ${word})( \\d{1,3})?[\\s.?!]*$`,
    category: `${word}_query_${index}`,
    description: `Operator asks about ${word} (${verb}); variant ${index} of the generated phrasebook`,
    reply_template: `${word}: {snapshot.${paths[0]}} · related: {snapshot.${paths[1]}}. Ask again any time.`,
  };
}

function phrasebookText(count: number, salt: string): string {
  return toDaemonYaml(Array.from({ length: count }, (_, index) => realisticEntry(index, salt)));
}

function timeRuns(runs: number, action: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    action();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

function silentIo(cwd: string) {
  const sink = { write: () => true };
  return { stdout: sink, stderr: sink, stdin: new PassThrough(), env: {}, cwd };
}

/** The CLI path (`kora-ops lint --no-redos --format json FILE`) on a file of `count` entries. */
async function cliLintMs(count: number, directory: string): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < CLI_RUNS; run++) {
    // Fresh patterns each run, as a new CLI process would see them (no warm compile cache).
    const file = join(directory, `phrasebook-${count}-${run}.yml`);
    writeFileSync(file, phrasebookText(count, `r${run}c${count}x`));
    const started = performance.now();
    await runLint(['--no-redos', '--format', 'json', file], silentIo(directory));
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export interface PhrasebookBenchResult {
  /** Lint of a 200-entry file / bare `parseDocument` of it, medians, compile cache warm (editor case). */
  validation_vs_parse_ratio: number;
  /** The same for a file whose patterns were never seen (first lint in a process). */
  validation_cold_vs_parse_ratio: number;
  lint_10k_ms: number;
  scale_10k_over_1k: number;
}

export async function benchPhrasebook(): Promise<PhrasebookBenchResult> {
  const text = phrasebookText(200, 'b');
  const phrasebookTexts = Array.from({ length: VALIDATION_RUNS }, (_, run) => phrasebookText(200, `cold${run}x`));
  // Warm up both paths (JIT, and the compile cache an editor session has after the first lint).
  for (let i = 0; i < 5; i++) {
    parseDocument(text);
    lintPhrasebook(text);
  }
  const parseMs = timeRuns(PARSE_RUNS, () => parseDocument(text));
  const validationMs = timeRuns(VALIDATION_RUNS, () => lintPhrasebook(text));
  let coldRun = 0;
  const coldMs = timeRuns(VALIDATION_RUNS, () => lintPhrasebook(phrasebookTexts[coldRun++]));
  const directory = mkdtempSync(join(tmpdir(), 'kora-bench-phrasebook-'));
  try {
    const lint1kMs = await cliLintMs(1_000, directory);
    const lint10kMs = await cliLintMs(10_000, directory);
    return {
      validation_vs_parse_ratio: validationMs / parseMs,
      validation_cold_vs_parse_ratio: coldMs / parseMs,
      lint_10k_ms: Math.round(lint10kMs),
      scale_10k_over_1k: lint10kMs / lint1kMs,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchPhrasebook().then((result) => console.log(JSON.stringify(result, null, 2)));
}
