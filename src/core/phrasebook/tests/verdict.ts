// Does an answer meet a case's expectation? Expected and actual are written as the same lines
// ("answer: …", "reply: …"); a line that meets its expectation is written identically on both
// sides, so a diff of the two highlights exactly what is wrong.
import { compileReplyPattern, replySearch } from './replyPattern';
import type { TestCase } from './testFile';

/** An answer, from the local matcher or the daemon's `/test`. */
export interface CaseAnswer {
  matched: boolean;
  /** The entry's index in the file (local answers only). */
  entryIndex?: number;
  category?: string;
  /** The rendered reply; null when it falls through to the reasoning engine. */
  reply: string | null;
  /** Why there is no reply, when there is none and a reason is known. */
  why?: string;
}

export interface Verdict {
  pass: boolean;
  message: string;
  expected: string;
  actual: string;
}

function answerText(answer: CaseAnswer): string {
  if (!answer.matched) return 'no match';
  return answer.entryIndex === undefined
    ? `entry "${answer.category}"`
    : `entry "${answer.category}" (entry ${answer.entryIndex})`;
}

function replyText(answer: CaseAnswer): string {
  if (answer.reply !== null) return JSON.stringify(answer.reply);
  return answer.why ? `none (${answer.why})` : 'none';
}

interface Line {
  expected: string;
  actual: string;
  ok: boolean;
  /** What is wrong, when not ok. */
  problem: string;
}

function answerLine(testCase: TestCase, answer: CaseAnswer): Line | undefined {
  const { category, noMatch } = testCase.expect;
  if (noMatch) {
    return {
      expected: 'answer: no match',
      actual: `answer: ${answerText(answer)}`,
      ok: !answer.matched,
      problem: `expected no match, got ${answerText(answer)}`,
    };
  }
  if (category === undefined) return undefined;
  const ok = answer.matched && answer.category === category;
  return {
    expected: `answer: entry "${category}"`,
    actual: ok ? `answer: entry "${category}"` : `answer: ${answerText(answer)}`,
    ok,
    problem: `expected entry "${category}", got ${answerText(answer)}`,
  };
}

function replyLine(testCase: TestCase, answer: CaseAnswer): Line | undefined {
  const { reply } = testCase.expect;
  if (reply === undefined) return undefined;
  const expected = `reply: ${reply === null ? 'none' : JSON.stringify(reply)}`;
  const ok = answer.matched && answer.reply === reply;
  const actual = `reply: ${answer.matched ? replyText(answer) : 'none (no entry answers)'}`;
  return {
    expected,
    actual: ok ? expected : actual,
    ok,
    problem: `expected reply ${reply === null ? 'none' : JSON.stringify(reply)}, got ${actual.slice('reply: '.length)}`,
  };
}

function replyMatchesLine(testCase: TestCase, answer: CaseAnswer): Line | undefined {
  const source = testCase.expect.replyMatches;
  if (source === undefined) return undefined;
  const expected = `reply: matching /${source}/`;
  const actual = `reply: ${answer.matched ? replyText(answer) : 'none (no entry answers)'}`;
  const pattern = compileReplyPattern(source);
  if (!pattern.ok)
    return { expected, actual, ok: false, problem: `reply_matches is not a valid regex: ${pattern.error}` };
  const found = answer.reply === null ? false : replySearch(pattern.compiled, answer.reply);
  if (typeof found !== 'boolean')
    return { expected, actual, ok: false, problem: `reply_matches cannot be evaluated here: ${found.unsupported}` };
  return {
    expected,
    actual: found ? expected : actual,
    ok: found,
    problem: `expected a reply matching /${source}/, got ${actual.slice('reply: '.length)}`,
  };
}

/** `checkReply: false` leaves reply expectations out (a daemon run of a case with a fixture). */
export function compareAnswer(testCase: TestCase, answer: CaseAnswer, options: { checkReply: boolean }): Verdict {
  const lines = [answerLine(testCase, answer)];
  if (options.checkReply) lines.push(replyLine(testCase, answer), replyMatchesLine(testCase, answer));
  const present = lines.filter((line): line is Line => line !== undefined);
  const failing = present.filter((line) => !line.ok);
  return {
    pass: failing.length === 0,
    message: failing.map((line) => line.problem).join('; '),
    expected: `${present.map((line) => line.expected).join('\n')}\n`,
    actual: `${present.map((line) => line.actual).join('\n')}\n`,
  };
}
