// Reading a phrasebook file (or standard input) for a CLI command: within the size limit (a huge
// file is refused by its size, before a byte of it is read or parsed), and decoded as the daemon's
// PyYAML reads it (UTF-16 with a BOM, else strict UTF-8), not with Node's lenient UTF-8 that turns
// bad bytes into U+FFFD.
import { readFile, stat } from 'node:fs/promises';
import { MAX_PHRASEBOOK_FILE_BYTES, fileTooLargeMessage } from '../core/phrasebook/lint/inputGuard';
import { decodePyYamlBytes } from '../core/phrasebook/yaml/pyyamlReader';

/** A file or input over MAX_PHRASEBOOK_FILE_BYTES; `message` says so and what to do. */
export class PhrasebookTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(fileTooLargeMessage(bytes));
    this.name = 'PhrasebookTooLargeError';
  }
}

/** The file's text as PyYAML decodes it; throws when it is too large, unreadable or undecodable. */
export async function readPhrasebookFile(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > MAX_PHRASEBOOK_FILE_BYTES) throw new PhrasebookTooLargeError(size);
  const decoded = decodePyYamlBytes(await readFile(file));
  if (!decoded.ok) throw new Error(`PyYAML cannot decode it: ${decoded.message} (byte ${decoded.bytePosition})`);
  return decoded.text;
}

/** All of a stream's bytes, refusing (without buffering further) once it passes the limit. */
export async function readLimited(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    if (bytes > MAX_PHRASEBOOK_FILE_BYTES) throw new PhrasebookTooLargeError(bytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
