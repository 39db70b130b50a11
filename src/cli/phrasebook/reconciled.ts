// A write (push, revert) whose answer was lost, reconciled by reading live again: how it is
// reported and its exit status.
import type { LiveState } from '../../core/phrasebook/ops/live';
import type { Reconciliation, WriteOutcome } from '../../core/phrasebook/ops/reconcile';
import { safeLine } from '../../core/text/sanitize';
import type { CliIo, OutputFormat } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, print, printLiveHash } from './common';

export interface InterruptedWrite {
  /** Why the answer was lost (a 500, a timeout, a reset): one line, daemon text. */
  failure: string;
  reconciliation: Reconciliation;
  liveAfter: LiveState | undefined;
}

/** The live-hash read afterwards, the failure, and what reading live again concluded. */
export function reportInterrupted(io: CliIo, format: OutputFormat, write: InterruptedWrite): number {
  if (write.liveAfter) printLiveHash(io, write.liveAfter.hash);
  io.stderr.write(`${safeLine(write.failure)}\n`);
  const { outcome, explanation } = write.reconciliation;
  print(io, format, { outcome }, () => `outcome: ${outcome} — ${safeLine(explanation)}`);
  return exitCodeOfReconciliation(outcome);
}

function exitCodeOfReconciliation(outcome: WriteOutcome): number {
  if (outcome === 'written') return EXIT_OK;
  if (outcome === 'not_written') return EXIT_FAILURE;
  return EXIT_USAGE;
}
