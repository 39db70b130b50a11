// The extension's bundle: its size, and how long Node takes to load it (the part of activation
// that happens before `activate()` runs), in CPU time. Loaded in fresh processes, `vscode` replaced by an inert
// stand-in (the bundle only touches it inside activate()); the median of several loads is reported.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './stats';

const ROOT = join(__dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'extension.js');
const PHRASEBOOK_BUNDLE = join(ROOT, 'dist', 'phrasebook.js');
const LOADS = 7;

/** Every `vscode.X` the sources name: the stand-in's own keys (esbuild copies a module's own keys). */
function vscodeApiNames(): string[] {
  const names = new Set<string>();
  const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.ts'),
  );
  for (const file of files)
    for (const match of readFileSync(join(ROOT, 'src', file), 'utf8').matchAll(/\bvscode\.(\w+)/g)) names.add(match[1]);
  return [...names];
}

/**
 * Prints the CPU milliseconds one `require(bundle)` took (CPU rather than wall time: on a shared
 * machine the wall clock mostly measures the other processes), with `vscode` resolved to a stub.
 */
const LOADER = `
const Module = require('node:module');
const inert = new Proxy(function () {}, { get: (target, key) => (key === 'then' ? undefined : inert), apply: () => inert, construct: () => inert });
const stub = Object.fromEntries(JSON.parse(process.argv[2]).map((name) => [name, inert]));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const started = process.cpuUsage();
require(process.argv[1]);
const used = process.cpuUsage(started);
process.stdout.write(String((used.user + used.system) / 1000));
`;

export function benchBundle(): { bundle_bytes: number; bundle_load_ms: number; phrasebook_bundle_bytes: number } {
  const names = JSON.stringify(vscodeApiNames());
  const loads = Array.from({ length: LOADS }, () =>
    Number(execFileSync(process.execPath, ['-e', LOADER, BUNDLE, names], { encoding: 'utf8' })),
  );
  return {
    bundle_bytes: statSync(BUNDLE).size,
    bundle_load_ms: Math.round(median(loads) * 10) / 10,
    phrasebook_bundle_bytes: statSync(PHRASEBOOK_BUNDLE).size,
  };
}
