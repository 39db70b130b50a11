/** Runs test/tools/pyre_oracle.py (CPython 3.11's re) once for a whole batch. */
import { spawnSync } from 'child_process';
import * as path from 'path';

export const ORACLE_PATH = path.resolve(__dirname, '../../../../test/tools/pyre_oracle.py');
const PYTHON = process.env.PYRE_PYTHON ?? 'python3';
const MAX_OUTPUT_BYTES = 1 << 28;

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

function runPython(args: string[], input: string): string {
  const run = spawnSync(PYTHON, [ORACLE_PATH, ...args], { input, maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8' });
  if (run.error) throw new Error(`cannot run ${PYTHON}: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`pyre_oracle.py failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
  return run.stdout;
}

export function runOracle(request: { compile?: string[]; match?: Array<[string, string]> }): OracleResponse {
  const response = JSON.parse(runPython([], JSON.stringify(request))) as OracleResponse;
  if (!response.python.startsWith('3.11.')) throw new Error(`the oracle must be CPython 3.11, got ${response.python}`);
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

export function dumpUnicodeData(): OracleUnicodeData {
  return JSON.parse(runPython(['--dump-unicode-data'], '')) as OracleUnicodeData;
}
