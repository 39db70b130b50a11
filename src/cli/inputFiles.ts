// Reading the FILE... arguments of a command: each readable file goes to `each` in order; an
// unreadable one is reported on stderr and skipped, so the others still get their answer. Files are
// read within the size limit and decoded as PyYAML decodes them (the daemon's loader).
import * as path from 'node:path';
import { printError, type CliIo } from './args';
import { PhrasebookTooLargeError, readPhrasebookFile } from './phrasebookFile';
import { errorText } from '../core/text/errorText';

/**
 * True when every file could be read (a command then exits 2 otherwise). A file over the size
 * limit goes to `tooLarge` (lint makes it one finding) and counts as read.
 */
export async function forEachInputFile(
  io: CliIo,
  files: readonly string[],
  tooLarge: ((file: string, bytes: number) => void) | undefined,
  each: (file: string, text: string) => Promise<void>,
): Promise<boolean> {
  let allRead = true;
  for (const file of files) {
    let text: string;
    try {
      text = await readPhrasebookFile(path.resolve(io.cwd, file));
    } catch (error) {
      if (error instanceof PhrasebookTooLargeError && tooLarge) {
        tooLarge(file, error.bytes);
        continue;
      }
      printError(io, `cannot read ${file}: ${errorText(error)}`);
      allRead = false;
      continue;
    }
    await each(file, text);
  }
  return allRead;
}
