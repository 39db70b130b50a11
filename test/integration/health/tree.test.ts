// The Health view against the fake daemons "alpha" (healthy) and "beta" (degraded): the right
// items and icons, and the status bar and badge following them.
import * as assert from 'node:assert/strict';
import type { KoraApi } from '../../../src/extension';
import { COLOR } from '../../../src/core/health/looks';
import { CANONICAL_SERVICES } from '../../../src/core/tree/daemonTree';
import { CONTEXT, KORA_STATE } from '../../../src/vscode/constants';
import {
  SHOW_TIMEOUT_MS,
  findNode,
  hasAlphaAndBeta,
  iconOf,
  koraApi,
  restoreDaemons,
  rootNode,
  treeItemOf,
  waitForTree,
} from './support';
import { waitFor } from '../helpers';

describe('health view: items and icons', function () {
  let api: KoraApi;

  before(async function () {
    if (!hasAlphaAndBeta()) this.skip();
    api = await koraApi();
    await restoreDaemons(api);
  });

  it('shows one root per configured daemon, in settings order, with the view ready', () => {
    const roots = api.health.treeProvider.getChildren().map((handle) => api.health.treeProvider.node(handle)?.label);
    assert.deepEqual(roots, ['alpha', 'beta']);
    assert.equal(api.health.viewState(), KORA_STATE.ready, `context key ${CONTEXT.state}`);
  });

  it('shows alpha healthy: green root with uptime, every listener up and every service healthy', async () => {
    const root = await waitForTree(api, 'alpha', 'healthy', (node) => node.description.startsWith('healthy'));
    assert.match(root.description, /^healthy · up \d+[smhd]/);
    assert.deepEqual(iconOf(treeItemOf(api, root)), { id: 'pass-filled', color: COLOR.passed });

    const listeners = findNode(api, 'alpha', 'listeners');
    assert.equal(listeners?.description, '12 up');
    assert.ok(
      listeners?.children.every(
        (node) => node.description === 'up' && iconOf(treeItemOf(api, node)).id === 'pass-filled',
      ),
    );

    const services = findNode(api, 'alpha', 'services');
    assert.deepEqual(
      services?.children.map((node) => node.label),
      [...CANONICAL_SERVICES],
      'canonical order',
    );
    for (const service of services?.children ?? []) {
      assert.deepEqual(iconOf(treeItemOf(api, service)), { id: 'pass-filled', color: COLOR.passed }, service.label);
      assert.match(service.description, /^healthy · \d+ ms$/, 'latency as description');
    }
    assert.equal(findNode(api, 'alpha', 'errors')?.description, '0');
    assert.match(findNode(api, 'alpha', 'snapshot')?.description ?? '', /^computed /);
    assert.equal(findNode(api, 'alpha', 'alerts')?.description, 'none active');
  });

  it('shows beta degraded: a down listener and degraded, unhealthy and unknown services with their icons', () => {
    const root = rootNode(api, 'beta');
    assert.ok(root);
    assert.match(root.description, /^degraded · up /);
    assert.deepEqual(iconOf(treeItemOf(api, root)), { id: 'warning', color: COLOR.warning });

    const listeners = findNode(api, 'beta', 'listeners');
    assert.equal(listeners?.description, '11 up · 1 down');
    const down = listeners?.children.find((node) => node.description === 'down');
    assert.equal(down?.label, 'email_inbound_imap');
    assert.deepEqual(down && iconOf(treeItemOf(api, down)), { id: 'error', color: COLOR.error });

    const byName = new Map(findNode(api, 'beta', 'services')?.children.map((node) => [node.label, node]));
    assert.deepEqual(iconOf(treeItemOf(api, byName.get('sentry')!)), { id: 'warning', color: COLOR.warning });
    assert.deepEqual(iconOf(treeItemOf(api, byName.get('supabase')!)), { id: 'error', color: COLOR.error });
    assert.deepEqual(iconOf(treeItemOf(api, byName.get('vercel')!)), { id: 'question', color: COLOR.muted });
    const vercelTooltip = treeItemOf(api, byName.get('vercel')!).tooltip;
    assert.match(
      typeof vercelTooltip === 'string' ? vercelTooltip : (vercelTooltip?.value ?? ''),
      /KORA\\_VERCEL\\_API\\_TOKEN/,
      'error in the tooltip, escaped',
    );
    assert.match(findNode(api, 'beta', 'alerts')?.description ?? '', /^2 active/);
  });

  it('puts the worst daemon in the status bar and counts non-healthy listeners and services in the badge', async () => {
    await waitFor(() => api.health.statusBarText() === '$(warning) Kora: beta degraded', {
      timeoutMs: SHOW_TIMEOUT_MS,
      message: `status bar naming beta (is ${api.health.statusBarText()})`,
    });
    // The badge must agree with what the tree shows: every listener or service without a green icon.
    const notGreen = ['alpha', 'beta'].flatMap((name) =>
      ['listeners', 'services']
        .flatMap((group) => findNode(api, name, group)?.children ?? [])
        .filter((node) => node.iconId !== 'pass-filled'),
    );
    assert.equal(
      notGreen.length,
      4,
      'beta: email_inbound_imap down; vercel unknown, sentry degraded, supabase unhealthy',
    );
    assert.equal(api.health.badge(), notGreen.length);
  });

  it('says how fresh the data is in the view description', () => {
    assert.match(api.health.description() ?? '', /^updated \d+ (s|min) ago$/);
  });
});
