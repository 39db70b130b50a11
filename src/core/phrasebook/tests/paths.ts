// Which phrasebook a test file tests, and where a phrasebook's test file lives: `x.tests.yml`
// tests `x.yml` beside it unless its `phrasebook:` key names another file (relative to it).
import * as path from 'node:path';

const TEST_FILE_SUFFIX = /\.tests\.(ya?ml)$/i;

export function isTestFilePath(filePath: string): boolean {
  return TEST_FILE_SUFFIX.test(filePath);
}

/** The phrasebook a test file at `testFilePath` (absolute, POSIX or native) tests. */
export function phrasebookPathFor(
  testFilePath: string,
  declared: string | undefined,
  pathApi: path.PlatformPath = path,
): string {
  if (declared !== undefined) return pathApi.resolve(pathApi.dirname(testFilePath), declared);
  return testFilePath.replace(TEST_FILE_SUFFIX, '.$1');
}

/** The conventional test file of a phrasebook: `slack_dm.yml` → `slack_dm.tests.yml`. */
export function testFilePathFor(phrasebookPath: string): string {
  const match = /\.(ya?ml)$/i.exec(phrasebookPath);
  return match ? `${phrasebookPath.slice(0, match.index)}.tests.${match[1]}` : `${phrasebookPath}.tests.yml`;
}
