// "Add this message as a test case": the YAML of a new case and where it goes in a test file —
// after the last case, at the list's indentation — or a new test file's whole text.
import { lineStartOf } from '../document';
import { quoteYamlString } from '../yaml/yamlText';
import { parseTestFile } from './testFile';

export interface NewCase {
  message: string;
  /** The category that answers; undefined: no entry answers (`no_match: true`). */
  category?: string;
}

function caseLines(newCase: NewCase, indent: string): string {
  const expectation =
    newCase.category === undefined ? 'no_match: true' : `category: ${quoteYamlString(newCase.category)}`;
  return `${indent}- message: ${quoteYamlString(newCase.message)}\n${indent}  ${expectation}`;
}

export function newTestFileText(newCase: NewCase, phrasebookName: string): string {
  return `# Tests of ${phrasebookName}: run them from the Test Explorer or with \`kora-ops test\`.\ncases:\n${caseLines(newCase, '  ')}\n`;
}

/** Where to insert the case in an existing test file, or why it cannot be done safely. */
export function caseInsertion(text: string, newCase: NewCase): { offset: number; text: string } | { error: string } {
  const { document } = parseTestFile(text);
  if (document.syntaxFindings.some((finding) => finding.severity === 'error'))
    return { error: 'the test file has YAML errors; fix them first' };
  if (!document.entriesKeySpan) {
    const separator = text === '' || text.endsWith('\n') ? '' : '\n';
    return { offset: text.length, text: `${separator}cases:\n${caseLines(newCase, '  ')}\n` };
  }
  const last = document.entries[document.entries.length - 1];
  if (!document.entriesIsList || !last?.deleteSpan)
    return { error: "'cases' is not a block list with at least one case; add the case by hand" };
  const indent = ' '.repeat(last.span.start - lineStartOf(text, last.span.start));
  const offset = last.span.end;
  return { offset, text: `\n${caseLines(newCase, indent)}` };
}
