// Security checks, unit layer: hostile input sizes and shapes end in a clear finding, never in a
// stalled analysis. A YAML alias bomb and 50 MB of text are stopped by the input guard (the editor's
// and the CLI's); a 1 MB pattern and deeply nested groups go through the daemon-faithful compiler,
// the linter and the deep ReDoS analysis (real worker) and come back with a verdict. "Does not
// hang" is enforced by mocha's timeout, not by a timed assertion.
import * as assert from 'node:assert/strict';
import { aliasBombFinding, inputGuardFinding } from '../../../src/core/phrasebook/lint/inputGuard';
import { FINDING_CODES } from '../../../src/core/phrasebook/lint/registry';
import { lintPhrasebook } from '../../../src/core/phrasebook/lint/lint';
import { lintPhrasebookDeep } from '../../../src/core/phrasebook/lint/deep';
import { compilePython } from '../../../src/core/pyre';
import { DeepRedosAnalyzer } from '../../../src/core/redos/deep';
import { MAX_ANALYSED_GROUP_DEPTH } from '../../../src/core/redos/limits';
import { redosWorkerPath } from '../redos/workerBundle';

const MEGABYTE = 1024 * 1024;
const ONE_MB_PATTERN = `^(${'ab|'.repeat(MEGABYTE / 3)}c)$`;
/** Far deeper than CPython's recursion limit (the daemon answers HTTP 500 for it). */
const DEEP_NESTING = 5_000;
const DEEPLY_NESTED_PATTERN = `${'('.repeat(DEEP_NESTING)}a${')'.repeat(DEEP_NESTING)}`;
/** Just over the deep analyzer's own limit, but something CPython still compiles. */
const OVER_ANALYZER_DEPTH_PATTERN = `^${'(?:'.repeat(MAX_ANALYSED_GROUP_DEPTH + 1)}a+${')'.repeat(MAX_ANALYSED_GROUP_DEPTH + 1)}$`;

/** A phrasebook with one entry whose pattern is `pattern` (JSON-quoted: a valid YAML scalar). */
function phrasebookWith(pattern: string): string {
  return `entries:\n  - pattern: ${JSON.stringify(pattern)}\n    category: hostile\n    description: A hostile pattern\n    reply_template: Never.\n`;
}

/** "Billion laughs": 9 levels of 9 aliases each, used by an entry field. */
function aliasBomb(): string {
  const lines = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level++)
    lines.push(
      `lol${level}: &a${level} [${Array(9)
        .fill(`*a${level - 1}`)
        .join(', ')}]`,
    );
  lines.push(
    'entries:',
    '  - pattern: "^bomb$"',
    '    category: bomb',
    '    description: *a8',
    '    reply_template: Boom.',
  );
  return `${lines.join('\n')}\n`;
}

describe('security (unit): hostile sizes and shapes do not stall the analysis', function () {
  this.timeout(30_000);

  describe('input guard (editor and CLI)', () => {
    it('names a YAML alias bomb at its first anchor', () => {
      const text = aliasBomb();
      for (const finding of [inputGuardFinding(text), aliasBombFinding(text)]) {
        assert.equal(finding?.code, FINDING_CODES.aliasExplosion);
        assert.equal(finding?.severity, 'error');
        assert.match(finding?.message ?? '', /aliases expand exponentially/);
        assert.deepEqual(finding?.range.start, { line: 0, character: 6 }, 'on the first anchor (&a0)');
      }
    });

    it('refuses 50 MB of text with a clear warning instead of analysing it', () => {
      const text = `entries:\n${`# ${'x'.repeat(97)}\n`.repeat((50 * MEGABYTE) / 100)}`;
      const finding = inputGuardFinding(text);
      assert.equal(finding?.code, FINDING_CODES.tooLarge);
      assert.match(finding?.message ?? '', /^Phrasebook not analysed: 50\.0 MB is over the 2 MB limit/);
    });

    it('lets an ordinary phrasebook through', () => {
      assert.equal(inputGuardFinding(phrasebookWith('^(hey|hi)[\\s!.]*$')), undefined);
    });
  });

  describe('a 1 MB pattern', () => {
    it('compiles like CPython would, in one pass', () => {
      const compiled = compilePython(ONE_MB_PATTERN);
      assert.equal(compiled.ok, true, JSON.stringify(compiled).slice(0, 200));
    });

    it('gets the daemon\'s "too long" error from the linter', () => {
      const { findings } = lintPhrasebook(phrasebookWith(ONE_MB_PATTERN));
      assert.ok(
        findings.some((finding) => finding.code === 'daemon/too-long'),
        findings.map((finding) => finding.code).join(', '),
      );
    });

    it('is declared inconclusive by the deep analysis without a worker run', async () => {
      const analyzer = new DeepRedosAnalyzer({ workerPath: await redosWorkerPath(), timeBudgetMs: 500 });
      try {
        const deep = await lintPhrasebookDeep(lintPhrasebook(phrasebookWith(ONE_MB_PATTERN)), analyzer);
        const verdict = await analyzer.analyze(ONE_MB_PATTERN, '');
        assert.equal(verdict.status, 'inconclusive');
        assert.match(verdict.status === 'inconclusive' ? verdict.reason : '', /too long for deep analysis/);
        assert.ok(
          deep.every((finding) => finding.code !== 'redos/exponential'),
          'no invented verdict',
        );
      } finally {
        analyzer.dispose();
      }
    });
  });

  describe('deeply nested groups', () => {
    it('compile to the RecursionError CPython raises (the daemon would answer HTTP 500)', () => {
      const compiled = compilePython(DEEPLY_NESTED_PATTERN);
      assert.equal(compiled.ok, false);
      assert.equal(
        !compiled.ok && compiled.kind === 'exception' ? compiled.exceptionType : undefined,
        'RecursionError',
      );
      const { findings } = lintPhrasebook(phrasebookWith(DEEPLY_NESTED_PATTERN));
      assert.ok(
        findings.some((finding) => finding.code === 'daemon/http-500' && /RecursionError/.test(finding.message)),
        findings.map((finding) => finding.code).join(', '),
      );
    });

    it("past the analyzer's depth limit are declared inconclusive, and a deep-but-allowed one gets a verdict in time", async () => {
      const analyzer = new DeepRedosAnalyzer({ workerPath: await redosWorkerPath(), timeBudgetMs: 500 });
      try {
        const tooDeep = await analyzer.analyze(OVER_ANALYZER_DEPTH_PATTERN, '');
        assert.equal(tooDeep.status, 'inconclusive');
        assert.match(tooDeep.status === 'inconclusive' ? tooDeep.reason : '', /nests groups too deeply/);
        const allowedDepth = `^${'(?:'.repeat(MAX_ANALYSED_GROUP_DEPTH - 1)}a+${')'.repeat(MAX_ANALYSED_GROUP_DEPTH - 1)}$`;
        const verdict = await analyzer.analyze(allowedDepth, '');
        assert.ok(
          ['safe', 'vulnerable', 'inconclusive'].includes(verdict.status),
          `a verdict, whatever it is: ${JSON.stringify(verdict)}`,
        );
      } finally {
        analyzer.dispose();
      }
    });
  });
});
