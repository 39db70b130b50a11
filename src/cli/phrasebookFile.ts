// Reading a phrasebook file (or standard input) for a CLI command, within the size limit: a huge
// file is refused by its size, before a byte of it is read or parsed.
import { stat, readFile } from 'node:fs/promises';
import { MAX_PHRASEBOOK_FILE_BYTES, fileTooLargeMessage } from '../core/phrasebook/inputGuard';

/** A file or input over MAX_PHRASEBOOK_FILE_BYTES; `message` says so and what to do. */
export class PhrasebookTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(fileTooLargeMessage(bytes));
    this.name = 'PhrasebookTooLargeError';
  }
}

export async function readPhrasebookFile(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > MAX_PHRASEBOOK_FILE_BYTES) throw new PhrasebookTooLargeError(size);
  return readFile(file, 'utf8');
}

/** All of a stream, refusing (without buffering further) once it passes the limit. */
export async function readLimited(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    if (bytes > MAX_PHRASEBOOK_FILE_BYTES) throw new PhrasebookTooLargeError(bytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
