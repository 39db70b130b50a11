// The extension's bundle: its size, and how long Node takes to load it (the part of activation
// that happens before `activate()` runs). Loaded in fresh processes, `vscode` replaced by an inert
// stand-in (the bundle only touches it inside activate()); the median of several loads is reported.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'extension.js');
const LOADS = 7;

/** Prints the milliseconds one `require(bundle)` took, with `vscode` resolved to a stub. */
const LOADER = `
const Module = require('node:module');
const stub = new Proxy(function () {}, { get: (target, key) => (key === 'then' ? undefined : stub), apply: () => stub, construct: () => stub });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
const started = process.hrtime.bigint();
require(process.argv[1]);
process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function benchBundle(): { bundle_bytes: number; bundle_load_ms: number } {
  const loads = Array.from({ length: LOADS }, () => Number(execFileSync(process.execPath, ['-e', LOADER, BUNDLE], { encoding: 'utf8' })));
  return { bundle_bytes: statSync(BUNDLE).size, bundle_load_ms: Math.round(median(loads) * 10) / 10 };
}
