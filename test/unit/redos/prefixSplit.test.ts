// The split of a loop-free leading part (prefixSplit.ts): where it applies, what it refuses, that
// its witness is matched by the prefix, that a tail's attack becomes the whole pattern's only when
// provably so, and that the analyzer's verdicts through the tail equal recheck's on the whole.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkSync } from 'recheck';
import { DeepRedosAnalyzer } from '../../../src/core/redos/deep';
import { verdictFromDiagnostics } from '../../../src/core/redos/diagnostics';
import { findNativeBinary } from '../../../src/core/redos/nativeBinary';
import { prefixedVerdict, splitLoopFreePrefix } from '../../../src/core/redos/prefixSplit';
import type { RedosVerdict } from '../../../src/core/redos/verdict';
import { redosWorkerPath } from './workerBundle';

const ROOT = join(__dirname, '..', '..', '..', '..');
const WHITESPACE = String.raw`[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`;
/** Generous: verdicts must not depend on how busy the machine is. */
const VERDICT_BUDGET_MS = 20_000;

type Vulnerable = Extract<RedosVerdict, { status: 'vulnerable' }>;

function label(verdict: RedosVerdict): string {
  return verdict.status === 'vulnerable' ? verdict.complexity : verdict.status;
}

describe('redos/prefixSplit: a loop-free prefix, judged by the tail', () => {
  it('splits an alternation of phrases from its tail, as the translator writes them', () => {
    const source = String.raw`^(hey|h[iİı]|any\u{20}alerts)${WHITESPACE}*[?!.]*\n?$`;
    assert.deepEqual(splitLoopFreePrefix(source, 'iuy'), {
      prefix: String.raw`(hey|h[iİı]|any\u{20}alerts)`,
      tail: String.raw`^${WHITESPACE}*[?!.]*\n?$`,
      maxLength: 20,
      witness: 'hey',
    });
  });

  it('keeps optional parts and single characters in the prefix and stops at the first loop', () => {
    const split = splitLoopFreePrefix(String.raw`^\[x?(?:ab|c)?d{1}e{2,3}f+$`, 'y');
    assert.equal(split?.prefix, String.raw`\[x?(?:ab|c)?d{1}`);
    assert.equal(split?.tail, '^e{2,3}f+$');
    assert.equal(split?.witness, '[d');
  });

  it('stops where the ways to match the prefix pass 1,000', () => {
    // Each `a?` doubles them: nine make 512, a tenth would make 1,024.
    assert.equal(splitLoopFreePrefix(`^${'a?'.repeat(11)}b+$`, 'y')?.tail, '^a?a?b+$');
  });

  it('refuses what the soundness argument does not cover', () => {
    const refused: Array<[string, string]> = [
      [String.raw`^(a|b)\b\w+$`, 'uy'], // the tail looks back at the prefix
      [String.raw`^(a|b)(?<=b)c+$`, 'uy'],
      [String.raw`^(a)\1+$`, 'uy'], // a backreference
      [String.raw`^(a|b)c+|d+$`, 'uy'], // a top-level alternative is not preceded by the prefix
      [String.raw`^(a|b)(?:^|x)+$`, 'uy'], // `^` in the tail
      [String.raw`^(a|b)c+$`, 'muy'], // `m` moves `^`
      [String.raw`^(a|b)c+$`, 'u'], // not start-anchored: every position is a start
      [String.raw`^a+b`, 'uy'], // no prefix
      [String.raw`^(?=a)b+`, 'uy'], // a lookahead is no prefix
      [String.raw`^(?:a+|b)c+$`, 'uy'], // a loop inside the group
      [String.raw`^ab`, 'uy'], // nothing after the prefix
    ];
    for (const [source, flags] of refused)
      assert.equal(splitLoopFreePrefix(source, flags), undefined, `${source} /${flags}`);
  });

  it('gives a witness the prefix matches as a whole, within its longest match', () => {
    const atom = fc.constantFrom('a', 'b', '[bc]', String.raw`\u{20}`, '[iİı]', '.', String.raw`\?`, String.raw`\x41`);
    const element = fc.tuple(atom, fc.constantFrom('', '?')).map(([a, q]) => a + q);
    const sequence = fc.array(element, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    const group = fc
      .array(sequence, { minLength: 1, maxLength: 4 })
      .map((alternatives) => `(${alternatives.join('|')})`);
    const prefix = fc.array(fc.oneof(element, group), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(prefix, fc.constantFrom('iuy', 'uy'), (p, flags) => {
        const split = splitLoopFreePrefix(`^${p}c+$`, flags);
        assert.ok(split !== undefined, p);
        assert.ok(p.startsWith(split.prefix), `${split.prefix} starts ${p}`); // all of it, unless past the caps
        const prefix = new RegExp(`^(?:${split.prefix})$`, flags.replace('y', ''));
        assert.ok(prefix.test(split.witness), `${split.prefix} matches ${JSON.stringify(split.witness)}`);
        assert.ok(split.witness.length <= split.maxLength);
      }),
    );
  });

  describe('prefixedVerdict', () => {
    const tailVerdict: Vulnerable = {
      status: 'vulnerable',
      complexity: 'polynomial',
      degree: 2,
      attackString: '',
      attackParts: { pumps: [{ prefix: '', pump: ' ', bias: 0 }], suffix: '\u0000', base: 5 },
    };

    it("puts the prefix's witness in front of the tail's attack", () => {
      const split = splitLoopFreePrefix(String.raw`^(hey|hi)\s*\s*$`, 'y');
      assert.ok(split !== undefined);
      const verdict = prefixedVerdict(split, 'y', tailVerdict);
      assert.equal(verdict?.attackString, 'hey     \u0000');
      assert.equal(verdict?.attackPython, '"hey" + " " * 5 + "\\x00"');
      assert.equal(verdict?.degree, 2);
    });

    it('declines when the prefix also matches another start of the attack', () => {
      // `(a|aa)` then an attack of a's: "aa" ends the prefix too, so the witness proves nothing.
      const split = splitLoopFreePrefix('^(a|aa)(a+)+$', 'y');
      assert.ok(split !== undefined);
      const exponential: Vulnerable = {
        ...tailVerdict,
        complexity: 'exponential',
        degree: undefined,
        attackParts: { pumps: [{ prefix: '', pump: 'a', bias: 0 }], suffix: '!', base: 20 },
      };
      assert.equal(prefixedVerdict(split, 'y', exponential), undefined);
    });

    it('declines without the parts of the attack', () => {
      const split = splitLoopFreePrefix(String.raw`^(hey|hi)\s*\s*$`, 'y');
      assert.ok(split !== undefined);
      assert.equal(prefixedVerdict(split, 'y', { ...tailVerdict, attackParts: undefined }), undefined);
    });
  });

  describe('through the analyzer, against recheck on the whole pattern', function () {
    this.timeout(300_000); // explicit: a few recheck runs of the whole patterns on a shared machine
    const CASES = [
      String.raw`^(ab|cd)(e+)+$`,
      String.raw`^(ab|cd)\s*\s*!$`,
      String.raw`^(ab|cd|ef)\w+\s*$`,
      String.raw`^(a|aa)(a+)+$`, // the witness check fails: the whole pattern is checked instead
      String.raw`^(x|y)?z*z*!`,
      String.raw`^(hi|hey)\[(\w+)\]\s*(.*)$`,
    ];

    it('gives the same class and an attack that keeps the pattern failing', async () => {
      const analyzer = new DeepRedosAnalyzer({
        workerPath: await redosWorkerPath(),
        nativeBinaryPath: findNativeBinary([ROOT]),
        timeBudgetMs: VERDICT_BUDGET_MS,
      });
      try {
        for (const source of CASES) {
          const whole = verdictFromDiagnostics(
            checkSync(source, 'y', { checker: 'auto', randomSeed: 0, timeout: VERDICT_BUDGET_MS }),
            VERDICT_BUDGET_MS,
          );
          const split = await analyzer.analyze(source, '');
          assert.equal(label(split), label(whole), `${source}: ${JSON.stringify(split)} vs ${JSON.stringify(whole)}`);
          if (split.status !== 'vulnerable' || split.attackParts === undefined) continue;
          // A short version of the attack (pumps 3 times) already fails the whole pattern.
          const short =
            split.attackParts.pumps.map(({ prefix, pump }) => prefix + pump.repeat(3)).join('') +
            split.attackParts.suffix;
          assert.equal(new RegExp(source, 'y').test(short), false, `${source} on ${JSON.stringify(short)}`);
        }
        assert.ok(analyzer.stats().judgedByTail >= 5, JSON.stringify(analyzer.stats()));
      } finally {
        analyzer.dispose();
      }
    });
  });
});
