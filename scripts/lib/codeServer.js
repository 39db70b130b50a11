// Starting code-server (real VS Code, server side) for a run, and building the workbench URL
// whose `payload` loads an extension in development mode and, optionally, a test entry.
'use strict';

const { spawnGroup, runToCompletion, killGroup } = require('./processes');
const { waitForHttpOk } = require('./net');

/** code-server logs this line when the workbench asked it to load a development extension. */
const DEV_EXTENSION_LOADED_MARKER = 'Loading development extension at';
const HEALTHZ_TIMEOUT_MS = 30000;
/**
 * An extensions gallery without a service URL: the runs are offline and the workbench would
 * otherwise query open-vsx.org for updates and log the DNS failures in the middle of the tests.
 */
const OFFLINE_ENV = { EXTENSIONS_GALLERY: '{}' };

function commonArgs(runDir) {
  return ['--user-data-dir', runDir.userData, '--extensions-dir', runDir.extensions];
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group and waits for /healthz.
 * `env` reaches the extension host too. `smokeTestDriver` is what makes the built workbench
 * honour the payload's development keys (without it they are silently ignored).
 * @returns the child process (see processes.spawnGroup)
 */
async function startCodeServer({ toolchain, runDir, port, env = {}, smokeTestDriver = true, logger }) {
  const args = [
    toolchain.codeServerEntry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--config',
    runDir.configFile,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...commonArgs(runDir),
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    runDir.workspace,
  ];
  logger.debug(`code-server: ${toolchain.codeServerNode} ${args.join(' ')}`);
  const child = spawnGroup(toolchain.codeServerNode, args, {
    env: { ...process.env, ...OFFLINE_ENV, ...env },
    logFile: runDir.serverLog,
  });
  try {
    await waitForHttpOk(`http://127.0.0.1:${port}/healthz`, {
      timeoutMs: HEALTHZ_TIMEOUT_MS,
      isAlive: () => child.isRunning(),
    });
  } catch (error) {
    await killGroup(child);
    throw new Error(`code-server did not start: ${error.message} (log: ${runDir.serverLog})`);
  }
  logger.info(`code-server ready on http://127.0.0.1:${port} (pid ${child.pid})`);
  return child;
}

/** Installs a .vsix into the run's fresh extensions dir with code-server's own CLI. */
async function installVsix({ toolchain, runDir, vsixFile, logger }) {
  const args = [toolchain.codeServerEntry, ...commonArgs(runDir), '--install-extension', vsixFile];
  const { code, output } = await runToCompletion(toolchain.codeServerNode, args, {
    env: { ...process.env, ...OFFLINE_ENV },
  });
  logger.debug(output.trim());
  if (code !== 0) throw new Error(`code-server --install-extension ${vsixFile} failed (exit ${code}):\n${output}`);
  logger.info(`installed ${vsixFile} into ${runDir.extensions}`);
}

/**
 * A server-side path as the URI the workbench needs (a plain path would be read as a browser-side
 * file: URI and nothing would load). The authority is what the browser uses to reach the server.
 */
function remoteUri(authority, absolutePath) {
  return `vscode-remote://${authority}${absolutePath.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The URL that opens `folder` with the given development payload.
 * @param {{ baseUrl: string, authority: string, folder: string, developmentPaths?: string[],
 *           testsPath?: string, extensionEnv?: Record<string,string> }} options
 */
function workbenchUrl({ baseUrl, authority, folder, developmentPaths = [], testsPath, extensionEnv }) {
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
    ...developmentPaths.map((dir) => ['extensionDevelopmentPath', remoteUri(authority, dir)]),
  ];
  if (testsPath) payload.push(['extensionTestsPath', remoteUri(authority, testsPath)]);
  // A JSON string nested inside the JSON payload.
  if (extensionEnv) payload.push(['extensionEnvironment', JSON.stringify(extensionEnv)]);
  return `${baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

module.exports = { startCodeServer, installVsix, workbenchUrl, remoteUri, DEV_EXTENSION_LOADED_MARKER };
