// README screenshots of the phrasebook operations against the fake daemon "alpha": the revert
// QuickPick (backups newest first, "most recent backup" on top, a corrupt one shown but not
// selectable), the push diff (live ↔ file) and the modal confirmation over it, which the script
// then cancels — nothing is written.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { SELECTOR, openFile } = require('./lib/workbench');
// The daemon's own write format, as a pull writes it (compiled by `npx tsc -p .`).
const { toDaemonYaml } = require('../../out/src/core/phrasebook/ops/writeFormat');

const DAEMON = 'alpha';
const PHRASEBOOK_PATH = '/api/phrasebook/slack_dm';
const TOKEN_HEADER = 'x-hermes-session-token';
const TIMEOUT_MS = 30000;
const PULLED_FILE = 'phrasebook/slack_dm.alpha.yml';
const CORRUPT_BACKUP = 'slack_dm.2026-01-02T08-30-00Z.yml';
/** The extension's status bar item: once it shows, the commands are registered. */
const STATUS_BAR_ITEM = '[id="kora.kora-ops.kora.status"]';

async function control(daemon, method, route, body) {
  const response = await fetch(new URL(route, daemon.controlUrl), {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `${method} ${route}: HTTP ${response.status}`);
  return response.json();
}

/** Talks to the fake daemon as another operator would (the web cockpit), with its current token. */
async function daemonApi(daemon, method, body) {
  const { token } = await control(daemon, 'GET', '/__fake/state');
  const response = await fetch(new URL(PHRASEBOOK_PATH, daemon.url), {
    method,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.equal(response.status, 200, `${method} ${PHRASEBOOK_PATH}`);
  return response.json();
}

function entry(category, pattern, reply) {
  return { pattern, category, description: `Operator ${category.replace('_', ' ')}`, reply_template: reply };
}

/** A few versions, so the QuickPick has backups to show; plus one corrupt backup file. */
async function prepareHistory(daemon) {
  await control(daemon, 'POST', '/__fake/reset');
  const { entries: seed } = await daemonApi(daemon, 'GET');
  const base = seed.map(({ pattern, category, description, reply_template }) => ({
    pattern,
    category,
    description,
    reply_template,
  }));
  const versions = [
    [
      ...base,
      entry('deploy_query', '^(deploy|deploys|deploy status)[\\s.?!]*$', 'Last deploy: {snapshot.service_health.fly}.'),
    ],
    [
      ...base,
      entry('deploy_query', '^(deploy|deploys|deploy status)[\\s.?!]*$', 'Fly: {snapshot.service_health.fly}.'),
      entry('pause_ack', '^(pause|hold on)[\\s.!]*$', 'Pausing is manual for now.'),
    ],
    [...base.slice(0, 6), entry('deploy_query', '^(deploy|deploys)[\\s.?!]*$', 'Fly: {snapshot.service_health.fly}.')],
  ];
  for (const entries of versions) await daemonApi(daemon, 'PUT', { entries });
  const backups = path.join(daemon.koraHome, 'phrasebook', 'backups');
  fs.mkdirSync(backups, { recursive: true });
  fs.writeFileSync(path.join(backups, CORRUPT_BACKUP), 'entries: [unterminated\n');
}

/** Runs a command from the palette by its title (without a trailing ellipsis). */
async function runCommand(page, title) {
  await page.locator(STATUS_BAR_ITEM).waitFor({ timeout: TIMEOUT_MS });
  await page.keyboard.press('F1');
  const input = page.locator(`${SELECTOR.quickInput} input`);
  await input.waitFor({ timeout: TIMEOUT_MS });
  await input.fill(`>${title}`);
  await page
    .locator(`${SELECTOR.quickInput} .monaco-list-row`, { hasText: title })
    .first()
    .waitFor({ timeout: TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

/** With several daemons configured, the command asks which one first. */
async function pickDaemonIfAsked(page) {
  const row = page.locator(`${SELECTOR.quickInput} .monaco-list-row`, { hasText: DAEMON }).first();
  if (
    await row.waitFor({ timeout: 5000 }).then(
      () => true,
      () => false,
    )
  ) {
    const placeholder = await page.locator(`${SELECTOR.quickInput} input`).getAttribute('placeholder');
    if (placeholder && /daemon/i.test(placeholder)) await row.click();
  }
}

async function revertQuickPickShot(ctx, _daemon) {
  const { page } = ctx;
  await runCommand(page, 'Kora: Revert Phrasebook');
  await pickDaemonIfAsked(page);
  const rows = page.locator(`${SELECTOR.quickInput} .monaco-list-row`);
  await rows.filter({ hasText: 'most recent' }).first().waitFor({ timeout: TIMEOUT_MS });
  const labels = await rows.allInnerTexts();
  assert.equal(
    labels.filter((label) => /most recent/.test(label)).length,
    1,
    'the newest readable backup is marked, not listed twice',
  );
  assert.ok(
    labels.some((label) => label.includes(CORRUPT_BACKUP) && /unreadable/.test(label)),
    'the corrupt backup is listed as unreadable',
  );
  assert.ok(
    labels.some((label) => /(just now|ago) · \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/.test(label)),
    'relative and absolute times',
  );
  await page.mouse.move(5, 5); // no item tooltip in the picture
  await ctx.shot('revert-quickpick', page.locator(SELECTOR.quickInput));
  await page.keyboard.press('Escape');
}

async function pushDiffShot(ctx, daemon) {
  const { page } = ctx;
  // The file an operator pulled and edited: live in the daemon's format, one reply changed, one entry added.
  const live = await daemonApi(daemon, 'GET');
  const edited = live.entries.map((item) =>
    item.category === 'deploy_query'
      ? { ...item, reply_template: 'Fly is {snapshot.service_health.fly}; Vercel is {snapshot.service_health.vercel}.' }
      : item,
  );
  edited.push(
    entry(
      'oncall_query',
      '^(who is on ?call|oncall)[\\s.?!]*$',
      'Check PagerDuty; alerts: {snapshot.alerts.active_count}.',
    ),
  );
  const yaml = toDaemonYaml(edited);
  fs.writeFileSync(path.join(ctx.workspace, ...PULLED_FILE.split('/')), yaml);
  await openFile(page, PULLED_FILE);
  await runCommand(page, 'Kora: Push Phrasebook to Daemon');
  await pickDaemonIfAsked(page);
  const diffEditor = page.locator('.part.editor .monaco-diff-editor').first();
  await diffEditor.waitFor({ timeout: TIMEOUT_MS });
  await page.locator('.part.editor .tab', { hasText: 'push preview' }).first().waitFor({ timeout: TIMEOUT_MS });
  await diffEditor.locator('.line-insert, .char-insert').first().waitFor({ timeout: TIMEOUT_MS });
  // The modal confirmation names the daemon and the entry counts, over the diff.
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: TIMEOUT_MS });
  assert.match(await dialog.innerText(), /to daemon "alpha"\?[\s\S]*→/);
  await page.mouse.move(5, 5);
  await ctx.shot('push-confirmation', page.locator('.part.editor'));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: TIMEOUT_MS });
  // The diff alone, without the "cancelled" toast over it.
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.mouse.move(5, 5);
  await ctx.shot('push-diff', page.locator('.part.editor'));
  // The cancelled confirmation sent nothing: live still has the three-version state.
  const after = await daemonApi(daemon, 'GET');
  assert.equal(after.entries.length, live.entries.length, 'nothing was pushed');
}

module.exports = async function phrasebookOps(ctx) {
  const daemon = ctx.daemons.find((candidate) => candidate.name === DAEMON);
  assert.ok(daemon, `the harness starts ${DAEMON}`);
  await prepareHistory(daemon);
  await revertQuickPickShot(ctx, daemon);
  await pushDiffShot(ctx, daemon);
};
