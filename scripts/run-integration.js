#!/usr/bin/env node
// Runs the extension in real VS Code (code-server + headless Chromium) against fake Kora daemons.
// See USAGE below; the recipe is documented in README ("Tests") and scripts/lib/*.js.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT, INTEGRATION_TESTS_ENTRY, EXTENSION_BUNDLE } = require('./lib/paths');
const { installHostileProbe } = require('./lib/hostileProbe');
const { createLogger, elapsedSeconds } = require('./lib/log');
const { Cleanup } = require('./lib/cleanup');
const { readToolchain } = require('./lib/toolchain');
const { startEnvironment, openWorkbench, waitForDevelopmentExtension } = require('./lib/environment');
const { workbenchUrl } = require('./lib/codeServer');
const { runExtensionTests } = require('./lib/extensionTests');
const { runUiScripts } = require('./lib/uiScripts');
const { removeRunDir } = require('./lib/runDir');
const { summaryLine, printFailures, isSuccessful, readResultsFile } = require('./lib/results');

const USAGE = `Usage: node scripts/run-integration.js [--installed [--vsix FILE] | --ui] [--metrics-only] [--metrics-out FILE]

  (default)    load the extension in development mode and run out/test/integration/**/*.test.js
  --installed  install a .vsix (--vsix FILE, or the newest *.vsix in the repo root) into a fresh
               extensions dir and run the same tests against the INSTALLED extension
  --ui         load the extension in development mode and run the Playwright scripts
               test/ui/*.ui.js (screenshots go to media/screenshots/)
  --metrics-only  run only the smoke suite (used by \`npm run bench\` to time activate())
  --metrics-out   write {"activate_ms"} measured in the extension host to FILE

Environment: HARNESS_TIMEOUT_MS (default 1800000), HARNESS_GREP (mocha grep; in --ui a file-name
filter), HARNESS_SUITES (comma-separated test files/folders under out/test/integration; default:
installed/ + smoke.test.js with --installed, everything else otherwise), HARNESS_KEEP=1 (keep the
run folder), HARNESS_VERBOSE=1, HARNESS_FORCE_FAIL=1 (one smoke test fails on purpose),
HARNESS_DEV_LOAD_TIMEOUT_MS (default 180000), HARNESS_SETTINGS (JSON merged into the user settings),
HARNESS_SHOTS (screenshot dir), CODE_SERVER_NODE, CODE_SERVER_ENTRY, CHROMIUM (override .cache-env).`;

// Hang guards: generous, so a slow or saturated machine is never mistaken for a broken run.
const DEFAULT_TIMEOUT_MS = 1800000;
const MODE = { development: 'development', installed: 'installed', ui: 'ui' };
const SMOKE_SUITE_GREP = '^smoke';

function parseArgs(argv) {
  const options = { mode: MODE.development, vsix: undefined, help: false, metricsOut: undefined };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--installed') options.mode = MODE.installed;
    else if (arg === '--ui') options.mode = MODE.ui;
    else if (arg === '--vsix') {
      options.vsix = argv[++index];
      if (!options.vsix) throw new Error('--vsix needs a file');
    } else if (arg === '--metrics-only') process.env.HARNESS_GREP = SMOKE_SUITE_GREP;
    else if (arg === '--metrics-out') {
      options.metricsOut = argv[++index];
      if (!options.metricsOut) throw new Error('--metrics-out needs a file');
    } else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown argument: ${arg}\n\n${USAGE}`);
  }
  if (options.vsix !== undefined && options.mode !== MODE.installed) throw new Error('--vsix needs --installed');
  if (options.mode === MODE.installed && options.vsix === undefined) options.vsix = newestVsix();
  if (options.vsix) {
    options.vsix = path.resolve(options.vsix);
    if (!fs.existsSync(options.vsix)) throw new Error(`no such file: ${options.vsix}`);
  }
  return options;
}

function newestVsix() {
  const candidates = fs
    .readdirSync(REPO_ROOT)
    .filter((name) => name.endsWith('.vsix'))
    .map((name) => path.join(REPO_ROOT, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (candidates.length === 0)
    throw new Error('no *.vsix in the repository root: run `npm run package` or pass --vsix FILE');
  return candidates[0];
}

function requireFile(file, hint) {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: ${hint}`);
}

function parseJsonEnv(name) {
  const raw = process.env[name];
  if (!raw) return {};
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new Error(`${name} is not valid JSON: ${error.message}`);
  }
}

/**
 * VS Code runs an extensionTestsPath only in extension-development mode. To test the installed
 * package, the development extension is this empty stand-in, so the real one loads from the
 * extensions dir.
 */
function createTestHostExtension(runDir) {
  const dir = path.join(runDir.root, 'test-host-extension');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = {
    name: 'kora-ops-test-host',
    publisher: 'kora-harness',
    version: '0.0.0',
    description: 'Empty development extension: VS Code runs extension tests only in development mode.',
    engines: { vscode: '*' },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Environment of the extension host that test files read (see test/integration/helpers.ts). */
function testEnvironment(environment, mode, expectedExtensionRoot) {
  const env = {
    KORA_TEST_MODE: mode,
    KORA_TEST_EXTENSION_ROOT: expectedExtensionRoot,
    KORA_TEST_DAEMONS: JSON.stringify(
      environment.daemons.map(({ name, scenario, url, controlUrl, koraHome }) => ({
        name,
        scenario,
        url,
        controlUrl,
        koraHome,
      })),
    ),
    KORA_TEST_WORKSPACE: environment.runDir.workspace,
    // Lets a development host hand its test API to the test entry (src/vscode/testHooks.ts); an
    // installed (production) extension ignores it, which the hostile-extension suite checks.
    KORA_TEST_HOOKS: '1',
  };
  for (const knob of ['HARNESS_GREP', 'HARNESS_FORCE_FAIL', 'HARNESS_SUITES'])
    if (process.env[knob]) env[knob] = process.env[knob];
  return env;
}

async function runTests(options, toolchain, context) {
  const { logger, cleanup, state } = context;
  requireFile(INTEGRATION_TESTS_ENTRY, 'compile the tests with `npx tsc -p .`');
  if (options.mode === MODE.development) requireFile(EXTENSION_BUNDLE, 'build the extension with `npm run build`');
  const environment = await startEnvironment({
    label: options.mode,
    toolchain,
    logger,
    cleanup,
    extraSettings: parseJsonEnv('HARNESS_SETTINGS'),
    vsixFile: options.vsix,
    // A second, hostile extension that tries to steal tokens and confirm writes (security suite).
    beforeStart: (runDir) => installHostileProbe({ toolchain, runDir, logger }),
  });
  state.runDir = environment.runDir;
  const installed = options.mode === MODE.installed;
  const developmentPaths = [installed ? createTestHostExtension(environment.runDir) : REPO_ROOT];
  const expectedRoot = installed ? environment.runDir.extensions : REPO_ROOT;
  const { exitCode, results } = await runExtensionTests({
    toolchain,
    environment,
    cleanup,
    logger,
    developmentPaths,
    testsEntry: INTEGRATION_TESTS_ENTRY,
    extensionEnv: testEnvironment(environment, options.mode, expectedRoot),
    authority: process.env.HARNESS_AUTHORITY,
  });
  if (!results) throw new Error(`the tests wrote no results (exit code ${exitCode}); see ${environment.runDir.root}`);
  if (results.extensionPath) logger.info(`extension under test loaded from ${results.extensionPath}`);
  if (installed && path.dirname(results.extensionPath ?? '') !== environment.runDir.extensions) {
    throw new Error(
      `the extension under test is not the installed package (loaded from ${results.extensionPath ?? 'nowhere'})`,
    );
  }
  if (exitCode !== null && (exitCode === 0) !== (results.failed === 0)) {
    logger.warn(`exit code ${exitCode} disagrees with ${results.failed} failure(s) in the results`);
    if (results.failed === 0) results.failed = 1;
  }
  return results;
}

async function runUi(options, toolchain, context) {
  const { logger, cleanup, state } = context;
  requireFile(EXTENSION_BUNDLE, 'build the extension with `npm run build`');
  const environment = await startEnvironment({
    label: 'ui',
    toolchain,
    logger,
    cleanup,
    extraSettings: parseJsonEnv('HARNESS_SETTINGS'),
  });
  state.runDir = environment.runDir;
  const url = workbenchUrl({
    baseUrl: environment.baseUrl,
    authority: process.env.HARNESS_AUTHORITY || `127.0.0.1:${environment.port}`,
    folder: environment.runDir.workspace,
    developmentPaths: [REPO_ROOT],
    extensionEnv: testEnvironment(environment, MODE.ui, REPO_ROOT),
  });
  const page = await openWorkbench({
    toolchain,
    runDir: environment.runDir,
    url,
    cleanup,
    logger,
    onLog: (line) => logger.debug(`exthost: ${line}`),
  });
  await waitForDevelopmentExtension(environment.runDir);
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 180000 });
  logger.info('workbench ready, running UI scripts');
  return runUiScripts({ page, environment, logger, grep: process.env.HARNESS_GREP });
}

function timeoutAfter(ms) {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`the run did not finish within ${ms} ms (HARNESS_TIMEOUT_MS)`)), ms).unref();
  });
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const logger = createLogger('harness', { verbose: process.env.HARNESS_VERBOSE === '1' });
  const cleanup = new Cleanup(logger);
  cleanup.exitOnSignals();
  const state = { runDir: null };
  const timeoutMs = Number(process.env.HARNESS_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS;
  logger.info(`mode ${options.mode}${options.vsix ? ` (${path.relative(REPO_ROOT, options.vsix)})` : ''}`);

  let results = null;
  let harnessFailed = false;
  try {
    const toolchain = readToolchain();
    const execute = options.mode === MODE.ui ? runUi : runTests;
    results = await Promise.race([execute(options, toolchain, { logger, cleanup, state }), timeoutAfter(timeoutMs)]);
  } catch (error) {
    harnessFailed = true;
    logger.error(error.message);
    // A run cut short still reports the tests it got through (the entry writes after each test).
    results = state.runDir ? readResultsFile(state.runDir.resultsFile) : null;
    if (results && !results.complete) logger.info(`partial results: the run stopped before the suite finished`);
  } finally {
    await cleanup.run();
  }

  const succeeded = !harnessFailed && isSuccessful(results);
  if (state.runDir) {
    if (succeeded && process.env.HARNESS_KEEP !== '1') removeRunDir(state.runDir);
    else logger.info(`run folder kept: ${state.runDir.root} (code-server.log, user-data/logs/)`);
  }
  if (results) printFailures(results.failures);
  if (options.metricsOut && results?.metrics) {
    fs.writeFileSync(options.metricsOut, JSON.stringify({ activate_ms: results.metrics.activateMs ?? null }));
  }
  if (results && results.passed + results.failed === 0) logger.error('no tests ran');
  logger.info(`finished in ${elapsedSeconds()} s`);
  console.log(summaryLine(results ?? { passed: 0, failed: 0 }));
  return succeeded ? 0 : 1;
}

main().then((code) => process.exit(code));
