// One read of one endpoint as data: the value or the typed error, and when it was known.

import { DaemonError } from '../daemon/errors';
import type { Outcome } from './model';

/** Runs a read and never throws: unexpected failures become a `malformed` DaemonError. */
export async function attempt<T>(read: () => Promise<T>, now: () => number): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await read(), at: now() };
  } catch (error) {
    const typed =
      error instanceof DaemonError
        ? error
        : new DaemonError({ kind: 'malformed', detail: 'unexpected client failure' });
    return { ok: false, error: typed, at: now() };
  }
}
