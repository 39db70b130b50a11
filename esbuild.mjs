// Bundles the extension, the CLI and the ReDoS worker. The worker is its own entry so that
// recheck (the heavy analysis code) is only loaded when a pattern is analysed; so is the phrasebook
// bundle (language features, operations, tests), loaded by the extension on first need.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--native`: ship recheck's native binary for this platform in dist/bin (per-platform VSIX). */
const native = process.argv.includes('--native');
const require = createRequire(import.meta.url);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * yaml resolves to its CommonJS build under Node, which esbuild cannot tree-shake; its ES-module
 * build (the package's "default" export, same source) can: ~18 KB less in each bundle. Its only
 * differences are platform shims that phrasebooks never reach (warnings via console.warn rather
 * than process.emitWarning; !!binary decoded with atob rather than Buffer).
 */
const yamlEsModules = {
  name: 'yaml-es-modules',
  setup(build) {
    const browserEntry = join(dirname(require.resolve('yaml/package.json')), 'browser', 'index.js');
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: browserEntry }));
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [yamlEsModules],
  },
  {
    ...common,
    entryPoints: ['src/phrasebookFeatures.ts'],
    outfile: 'dist/phrasebook.js',
    external: ['vscode'],
    plugins: [yamlEsModules],
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [yamlEsModules],
  },
  {
    ...common,
    entryPoints: ['src/core/redos/worker.ts'],
    outfile: 'dist/redosWorker.js',
    // recheck references its native/synckit backends with require.resolve; the pure backend we force never uses them.
    logOverride: { 'require-resolve-not-external': 'silent' },
  },
];

// The Unicode names table, loaded by src/core/pyre/unicode/names.ts on the first \N{...} only,
// so that ~190 KB stays out of the extension's and the CLI's bundles.
builds.push({
  ...common,
  sourcemap: false,
  entryPoints: ['src/core/pyre/unicode/namesData.ts'],
  outfile: 'dist/namesData.js',
});

/**
 * dist/bin holds recheck's binary only for a per-platform package (`npm run package:native --
 * TARGET`); every other build removes it, so the default, universal VSIX never carries a binary
 * for the wrong platform (it uses the pure-JavaScript checker; development runs find the binary
 * in node_modules).
 */
function placeNativeBinary() {
  rmSync('dist/bin', { recursive: true, force: true });
  if (!native) return;
  const os = { darwin: 'macos', linux: 'linux', win32: 'windows' }[process.platform];
  const packageName = `recheck-${os}-${process.arch}`;
  const fileName = process.platform === 'win32' ? 'recheck.exe' : 'recheck';
  const source = join(dirname(require.resolve(`${packageName}/package.json`)), fileName);
  mkdirSync(join('dist', 'bin', packageName), { recursive: true });
  copyFileSync(source, join('dist', 'bin', packageName, fileName));
  chmodSync(join('dist', 'bin', packageName, fileName), 0o755);
}

placeNativeBinary();
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
