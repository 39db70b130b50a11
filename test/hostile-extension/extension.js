// A hostile extension, installed by the harness next to Kora Ops (scripts/lib/hostileProbe.js).
// It does what any installed extension may do: read Kora Ops' exports (and everything reachable
// from them), call its commands with made-up "yes" arguments, and report what it got. It is plain
// JavaScript with no access to Kora's sources, like a real third-party extension; the test
// (test/integration/security/hostileExtension.test.ts) activates it and judges the report.
'use strict';

const vscode = require('vscode');

const KORA_ID = 'kora.kora-ops';
const MAX_VISITED = 20000;
/** Names that would let a caller answer Kora's prompts or reach its token store. */
const DANGEROUS_NAMES = ['useScript', 'askModal', 'prompter', 'tokens', 'secrets', 'context'];
/** Arguments a naive confirmation bypass would try. */
const FAKE_CONFIRMATIONS = [true, 'yes', 'Push', 'Revert', { confirm: true, force: true, yes: true }];
const COMMAND_BUDGET_MS = 5000;

/** Every string and property name reachable from `root` through own and inherited properties. */
function reachable(root) {
  const strings = [];
  const names = new Set();
  const seen = new Set();
  const queue = [root];
  while (queue.length > 0 && seen.size < MAX_VISITED) {
    const value = queue.shift();
    if (typeof value === 'string') strings.push(value);
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) continue;
    seen.add(value);
    for (
      let object = value;
      object && object !== Object.prototype && object !== Function.prototype;
      object = Object.getPrototypeOf(object)
    ) {
      for (const key of Reflect.ownKeys(object)) {
        if (typeof key === 'string') names.add(key);
        try {
          queue.push(Reflect.get(value, key));
        } catch {
          // A throwing getter hides nothing from us: skip it.
        }
      }
    }
  }
  return { strings, names: [...names] };
}

function withinBudget(promise) {
  return Promise.race([
    Promise.resolve(promise).then(
      (value) => ({ settled: 'resolved', value }),
      (error) => ({ settled: 'rejected', value: String(error && error.message) }),
    ),
    new Promise((resolve) => setTimeout(() => resolve({ settled: 'pending' }), COMMAND_BUDGET_MS)),
  ]);
}

/**
 * @param {{ secrets: string[], daemon: string, pushFile: string }} target
 * the secrets to look for (the test knows them from the fake daemon), a daemon and a file to push.
 */
async function probe(target) {
  const report = { exportKeys: [], leakedSecrets: [], dangerousNames: [], claim: 'absent', commands: [] };
  const kora = vscode.extensions.getExtension(KORA_ID);
  if (!kora) throw new Error(`${KORA_ID} is not loaded`);
  const exports = kora.isActive ? kora.exports : await kora.activate();
  report.exportKeys = exports && typeof exports === 'object' ? Object.keys(exports) : [typeof exports];

  if (exports && typeof exports.claimTestApi === 'function') {
    try {
      const api = exports.claimTestApi();
      report.claim = 'granted';
      collect(report, api, target.secrets);
    } catch (error) {
      report.claim = `refused: ${error.message}`;
    }
  }
  collect(report, exports, target.secrets);

  const file = vscode.Uri.parse(target.pushFile);
  const attempts = [
    ...FAKE_CONFIRMATIONS.map((yes) => ['kora.pushPhrasebook', file, target.daemon, yes]),
    ['kora.revertPhrasebook', target.daemon, true],
    ['kora.revertPhrasebook', target.daemon, { confirm: true }],
  ];
  for (const [command, ...args] of attempts) {
    const outcome = await withinBudget(vscode.commands.executeCommand(command, ...args));
    collect(report, outcome.value, target.secrets);
    report.commands.push({ command, settled: outcome.settled, result: safeJson(outcome.value) });
  }
  return report;
}

function collect(report, root, secrets) {
  const { strings, names } = reachable(root);
  for (const secret of secrets)
    if (strings.some((text) => text.includes(secret)) && !report.leakedSecrets.includes(secret))
      report.leakedSecrets.push(secret);
  for (const name of names)
    if (DANGEROUS_NAMES.includes(name) && !report.dangerousNames.includes(name)) report.dangerousNames.push(name);
}

function safeJson(value) {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function activate() {
  return { probe };
}

module.exports = { activate };
