// Where recheck's native binary for this platform is, if anywhere. recheck publishes one npm
// package per platform (recheck-linux-x64, recheck-macos-arm64, …); a per-platform VSIX carries
// it in dist/bin/<package>/, a development checkout or an npm-installed CLI has it in
// node_modules. Nothing found (or not executable) means the pure-JavaScript fallback.
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const OS_NAMES: Partial<Record<NodeJS.Platform, string>> = { darwin: 'macos', linux: 'linux', win32: 'windows' };
const ARCH_NAMES: Partial<Record<string, string>> = { x64: 'x64', arm64: 'arm64' };

/** The npm package and file of recheck's binary for a platform, or undefined when none is published. */
export function nativePackageFor(
  platform: NodeJS.Platform,
  arch: string,
): { packageName: string; fileName: string } | undefined {
  const os = OS_NAMES[platform];
  const cpu = ARCH_NAMES[arch];
  if (os === undefined || cpu === undefined) return undefined;
  return { packageName: `recheck-${os}-${cpu}`, fileName: platform === 'win32' ? 'recheck.exe' : 'recheck' };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.R_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The binary for this process's platform: first under each of `roots` (dist/bin, then
 * node_modules), then wherever Node's resolution from `resolveFrom` finds the package.
 */
export function findNativeBinary(roots: readonly string[], resolveFrom?: string): string | undefined {
  const target = nativePackageFor(process.platform, process.arch);
  if (target === undefined) return undefined;
  const candidates = roots.flatMap((root) => [
    join(root, 'dist', 'bin', target.packageName, target.fileName),
    join(root, 'node_modules', target.packageName, target.fileName),
  ]);
  if (resolveFrom !== undefined) {
    try {
      // A computed name keeps bundlers from trying to resolve (and inline) it at build time.
      const manifest = createRequire(resolveFrom).resolve([target.packageName, 'package.json'].join('/'));
      candidates.push(join(manifest, '..', target.fileName));
    } catch {
      // not installed: the optional dependency is skipped on platforms without a binary
    }
  }
  return candidates.find(isExecutable);
}
