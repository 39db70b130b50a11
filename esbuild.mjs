// Bundles the extension, the CLI and the ReDoS worker. The worker is its own entry so that
// recheck (the heavy analysis code) is only loaded when a pattern is analysed.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  {
    ...common,
    entryPoints: ['src/core/redos/worker.ts'],
    outfile: 'dist/redosWorker.js',
    // recheck references its native/synckit backends with require.resolve; the pure backend we force never uses them.
    logOverride: { 'require-resolve-not-external': 'silent' },
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
