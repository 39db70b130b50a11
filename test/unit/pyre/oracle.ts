/**
 * Runs test/tools/pyre_oracle.py (CPython's re) once per batch, under each CPython version pyre
 * models. Interpreters are looked up per version: $PYRE_PYTHON_3_13 (etc.), then the newest
 * pyenv install (~/.pyenv/versions/3.13.*), then `python3.13` on PATH. A version that is not
 * found is reported by the tests (a pending test naming what was searched), not skipped silently;
 * with PYRE_REQUIRE_ALL_PYTHONS=1 a missing version fails instead.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PYTHON_VERSIONS, PythonVersion } from '../../../src/core/pyre';

export const ORACLE_PATH = path.resolve(__dirname, '../../../../test/tools/pyre_oracle.py');
const MAX_OUTPUT_BYTES = 1 << 28;
/** One oracle run compiles thousands of patterns; generous because the machine may be saturated. */
const ORACLE_TIMEOUT_MS = 240_000;

export type OracleCompileResult =
  | { ok: true; groups: number; groupindex: Record<string, number>; flags: number }
  | { kind: 're.error'; msg: string; pos: number | null; text: string }
  | { kind: 'exception'; type: string; text: string };

export type OracleMatchResult = { matched: boolean; end: number | null } | Exclude<OracleCompileResult, { ok: true }>;

export interface OracleResponse {
  compile: OracleCompileResult[];
  match: OracleMatchResult[];
  python: string;
}

export interface OracleInterpreter {
  version: PythonVersion;
  executable: string;
  /** Full version the interpreter reported, e.g. 3.13.0. */
  fullVersion: string;
}

export interface OracleSearch {
  found: OracleInterpreter[];
  missing: Array<{ version: PythonVersion; searched: string[] }>;
}

function reportedVersion(executable: string): string | null {
  const run = spawnSync(executable, ['-c', 'import sys; print(sys.version.split()[0])'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return run.status === 0 ? run.stdout.trim() : null;
}

function pyenvCandidates(version: PythonVersion): string[] {
  const root = process.env.PYENV_ROOT ?? path.join(os.homedir(), '.pyenv');
  const versionsDir = path.join(root, 'versions');
  let names: string[] = [];
  try {
    names = fs.readdirSync(versionsDir);
  } catch {
    return [path.join(versionsDir, `${version}.*`, 'bin', 'python3')];
  }
  const patch = (name: string): number => Number(name.slice(version.length + 1));
  return names
    .filter((name) => new RegExp(`^${version.replace('.', '\\.')}\\.\\d+$`).test(name))
    .sort((a, b) => patch(b) - patch(a))
    .map((name) => path.join(versionsDir, name, 'bin', 'python3'));
}

function findInterpreter(version: PythonVersion): OracleInterpreter | { searched: string[] } {
  const envName = `PYRE_PYTHON_${version.replace('.', '_')}`;
  const candidates = [process.env[envName], ...pyenvCandidates(version), `python${version}`].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  for (const executable of candidates) {
    const fullVersion = reportedVersion(executable);
    if (fullVersion?.startsWith(`${version}.`)) return { version, executable, fullVersion };
  }
  return { searched: [`$${envName}`, ...candidates] };
}

let cachedSearch: OracleSearch | undefined;

/** Every modelled CPython version found on this machine, and the ones that are not. */
export function findOracleInterpreters(): OracleSearch {
  if (cachedSearch) return cachedSearch;
  const search: OracleSearch = { found: [], missing: [] };
  for (const version of PYTHON_VERSIONS) {
    const result = findInterpreter(version);
    if ('executable' in result) search.found.push(result);
    else search.missing.push({ version, searched: result.searched });
  }
  cachedSearch = search;
  return search;
}

/** Whether a missing interpreter must fail the run (CI machines that promise all of them). */
export const REQUIRE_ALL_PYTHONS = process.env.PYRE_REQUIRE_ALL_PYTHONS === '1';

function runPython(interpreter: OracleInterpreter, args: string[], input: string): string {
  const run = spawnSync(interpreter.executable, [ORACLE_PATH, ...args], {
    input,
    maxBuffer: MAX_OUTPUT_BYTES,
    encoding: 'utf8',
    timeout: ORACLE_TIMEOUT_MS,
  });
  if (run.error) throw new Error(`cannot run ${interpreter.executable}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`pyre_oracle.py failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
  return run.stdout;
}

export function runOracle(
  interpreter: OracleInterpreter,
  request: { compile?: string[]; match?: Array<[string, string]> },
): OracleResponse {
  const response = JSON.parse(runPython(interpreter, [], JSON.stringify(request))) as OracleResponse;
  if (!response.python.startsWith(`${interpreter.version}.`)) {
    throw new Error(`the oracle must be CPython ${interpreter.version}, got ${response.python}`);
  }
  return response;
}

export interface OracleUnicodeData {
  UNICODE_DATA_VERSION: string;
  NAMES: string;
  CJK_UNIFIED_RANGES: string;
  HANGUL_L: string[];
  HANGUL_V: string[];
  HANGUL_T: string[];
  TABLES: Record<string, string>;
  LOWER_DELTAS: string;
  EXTRA_CASES: Array<[number, number[]]>;
}

export function dumpUnicodeData(interpreter: OracleInterpreter): OracleUnicodeData {
  return JSON.parse(runPython(interpreter, ['--dump-unicode-data'], '')) as OracleUnicodeData;
}
