// Kora: Test Message… — palette or the Health view's title; tests may pass `{ daemon, message }`.
import type { CommandFactory } from '.';
import { daemonNameOf } from '../daemons';
import { phrasebookOps } from '../phrasebook-ops';
import { testMessageFlow } from '../phrasebook-ops/testMessageFlow';

export const testMessage: CommandFactory = (kora) => (options) => {
  const given = (typeof options === 'object' && options !== null ? options : {}) as { daemon?: unknown; message?: unknown };
  return testMessageFlow(phrasebookOps(kora), {
    daemon: typeof given.daemon === 'string' ? given.daemon : daemonNameOf(options),
    message: typeof given.message === 'string' ? given.message : undefined,
  });
};
