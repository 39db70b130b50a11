// The one lint pipeline (guard → lint → ReDoS verdicts → severities → order) that the editor runs
// in two halves and `kora-ops lint` runs whole: both must report the same findings.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings';
import { deepJobs, type RedosAnalyzer } from '../../../src/core/phrasebook/lint/deep';
import {
  CLI_INPUT_GUARD,
  EDITOR_INPUT_GUARD,
  lintLocal,
  lintText,
  pipelineFindings,
} from '../../../src/core/phrasebook/lint/pipeline';
import { FINDING_CODES } from '../../../src/core/phrasebook/lint/registry';
import { MAX_ANALYSED_DOCUMENT_BYTES } from '../../../src/core/phrasebook/lint/inputGuard';
import type { RedosVerdict } from '../../../src/core/redos/verdict';

/** Both patterns are exponential; entry 0 has a placeholder that always falls through (a warning after entry 0's pattern). */
const TEXT = [
  'entries:',
  '  - pattern: "^(a|aa)+$"',
  '    category: c0',
  '    description: d',
  '    reply_template: "{snapshot.tasks.open_count}"',
  '  - pattern: "^(b|bb)+$"',
  '    category: c1',
  '    description: d',
  '    reply_template: r',
  '',
].join('\n');

const EXPONENTIAL: RedosVerdict = { status: 'vulnerable', complexity: 'exponential', attackString: 'aaaa!' };

function analyzerAnswering(verdict: RedosVerdict | Error, seen: string[] = []): RedosAnalyzer {
  return {
    analyze: async (source) => {
      seen.push(source);
      if (verdict instanceof Error) throw verdict;
      return verdict;
    },
  };
}

const summary = (findings: Finding[]) => findings.map((f) => `${f.range.start.line}:${f.code}:${f.severity}`);

describe('lint pipeline', () => {
  it('puts ReDoS verdicts among the local findings in document order, one analysis per pattern', async () => {
    const seen: string[] = [];
    const findings = await lintText(
      TEXT + TEXT.slice('entries:\n'.length).replace(/c([01])/g, 'd$1'),
      analyzerAnswering(EXPONENTIAL, seen),
      { guard: CLI_INPUT_GUARD },
    );
    assert.equal(seen.length, 2, 'a repeated pattern is analysed once');
    assert.deepEqual(summary(findings), [
      `1:${FINDING_CODES.redosExponential}:error`,
      `4:${FINDING_CODES.placeholderAlwaysUnknown}:warning`,
      `5:${FINDING_CODES.redosExponential}:error`,
      // At one position, local findings come first (the repeated entries are shadowed).
      `9:${FINDING_CODES.shadowedEntry}:warning`,
      `9:${FINDING_CODES.redosExponential}:error`,
      `12:${FINDING_CODES.placeholderAlwaysUnknown}:warning`,
      `13:${FINDING_CODES.shadowedEntry}:warning`,
      `13:${FINDING_CODES.redosExponential}:error`,
    ]);
  });

  it("gives the editor's two halves the CLI's findings", async () => {
    const severityOverrides = {
      [FINDING_CODES.redosExponential]: 'warning' as const,
      [FINDING_CODES.placeholderAlwaysUnknown]: 'off' as const,
    };
    const whole = await lintText(TEXT, analyzerAnswering(EXPONENTIAL), {
      guard: EDITOR_INPUT_GUARD,
      severityOverrides,
    });
    const local = lintLocal(TEXT, { guard: EDITOR_INPUT_GUARD, severityOverrides });
    const jobs = deepJobs(local.result?.entries ?? []);
    assert.equal(jobs.length, 2);
    const verdicts = new Map(jobs.map((job) => [job.key, EXPONENTIAL]));
    const halves = pipelineFindings(local, (key) => verdicts.get(key), severityOverrides);
    assert.deepEqual(halves, whole);
    assert.deepEqual(summary(whole), [
      `1:${FINDING_CODES.redosExponential}:warning`,
      `5:${FINDING_CODES.redosExponential}:warning`,
    ]);
    assert.deepEqual(
      summary(pipelineFindings(local, () => undefined, severityOverrides)),
      [],
      'no verdict yet: no ReDoS finding',
    );
  });

  it('reports an analyzer failure as inconclusive instead of failing the lint', async () => {
    const findings = await lintText(TEXT, analyzerAnswering(new Error('worker crashed')), { guard: CLI_INPUT_GUARD });
    const inconclusive = findings.filter((f) => f.code === FINDING_CODES.redosInconclusive);
    assert.equal(inconclusive.length, 2);
    assert.match(inconclusive[0].message, /worker crashed/);
  });

  it('lets a guard finding replace the whole analysis, the size limit only while editing', async () => {
    const big = TEXT + `# ${'x'.repeat(MAX_ANALYSED_DOCUMENT_BYTES)}\n`;
    const seen: string[] = [];
    const editor = await lintText(big, analyzerAnswering(EXPONENTIAL, seen), { guard: EDITOR_INPUT_GUARD });
    assert.deepEqual(
      editor.map((f) => f.code),
      [FINDING_CODES.tooLarge],
    );
    assert.equal(seen.length, 0, 'nothing analysed behind a guard');
    const cli = await lintText(big, null, { guard: CLI_INPUT_GUARD });
    assert.deepEqual(
      cli.map((f) => f.code),
      [FINDING_CODES.placeholderAlwaysUnknown],
    );
  });
});
