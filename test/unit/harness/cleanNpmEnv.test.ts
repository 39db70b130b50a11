// The toolchain's inner npm installs must not inherit the outer `npm test`'s environment: code-server's
// postinstall reads the Node version from npm_config_user_agent and refuses Node 20's.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const CLEAN_NPM_ENV = join(REPO_ROOT, 'scripts', 'lib', 'clean-npm-env.sh');

/** The environment `bash clean-npm-env.sh env` hands to its command, as a map. */
function environmentSeenBy(outer: Record<string, string>): Map<string, string> {
  const printed = execFileSync('bash', [CLEAN_NPM_ENV, 'env', '-0'], { env: outer, encoding: 'utf8' });
  return new Map(
    printed
      .split('\0')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('scripts/lib/clean-npm-env.sh', () => {
  const outerNpmOnNode20 = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: '/home/operator',
    npm_config_user_agent: 'npm/10.8.2 node/v20.18.1 linux x64 workspaces/false',
    npm_lifecycle_event: 'test',
    npm_lifecycle_script: 'npm run test:unit && npm run test:integration',
    npm_package_name: 'kora-ops',
    npm_config_prefix: '/work/kora-ops',
    npm_config_local_prefix: '/work/kora-ops',
    npm_node_execpath: '/usr/bin/node',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    NODE: '/usr/bin/node',
    INIT_CWD: '/work/kora-ops',
    npm_config_registry: 'https://registry.example.invalid/',
    npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
  };

  it('drops everything the outer npm run sets, the user agent first', () => {
    const seen = environmentSeenBy(outerNpmOnNode20);
    const leaked = [...seen.keys()].filter(
      (name) => /^npm_/i.test(name) && !/^npm_config_(registry|cafile)$/.test(name),
    );
    assert.deepEqual(leaked, []);
    assert.equal(seen.has('NODE'), false);
    assert.equal(seen.has('INIT_CWD'), false);
  });

  it('keeps what describes the machine: PATH, HOME, the registry and its CA', () => {
    const seen = environmentSeenBy(outerNpmOnNode20);
    assert.equal(seen.get('PATH'), outerNpmOnNode20.PATH);
    assert.equal(seen.get('HOME'), '/home/operator');
    assert.equal(seen.get('npm_config_registry'), 'https://registry.example.invalid/');
    assert.equal(seen.get('npm_config_cafile'), '/etc/ssl/certs/ca-certificates.crt');
  });

  it('passes the command its arguments untouched', () => {
    const printed = execFileSync('bash', [CLEAN_NPM_ENV, 'printf', '%s|', 'a b', '$HOME', ''], {
      env: outerNpmOnNode20,
      encoding: 'utf8',
    });
    assert.equal(printed, 'a b|$HOME||');
  });
});
