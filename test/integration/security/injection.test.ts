// Security checks in real VS Code: strings a hostile daemon sends (service errors and details,
// service and listener names, snapshot values, phrasebook text) cannot put a link, a command link or
// HTML into the tree item tooltips or the hovers. The tooltips and hovers are read as VS Code gets
// them: the TreeItem's MarkdownString from the provider, the hovers through executeHoverProvider.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KoraApi } from '../../../src/extension';
import { toDaemonYaml } from '../../../src/core/phrasebook/ops/writeFormat';
import { COMMAND } from '../../../src/vscode/constants';
import { HOSTILE_STRINGS } from '../../unit/security/inertMarkdown';
import { waitFor } from '../helpers';
import { hasAlphaAndBeta, koraApi, refreshUntilState, restoreDaemons } from '../health/support';
import { hoverText, rangeOf } from '../phrasebook/support';
import { daemonControl } from '../faults/control';
import { assertSafeMarkdownString, hoversAt, treeNodes } from './support';

/** Snapshot string fields a reply template can show (and whose live value a hover shows). */
const SNAPSHOT_STRING_PATHS = [
  'operational_state.primary',
  'cost_ladder.model_default',
  'daemon_health.boot_at',
] as const;
/** The hover shows the refreshed snapshot at once; a busy machine gets slack. */
const LIVE_VALUE_TIMEOUT_MS = 45000;
const ALLOWED_HOVER_COMMANDS = [COMMAND.copyAttackString];

/** Starts every hostile live value, so a hover showing it can be recognised. */
const LIVE_MARKER = 'hostileLiveValue';

/** The hostile strings spread over the snapshot string fields (each value stays under the escape cap). */
function hostileValues(): Record<(typeof SNAPSHOT_STRING_PATHS)[number], string> {
  const values = SNAPSHOT_STRING_PATHS.map((_, index) =>
    [LIVE_MARKER, ...HOSTILE_STRINGS.filter((__, hostile) => hostile % SNAPSHOT_STRING_PATHS.length === index)].join(
      ' ',
    ),
  );
  return Object.fromEntries(SNAPSHOT_STRING_PATHS.map((key, index) => [key, values[index]])) as Record<
    (typeof SNAPSHOT_STRING_PATHS)[number],
    string
  >;
}

/** A merge patch setting `a.b` paths. */
function snapshotPatch(values: Record<string, string>): Record<string, Record<string, string>> {
  const patch: Record<string, Record<string, string>> = {};
  for (const [dotted, value] of Object.entries(values)) {
    const [group, field] = dotted.split('.');
    patch[group] = { ...patch[group], [field]: value };
  }
  return patch;
}

describe('security (integration): daemon text cannot inject links, commands or HTML', function () {
  this.timeout(120_000);
  let api: KoraApi;

  before(async function () {
    if (!hasAlphaAndBeta()) this.skip();
    api = await koraApi();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (api) await restoreDaemons(api);
  });

  it('tree item tooltips stay inert and untrusted with hostile service, listener and snapshot strings', async () => {
    const beta = daemonControl('beta');
    const services: Record<string, unknown> = {};
    const listeners: Record<string, unknown> = {};
    HOSTILE_STRINGS.forEach((hostile, index) => {
      services[`probe-${index} ${hostile}`] = {
        status: 'degraded',
        latency_ms: index,
        error: hostile,
        details: { [hostile]: hostile },
      };
      listeners[`listener-${index} ${hostile}`] = { status: 'down', consecutive_errors: index, last_event_at: hostile };
    });
    services.sentry = { status: 'unhealthy', error: HOSTILE_STRINGS.join(' '), details: { note: HOSTILE_STRINGS[0] } };
    await beta.patchServices(services);
    await beta.patchSnapshot({
      daemon_health: { listeners, boot_at: HOSTILE_STRINGS[1] },
      cost_ladder: { current_tier: HOSTILE_STRINGS[2] },
    });
    await refreshUntilState(api, 'beta', 'ok');
    const nodes = await waitFor(
      async () => {
        // A poll already in flight when the daemon changed shows the old data: poll again.
        await vscode.commands.executeCommand(COMMAND.refresh, 'beta');
        const all = treeNodes(api).filter((node) => node.daemonName === 'beta');
        return all.some((node) => node.label.startsWith('listener-0')) &&
          all.some((node) => node.label.startsWith('probe-0'))
          ? all
          : undefined;
      },
      { message: 'the hostile listeners and services in the tree' },
    );
    for (const node of nodes) {
      const item = api.health.treeProvider.getTreeItem({ id: node.id, daemonName: node.daemonName, kind: node.kind });
      assertSafeMarkdownString(item.tooltip, `tooltip of ${node.id}`);
      assert.doesNotMatch(String(item.label ?? ''), /[\r\n]/, `label of ${node.id} is one line`);
    }
  });

  it('placeholder hovers show a hostile live snapshot value inertly', async () => {
    const values = hostileValues();
    await daemonControl('alpha').patchSnapshot(snapshotPatch(values));
    // Read it now: waiting for the hover's own re-read (LIVE_SNAPSHOT_TTL_MS) would tie the test to the clock.
    await vscode.commands.executeCommand(COMMAND.refresh, 'alpha');
    const entries = SNAPSHOT_STRING_PATHS.map((key, index) => ({
      pattern: `^hover${index}$`,
      category: `hover${index}`,
      description: 'Hover check',
      reply_template: `Value: {snapshot.${key}}`,
    }));
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: toDaemonYaml(entries) });
    await vscode.window.showTextDocument(document);
    for (const key of SNAPSHOT_STRING_PATHS) {
      const position = rangeOf(document, `{snapshot.${key}}`).start.translate(0, 3);
      // The hover's live value comes from a cached snapshot read: wait for the patched one.
      const hovers = await waitFor(
        async () => {
          const found = await hoversAt(document.uri, position);
          return hoverText([new vscode.Hover(found)]).includes(LIVE_MARKER) ? found : undefined;
        },
        {
          timeoutMs: LIVE_VALUE_TIMEOUT_MS,
          intervalMs: 1000,
          message: `a hover with the hostile live value of ${key}`,
        },
      );
      hovers.forEach((hover, index) =>
        assertSafeMarkdownString(hover, `hover ${index} on {snapshot.${key}}`, ALLOWED_HOVER_COMMANDS),
      );
    }
  });

  it('pattern hovers on the live phrasebook show hostile phrasebook text inertly', async () => {
    const client = api.health.registry.get('alpha')?.client;
    assert.ok(client, 'alpha is configured');
    const entries = HOSTILE_STRINGS.map((hostile, index) => ({
      pattern: `^(hostile-${index}|h${index})$`,
      category: hostile.replace(/\n/g, ' '),
      description: hostile,
      reply_template: `Reply ${index}: ${hostile}`,
    }));
    const written = await client.putPhrasebook(entries);
    assert.equal(
      written.kind,
      'ok',
      `the daemon accepts the hostile (but valid) phrasebook: ${JSON.stringify(written).slice(0, 300)}`,
    );
    const uri = await vscode.commands.executeCommand<vscode.Uri>(COMMAND.openLivePhrasebook, 'alpha');
    const document = await waitFor(
      async () => {
        const shown = await vscode.workspace.openTextDocument(uri);
        return shown.getText().includes('hostile-0') ? shown : undefined;
      },
      { message: 'the live phrasebook with the hostile entries' },
    );
    for (let index = 0; index < entries.length; index++) {
      const position = rangeOf(document, `hostile-${index}|`).start;
      const hovers = await waitFor(
        async () => {
          const found = await hoversAt(document.uri, position);
          return found.length > 0 ? found : undefined;
        },
        { message: `a hover on pattern ${index}` },
      );
      assert.match(hoverText([new vscode.Hover(hovers)]), /\*\*Pattern\*\* of entry/, 'the pattern hover');
      hovers.forEach((hover, hoverIndex) =>
        assertSafeMarkdownString(hover, `hover ${hoverIndex} on the pattern of entry ${index}`, ALLOWED_HOVER_COMMANDS),
      );
    }
  });
});
