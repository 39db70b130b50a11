// Locations inside the repository that the harness scripts share.
'use strict';

const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

module.exports = {
  REPO_ROOT,
  /** Written by `scripts/ensure-integration-deps.sh` (npm scripts redirect its stdout here). */
  CACHE_ENV_FILE: path.join(REPO_ROOT, '.cache-env'),
  FIXTURE_WORKSPACE: path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'),
  /** Compiled test entry (tsc output of test/integration/index.ts). */
  INTEGRATION_TESTS_ENTRY: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js'),
  FAKE_DAEMON_ENTRY: path.join(REPO_ROOT, 'out', 'test', 'fake-daemon', 'main.js'),
  EXTENSION_BUNDLE: path.join(REPO_ROOT, 'dist', 'extension.js'),
  /** A second test extension that attacks Kora Ops' exports and commands (security suite). */
  HOSTILE_EXTENSION: path.join(REPO_ROOT, 'test', 'hostile-extension'),
  UI_SCRIPTS_DIR: path.join(REPO_ROOT, 'test', 'ui'),
  SCREENSHOTS_DIR: path.join(REPO_ROOT, 'media', 'screenshots'),
  /** Per-run temporary folders live here (git-ignored), so a kept run is easy to find. */
  RUNS_DIR: path.join(REPO_ROOT, '.harness', 'runs'),
};
