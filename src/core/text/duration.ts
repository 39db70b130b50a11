// Human wording of durations and ages, shared by the tree, the status bar and the CLI.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad2 = (value: number) => String(value).padStart(2, '0');

/** Uptime as an operator reads it: "45s", "12m", "4h 05m", "3d 04h". */
export function formatUptime(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  if (total < MINUTE) return `${total}s`;
  if (total < HOUR) return `${Math.floor(total / MINUTE)}m`;
  if (total < DAY) return `${Math.floor(total / HOUR)}h ${pad2(Math.floor((total % HOUR) / MINUTE))}m`;
  return `${Math.floor(total / DAY)}d ${pad2(Math.floor((total % DAY) / HOUR))}h`;
}

/**
 * A span in the coarsest unit that still says something: "12 s", "14 min", "3 h", "2 d".
 * Seconds are only used below a minute, so wording built on it changes at most once a minute
 * after that (which keeps tree refreshes rare).
 */
export function formatSpan(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  if (total < MINUTE) return `${total} s`;
  if (total < HOUR) return `${Math.floor(total / MINUTE)} min`;
  if (total < DAY) return `${Math.floor(total / HOUR)} h`;
  return `${Math.floor(total / DAY)} d`;
}

/** "12 s ago", "14 min ago"; "just now" under `justNowSeconds`. */
export function formatAgo(seconds: number, justNowSeconds = 0): string {
  return seconds < justNowSeconds ? 'just now' : `${formatSpan(seconds)} ago`;
}

/** Milliseconds since the epoch of an ISO timestamp, or null when it is not one. */
export function parseTimestamp(value: string | null | undefined): number | null {
  if (!value) return null;
  const parsed = Date.parse(value);
  return Number.isFinite(parsed) ? parsed : null;
}
