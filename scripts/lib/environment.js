// The pieces every harness entry point puts together: a fresh run folder, the fake daemons, the
// settings pointing at them, code-server, and (for automated runs) a headless workbench page.
'use strict';

const { createRunDir, writeSettings, koraSettingsFor } = require('./runDir');
const { startFakeDaemons, DEFAULT_DAEMONS } = require('./fakeDaemons');
const { startCodeServer, installVsix, DEV_EXTENSION_LOADED_MARKER } = require('./codeServer');
const { launchWorkbenchBrowser } = require('./chromium');
const { freePort } = require('./net');
const { killGroup, waitForFileContains } = require('./processes');

const DEFAULT_DEV_LOAD_TIMEOUT_MS = 180000;

/**
 * @param {{ label: string, toolchain, logger, cleanup: import('./cleanup').Cleanup,
 *           daemonSpecs?: {name: string, scenario: string}[], extraSettings?: object,
 *           vsixFile?: string, port?: number, smokeTestDriver?: boolean,
 *           beforeStart?: (runDir) => void | Promise<void> }} options
 * @returns {Promise<{ runDir, daemons, port: number, baseUrl: string, server }>}
 */
async function startEnvironment(options) {
  const { label, toolchain, logger, cleanup, daemonSpecs = DEFAULT_DAEMONS, extraSettings = {} } = options;
  const runDir = createRunDir(label);
  logger.debug(`run folder ${runDir.root}`);
  const daemons = await startFakeDaemons({ specs: daemonSpecs, logDir: runDir.root, cleanup, logger });
  writeSettings(runDir, { ...koraSettingsFor(daemons), ...extraSettings });
  // Installed before the server starts, so the extension scanner sees it on first scan.
  if (options.vsixFile) await installVsix({ toolchain, runDir, vsixFile: options.vsixFile, logger });
  await options.beforeStart?.(runDir);

  const port = options.port ?? (await freePort());
  const server = await startCodeServer({
    toolchain,
    runDir,
    port,
    logger,
    smokeTestDriver: options.smokeTestDriver ?? true,
  });
  cleanup.add('stop code-server', () => killGroup(server));
  return { runDir, daemons, port, baseUrl: `http://127.0.0.1:${port}`, server };
}

/**
 * Launches headless Chromium, opens `url` and returns the page. Browser teardown is registered on
 * `cleanup`. `onExit`/`onLog` receive the workbench's automation callbacks.
 */
async function openWorkbench({ toolchain, runDir, url, cleanup, logger, onExit, onLog }) {
  const { context, page } = await launchWorkbenchBrowser({
    executablePath: toolchain.chromium,
    profileDir: runDir.chromiumProfile,
    onExit,
    onLog,
    onPageError: (message) => logger.debug(`page error: ${message}`),
  });
  cleanup.add('close browser', () => context.close());
  logger.debug(`opening ${url}`);
  await page.goto(url);
  logger.info('workbench page opened');
  return page;
}

/**
 * Every payload misconfiguration makes the workbench hang silently, so fail fast when code-server
 * has not logged the development-extension load in time.
 */
async function waitForDevelopmentExtension(runDir, { isCancelled } = {}) {
  const timeoutMs = Number(process.env.HARNESS_DEV_LOAD_TIMEOUT_MS) || DEFAULT_DEV_LOAD_TIMEOUT_MS;
  return waitForFileContains(runDir.serverLog, DEV_EXTENSION_LOADED_MARKER, {
    timeoutMs,
    isCancelled,
    hint:
      'The workbench did not load the development extension: check that code-server runs with ' +
      '--vscode-option enable-smoke-test-driver and that the payload paths are vscode-remote:// URIs.',
  });
}

module.exports = { startEnvironment, openWorkbench, waitForDevelopmentExtension };
