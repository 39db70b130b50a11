// Runs the Playwright UI scripts (`test/ui/*.ui.js`) against an open workbench. Each script
// exports `async (ctx) => {}`; a thrown error fails that script and a screenshot of the moment
// is kept in the run folder.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { UI_SCRIPTS_DIR, SCREENSHOTS_DIR } = require('./paths');

const UI_SCRIPT_SUFFIX = '.ui.js';
const DEFAULT_SCRIPT_TIMEOUT_MS = 90000;

function listUiScripts(grep) {
  const pattern = grep ? new RegExp(grep) : null;
  return fs
    .readdirSync(UI_SCRIPTS_DIR)
    .filter((name) => name.endsWith(UI_SCRIPT_SUFFIX) && (!pattern || pattern.test(name)))
    .sort()
    .map((name) => path.join(UI_SCRIPTS_DIR, name));
}

function withTimeout(promise, timeoutMs, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * @param {{ page, environment: { runDir, daemons }, logger, grep?: string }} options
 * @returns {Promise<{ passed: number, failed: number, pending: number, failures: {fullTitle, message}[], screenshots: string[] }>}
 */
async function runUiScripts({ page, environment, logger, grep }) {
  const shotsDir = process.env.HARNESS_SHOTS || SCREENSHOTS_DIR;
  const timeoutMs = Number(process.env.HARNESS_UI_SCRIPT_TIMEOUT_MS) || DEFAULT_SCRIPT_TIMEOUT_MS;
  fs.mkdirSync(shotsDir, { recursive: true });
  const screenshots = [];
  const ctx = {
    page,
    workspace: environment.runDir.workspace,
    daemons: environment.daemons,
    logger,
    /** Saves `<shotsDir>/<name>.png` of the whole window, or of `locator` when given. */
    async shot(name, locator) {
      const file = path.join(shotsDir, `${name}.png`);
      await (locator ?? page).screenshot({ path: file });
      screenshots.push(file);
      logger.info(`screenshot ${path.relative(process.cwd(), file)}`);
      return file;
    },
  };

  const scripts = listUiScripts(grep);
  const summary = { passed: 0, failed: 0, pending: 0, complete: true, failures: [], screenshots };
  for (const script of scripts) {
    const title = path.basename(script, UI_SCRIPT_SUFFIX);
    const startedAt = Date.now();
    try {
      const run = require(script);
      if (typeof run !== 'function') throw new Error(`${script} must export an async function (ctx) => {}`);
      await withTimeout(run(ctx), timeoutMs, `UI script ${title}`);
      summary.passed += 1;
      console.log(`  ✔ ${title} (${Date.now() - startedAt} ms)`);
    } catch (error) {
      summary.failed += 1;
      summary.failures.push({ fullTitle: `UI ${title}`, message: error.stack || String(error) });
      console.log(`  ✗ ${title}: ${error.message}`);
      const failureShot = path.join(environment.runDir.root, `failure-${title}.png`);
      await page.screenshot({ path: failureShot }).catch(() => undefined);
      logger.info(`failure screenshot kept at ${failureShot}`);
    }
  }
  return summary;
}

module.exports = { runUiScripts };
