// The hostile probe (test/hostile-extension) as an INSTALLED third-party extension: packed into a
// minimal .vsix and installed into the run's extensions dir, so it runs in production mode next to
// Kora Ops, like any extension a user might have. (A second extensionDevelopmentPath does not work
// under code-server: its web workbench keeps only the last one of a repeated payload key.)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const yazl = require('yazl');
const { HOSTILE_EXTENSION } = require('./paths');
const { installVsix } = require('./codeServer');

const CONTENT_TYPES = `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension=".json" ContentType="application/json"/><Default Extension=".js" ContentType="application/javascript"/><Default Extension=".vsixmanifest" ContentType="text/xml"/></Types>
`;

function vsixManifest(manifest) {
  return `<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011">
  <Metadata>
    <Identity Language="en-US" Id="${manifest.name}" Version="${manifest.version}" Publisher="${manifest.publisher}" />
    <DisplayName>${manifest.displayName}</DisplayName>
    <Description xml:space="preserve">A test-only extension.</Description>
    <Properties><Property Id="Microsoft.VisualStudio.Code.Engine" Value="${manifest.engines.vscode}" /></Properties>
  </Metadata>
  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code" /></Installation>
  <Dependencies />
  <Assets><Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" /></Assets>
</PackageManifest>
`;
}

function packHostileProbe(file) {
  const manifest = JSON.parse(fs.readFileSync(path.join(HOSTILE_EXTENSION, 'package.json'), 'utf8'));
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml');
  zip.addBuffer(Buffer.from(vsixManifest(manifest)), 'extension.vsixmanifest');
  for (const name of fs.readdirSync(HOSTILE_EXTENSION)) zip.addFile(path.join(HOSTILE_EXTENSION, name), `extension/${name}`);
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
  });
}

/** Packs and installs the probe into the run's extensions dir (before code-server starts). */
async function installHostileProbe({ toolchain, runDir, logger }) {
  const vsixFile = path.join(runDir.root, 'kora-hostile-probe.vsix');
  await packHostileProbe(vsixFile);
  await installVsix({ toolchain, runDir, vsixFile, logger });
}

module.exports = { installHostileProbe };
