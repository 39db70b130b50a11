// Entry of the integration suite, with the `@vscode/test-electron` contract: VS Code requires this
// file in the extension host (extensionTestsPath) and awaits `run()`. The same file therefore runs
// under code-server (scripts/run-integration.js) and under desktop VS Code (test-electron).
// Mocha UI: bdd (`describe` / `it`), like the unit tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/vscode/constants';
import { claimKoraTestApi } from './helpers';

const TEST_FILE_SUFFIX = '.test.js';
// A hang guard sized for a saturated 2-core machine; a passing test returns long before it.
const TEST_TIMEOUT_MS = 120000;
/** Where results go when the harness did not say (e.g. under @vscode/test-electron). */
const FALLBACK_RESULTS_FILE = path.resolve(__dirname, '..', '..', '..', '.test-results', 'integration.json');

interface Failure {
  fullTitle: string;
  message: string;
  stack?: string;
}

/** The shape scripts/lib/results.js reads. */
interface Results {
  passed: number;
  failed: number;
  pending: number;
  total: number;
  durationMs: number;
  /** False while the suite runs: results are written after every test, so a run that is cut
   * short (harness timeout, crashed extension host) still reports what it got through. */
  complete: boolean;
  failures: Failure[];
  /** Where the extension under test was loaded from (the repo, or the extensions dir when installed). */
  extensionPath?: string;
  /** Numbers measured in the real extension host, read by `npm run bench`. */
  metrics?: { activateMs?: number };
}

/** The suite that proves the installed `.vsix`; it runs (with the smoke suite) only in that mode. */
const INSTALLED_SUITE = 'installed';
const SMOKE_SUITE = 'smoke.test.js';
/** Runs in both modes: only against the installed package does it prove a production build. */
const HOSTILE_EXTENSION_SUITE = 'security/hostileExtension.test.js';

/**
 * Which suites (files or folders relative to this directory) run: `HARNESS_SUITES` (comma-separated)
 * when set, else by mode — the installed package gets its smoke suites and the hostile-extension suite, every other run (the
 * development extension, or @vscode/test-electron) gets everything except the installed suite.
 */
function selectTestFiles(dir: string): string[] {
  const all = findTestFiles(dir);
  const relative = (file: string) => path.relative(dir, file).split(path.sep).join('/');
  const inSuite = (file: string, suite: string) => relative(file) === suite || relative(file).startsWith(`${suite}/`);
  const requested = process.env.HARNESS_SUITES?.split(',')
    .map((suite) => suite.trim())
    .filter(Boolean);
  if (requested?.length) return all.filter((file) => requested.some((suite) => inSuite(file, suite)));
  if (process.env.KORA_TEST_MODE === 'installed') {
    return all.filter((file) =>
      [INSTALLED_SUITE, SMOKE_SUITE, HOSTILE_EXTENSION_SUITE].some((suite) => inSuite(file, suite)),
    );
  }
  return all.filter((file) => !inSuite(file, INSTALLED_SUITE));
}

/** Every `*.test.js` below `dir`, sorted, so helpers may add sub-folders. */
function findTestFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...findTestFiles(full));
    else if (entry.name.endsWith(TEST_FILE_SUFFIX)) files.push(full);
  }
  return files.sort();
}

/**
 * Under the harness, the extension host's console reaches the runner mixed with the workbench's
 * own log lines; a prefix on mocha's reporter output lets the runner show just the report.
 */
function markReportLines(prefix: string | undefined): void {
  if (!prefix) return;
  const print = console.log.bind(console);
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => print(prefix + util.format(...args));
}

function runMocha(mocha: Mocha): Promise<Results> {
  const startedAt = Date.now();
  const results: Results = { passed: 0, failed: 0, pending: 0, total: 0, durationMs: 0, complete: false, failures: [] };
  const update = (change: () => void) => {
    change();
    results.total = results.passed + results.failed + results.pending;
    results.durationMs = Date.now() - startedAt;
    writeResults(results);
  };
  const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      results.complete = true;
      resolve(results);
    });
    runner.on(EVENT_TEST_PASS, () => update(() => (results.passed += 1)));
    runner.on(EVENT_TEST_PENDING, () => update(() => (results.pending += 1)));
    // Also fires for failing hooks, which count as failures.
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Runnable, error: Error) =>
      update(() => {
        results.failed += 1;
        results.failures.push({
          fullTitle: test.fullTitle(),
          message: error?.message ?? String(error),
          stack: error?.stack,
        });
      }),
    );
  });
}

function describeExtensionUnderTest(results: Results): void {
  const extension = vscode.extensions.getExtension<{ activateMs?: number }>(EXTENSION_ID);
  results.extensionPath = extension?.extensionPath;
  if (typeof extension?.exports?.activateMs === 'number')
    results.metrics = { activateMs: extension.exports.activateMs };
}

function writeResults(results: Results): void {
  const file = process.env.HARNESS_RESULTS || FALLBACK_RESULTS_FILE;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: TEST_TIMEOUT_MS,
    grep: process.env.HARNESS_GREP || undefined,
  });
  for (const file of selectTestFiles(__dirname)) mocha.addFile(file);
  markReportLines(process.env.HARNESS_REPORT_PREFIX);
  // Claim the one-shot test API before anything else in the host can (a production host has none).
  await claimKoraTestApi();

  const results = await runMocha(mocha);
  describeExtensionUnderTest(results);
  writeResults(results);
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
  if (results.passed === 0) throw new Error('no integration test passed (none ran?)');
}
