// Mapping recheck's diagnostics to verdicts, without a worker.
import { strict as assert } from 'node:assert';
import type { Diagnostics } from 'recheck';
import {
  MAX_ATTACK_STRING_LENGTH,
  formatAttackString,
  verdictFromDiagnostics,
  verdictFromException,
} from '../../../src/core/redos/diagnostics';
import { pythonAttackExpression, pythonStringLiteral } from '../../../src/core/redos/pythonAttack';

const BASE = { source: '^(a+)+$', flags: '' };
const SHORT_ATTACK_PARTS = { pumps: [{ prefix: 'a', pump: 'a', bias: 0 }], suffix: '\u0000', base: 31 };
const SHORT_ATTACK = {
  ...SHORT_ATTACK_PARTS,
  string: 'a'.repeat(32) + '\u0000',
  pattern: "'a' + 'a'.repeat(31) + '\\x00'",
};

function unknown(error: Extract<Diagnostics, { status: 'unknown' }>['error']): Diagnostics {
  return { ...BASE, status: 'unknown', checker: 'automaton', error };
}

describe('redos/diagnostics', () => {
  describe('formatAttackString', () => {
    it('keeps a short attack literally', () => {
      assert.equal(formatAttackString(SHORT_ATTACK), 'a'.repeat(32) + '\u0000');
    });

    it('describes a long attack by its Python expression', () => {
      const attack = {
        pumps: [{ prefix: '', pump: '\t', bias: 0 }],
        suffix: '\u0000',
        base: 54_773,
        string: '\t'.repeat(54_773) + '\u0000',
      };
      assert.equal(formatAttackString(attack), '"\\t" * 54773 + "\\x00"');
    });

    it('truncates an overlong expression with an ellipsis', () => {
      const pumps = Array.from({ length: 40 }, (_, i) => ({ prefix: `x${i}`, pump: 'y', bias: 0 }));
      const string = pumps.map(({ prefix }) => prefix + 'y'.repeat(9999)).join('');
      const formatted = formatAttackString({ pumps, suffix: '', base: 9999, string });
      assert.equal(formatted.length, MAX_ATTACK_STRING_LENGTH);
      assert.ok(formatted.endsWith('…'));
      assert.ok(formatted.startsWith('"x0" + "y" * 9999 + "x1"'), formatted);
    });
  });

  describe('pythonAttackExpression', () => {
    it('writes pumps the Python way', () => {
      assert.equal(
        pythonAttackExpression({
          pumps: [{ prefix: 'a', pump: 'a', bias: 0 }],
          suffix: '\u0000ab',
          base: 54_773,
          string: 'a' + 'a'.repeat(54_773) + '\u0000ab',
        }),
        '"a" + "a" * 54773 + "\\x00ab"',
      );
    });

    it('falls back to the literal when the pumps do not rebuild the string', () => {
      assert.equal(
        pythonAttackExpression({ pumps: [{ prefix: 'a', pump: 'b', bias: 0 }], suffix: '', base: 2, string: 'xyz' }),
        '"xyz"',
      );
    });

    it('escapes quotes, backslashes, controls and non-ASCII', () => {
      assert.equal(pythonStringLiteral('"\\\n\u00e9\u2028\u{1F600}'), '"\\"\\\\\\n\\xe9\\u2028\\U0001f600"');
    });
  });

  describe('verdictFromDiagnostics', () => {
    it('maps safe', () => {
      const diagnostics: Diagnostics = {
        ...BASE,
        status: 'safe',
        checker: 'automaton',
        complexity: { type: 'linear', summary: 'linear', isFuzz: false },
      };
      assert.deepEqual(verdictFromDiagnostics(diagnostics, 2000), { status: 'safe' });
    });

    it('maps exponential with its attack', () => {
      const diagnostics: Diagnostics = {
        ...BASE,
        status: 'vulnerable',
        checker: 'automaton',
        attack: SHORT_ATTACK,
        hotspot: [],
        complexity: { type: 'exponential', summary: 'exponential', isFuzz: false },
      };
      assert.deepEqual(verdictFromDiagnostics(diagnostics, 2000), {
        status: 'vulnerable',
        complexity: 'exponential',
        attackString: SHORT_ATTACK.string,
        attackPython: '"a" + "a" * 31 + "\\x00"',
        attackParts: SHORT_ATTACK_PARTS,
      });
    });

    it('maps polynomial with its degree', () => {
      const diagnostics: Diagnostics = {
        ...BASE,
        status: 'vulnerable',
        checker: 'fuzz',
        attack: SHORT_ATTACK,
        hotspot: [],
        complexity: { type: 'polynomial', degree: 3, summary: '3rd degree polynomial', isFuzz: true },
      };
      assert.deepEqual(verdictFromDiagnostics(diagnostics, 2000), {
        status: 'vulnerable',
        complexity: 'polynomial',
        degree: 3,
        attackString: SHORT_ATTACK.string,
        attackPython: '"a" + "a" * 31 + "\\x00"',
        attackParts: SHORT_ATTACK_PARTS,
      });
    });

    it('maps each unknown kind', () => {
      assert.deepEqual(verdictFromDiagnostics(unknown({ kind: 'timeout' }), 1500), {
        status: 'inconclusive',
        reason: 'analysis exceeded its time budget of 1500 ms',
      });
      assert.equal(verdictFromDiagnostics(unknown({ kind: 'cancel' }), 1).status, 'inconclusive');
      assert.deepEqual(
        verdictFromDiagnostics(unknown({ kind: 'unsupported', message: 'backreference in lookbehind' }), 1),
        {
          status: 'unsupported',
          reason: 'the ReDoS checker does not support this pattern: backreference in lookbehind',
        },
      );
      assert.deepEqual(verdictFromDiagnostics(unknown({ kind: 'invalid', message: 'parsing failure (at 6)' }), 1), {
        status: 'unsupported',
        reason: 'the ReDoS checker cannot parse this pattern: parsing failure (at 6)',
      });
      assert.deepEqual(verdictFromDiagnostics(unknown({ kind: 'unexpected', message: 'boom' }), 1), {
        status: 'inconclusive',
        reason: 'the ReDoS checker failed: boom',
      });
    });
  });

  describe('verdictFromException', () => {
    it('explains a stack overflow as too deep nesting', () => {
      assert.deepEqual(verdictFromException(new RangeError('Maximum call stack size exceeded')), {
        status: 'inconclusive',
        reason: 'pattern nests too deeply for the ReDoS checker',
      });
    });

    it('passes other failures through as inconclusive', () => {
      assert.deepEqual(verdictFromException(new TypeError('bad')), {
        status: 'inconclusive',
        reason: 'the ReDoS checker failed: bad',
      });
      assert.deepEqual(verdictFromException('odd'), {
        status: 'inconclusive',
        reason: 'the ReDoS checker failed: odd',
      });
      const moduleError = new Error("Cannot find module './x'\nRequire stack:\n- /home/someone/secret/path.js");
      assert.deepEqual(verdictFromException(moduleError), {
        status: 'inconclusive',
        reason: "the ReDoS checker failed: Cannot find module './x'",
      });
    });
  });
});
