// Kora: Test Message… — palette or the Health view's title; tests may pass `{ daemon, message }`.
import type { PhrasebookCommandFactory } from '../../phrasebookFeatures';
import { daemonNameOf } from '../daemonPicker';
import { testMessageFlow } from '../phrasebook-ops/testMessageFlow';

export const testMessage: PhrasebookCommandFactory =
  ({ ops, deep, tested }) =>
  async (options) => {
    const given = (typeof options === 'object' && options !== null ? options : {}) as {
      daemon?: unknown;
      message?: unknown;
    };
    // The diagnostics' analyzer, so verdicts come from their cache. It is used even when deep-analysis
    // diagnostics are switched off: here it keeps a stalling pattern out of the extension host.
    const summary = await testMessageFlow(ops, deep, {
      daemon: typeof given.daemon === 'string' ? given.daemon : daemonNameOf(options),
      message: typeof given.message === 'string' ? given.message : undefined,
    });
    if (summary) tested.last = summary; // for "Add as Test Case"
    return summary;
  };
