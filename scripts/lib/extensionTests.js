// One extension-test session: the workbench loads the development extension(s), requires the test
// entry in the real extension host, runs it and reports the exit code; we then read the results.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { openWorkbench, waitForDevelopmentExtension } = require('./environment');
const { workbenchUrl } = require('./codeServer');
const { readResultsFile } = require('./results');
const { sleep } = require('./net');

/** After the results file appears, how long to wait for the exit-code callback before moving on. */
const EXIT_CALLBACK_GRACE_MS = 15000;
/**
 * The test entry prefixes mocha's report lines with this (given to it as HARNESS_REPORT_PREFIX), so
 * they can be told apart from the workbench's own console chatter that arrives the same way.
 */
const REPORT_PREFIX = 'KORA_TEST_REPORT|';

/**
 * Everything the workbench forwards goes to `<run>/workbench-console.log`; the terminal gets
 * mocha's report, or every line with HARNESS_VERBOSE=1.
 */
function consoleForwarder(runDir, verbose) {
  const file = fs.createWriteStream(path.join(runDir.root, 'workbench-console.log'));
  return {
    write(line) {
      const isReport = line.startsWith(REPORT_PREFIX);
      const text = isReport ? line.slice(REPORT_PREFIX.length) : line;
      if (!file.writableEnded) file.write(text + '\n');
      if (isReport || verbose) console.log(text);
    },
    close: () => file.end(),
  };
}

/**
 * Fallback for a workbench that never reports the exit code: once the results file exists, give
 * the callback a grace period, then resolve so the run can finish from the file alone.
 */
async function resultsWritten(file, isCancelled) {
  while (!isCancelled()) {
    if (readResultsFile(file)?.complete) {
      await sleep(EXIT_CALLBACK_GRACE_MS);
      return 'results-without-exit';
    }
    await sleep(500);
  }
  return 'cancelled';
}

/**
 * @param {{ toolchain, environment: { runDir, baseUrl, port }, cleanup, logger,
 *           developmentPaths: string[], testsEntry: string, extensionEnv: Record<string,string>,
 *           authority?: string }} options
 * @returns {Promise<{ exitCode: number | null, results: import('./results').TestResults | null }>}
 */
async function runExtensionTests({
  toolchain,
  environment,
  cleanup,
  logger,
  developmentPaths,
  testsEntry,
  extensionEnv,
  authority,
}) {
  const { runDir } = environment;
  fs.rmSync(runDir.resultsFile, { force: true });
  const forwarder = consoleForwarder(runDir, logger.verbose);
  cleanup.add('close workbench console log', () => forwarder.close());
  let reportExit;
  const exited = new Promise((resolve) => (reportExit = resolve));
  let finished = false;

  const url = workbenchUrl({
    baseUrl: environment.baseUrl,
    authority: authority || `127.0.0.1:${environment.port}`,
    folder: runDir.workspace,
    developmentPaths,
    testsPath: testsEntry,
    extensionEnv: { ...extensionEnv, HARNESS_RESULTS: runDir.resultsFile, HARNESS_REPORT_PREFIX: REPORT_PREFIX },
  });
  await openWorkbench({
    toolchain,
    runDir,
    url,
    cleanup,
    logger,
    onExit: (code) => reportExit(code),
    // Workbench and extension-host console output, mocha's reporter included.
    onLog: (line) => forwarder.write(line),
  });

  try {
    const devLoadFailure = waitForDevelopmentExtension(runDir, { isCancelled: () => finished }).then(
      () => new Promise(() => {}), // loaded: keep waiting for the tests
    );
    const outcome = await Promise.race([
      exited.then((code) => ({ code })),
      devLoadFailure,
      resultsWritten(runDir.resultsFile, () => finished).then(() => ({ code: null })),
    ]);
    if (outcome.code === null) logger.warn('the workbench wrote results but never called codeAutomationExit');
    else logger.info(`extension host finished the tests (exit code ${outcome.code})`);
    return { exitCode: outcome.code, results: readResultsFile(runDir.resultsFile) };
  } finally {
    finished = true;
  }
}

module.exports = { runExtensionTests };
