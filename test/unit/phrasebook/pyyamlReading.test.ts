// PyYAML's reading of a phrasebook file (issue #12): encodings, line breaks, unacceptable
// characters, tabs and a repeated `entries:` — compared with PyYAML itself (yaml.safe_load on the
// bytes) where python3 has PyYAML. PyYAML is pure Python and behaves the same under every CPython;
// the pyenv 3.12/3.13 here have no PyYAML (and no PyPI), so python3 (3.11) is the judge.
import * as assert from 'node:assert/strict';
import { lintPhrasebook, parsePhrasebook } from '../../../src/core/phrasebook';
import { decodePyYamlBytes } from '../../../src/core/phrasebook/yaml/pyyamlReader';
import { pythonAvailable, runPython } from './python';

const ENTRY = '  - pattern: "^hi$"\n    category: g\n    description: d\n    reply_template: r\n';
const YAML = `entries:\n${ENTRY}`;
const utf16 = (text: string, bigEndian: boolean): Buffer => {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (bigEndian) for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1], bytes[i]];
  return bytes;
};

const FILES: ReadonlyArray<readonly [string, Buffer]> = [
  ['plain', Buffer.from(YAML)],
  ['UTF-8 BOM', Buffer.from(`\ufeff${YAML}`)],
  ['UTF-16 LE with BOM', utf16(YAML, false)],
  ['UTF-16 BE with BOM', utf16(YAML, true)],
  ['CR-only line breaks', Buffer.from(YAML.replace(/\n/g, '\r'))],
  ['CRLF', Buffer.from(YAML.replace(/\n/g, '\r\n'))],
  ['NUL byte', Buffer.from(YAML.replace('d\n', 'd\0\n'))],
  ['U+FFFE', Buffer.from(YAML.replace('d\n', 'd\ufffe\n'))],
  ['C1 control', Buffer.from(YAML.replace('d\n', 'd\u0086\n'))],
  ['tab after a key', Buffer.from(YAML.replace('entries:', 'entries:\t'))],
  ['tab after pattern:', Buffer.from(YAML.replace('pattern: ', 'pattern:\t'))],
  ['tab in a quoted scalar', Buffer.from(YAML.replace('^hi$', '^hi\t$'))],
  ['tab in a comment', Buffer.from(`${YAML}# a\tcomment\n`)],
  ['tab in a block scalar', Buffer.from(YAML.replace('reply_template: r', 'reply_template: |\n      a\tb'))],
  [
    'invalid UTF-8 start byte',
    Buffer.concat([Buffer.from('entries:\n  - pattern: "'), Buffer.from([0xff]), Buffer.from('"\n')]),
  ],
  ['truncated UTF-8', Buffer.concat([Buffer.from('entries: []\n# '), Buffer.from([0xe2, 0x82])])],
  ['UTF-8 surrogate bytes', Buffer.concat([Buffer.from('entries: []\n# '), Buffer.from([0xed, 0xa0, 0x80])])],
  ['repeated entries (last wins)', Buffer.from(`${YAML}entries: []\n`)],
];

/** 'error' when PyYAML refuses it, else the JSON of its `entries`. */
function ourReading(bytes: Buffer): string {
  const decoded = decodePyYamlBytes(bytes);
  if (!decoded.ok) return 'error';
  const doc = parsePhrasebook(decoded.text);
  if (doc.loadErrors.length > 0 || doc.syntaxFindings.some((f) => f.severity === 'error')) return 'error';
  return JSON.stringify(doc.entriesValue ?? null);
}

describe('PyYAML reading of phrasebook files', () => {
  it('loads, or refuses, exactly the files PyYAML does, with the same entries', function () {
    if (!pythonAvailable('yaml')) this.skip(); // restated below for machines without PyYAML
    const expected = runPython<string[]>(
      `import base64, yaml
def read(raw):
    try:
        doc = yaml.safe_load(base64.b64decode(raw))
    except yaml.YAMLError:
        return "error"
    return json.dumps(doc.get("entries") if isinstance(doc, dict) else None, separators=(",", ":"))
print(json.dumps([read(b) for b in data]))`,
      FILES.map(([, bytes]) => bytes.toString('base64')),
    );
    const labels = FILES.map(([label]) => label);
    assert.deepEqual(
      FILES.map(([, bytes], i) => `${labels[i]}: ${ourReading(bytes)}`),
      expected.map((reading, i) => `${labels[i]}: ${reading}`),
    );
  });

  it("restates PyYAML's documented reading (Reader, Scanner) where PyYAML is not installed", () => {
    const byLabel = new Map(FILES.map(([label, bytes]) => [label, ourReading(bytes)]));
    for (const label of [
      'plain',
      'UTF-8 BOM',
      'UTF-16 LE with BOM',
      'UTF-16 BE with BOM',
      'CR-only line breaks',
      'tab in a quoted scalar',
      'tab in a comment',
      'tab in a block scalar',
    ]) {
      assert.notEqual(byLabel.get(label), 'error', label);
    }
    for (const label of [
      'NUL byte',
      'U+FFFE',
      'C1 control',
      'tab after a key',
      'tab after pattern:',
      'invalid UTF-8 start byte',
      'truncated UTF-8',
      'UTF-8 surrogate bytes',
    ]) {
      assert.equal(byLabel.get(label), 'error', label);
    }
    assert.equal(byLabel.get('repeated entries (last wins)'), '[]');
  });

  it("gives PyYAML's messages", () => {
    const bad = decodePyYamlBytes(FILES[14][1]);
    assert.deepEqual(bad, {
      ok: false,
      message: 'unacceptable character #x00ff: invalid start byte',
      bytePosition: 23,
    });
    assert.deepEqual(
      parsePhrasebook(YAML.replace('d\n', 'd\0\n')).loadErrors.map((e) => e.message),
      ['unacceptable character #x0000: special characters are not allowed'],
    );
    assert.deepEqual(
      parsePhrasebook(YAML.replace('entries:', 'entries:\t')).loadErrors.map((e) => e.message),
      ["found character '\\t' that cannot start any token"],
    );
  });

  it('warns that a repeated top-level entries: is ignored, pointing at the one that counts', () => {
    const findings = lintPhrasebook(`${YAML}entries: []\n`).findings.filter((f) => f.code === 'yaml/duplicate-key');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.line, 0);
    assert.match(findings[0].message, /'entries' is repeated at the top level: PyYAML keeps only the last one/);
    assert.equal(findings[0].related?.[0].range.start.line, 5);
  });
});
