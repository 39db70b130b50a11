// Starting the contract-faithful fake Kora daemons (test/fake-daemon) that tests and the demo talk to.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { FAKE_DAEMON_ENTRY } = require('./paths');
const { spawnGroup, killGroup } = require('./processes');
const { freePort } = require('./net');

/**
 * The fake daemon prints exactly this prefix followed by `{"url", "controlUrl"}` once it listens.
 * `controlUrl` serves the `/__fake/*` control API on a port that stays up while the `offline`
 * scenario has closed the daemon port.
 */
const READY_PREFIX = 'KORA_FAKE_DAEMON_READY ';
const READY_TIMEOUT_MS = 20000;

/** What integration runs and the demo start: one healthy daemon and one degraded one. */
const DEFAULT_DAEMONS = [
  { name: 'alpha', scenario: 'healthy' },
  { name: 'beta', scenario: 'degraded' },
];

function fakeDaemonEntry() {
  // Override for experiments with another daemon stand-in.
  return process.env.KORA_FAKE_DAEMON_ENTRY || FAKE_DAEMON_ENTRY;
}

/** Resolves with `{url, controlUrl}` from the ready line; rejects on exit or timeout. */
function waitForReadyLine(child, logStream, name) {
  // Output keeps flowing into the log after the ready line, until the daemon is stopped.
  const writeLog = (text) => {
    if (!logStream.writableEnded) logStream.write(text);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`fake daemon "${name}" not ready within ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      writeLog(line + '\n');
      if (!line.startsWith(READY_PREFIX)) return;
      clearTimeout(timer);
      try {
        const { url, controlUrl } = JSON.parse(line.slice(READY_PREFIX.length));
        if (typeof url !== 'string') throw new Error('no "url"');
        resolve({ url, controlUrl: typeof controlUrl === 'string' ? controlUrl : url });
      } catch (error) {
        reject(new Error(`fake daemon "${name}" printed a malformed ready line: ${line} (${error.message})`));
      }
    });
    child.stderr.on('data', (chunk) => writeLog(chunk));
    child.exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`fake daemon "${name}" exited (code ${code}, signal ${signal}) before it was ready`));
    });
  });
}

/**
 * Starts one fake daemon per spec on free loopback ports; each is stopped by `cleanup`.
 * When the fake daemon is not built, logs a warning and returns [] so the harness still runs.
 * @param {{ specs?: {name: string, scenario: string}[], logDir: string, cleanup: import('./cleanup').Cleanup, logger }} options
 * @returns {Promise<{ name: string, scenario: string, url: string, controlUrl: string, koraHome: string, logFile: string }[]>}
 */
async function startFakeDaemons({ specs = DEFAULT_DAEMONS, logDir, cleanup, logger }) {
  const entry = fakeDaemonEntry();
  if (specs.length === 0) return [];
  if (!fs.existsSync(entry)) {
    logger.warn(`fake daemon not found at ${entry} (build it with \`npx tsc -p .\`); running without daemons`);
    return [];
  }
  const started = [];
  for (const { name, scenario } of specs) {
    const port = await freePort();
    const logFile = path.join(logDir, `fake-daemon-${name}.log`);
    // The daemon's phrasebook files live in the run folder, kept for inspection with it.
    const koraHome = path.join(logDir, `kora-home-${name}`);
    fs.mkdirSync(koraHome, { recursive: true });
    const logStream = fs.createWriteStream(logFile);
    const args = [entry, '--port', String(port), '--scenario', scenario, '--kora-home', koraHome];
    const child = spawnGroup(process.execPath, args);
    cleanup.add(`stop fake daemon ${name}`, async () => {
      await killGroup(child);
      logStream.end();
    });
    const { url, controlUrl } = await waitForReadyLine(child, logStream, name);
    logger.info(`fake daemon ${name} (${scenario}) at ${url}, control ${controlUrl}`);
    started.push({ name, scenario, url, controlUrl, koraHome, logFile });
  }
  return started;
}

module.exports = { startFakeDaemons, DEFAULT_DAEMONS };
