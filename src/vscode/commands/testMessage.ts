// Kora: Test Message… — palette or the Health view's title; tests may pass `{ daemon, message }`.
import type { CommandFactory } from '.';
import { daemonNameOf } from '../daemons';
import { deepAnalysisOf } from '../phrasebook';
import { phrasebookOps } from '../phrasebook-ops';
import { testMessageFlow } from '../phrasebook-ops/testMessageFlow';
import { rememberTestedMessage } from '../testing';

export const testMessage: CommandFactory = (kora) => (options) => {
  const given = (typeof options === 'object' && options !== null ? options : {}) as { daemon?: unknown; message?: unknown };
  // The diagnostics' analyzer, so verdicts come from their cache. It is used even when deep-analysis
  // diagnostics are switched off: here it keeps a stalling pattern out of the extension host.
  return testMessageFlow(phrasebookOps(kora), deepAnalysisOf(kora), {
    daemon: typeof given.daemon === 'string' ? given.daemon : daemonNameOf(options),
    message: typeof given.message === 'string' ? given.message : undefined,
  }).then((summary) => rememberTestedMessage(kora, summary)); // for "Add as Test Case"
};
