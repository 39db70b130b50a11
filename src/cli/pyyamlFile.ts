// Phrasebook files are read as the daemon reads them: bytes through PyYAML's Reader (UTF-16 with
// a BOM, else strict UTF-8), not Node's lenient UTF-8 that turns bad bytes into U+FFFD.
import { readFile } from 'node:fs/promises';
import { decodePyYamlBytes } from '../core/phrasebook/pyyamlReader';

/** The file's text as PyYAML decodes it; throws (like readFile) when it cannot be read or decoded. */
export async function readPhrasebookText(file: string): Promise<string> {
  const decoded = decodePyYamlBytes(await readFile(file));
  if (!decoded.ok) throw new Error(`PyYAML cannot decode it: ${decoded.message} (byte ${decoded.bytePosition})`);
  return decoded.text;
}
