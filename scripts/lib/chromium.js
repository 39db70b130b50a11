// Headless Debian Chromium through playwright-core, wired to the workbench's automation hooks:
// with the smoke-test driver on, the workbench reports the test exit code through
// window.codeAutomationExit and forwards extension-host console output through codeAutomationLog.
'use strict';

const util = require('node:util');
const { chromium } = require('playwright-core');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const VIEWPORT = { width: 1440, height: 900 };

/**
 * @param {{ executablePath: string, profileDir: string, onExit?: (code: number) => void,
 *           onLog?: (line: string) => void, onPageError?: (message: string) => void }} options
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page }>}
 */
async function launchWorkbenchBrowser({ executablePath, profileDir, onExit, onLog, onPageError }) {
  // launchPersistentContext, because launch() refuses --user-data-dir and we want a fresh profile.
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Must be exposed before the workbench loads (i.e. before page.goto).
  await page.exposeFunction('codeAutomationExit', (code) => onExit?.(Number(code)));
  await page.exposeFunction('codeAutomationLog', (_level, args) => {
    // Mocha's reporter output arrives as printf-style arguments.
    onLog?.(Array.isArray(args) ? util.format(...args) : String(args));
  });
  if (onPageError) page.on('pageerror', (error) => onPageError(error.message));
  return { context, page };
}

module.exports = { launchWorkbenchBrowser };
