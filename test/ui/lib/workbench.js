// Playwright helpers for the VS Code workbench DOM, shared by the UI scripts (test/ui/*.ui.js).
// Selectors are those of VS Code 1.139 (code-server 4.139); keep them here, in one place.
'use strict';

const SELECTOR = {
  activityBar: '.part.activitybar',
  sideBar: '.part.sidebar',
  panel: '.part.panel',
  quickInput: '.quick-input-widget',
  problemsRow: '.markers-panel .monaco-list-row',
  editor: '.part.editor .monaco-editor',
  squiggle: '.squiggly-error, .squiggly-warning',
};
const KORA_CONTAINER_LABEL = 'Kora Ops';
const DEFAULT_TIMEOUT_MS = 30000;

/** The accessible label of a view's tree (VS Code uses the view name). */
function viewTree(page, viewName) {
  return page.locator(`${SELECTOR.sideBar} .monaco-list[aria-label*="${viewName}"]`);
}

/** Shows the Kora Ops container in the side bar (clicking its icon only when it is not shown yet). */
async function openKoraContainer(page) {
  const icon = page.locator(`${SELECTOR.activityBar} [aria-label^="${KORA_CONTAINER_LABEL}"]`).first();
  await icon.waitFor({ timeout: DEFAULT_TIMEOUT_MS });
  const title = page.locator(`${SELECTOR.sideBar} .composite.title`);
  const shown =
    (await title.count()) > 0 &&
    (await title.first().innerText()).toUpperCase().includes(KORA_CONTAINER_LABEL.toUpperCase());
  if (!shown) await icon.click();
  await page
    .locator(`${SELECTOR.sideBar} .composite.title`, { hasText: new RegExp(KORA_CONTAINER_LABEL, 'i') })
    .waitFor({ timeout: DEFAULT_TIMEOUT_MS });
}

/** Waits until the view's tree has at least `minimum` rows and returns the rows locator. */
async function waitForTreeRows(page, viewName, minimum = 1) {
  const rows = viewTree(page, viewName).locator('.monaco-list-row');
  await rows.nth(minimum - 1).waitFor({ timeout: DEFAULT_TIMEOUT_MS });
  return rows;
}

/** Opens a workspace file through Quick Open (Ctrl+P), e.g. `phrasebook/broken.yml`. */
async function openFile(page, relativePath) {
  await page.keyboard.press('Control+P');
  const input = page.locator(`${SELECTOR.quickInput} input`);
  await input.waitFor({ timeout: DEFAULT_TIMEOUT_MS });
  await input.fill(relativePath);
  // Wait for the file to be the first pick before accepting it.
  const fileName = relativePath.split('/').pop();
  await page
    .locator(`${SELECTOR.quickInput} .monaco-list-row`, { hasText: fileName })
    .first()
    .waitFor({ timeout: DEFAULT_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page
    .locator(`.tabs-container .tab[aria-label*="${fileName}"]`)
    .first()
    .waitFor({ timeout: DEFAULT_TIMEOUT_MS });
}

/** Opens the Problems panel (Ctrl+Shift+M) and waits for at least `minimum` rows. */
async function openProblems(page, minimum = 1) {
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator(SELECTOR.problemsRow);
  await rows.nth(minimum - 1).waitFor({ timeout: DEFAULT_TIMEOUT_MS });
  return rows;
}

module.exports = { SELECTOR, openKoraContainer, waitForTreeRows, openFile, openProblems, viewTree };
