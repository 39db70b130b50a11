// The hostile probe (test/hostile-extension) as an INSTALLED third-party extension: packed into a
// .vsix and installed into the run's extensions dir, so it runs in production mode next to
// Kora Ops, like any extension a user might have. (A second extensionDevelopmentPath does not work
// under code-server: its web workbench keeps only the last one of a repeated payload key.)
'use strict';

const path = require('node:path');
const { createVSIX } = require('@vscode/vsce');
const { HOSTILE_EXTENSION } = require('./paths');
const { installVsix } = require('./codeServer');

/** Packs the probe with vsce, the same packager as the extension itself (offline, no prompts). */
function packHostileProbe(file) {
  return createVSIX({
    cwd: HOSTILE_EXTENSION,
    packagePath: file,
    dependencies: false,
    allowMissingRepository: true,
    skipLicense: true,
  });
}

/** Packs and installs the probe into the run's extensions dir (before code-server starts). */
async function installHostileProbe({ toolchain, runDir, logger }) {
  const vsixFile = path.join(runDir.root, 'kora-hostile-probe.vsix');
  await packHostileProbe(vsixFile);
  await installVsix({ toolchain, runDir, vsixFile, logger });
}

module.exports = { installHostileProbe };
