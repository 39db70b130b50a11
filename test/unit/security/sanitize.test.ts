// The one output sanitizer and the URL display form, on their own (the CLI and tooltip suites
// check that every command and view goes through them).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeControls, safeJsonStringify, safeLine } from '../../../src/core/text/sanitize';
import { displayUrl } from '../../../src/core/text/displayUrl';

const TERMINAL_ACTIVE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

describe('security (unit): output sanitizer', () => {
  it('escapes ESC/CSI/OSC, BEL, CR, line breaks, C1 and bidi controls visibly', () => {
    assert.equal(
      escapeControls('a\u001b[2Jb\u0007\r\n\t\u009b\u202e\u2066\u2028\u061cz'),
      'a\\x1b[2Jb\\x07\\r\\n\\t\\u009b\\u202e\\u2066\\u2028\\u061cz',
    );
  });

  it('keeps line breaks only when asked, never a CR', () => {
    assert.equal(escapeControls('one\r\ntwo\n', 'keep'), 'one\\r\ntwo\n');
  });

  it('leaves ordinary text, emoji and backslashes of regex patterns alone', () => {
    for (const text of ['^(hi|hey)\\s*$', 'café ☕ 👍🏽 👨‍👩‍👧', 'C:\\path\\x1b']) assert.equal(escapeControls(text), text);
  });

  it('escapes lone surrogates but keeps pairs', () => {
    assert.equal(escapeControls('a\ud800b\udc00c\ud83d\ude00'), 'a\\ud800b\\udc00c\ud83d\ude00');
  });

  it('never leaves a terminal-active character, for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !TERMINAL_ACTIVE.test(escapeControls(text))));
  });

  it('renders values as one line', () => {
    assert.equal(safeLine({ a: 'x\ny' }), '{"a":"x\\ny"}');
    assert.equal(safeLine(undefined), '');
    assert.equal(safeLine(12), '12');
  });

  it('JSON escapes DEL, C1, U+2028/2029 and bidi controls and still parses to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const document = { value, text };
        const json = safeJsonStringify(document, 2);
        return (
          !TERMINAL_ACTIVE.test(json.replace(/\n/g, '')) &&
          JSON.stringify(JSON.parse(json)) === JSON.stringify(document)
        );
      }),
    );
    assert.equal(safeJsonStringify('\u009b\u202e\u2028'), '"\\u009b\\u202e\\u2028"');
  });
});

describe('security (unit): URLs are shown without credentials or query secrets', () => {
  const cases: Array<[string, string]> = [
    ['http://127.0.0.1:9119', 'http://127.0.0.1:9119'],
    ['http://127.0.0.1:9119/', 'http://127.0.0.1:9119/'],
    ['http://user:SECRET@host:9119/', 'http://***@host:9119/'],
    ['https://:SECRET@host/a/b', 'https://***@host/a/b'],
    ['http://host/?token=SECRET&x=SECRET#SECRET', 'http://host/?token=***&x=***'],
    ['not a url?token=SECRET', 'not a url'],
    ['http://u:SECRET@[bad/x?t=SECRET', 'http://***@[bad/x'],
  ];
  for (const [raw, shown] of cases) {
    it(`${raw} → ${shown}`, () => {
      assert.equal(displayUrl(raw), shown);
      assert.doesNotMatch(displayUrl(raw), /SECRET/);
    });
  }
});
