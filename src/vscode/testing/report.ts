// One case result into the Testing API: passed, failed with an expected/actual diff at the case,
// or errored with why; plus a line in the run's output.
import * as vscode from 'vscode';
import type { CaseResult } from '../../core/phrasebook/tests/runner';
import { toVsRange } from '../phrasebook/convert';

/** What the test-only API keeps of the last result of a case. */
export interface CaseRecord {
  status: CaseResult['status'];
  /** `local`, or the daemon's name. */
  target: string;
  message?: string;
  expected?: string;
  actual?: string;
  /** The TestMessages given to the Testing API, in order. */
  messages: vscode.TestMessage[];
}

const STATUS_WORD: Record<CaseResult['status'], string> = { passed: 'PASS ', failed: 'FAIL ', errored: 'ERROR' };

function messageText(result: CaseResult): string {
  const extra = result.notes.filter((note) => !result.message?.includes(note));
  return [result.message ?? '', ...extra].filter(Boolean).join('\n');
}

export function testMessagesOf(result: CaseResult, uri: vscode.Uri): vscode.TestMessage[] {
  if (result.status === 'passed') return [];
  const testCase = result.case;
  const location = new vscode.Location(uri, toVsRange(testCase.fieldRanges.message ?? testCase.range));
  const message =
    result.status === 'failed'
      ? vscode.TestMessage.diff(messageText(result), result.expected ?? '', result.actual ?? '')
      : new vscode.TestMessage(messageText(result));
  message.location = location;
  return [message];
}

export function reportResult(
  run: vscode.TestRun,
  item: vscode.TestItem,
  result: CaseResult,
  target: string,
): CaseRecord {
  const messages = testMessagesOf(result, item.uri!);
  if (result.status === 'passed') run.passed(item, result.durationMs);
  else if (result.status === 'failed') run.failed(item, messages, result.durationMs);
  else run.errored(item, messages, result.durationMs);
  const location = messages[0]?.location;
  const line = `${STATUS_WORD[result.status]} ${testCase(result)}${result.message ? ` — ${result.message}` : ''}`;
  run.appendOutput(`${line}\r\n`, location, item);
  return {
    status: result.status,
    target,
    ...(result.message ? { message: result.message } : {}),
    ...(result.status === 'failed' ? { expected: result.expected, actual: result.actual } : {}),
    messages,
  };
}

function testCase(result: CaseResult): string {
  return `${result.case.label} (line ${result.case.range.start.line + 1})`;
}
