// Prints, one JSON line per corpus entry, the attack candidates test/tools/redos_cpython.py (label) times on
// CPython to confirm the corpus labels: recheck's attack with and without the sticky flag (through
// the native binary when installed), plus generic pumps. Needs `npm run compile` first.
import { join } from 'node:path';
import { compilePython, translateToJs } from '../../src/core/pyre';
import { DeepRedosAnalyzer } from '../../src/core/redos/deep';
import { findNativeBinary } from '../../src/core/redos/nativeBinary';
import { CPYTHON_CORPUS } from '../unit/redos/fixtures/cpythonCorpus';

const ROOT = join(__dirname, '..', '..', '..');
const GENERIC_PUMPS = ['a', '0', ' ', '\t', '!', 'x', 'ab', 'a ', 'a=', 'a,', 'a-', 'a.', 'hi '];
const GENERIC_SUFFIXES = ['\u0000', '!', '\n\u0000'];

async function main(): Promise<void> {
  const nativeBinaryPath = findNativeBinary([ROOT]);
  const sticky = new DeepRedosAnalyzer({
    workerPath: join(ROOT, 'dist', 'redosWorker.js'),
    nativeBinaryPath,
    timeBudgetMs: 10_000,
  });
  const { check } = await import('recheck');
  for (const entry of CPYTHON_CORPUS) {
    const compiled = compilePython(entry.pattern);
    if (!compiled.ok) throw new Error(`${entry.pattern} does not compile`);
    const translation = translateToJs(compiled);
    if (!translation.ok) throw new Error(`${entry.pattern} does not translate`);
    const candidates: string[] = [];
    const verdict = await sticky.analyze(translation.source, translation.flags);
    if (verdict.status === 'vulnerable' && verdict.attackPython) candidates.push(verdict.attackPython);
    const anywhere = await check(translation.source, translation.flags, { timeout: 10_000, randomSeed: 0 });
    if (anywhere.status === 'vulnerable') candidates.push(JSON.stringify(anywhere.attack.string));
    for (const pump of GENERIC_PUMPS)
      for (const suffix of GENERIC_SUFFIXES)
        candidates.push(`${JSON.stringify(pump)} * 20000 + ${JSON.stringify(suffix)}`);
    process.stdout.write(`${JSON.stringify({ pattern: entry.pattern, label: entry.label, candidates })}\n`);
  }
  sticky.dispose();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
