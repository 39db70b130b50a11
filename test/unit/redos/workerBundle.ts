// Locates the bundled analysis worker for tests: dist/redosWorker.js when `npm run build` produced
// it after the last change to the ReDoS sources, otherwise a one-off bundle of just that entry
// under out/ (the full build may fail while other parts of the project are unfinished).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..', '..', '..', '..');
const SOURCE_DIR = join(ROOT, 'src', 'core', 'redos');
const DIST_WORKER = join(ROOT, 'dist', 'redosWorker.js');
const TEST_BUILD_WORKER = join(ROOT, 'out', 'test-bundles', 'redosWorker.js');

let cached: Promise<string> | undefined;

function newestSourceMtimeMs(): number {
  return Math.max(...readdirSync(SOURCE_DIR).map((name) => statSync(join(SOURCE_DIR, name)).mtimeMs));
}

async function locate(): Promise<string> {
  if (existsSync(DIST_WORKER) && statSync(DIST_WORKER).mtimeMs >= newestSourceMtimeMs()) return DIST_WORKER;
  // Same options as esbuild.mjs for this entry.
  await build({
    entryPoints: [join(SOURCE_DIR, 'worker.ts')],
    outfile: TEST_BUILD_WORKER,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'silent',
    legalComments: 'none',
  });
  return TEST_BUILD_WORKER;
}

export function redosWorkerPath(): Promise<string> {
  cached ??= locate();
  return cached;
}

/** A test-only worker (see fixtures/fakeWorker.ts) that can hang or crash on demand. */
export const FAKE_WORKER_PATH = join(__dirname, 'fixtures', 'fakeWorker.js');
/** The real worker behind a guard that forbids spawning (see fixtures/noSpawnWorker.ts). */
export const NO_SPAWN_WORKER_PATH = join(__dirname, 'fixtures', 'noSpawnWorker.js');
