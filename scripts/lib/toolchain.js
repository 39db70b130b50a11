// Finds the tools of the integration run: Node 24 for code-server, code-server's entry script and
// Chromium. Environment variables win over `.cache-env` (the output of ensure-integration-deps.sh).
'use strict';

const fs = require('node:fs');
const { CACHE_ENV_FILE } = require('./paths');

const TOOL_KEYS = ['CODE_SERVER_NODE', 'CODE_SERVER_ENTRY', 'CHROMIUM'];

/** Parses `KEY=value` lines; anything else (blank lines, comments) is ignored. */
function parseEnvLines(text) {
  const values = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) values[match[1]] = match[2];
  }
  return values;
}

/**
 * @returns {{ codeServerNode: string, codeServerEntry: string, chromium: string }}
 * @throws Error with a hint when a tool is not configured or missing on disk.
 */
function readToolchain(env = process.env) {
  const fromFile = fs.existsSync(CACHE_ENV_FILE) ? parseEnvLines(fs.readFileSync(CACHE_ENV_FILE, 'utf8')) : {};
  const resolved = {};
  for (const key of TOOL_KEYS) resolved[key] = env[key] || fromFile[key] || '';

  const problems = TOOL_KEYS.filter((key) => !resolved[key] || !fs.existsSync(resolved[key])).map(
    (key) => `${key}=${resolved[key] || '(unset)'}`,
  );
  if (problems.length > 0) {
    throw new Error(
      `integration tools not found: ${problems.join(', ')}.\n` +
        `Run \`bash scripts/ensure-integration-deps.sh > .cache-env\` (npm run test:integration does it), ` +
        `or set ${TOOL_KEYS.join(', ')}.`,
    );
  }
  return {
    codeServerNode: resolved.CODE_SERVER_NODE,
    codeServerEntry: resolved.CODE_SERVER_ENTRY,
    chromium: resolved.CHROMIUM,
  };
}

module.exports = { readToolchain, parseEnvLines };
