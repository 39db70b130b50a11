// Turns the client's "no clean answer" write results into a cause and a sentence for the operator.
import type { WriteFailure } from '../../daemon/client';
import type { WriteFailureCause } from './reconcile';

export type WriteFailureResult = Exclude<WriteFailure, { kind: 'unauthorized' }>;

export function failureCauseOf(failure: WriteFailureResult): { cause: WriteFailureCause; detail: string } {
  if (failure.kind === 'server_error') {
    const excerpt = failure.bodyExcerpt ? `: ${failure.bodyExcerpt}` : '';
    return { cause: 'server_error', detail: `the daemon answered HTTP ${failure.status}${excerpt}` };
  }
  const cause: WriteFailureCause = failure.error.kind === 'timeout' ? 'timeout' : 'connection_lost';
  return { cause, detail: failure.error.message };
}
