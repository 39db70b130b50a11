// README screenshots of the phrasebook language features: broken.yml with its squiggles and the
// Problems panel, then the hover of a pattern the deep ReDoS analysis flags, with its attack string.
'use strict';

const assert = require('node:assert/strict');
const { SELECTOR, openFile, openProblems } = require('./lib/workbench');

/** broken.yml has five broken entries (see its header), each with at least one problem. */
const MIN_BROKEN_PROBLEMS = 5;
const REDOS_PATTERN_TEXT = '^(a|aa)+$';
const HOVER = '.monaco-hover, .monaco-resizable-hover';
/** The first deep analysis starts the worker: give the error squiggle time to appear. */
const DEEP_ANALYSIS_TIMEOUT_MS = 30000;
const TIMEOUT_MS = 30000;
/** The editor-title button shown only while `kora.isPhrasebookEditor` is true. */
const PUSH_BUTTON = '.editor-actions [aria-label^="Push Phrasebook to Daemon"]';

/**
 * Makes `relativePath` the active editor: a click on its tab when it is open already (Quick Open
 * under load may leave the previous editor active), Quick Open otherwise.
 */
async function showFile(page, relativePath) {
  const fileName = relativePath.split('/').pop();
  const tab = page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).first();
  if ((await tab.count()) > 0) await tab.click();
  else await openFile(page, relativePath);
  await page.locator(`.tabs-container .tab.active[aria-label*="${fileName}"]`).first().waitFor({ timeout: TIMEOUT_MS });
}

/** The context key follows the active editor: on for a phrasebook, off for plain YAML. */
async function contextKeyFollowsEditor(ctx) {
  const { page } = ctx;
  await showFile(page, 'phrasebook/broken.yml');
  await page.locator(PUSH_BUTTON).first().waitFor({ timeout: TIMEOUT_MS });
  await showFile(page, 'notes/plain.yml');
  await page.locator(PUSH_BUTTON).first().waitFor({ state: 'detached', timeout: TIMEOUT_MS });
}

async function diagnosticsShot(ctx) {
  const { page } = ctx;
  await showFile(page, 'phrasebook/broken.yml');
  await page.locator(`${SELECTOR.editor} .squiggly-error`).first().waitFor({ timeout: TIMEOUT_MS });
  const rows = await openProblems(page, MIN_BROKEN_PROBLEMS);
  const labels = await rows.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('aria-label') ?? ''),
  );
  assert.ok(
    labels.some((label) => label.includes('invalid regex: missing ), unterminated subpattern at position 1')),
    `the Problems panel lists the daemon's regex error (rows: ${labels.join(' | ')})`,
  );
  await ctx.shot('diagnostics');
}

async function hoverShot(ctx) {
  const { page } = ctx;
  await showFile(page, 'phrasebook/redos.yml');
  // The deep verdict (an error) is the only error squiggle in this file.
  await page.locator(`${SELECTOR.editor} .squiggly-error`).first().waitFor({ timeout: DEEP_ANALYSIS_TIMEOUT_MS });
  const patternText = page.locator(`${SELECTOR.editor} .view-line`, { hasText: REDOS_PATTERN_TEXT }).first();
  const box = await patternText.boundingBox();
  assert.ok(box, 'the pattern line is visible');
  const token = patternText.locator('span span', { hasText: 'aa' }).first();
  await token.hover();
  const hover = page.locator(HOVER, { hasText: 'exponential' }).first();
  await hover.waitFor({ timeout: TIMEOUT_MS });
  const text = await hover.innerText();
  assert.match(text, /Copy attack string/, 'the hover offers to copy the attack string');
  await ctx.shot('hover');
}

module.exports = async function phrasebookDiagnostics(ctx) {
  await contextKeyFollowsEditor(ctx);
  await diagnosticsShot(ctx);
  await hoverShot(ctx);
};
