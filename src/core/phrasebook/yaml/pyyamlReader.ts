// PyYAML's Reader (yaml/reader.py), which the daemon's yaml.safe_load goes through before any
// YAML is scanned: it decodes the bytes (UTF-16 LE/BE when a BOM says so, else strict UTF-8) and
// refuses characters outside YAML's printable set (NUL and most C0/C1 controls, U+FFFE, U+FFFF)
// with "unacceptable character #x....". Its line breaks include a lone CR.

export type PyYamlDecoding = { ok: true; text: string } | { ok: false; message: string; bytePosition: number };

/** Python's UnicodeDecodeError reason for the first bad UTF-8 sequence, or null when valid. */
function firstUtf8Error(bytes: Uint8Array): { position: number; byte: number; reason: string } | null {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return { position: i, byte: lead, reason: 'invalid start byte' };
    // The second byte's range depends on the lead (no overlongs, surrogates or > U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined) return { position: i, byte: lead, reason: 'unexpected end of data' };
      const ok = k === 1 ? next >= low && next <= high : next >= 0x80 && next <= 0xbf;
      if (!ok) return { position: i, byte: lead, reason: 'invalid continuation byte' };
    }
    i += length;
  }
  return null;
}

/** Reader.determine_encoding + decode, as yaml.safe_load(bytes or a binary file) does it. */
export function decodePyYamlBytes(bytes: Uint8Array): PyYamlDecoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Uint8Array.from(bytes.subarray(2));
    for (let i = 0; i + 1 < swapped.length; i += 2) [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    return { ok: true, text: new TextDecoder('utf-16le').decode(swapped) };
  }
  const bad = firstUtf8Error(bytes);
  if (bad) {
    return {
      ok: false,
      message: `unacceptable character #x${bad.byte.toString(16).padStart(4, '0')}: ${bad.reason}`,
      bytePosition: bad.position,
    };
  }
  // A UTF-8 BOM stays in the text: the scanner skips it at the very start, like PyYAML's.
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

/** Reader.NON_PRINTABLE (str streams): what is left is refused. */
const NON_PRINTABLE = /[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** Reader.check_printable: the first unacceptable character, as a UTF-16 offset with PyYAML's message. */
export function pyYamlUnprintable(text: string): { offset: number; message: string } | null {
  const found = NON_PRINTABLE.exec(text);
  if (!found) return null;
  const code = found[0].codePointAt(0) as number;
  return {
    offset: found.index,
    message: `unacceptable character #x${code.toString(16).padStart(4, '0')}: special characters are not allowed`,
  };
}

/** A lone CR is a line break to PyYAML; the `yaml` library only knows LF. Same length, same offsets. */
export function normalizeLoneCarriageReturns(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

const BLOCK_SCALAR_HEADER = /(?:^|[\s:\-?])[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * PyYAML's scanner separates tokens with spaces only: a tab anywhere a token could start (in
 * indentation, after `key:` or `-`, after a plain scalar word, inside a flow collection) is
 * "found character '\t' that cannot start any token". Tabs are fine inside quoted scalars,
 * comments and block scalar content. Returns the UTF-16 offset of the first offending tab.
 */
export function pyYamlTokenTab(text: string): number | null {
  if (!text.includes('\t')) return null;
  let quote: '"' | "'" | null = null;
  let blockIndent: number | null = null; // indentation of the current block scalar's content
  let blockParent = -1; // indentation of the line that opened it
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const indent = /^ */.exec(line)![0].length;
    if (quote === null && blockParent >= 0) {
      const blank = line.trim() === '';
      if (blank || indent > blockParent) {
        if (!blank && blockIndent === null) blockIndent = indent;
        if (blank || indent >= (blockIndent ?? indent)) continue; // content: tabs allowed past the indentation
      }
      blockParent = -1;
      blockIndent = null;
    }
    let previous = '';
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quote !== null) {
        if (quote === '"' && ch === '\\') i++;
        else if (ch === quote && quote === "'" && line[i + 1] === "'") i++;
        else if (ch === quote) quote = null;
        previous = ch;
        continue;
      }
      if (ch === '#' && (i === 0 || previous === ' ')) break;
      if (ch === '\t') return start + i;
      const before = line.slice(0, i).trimEnd();
      if ((ch === '"' || ch === "'") && (before === '' || /[:\-[{,?]$/.test(before))) quote = ch;
      previous = ch;
    }
    if (quote === null && BLOCK_SCALAR_HEADER.test(line.replace(/#.*$/, (comment) => comment))) {
      blockParent = indent;
      blockIndent = null;
    }
  }
  return null;
}
