/** An attack as recheck describes it: each pump's prefix, then the pump repeated base + bias times; then the suffix. */
export interface AttackParts {
  pumps: Array<{ prefix: string; pump: string; bias: number }>;
  suffix: string;
  base: number;
}

export type RedosVerdict =
  | { status: 'safe' }
  | {
      status: 'vulnerable';
      complexity: 'exponential' | 'polynomial';
      degree?: number;
      /** The attack itself when short (≤ 200 characters), else its Python expression. */
      attackString: string;
      /** The attack as a Python expression, e.g. `"a" * 54773 + "\x00ab"`, for `re.match(p, s)`. */
      attackPython?: string;
      /** recheck's description of the attack (its string rebuilt from these), kept so a verdict on a
       * shared tail can be turned into one on each pattern that ends with it (prefixSplit.ts). */
      attackParts?: AttackParts;
    }
  | { status: 'inconclusive'; reason: string }
  | { status: 'unsupported'; reason: string };
