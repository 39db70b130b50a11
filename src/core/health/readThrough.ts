// Reads for an operation (pull, push, revert, Test Message, the live document) go through the
// daemon's poller: it reads the stream now, keeps the answer for every other consumer (the tree's
// Phrasebook section shows what a pull just read), and hands it over. Writes go to the client.
import { DaemonError } from '../daemon/errors';
import type { PhrasebookOpsClient } from '../phrasebook/ops/client';
import type { DaemonPoller } from './daemonPoller';
import type { RefreshReason, Stream, StreamValues } from './streams';

/** Reads one stream now (after any poll in flight) and returns its value, or throws its error. */
async function readThrough<S extends Stream>(
  poller: DaemonPoller,
  stream: S,
  reason: RefreshReason,
): Promise<StreamValues[S]> {
  await poller.refresh(reason, [stream]);
  const outcome = poller.latest(stream);
  if (!outcome)
    throw new DaemonError({
      kind: 'malformed',
      detail: `the ${stream} could not be read (the daemon was removed from the settings?)`,
    });
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/**
 * The operations' client with its reads routed through the poller (when the daemon has one).
 * `poller` is asked at each call: the monitor is replaced when the polling settings change.
 */
export function readingThroughPoller(
  client: PhrasebookOpsClient,
  poller: () => DaemonPoller | undefined,
): PhrasebookOpsClient {
  const via =
    <S extends Stream>(stream: S, direct: () => Promise<StreamValues[S]>) =>
    () => {
      const owner = poller();
      return owner ? readThrough(owner, stream, 'manual') : direct();
    };
  return {
    getPhrasebook: via('phrasebook', () => client.getPhrasebook()),
    getPhrasebookBackups: via('backups', () => client.getPhrasebookBackups()),
    getSnapshot: via('snapshot', () => client.getSnapshot()),
    putPhrasebook: (entries) => client.putPhrasebook(entries),
    revertPhrasebook: (filename) => client.revertPhrasebook(filename),
    testPhrasebook: (text) => client.testPhrasebook(text),
  };
}
