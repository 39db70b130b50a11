// Exit status of a write whose answer was lost and that was reconciled by reading live again.
import type { WriteOutcome } from '../../core/phrasebook/ops/reconcile';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './common';

export function exitCodeOfReconciliation(outcome: WriteOutcome): number {
  if (outcome === 'written') return EXIT_OK;
  if (outcome === 'not_written') return EXIT_FAILURE;
  return EXIT_USAGE;
}
