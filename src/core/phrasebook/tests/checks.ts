// Diagnostics of a test file that need the phrasebook it tests (or the daemon's limits): unknown
// categories, messages the daemon cuts or never matches, reply patterns that do not compile.
import type { Finding } from '../../findings';
import { MATCH_TEXT_MAX_CHARS } from '../constants';
import { pyLen, pyStrip } from '../../pyre/pystr';
import { matchableEntries } from '../ops/testMessage';
import { FINDING_CODES } from '../lint/registry';
import { testFinding } from './codes';
import { compileReplyPattern } from './replyPattern';
import type { PhrasebookTestFile } from './testFile';

/** The phrasebook as the checks see it: its entries' values, or why it could not be read. */
export type PhrasebookSource = { entries: unknown; label: string } | { missing: string; label: string };

export function checkTestFile(file: PhrasebookTestFile, phrasebook: PhrasebookSource): Finding[] {
  const findings: Finding[] = [];
  const documentStart = file.phrasebookRange ?? file.document.rangeOf({ start: 0, end: 0 });
  let categories: Set<string> | undefined;
  if ('missing' in phrasebook) {
    findings.push(
      testFinding(
        FINDING_CODES.testPhrasebookMissing,
        `cannot read the phrasebook ${phrasebook.label}: ${phrasebook.missing}`,
        documentStart,
      ),
    );
  } else {
    categories = new Set(matchableEntries(phrasebook.entries).map(({ entry }) => entry.category));
  }
  for (const testCase of file.cases) {
    if (testCase.invalid) continue;
    const at = (field: keyof typeof testCase.fieldRanges) => testCase.fieldRanges[field] ?? testCase.range;
    const { category, replyMatches } = testCase.expect;
    if (categories && category !== undefined && !categories.has(category)) {
      const known = [...categories].sort().join(', ') || 'none';
      findings.push(
        testFinding(
          FINDING_CODES.testUnknownCategory,
          `no entry of ${phrasebook.label} has category '${category}' (categories: ${known})`,
          at('category'),
          testCase.index,
        ),
      );
    }
    const length = pyLen(testCase.message);
    if (length > MATCH_TEXT_MAX_CHARS) {
      findings.push(
        testFinding(
          FINDING_CODES.testMessageTooLong,
          `the daemon matches only the first ${MATCH_TEXT_MAX_CHARS} of this message's ${length} characters; the rest is ignored`,
          at('message'),
          testCase.index,
        ),
      );
    } else if (pyStrip(testCase.message) === '') {
      findings.push(
        testFinding(
          FINDING_CODES.testEmptyMessage,
          'the message is empty after trimming: no entry can ever answer it',
          at('message'),
          testCase.index,
        ),
      );
    }
    if (replyMatches !== undefined) {
      const compiled = compileReplyPattern(replyMatches);
      if (!compiled.ok)
        findings.push(
          testFinding(
            FINDING_CODES.testInvalidReplyPattern,
            `invalid regex: ${compiled.error}`,
            at('reply_matches'),
            testCase.index,
          ),
        );
    }
  }
  return findings;
}
