// A PUT body as the daemon reads it (contract §2 item 10, §3.3): FastAPI hands the raw bytes to
// Python's json.loads, which detects UTF-8 (with or without a BOM), UTF-16 and UTF-32 and accepts
// NaN/Infinity; a body that is not a JSON object never reaches the validator but gets FastAPI's
// own 422 {"detail": [...]} (pydantic's dict_type error for the Dict[str, Any] parameter).
import { parsePythonJson } from '../pyJson';
import { isPlainObject } from '../daemonRules';
import { errorText } from '../../text/errorText';

export type PutBodyReading =
  /** An object: the validator sees its `entries` (undefined when absent). */
  | { kind: 'payload'; payload: unknown }
  /** Not an object: FastAPI answers 422 with this body, before any phrasebook rule runs. */
  | { kind: 'fastapi-422'; body: { detail: Array<{ type: string; loc: string[]; msg: string }> } }
  /** Not JSON at all (FastAPI answers 422 json_invalid). */
  | { kind: 'not-json'; message: string };

/** json.detect_encoding: BOMs first, then the pattern of zero bytes in the first four. */
export function detectJsonEncoding(
  bytes: Uint8Array,
): 'utf-8' | 'utf-8-sig' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' {
  const [b0, b1, b2, b3] = bytes;
  if (bytes.length >= 4 && b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'utf-32le';
  if (bytes.length >= 4 && b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'utf-32be';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return 'utf-8-sig';
  if (bytes.length >= 4) {
    if (!b0) return b1 ? 'utf-16be' : 'utf-32be';
    if (!b1) return b2 || b3 ? 'utf-16le' : 'utf-32le';
  } else if (bytes.length === 2) {
    if (!b0) return 'utf-16be';
    if (!b1) return 'utf-16le';
  }
  return 'utf-8';
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text = '';
  for (let i = 0; i + 4 <= bytes.length; i += 4) text += String.fromCodePoint(view.getUint32(i, littleEndian));
  return text;
}

/** bytes.decode(detect_encoding(bytes)); throws TypeError on invalid bytes. */
export function decodeJsonBytes(bytes: Uint8Array): string {
  const encoding = detectJsonEncoding(bytes);
  if (encoding === 'utf-32le' || encoding === 'utf-32be') {
    const body = decodeUtf32(bytes, encoding === 'utf-32le');
    return body.replace(/^\ufeff/, '');
  }
  if (encoding === 'utf-16be') {
    const swapped = Uint8Array.from(bytes);
    for (let i = 0; i + 1 < swapped.length; i += 2) [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false }).decode(swapped);
  }
  const label = encoding === 'utf-16le' ? 'utf-16le' : 'utf-8';
  // ignoreBOM false strips one leading BOM: right for utf-8-sig and utf-16; plain utf-8 has none.
  return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
}

const DICT_TYPE_422 = { type: 'dict_type', loc: ['body'], msg: 'Input should be a valid dictionary' };

export function readPutBody(bytes: Uint8Array): PutBodyReading {
  let body: unknown;
  try {
    body = parsePythonJson(decodeJsonBytes(bytes));
  } catch (error) {
    return { kind: 'not-json', message: errorText(error) };
  }
  if (!isPlainObject(body)) return { kind: 'fastapi-422', body: { detail: [{ ...DICT_TYPE_422 }] } };
  return { kind: 'payload', payload: Object.prototype.hasOwnProperty.call(body, 'entries') ? body.entries : undefined };
}
