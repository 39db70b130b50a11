// After a write whose answer we did not get (HTTP 500, timeout, reset), the daemon may or may not
// have applied it (contract OQ-1: a plain-text 500 can follow a successful write). We never guess:
// we read live again and compare it with what was there before and what we tried to write.

export type WriteOutcome = 'written' | 'not_written' | 'unknown';

/** Why the write's answer is missing. */
export type WriteFailureCause = 'server_error' | 'timeout' | 'connection_lost';

/** The facts of one live state that reconciliation compares. */
export interface LiveFingerprint {
  /** `sha256:<hex>` of the canonical entries. */
  entriesHash: string;
  entryCount: number;
  source: string;
}

/** What the write was meant to produce. A hash is exact; an entry count alone is weaker evidence. */
export interface ExpectedLive {
  entriesHash?: string;
  entryCount?: number;
  source?: string;
}

export interface Reconciliation {
  outcome: WriteOutcome;
  /** One sentence for the operator, true in every branch. */
  explanation: string;
}

function sameState(a: LiveFingerprint, b: LiveFingerprint): boolean {
  return a.entriesHash === b.entriesHash && a.source === b.source;
}

function matchesExpected(after: LiveFingerprint, expected: ExpectedLive): { matches: boolean; exact: boolean } {
  if (expected.source !== undefined && after.source !== expected.source) return { matches: false, exact: true };
  if (expected.entriesHash !== undefined) return { matches: after.entriesHash === expected.entriesHash, exact: true };
  if (expected.entryCount !== undefined) return { matches: after.entryCount === expected.entryCount, exact: false };
  return { matches: expected.source !== undefined, exact: expected.source !== undefined };
}

/**
 * Decides whether a write took effect from the live state before it and after it (`after`
 * undefined when live could not be read again).
 */
export function reconcileWrite(
  cause: WriteFailureCause,
  before: LiveFingerprint,
  expected: ExpectedLive,
  after: LiveFingerprint | undefined,
): Reconciliation {
  if (!after) {
    return {
      outcome: 'unknown',
      explanation:
        'The live phrasebook could not be read again, so whether the write took effect is unknown. Check again before retrying.',
    };
  }
  const unchanged = sameState(after, before);
  const { matches, exact } = matchesExpected(after, expected);
  if (matches && !unchanged) {
    return {
      outcome: 'written',
      explanation: exact
        ? 'The live phrasebook now holds exactly what was written: the write took effect despite the error.'
        : 'The live phrasebook changed and now has the expected number of entries: the write took effect despite the error.',
    };
  }
  if (unchanged && matches && exact) {
    return {
      outcome: 'unknown',
      explanation: 'The live phrasebook already held this content before the write, so it is unchanged either way.',
    };
  }
  if (unchanged) {
    if (cause === 'server_error') {
      return {
        outcome: 'not_written',
        explanation: 'The live phrasebook is unchanged: the write did not take effect.',
      };
    }
    return {
      outcome: 'unknown',
      explanation:
        'The live phrasebook is unchanged so far, but the daemon never answered, so the write may still land. Check again before retrying.',
    };
  }
  return {
    outcome: 'unknown',
    explanation:
      'The live phrasebook changed, but not to what was written: someone else may have written at the same time.',
  };
}
