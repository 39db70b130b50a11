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
    }
  | { status: 'inconclusive'; reason: string }
  | { status: 'unsupported'; reason: string };
