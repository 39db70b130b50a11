// `node out/test/fake-daemon/main.js [--port N] [--scenario NAME] [--kora-home DIR]`
// Prints one line `KORA_FAKE_DAEMON_READY {"url":"http://127.0.0.1:PORT","controlUrl":"..."}` once
// listening and runs until SIGTERM/SIGINT. The control API is served on the daemon port and on a
// separate control port that stays up while the `offline` scenario has closed the daemon port.
// Environment: KORA_PHRASEBOOK_BACKUP_COUNT, KORA_MCP_BEARER_TOKEN (as the real daemon reads them).

import { parseArgs } from 'node:util';
import { isScenarioName } from './scenarios';
import { startFakeDaemon } from './server';

export const READY_PREFIX = 'KORA_FAKE_DAEMON_READY';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      scenario: { type: 'string', default: 'healthy' },
      'kora-home': { type: 'string' },
      'control-port': { type: 'string', default: '0' },
    },
    strict: true,
  });
  const port = Number(values.port);
  const controlPort = Number(values['control-port']);
  if (
    !Number.isInteger(port) ||
    port < 0 ||
    port > 65535 ||
    !Number.isInteger(controlPort) ||
    controlPort < 0 ||
    controlPort > 65535
  ) {
    throw new Error('--port and --control-port must be integers between 0 and 65535');
  }
  if (!isScenarioName(values.scenario)) throw new Error(`unknown scenario "${values.scenario}"`);
  const daemon = await startFakeDaemon({
    port,
    controlPort,
    scenario: values.scenario,
    koraHome: values['kora-home'],
    backupCount: process.env.KORA_PHRASEBOOK_BACKUP_COUNT,
    mcpToken: process.env.KORA_MCP_BEARER_TOKEN || undefined,
  });
  process.stdout.write(`${READY_PREFIX} ${JSON.stringify({ url: daemon.url, controlUrl: daemon.controlUrl })}\n`);
  const shutdown = (): void => {
    void daemon.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`fake daemon: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
