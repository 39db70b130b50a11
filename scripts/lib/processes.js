// Child processes started in their own process group, so that killing the group also ends their
// children (code-server's extension host, pty host, file watcher, ...): no orphans after a run.
'use strict';

const fs = require('node:fs');
const { spawn } = require('node:child_process');
const { sleep } = require('./net');

const KILL_GRACE_MS = 3000;

/**
 * Starts `command args` detached (a new process group). Output goes to `logFile` when given,
 * otherwise it is piped so the caller can read it.
 */
function spawnGroup(command, args, { env = process.env, cwd, logFile } = {}) {
  const stdio = logFile ? ['ignore', fs.openSync(logFile, 'a'), fs.openSync(logFile, 'a')] : ['ignore', 'pipe', 'pipe'];
  const child = spawn(command, args, { env, cwd, stdio, detached: true });
  if (logFile) {
    // The child holds its own copies of the descriptors.
    for (const fd of new Set(stdio.slice(1))) fs.closeSync(fd);
  }
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.isRunning = () => child.exitCode === null && child.signalCode === null;
  return child;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is already gone
  }
}

function groupExists(pid) {
  return signalGroup(pid, 0);
}

/** SIGTERM to the whole group, then SIGKILL for whatever is still alive after a grace period. */
async function killGroup(child, graceMs = KILL_GRACE_MS) {
  if (!child || !child.pid) return;
  if (!signalGroup(child.pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && groupExists(child.pid)) await sleep(100);
  signalGroup(child.pid, 'SIGKILL');
}

/** Runs a command to completion, returning its exit code and combined output. */
function runToCompletion(command, args, { env = process.env, cwd, timeoutMs = 120000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * Resolves when `file` contains `needle`, rejects after `timeoutMs` (with `hint` in the message)
 * or as soon as `isCancelled()` returns true.
 */
async function waitForFileContains(file, needle, { timeoutMs, hint = '', isCancelled = () => false }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isCancelled()) return false;
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(needle)) return true;
    await sleep(250);
  }
  throw new Error(`"${needle}" did not appear in ${file} within ${timeoutMs} ms. ${hint}`.trim());
}

module.exports = { spawnGroup, killGroup, runToCompletion, waitForFileContains };
