// The attack string of a ReDoS finding, shared by the quick fix that offers to copy it and the
// command that copies it (so the language feature does not import a command).

/** Accepts the attack string itself or `{ attackString }` (the shape of a finding's `data`). */
export function attackStringFromArgument(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (typeof argument === 'object' && argument !== null) {
    const candidate = (argument as Record<string, unknown>).attackString;
    if (typeof candidate === 'string') return candidate;
  }
  return undefined;
}
