// Reading the FILE... arguments of a command: each readable file goes to `each` in order; an
// unreadable one is reported on stderr and skipped, so the others still get their answer. Files are
// decoded as PyYAML decodes them (the daemon's loader).
import * as path from 'node:path';
import { printError, type CliIo } from './args';
import { readPhrasebookText } from './pyyamlFile';

/** True when every file could be read (a command then exits 2 otherwise). */
export async function forEachInputFile(io: CliIo, files: readonly string[], each: (file: string, text: string) => Promise<void>): Promise<boolean> {
  let allRead = true;
  for (const file of files) {
    let text: string;
    try {
      text = await readPhrasebookText(path.resolve(io.cwd, file));
    } catch (error) {
      printError(io, `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      allRead = false;
      continue;
    }
    await each(file, text);
  }
  return allRead;
}
