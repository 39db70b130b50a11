export type RedosVerdict =
  | { status: 'safe' }
  | { status: 'vulnerable'; complexity: 'exponential' | 'polynomial'; degree?: number; attackString: string }
  | { status: 'inconclusive'; reason: string }
  | { status: 'unsupported'; reason: string };
