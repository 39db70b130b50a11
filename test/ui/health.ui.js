// README screenshots of the health sidebar against the fake daemons (alpha healthy, beta degraded):
// both daemons expanded with their status icons, the status bar item and the view badge, and the
// tooltip of a degraded service.
'use strict';

const assert = require('node:assert/strict');
const { SELECTOR, openKoraContainer, viewTree, waitForTreeRows } = require('./lib/workbench');

const HEALTH_VIEW = 'Health';
/** `<extension id>.<item id>` (STATUS_BAR_ITEM_ID in src/vscode/constants.ts). */
const STATUS_BAR_ITEM = '[id="kora.kora-ops.kora.status"]';
const TIMEOUT_MS = 30000;
const SIDEBAR_EXTRA_WIDTH = 180;

/** The tree row whose label is exactly `label`. */
function row(page, label) {
  return viewTree(page, HEALTH_VIEW)
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
    .first();
}

/** Rows labelled `label` that show the codicon `iconClass`. */
function rowsWithIcon(page, label, iconClass) {
  return viewTree(page, HEALTH_VIEW)
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
    .filter({ has: page.locator(`.${iconClass}`) });
}

/** Drags the side bar's edge so that descriptions are not cut off in the screenshot. */
async function widenSideBar(page, pixels) {
  const box = await page.locator(SELECTOR.sideBar).boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 1 + pixels, y, { steps: 5 });
  await page.mouse.up();
}

/** Polling waits for a focused window; the welcome page's Retry reads the daemons at once. */
async function readDaemonsIfStillConnecting(page) {
  const retry = page.locator(`${SELECTOR.sideBar} .welcome-view-content a`, { hasText: 'Retry Now' });
  if (await retry.isVisible().catch(() => false)) await retry.click();
}

module.exports = async function healthSidebar(ctx) {
  const { page } = ctx;
  const daemonNames = ctx.daemons.map((daemon) => daemon.name);
  assert.ok(
    daemonNames.includes('alpha') && daemonNames.includes('beta'),
    `the harness starts alpha and beta (has ${daemonNames.join(', ')})`,
  );
  await openKoraContainer(page);
  await readDaemonsIfStillConnecting(page);
  await waitForTreeRows(page, HEALTH_VIEW, 2);

  // Both roots read: alpha healthy (green check), beta degraded (warning), with uptime.
  await row(page, 'alpha')
    .locator('.label-description', { hasText: /^healthy · up / })
    .waitFor({ timeout: TIMEOUT_MS });
  await row(page, 'beta')
    .locator('.label-description', { hasText: /^degraded · up / })
    .waitFor({ timeout: TIMEOUT_MS });
  assert.equal(await row(page, 'alpha').locator('.codicon-pass-filled').count(), 1, 'alpha has a pass icon');
  assert.equal(await row(page, 'beta').locator('.codicon-warning').count(), 1, 'beta has a warning icon');

  // beta's down listener is shown expanded, its services with their own icons.
  await row(page, 'email_inbound_imap').locator('.codicon-error').waitFor({ timeout: TIMEOUT_MS });
  // alpha's services are all healthy, so exactly one row of each of these is beta's.
  assert.equal(await rowsWithIcon(page, 'supabase', 'codicon-error').count(), 1, "beta's supabase is unhealthy");
  assert.equal(await rowsWithIcon(page, 'sentry', 'codicon-warning').count(), 1, "beta's sentry is degraded");
  assert.equal(await rowsWithIcon(page, 'vercel', 'codicon-question').count(), 1, "beta's vercel cannot be probed");

  const statusText = await page.locator(STATUS_BAR_ITEM).innerText();
  assert.match(statusText, /Kora: beta degraded/, `status bar item (is "${statusText}")`);
  const badge = page.locator(`${SELECTOR.activityBar} .action-item:has([aria-label^="Kora Ops"]) .badge-content`);
  await badge.waitFor({ timeout: TIMEOUT_MS });
  assert.equal((await badge.innerText()).trim(), '4', 'one listener down and three services not healthy');

  await widenSideBar(page, SIDEBAR_EXTRA_WIDTH);
  await page.mouse.move(1000, 450); // no hover or activity-bar tooltip in the picture
  await ctx.shot('health', page.locator(SELECTOR.sideBar));

  // The tooltip of a degraded service: status, latency, last check, details.
  const sentry = viewTree(page, HEALTH_VIEW)
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-description', { hasText: /^degraded · \d+ ms$/ }) })
    .first();
  await sentry.hover();
  const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: 'unresolved_issues' }).first();
  await hover.waitFor({ timeout: TIMEOUT_MS });
  await ctx.shot('health-tooltip', await unionOf(page, [page.locator(SELECTOR.sideBar), hover]));
  await page.mouse.move(1000, 450);
  await widenSideBar(page, -SIDEBAR_EXTRA_WIDTH); // as it was, for the scripts that follow
};

/** Something `ctx.shot` can photograph: the rectangle around several elements. */
async function unionOf(page, locators) {
  const boxes = (await Promise.all(locators.map((locator) => locator.boundingBox()))).filter(Boolean);
  const x = Math.min(...boxes.map((box) => box.x));
  const y = Math.min(...boxes.map((box) => box.y));
  const clip = {
    x,
    y,
    width: Math.max(...boxes.map((box) => box.x + box.width)) - x,
    height: Math.max(...boxes.map((box) => box.y + box.height)) - y,
  };
  return { screenshot: (options) => page.screenshot({ ...options, clip }) };
}
