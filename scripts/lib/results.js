// The results JSON written by test/integration/index.ts and the plain summary line CI reads.
'use strict';

const fs = require('node:fs');

/**
 * @typedef {{ passed: number, failed: number, pending: number, total: number, durationMs?: number,
 *             complete: boolean,
 *             failures: { fullTitle: string, message: string, stack?: string }[],
 *             extensionPath?: string }} TestResults
 */

/** @returns {TestResults | null} null when the file is missing or not a results object. */
function readResultsFile(file) {
  if (!fs.existsSync(file)) return null;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    const counts = ['passed', 'failed', 'pending'].every((key) => Number.isInteger(parsed[key]));
    // `complete` is false while the suite still runs (the entry rewrites the file after every test).
    return counts ? { failures: [], ...parsed, complete: parsed.complete !== false } : null;
  } catch {
    return null;
  }
}

/** Exactly `N passed, M failed`, plus `, K skipped` when some were skipped. */
function summaryLine({ passed, failed, pending = 0 }) {
  return `${passed} passed, ${failed} failed${pending > 0 ? `, ${pending} skipped` : ''}`;
}

/** One line per failure (the full report with diffs and stacks is printed above it). */
function printFailures(failures) {
  if (failures.length === 0) return;
  console.log(`\nFailures (${failures.length}):`);
  failures.forEach((failure, index) => {
    console.log(`  ${index + 1}) ${failure.fullTitle}: ${failure.message.split('\n')[0]}`);
  });
  console.log('');
}

/** A run counts as a success only when it finished, ran at least one test and none failed. */
function isSuccessful(results) {
  return results !== null && results.complete && results.failed === 0 && results.passed > 0;
}

module.exports = { readResultsFile, summaryLine, printFailures, isSuccessful };
