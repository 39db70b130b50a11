// Runs python3 (the judge of regex and PyYAML behaviour) on JSON input and returns its JSON
// output. Tests that need it skip themselves where python3 or PyYAML is missing.
import { spawnSync } from 'node:child_process';

export function pythonAvailable(module = 'json'): boolean {
  const probe = spawnSync('python3', ['-c', `import ${module}`], { encoding: 'utf8' });
  return probe.status === 0;
}

/** Runs `script` with `input` as JSON on stdin (as `data`); the script prints JSON. */
export function runPython<T>(script: string, input: unknown, executable = 'python3'): T {
  const prelude = 'import json, sys\ndata = json.loads(sys.stdin.read())\n';
  const result = spawnSync(executable, ['-c', prelude + script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
