/**
 * Which Python groups have certainly matched at the current point of the translation. JS differs
 * from Python for groups that have not: a JS back-reference to such a group matches the empty
 * string (Python's fails), JS resets groups at each repetition (Python keeps the last value), and
 * JS cannot test a group in a conditional (?(g)yes|no).
 */
export class GroupTracker {
  private readonly definitelySet = new Set<number>();
  /** Groups added to definitelySet, in order, so a branch can be undone without copying the set. */
  private readonly additions: number[] = [];
  /** Groups closed anywhere earlier in the pattern text (set on some path). */
  private readonly closedEarlier = new Set<number>();
  private repeatDepth = 0;
  /** Groups a conditional split has established as not matched on the current path. */
  private readonly knownUnset = new Map<number, number>();

  private add(group: number): void {
    if (this.definitelySet.has(group)) return;
    this.definitelySet.add(group);
    this.additions.push(group);
  }

  /** Undoes the additions made since `mark`, returning them. */
  private rollBack(mark: number): number[] {
    const undone = this.additions.splice(mark);
    for (const group of undone) this.definitelySet.delete(group);
    return undone;
  }

  capture(group: number, translate: () => string): string {
    const source = translate();
    this.add(group);
    this.closedEarlier.add(group);
    return source;
  }

  /** Alternatives start from the same state; afterwards only groups set by every one are certain. */
  alternatives(translations: ReadonlyArray<() => string>): string[] {
    const mark = this.additions.length;
    let common: Set<number> | null = null;
    const sources = translations.map((translate) => {
      const source = translate();
      const added = this.rollBack(mark);
      common = common === null ? new Set(added) : new Set(added.filter((group) => common?.has(group)));
      return source;
    });
    for (const group of common ?? []) this.add(group);
    return sources;
  }

  /** A repeated body: its groups are certain afterwards only if it runs at least once. */
  repeated(runsAtLeastOnce: boolean, translate: () => string): string {
    const mark = this.additions.length;
    this.repeatDepth++;
    const source = translate();
    this.repeatDepth--;
    if (!runsAtLeastOnce) this.rollBack(mark);
    return source;
  }

  /** Groups captured in a positive look-around stay set; a negative one never sets any. */
  assertion(positive: boolean, translate: () => string): string {
    const mark = this.additions.length;
    const source = translate();
    if (!positive) this.rollBack(mark);
    return source;
  }

  /** Translates one copy of a conditional split, in which `groups` are known not to have matched. */
  withUnset(groups: readonly number[], translate: () => string): string {
    for (const group of groups) this.knownUnset.set(group, (this.knownUnset.get(group) ?? 0) + 1);
    try {
      return translate();
    } finally {
      for (const group of groups) {
        const count = (this.knownUnset.get(group) ?? 1) - 1;
        if (count === 0) this.knownUnset.delete(group);
        else this.knownUnset.set(group, count);
      }
    }
  }

  isDefinitelySet(group: number): boolean {
    return this.definitelySet.has(group);
  }

  /** 'unset' when the group cannot have matched yet: not closed earlier and not inside a repetition. */
  knownState(group: number): 'set' | 'unset' | 'unknown' {
    if (this.definitelySet.has(group)) return 'set';
    if (this.knownUnset.has(group)) return 'unset';
    if (this.repeatDepth === 0 && !this.closedEarlier.has(group)) return 'unset';
    return 'unknown';
  }

  unsetReferenceNote(group: number): string {
    return (
      `back-reference to group ${group}, which may not have matched (or matched in an earlier repetition): ` +
      'JS matches it as empty where Python fails or uses the earlier value'
    );
  }
}
