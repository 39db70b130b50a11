#!/usr/bin/env node
// `npm run demo`: fake Kora daemons (healthy + degraded) and code-server with the extension loaded
// from this repository, then prints the URL to open. Runs until Ctrl-C, then cleans up.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT, EXTENSION_BUNDLE } = require('./lib/paths');
const { createLogger } = require('./lib/log');
const { Cleanup } = require('./lib/cleanup');
const { readToolchain } = require('./lib/toolchain');
const { startEnvironment } = require('./lib/environment');
const { workbenchUrl } = require('./lib/codeServer');
const { isPortTaken, freePort } = require('./lib/net');
const { removeRunDir } = require('./lib/runDir');

const USAGE = `Usage: npm run demo -- [--port N] [--linked] [--keep]

  --port N   code-server port on 127.0.0.1 (default ${'$'}KORA_DEMO_PORT or 8760; a free one if taken)
  --linked   load the extension as an installed one (symlinked into the extensions dir) instead of
             development mode: notifications show as toasts (development mode via the URL payload
             needs the smoke-test driver, which hides toasts)
  --keep     keep the run folder (settings, logs) after exit`;

const DEFAULT_PORT = 8760;
/** Payload URIs use code-server's own authority, so the URL also works through a forwarded port. */
const REMOTE_AUTHORITY = 'remote';

function parseArgs(argv) {
  const options = { port: Number(process.env.KORA_DEMO_PORT) || DEFAULT_PORT, linked: false, keep: false, help: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--port') options.port = Number(argv[++index]);
    else if (arg === '--linked') options.linked = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown argument: ${arg}\n\n${USAGE}`);
  }
  if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535)
    throw new Error(`invalid --port\n\n${USAGE}`);
  return options;
}

/** Installs the repository as extension `<publisher>.<name>-<version>` by symlink (no copy, no package). */
function linkExtension(runDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const target = path.join(runDir.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.symlinkSync(REPO_ROOT, target, 'dir');
}

function printInstructions({ url, port, daemons, linked, runDir }) {
  const lines = [
    '',
    'Kora Ops demo is running. Open this URL in a browser:',
    '',
    `  ${url}`,
    '',
    linked
      ? 'The extension is loaded from this repository as an installed extension (--linked).'
      : 'The extension is loaded in development mode from this repository ("Extension Development Host").',
    `Remote machine? code-server listens on 127.0.0.1 only. Forward the port over SSH from your computer:`,
    `  ssh -N -L ${port}:127.0.0.1:${port} <user>@<this-host>`,
    'then open the same URL locally (another local port works too: change the port in the URL).',
    '',
    'Fake daemons (switch what the sidebar shows with their control API):',
    ...daemons.map(
      (daemon) =>
        `  ${daemon.name.padEnd(6)} ${daemon.url}  (scenario ${daemon.scenario}, control API ${daemon.controlUrl})`,
    ),
  ];
  if (daemons.length > 0) {
    lines.push(
      `  e.g. curl -X POST -H 'content-type: application/json' -d '{"name":"offline"}' ${daemons[0].controlUrl}/__fake/scenario`,
      `       curl -X POST ${daemons[0].controlUrl}/__fake/restart   (new session token, as after a daemon restart)`,
      `  scenarios: healthy, degraded, offline, warming, stale, old_daemon, no_frontend, slow, malformed, schema_drift (test/fake-daemon/scenarios.ts)`,
    );
  }
  lines.push('', `Logs: ${runDir.root}`, 'Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const logger = createLogger('demo', { verbose: process.env.HARNESS_VERBOSE === '1' });
  if (!fs.existsSync(EXTENSION_BUNDLE))
    throw new Error('dist/extension.js is missing: run `npm run build` (npm run demo does)');
  const toolchain = readToolchain();
  const cleanup = new Cleanup(logger);
  cleanup.exitOnSignals();
  cleanup.exitWhenOrphaned();

  let port = options.port;
  if (await isPortTaken(port)) {
    port = await freePort();
    logger.warn(`port ${options.port} is taken, using ${port}`);
  }
  try {
    const environment = await startEnvironment({
      label: 'demo',
      toolchain,
      logger,
      cleanup,
      port,
      smokeTestDriver: !options.linked,
      beforeStart: options.linked ? linkExtension : undefined,
    });
    const { runDir, daemons, server } = environment;
    if (!options.keep) cleanup.add('remove run folder', () => removeRunDir(runDir));
    const url = options.linked
      ? `${environment.baseUrl}/?folder=${encodeURIComponent(runDir.workspace)}`
      : workbenchUrl({
          baseUrl: environment.baseUrl,
          authority: REMOTE_AUTHORITY,
          folder: runDir.workspace,
          developmentPaths: [REPO_ROOT],
        });
    printInstructions({ url, port, daemons, linked: options.linked, runDir });

    const { code, signal } = await server.exited;
    if (cleanup.started) return; // Ctrl-C: the signal handler is tearing down
    logger.error(`code-server exited (code ${code}, signal ${signal}); see ${runDir.serverLog}`);
    await cleanup.run();
    process.exitCode = 1;
  } catch (error) {
    await cleanup.run();
    throw error;
  }
}

main().catch((error) => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
