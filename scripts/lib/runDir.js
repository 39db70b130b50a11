// One fresh folder per run: user data (settings), extensions, a copy of the fixture workspace, a
// Chromium profile and code-server's config. Nothing leaks between runs and parallel runs work.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { FIXTURE_WORKSPACE, RUNS_DIR } = require('./paths');

/** Workbench settings that keep a headless, offline run quiet and deterministic. */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

/**
 * Creates `<RUNS_DIR>/<label>-<time>-<random>/` with its sub-folders.
 * @returns {{ root, userData, extensions, workspace, chromiumProfile, configFile, serverLog, resultsFile }}
 */
function createRunDir(label) {
  fs.mkdirSync(RUNS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const root = fs.mkdtempSync(path.join(RUNS_DIR, `${label}-${stamp}-`));
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    chromiumProfile: path.join(root, 'chromium-profile'),
    configFile: path.join(root, 'config.yaml'),
    serverLog: path.join(root, 'code-server.log'),
    resultsFile: path.join(root, 'results.json'),
  };
  for (const dir of [dirs.userData, dirs.extensions, dirs.chromiumProfile]) fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(FIXTURE_WORKSPACE, dirs.workspace, { recursive: true });
  // Without --config, code-server would read (and maybe create) ~/.config/code-server/config.yaml.
  fs.writeFileSync(dirs.configFile, 'auth: none\n');
  return dirs;
}

/**
 * Writes the settings for both configuration targets. In a remote window (code-server is one),
 * `"scope": "machine"` settings such as `kora.daemons` are read only from the remote machine
 * settings (`Machine/settings.json`); everything else comes from the user settings.
 */
function writeSettings(runDir, extraSettings = {}) {
  const settings = { ...BASE_SETTINGS, ...extraSettings };
  for (const target of ['User', 'Machine']) {
    const dir = path.join(runDir.userData, target);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  }
  return settings;
}

/** Settings that point the extension at the started fake daemons. */
function koraSettingsFor(daemons) {
  return {
    'kora.daemons': daemons.map(({ name, url }) => ({ name, url })),
    // The shortest interval the manifest allows, so state changes show up quickly in tests.
    'kora.polling.minIntervalSeconds': 5,
  };
}

function removeRunDir(runDir) {
  fs.rmSync(runDir.root, { recursive: true, force: true });
}

module.exports = { createRunDir, writeSettings, koraSettingsFor, removeRunDir, BASE_SETTINGS };
