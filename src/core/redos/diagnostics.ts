// Turns recheck's Diagnostics into our RedosVerdict. Pure functions (type-only import of recheck),
// so they are unit-testable without starting a worker.
import type { AttackPattern, Diagnostics } from 'recheck';
import { budgetExceededReason, errorSummary, inconclusive } from './protocol';
import { pythonAttackExpression } from './pythonAttack';
import type { AttackParts, RedosVerdict } from './verdict';

/** Longest attack string handed to hovers and the clipboard. */
export const MAX_ATTACK_STRING_LENGTH = 200;
/** A Python attack expression longer than this is cut (it then no longer evaluates). */
export const MAX_ATTACK_EXPRESSION_LENGTH = 1000;
const ELLIPSIS = '…';

/**
 * The attack as something an operator can copy: the literal string when it is short (typical for
 * exponential cases, e.g. 32 × `a` then a NUL); otherwise the Python expression (typical for
 * polynomial cases, which need long inputs), e.g. `"\t" * 54773 + "\x00"`, which describes the
 * structure instead of pasting 50 kB. Either way at most 200 characters.
 */
export function formatAttackString(attack: Pick<AttackPattern, 'string' | 'pumps' | 'suffix' | 'base'>): string {
  if (attack.string.length <= MAX_ATTACK_STRING_LENGTH) return attack.string;
  return truncate(pythonAttackExpression(attack), MAX_ATTACK_STRING_LENGTH);
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  return text.slice(0, maxLength - ELLIPSIS.length) + ELLIPSIS;
}

type Attack = Pick<AttackPattern, 'string' | 'pumps' | 'suffix' | 'base'>;
type Vulnerable = Extract<RedosVerdict, { status: 'vulnerable' }>;

/** The attack string the parts describe. */
export function attackFromParts(parts: AttackParts): Attack {
  const string =
    parts.pumps.map(({ prefix, pump, bias }) => prefix + pump.repeat(Math.max(0, parts.base + bias))).join('') +
    parts.suffix;
  return { ...parts, string };
}

/** A vulnerable verdict: exponential without a degree, polynomial with one. */
export function vulnerableVerdict(degree: number | undefined, attack: Attack): Vulnerable {
  const attackString = formatAttackString(attack);
  const attackPython = truncate(pythonAttackExpression(attack), MAX_ATTACK_EXPRESSION_LENGTH);
  const parts: AttackParts = {
    pumps: attack.pumps.map(({ prefix, pump, bias }) => ({ prefix, pump, bias })),
    suffix: attack.suffix,
    base: attack.base,
  };
  // Parts that do not rebuild recheck's string (a future recheck could change its shape) are not kept.
  const attackParts = attackFromParts(parts).string === attack.string ? { attackParts: parts } : {};
  return degree === undefined
    ? { status: 'vulnerable', complexity: 'exponential', attackString, attackPython, ...attackParts }
    : { status: 'vulnerable', complexity: 'polynomial', degree, attackString, attackPython, ...attackParts };
}

export function verdictFromDiagnostics(diagnostics: Diagnostics, timeBudgetMs: number): RedosVerdict {
  switch (diagnostics.status) {
    case 'safe':
      return { status: 'safe' };
    case 'vulnerable': {
      const complexity = diagnostics.complexity;
      return vulnerableVerdict(complexity.type === 'exponential' ? undefined : complexity.degree, diagnostics.attack);
    }
    case 'unknown': {
      const error = diagnostics.error;
      switch (error.kind) {
        case 'timeout':
          return inconclusive(budgetExceededReason(timeBudgetMs));
        case 'cancel':
          return inconclusive('analysis was cancelled');
        case 'unsupported':
          return { status: 'unsupported', reason: `the ReDoS checker does not support this pattern: ${error.message}` };
        case 'invalid':
          // The translator only emits valid JavaScript, so this is a construct recheck's parser lacks.
          return { status: 'unsupported', reason: `the ReDoS checker cannot parse this pattern: ${error.message}` };
        case 'unexpected':
          return inconclusive(`the ReDoS checker failed: ${error.message}`);
      }
    }
  }
  // Defensive: an unknown status from a future recheck version must not crash the worker.
  return inconclusive('the ReDoS checker returned an unrecognised result');
}

/** A synchronous exception out of recheck (it throws on deeply nested input, for instance). */
export function verdictFromException(error: unknown): RedosVerdict {
  if (error instanceof RangeError) return inconclusive('pattern nests too deeply for the ReDoS checker');
  return inconclusive(`the ReDoS checker failed: ${errorSummary(error)}`);
}
