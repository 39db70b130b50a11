import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { MarkdownBuilder, escapeMarkdown, toPlainLine } from '../../../src/core/text/markdown';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&' };

/**
 * What a CommonMark renderer makes of escaped text: backslash escapes and entities, decoded in one
 * left-to-right pass as the parser does (so `&amp\;` stays literal, as it would there).
 */
function renderInline(escaped: string): string {
  return escaped.replace(
    /\\([!-/:-@[-`{-~])|&(lt|gt|amp);/g,
    (_, escapedChar?: string, entity?: string) => escapedChar ?? ENTITIES[entity ?? ''],
  );
}

/** The escaped text with every escape sequence removed: what a Markdown parser could act on. */
function unescapedRemainder(escaped: string): string {
  return escaped.replace(/\\[!-/:-@[-`{-~]/g, '').replace(/&(lt|gt|amp);/g, '');
}

const HOSTILE = [
  '[click me](command:workbench.action.terminal.new)',
  '[x](command:kora.clearSessionToken?%5B%22alpha%22%5D)',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">ok</a>',
  'see https://evil.example/path and www.evil.example',
  'mail ops@evil.example',
  '**bold** _em_ `code` ~~strike~~',
  'line one\n# heading\n- item\n> quote\n    indented code',
  '![image](https://evil.example/pixel.png)',
  '&lt;script&gt; &#x3C;b&#x3E;',
  '$(alert) icon syntax',
  'trailing backslash \\',
  'bidi \u202Eevil\u202C and nul \u0000',
];

describe('markdown escaping', () => {
  for (const hostile of HOSTILE) {
    it(`renders ${JSON.stringify(hostile).slice(0, 40)} literally and inertly`, () => {
      const escaped = escapeMarkdown(hostile);
      assert.equal(renderInline(escaped), toPlainLine(hostile));
      const remainder = unescapedRemainder(escaped);
      assert.doesNotMatch(remainder, /[[\]()<>`*_!#:@~&\\]/, `active characters left in ${remainder}`);
      assert.ok(!escaped.includes('\n'), 'no line breaks (no block structure)');
    });
  }

  it('keeps command links, URLs and HTML from surviving as syntax', () => {
    const escaped = escapeMarkdown('[x](command:evil) https://evil.example <b>');
    assert.ok(!escaped.includes(']('));
    assert.ok(!escaped.includes('https://'));
    assert.ok(!escaped.includes('<'));
  });

  it('escapes any string so that it renders to exactly its plain line (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const escaped = escapeMarkdown(text);
        assert.equal(renderInline(escaped), toPlainLine(text));
        assert.doesNotMatch(unescapedRemainder(escaped), /[!-/:-@[-`{-~]/);
      }),
    );
  });

  it('shows invisible and direction-changing characters and line breaks escaped, and collapses spaces', () => {
    assert.equal(toPlainLine('a\u202Eb\u0007c \n\t   d'), 'a\\u202eb\\x07c \\n\\t d');
  });

  it('caps the length with an ellipsis', () => {
    const line = toPlainLine('x'.repeat(1000), 10);
    assert.equal(line.length, 10);
    assert.ok(line.endsWith('…'));
  });

  it('stringifies non-string values', () => {
    assert.equal(toPlainLine({ a: 1 }), '{"a":1}');
    assert.equal(toPlainLine(12.5), '12.5');
    assert.equal(toPlainLine(null), '');
  });

  it('MarkdownBuilder escapes field values but not our own text', () => {
    const md = new MarkdownBuilder()
      .heading('Service', 'a*b')
      .field('Error', '[x](command:y)')
      .field('Skipped', null)
      .text('**ours**')
      .toString();
    assert.ok(md.includes('**Service** a\\*b'));
    assert.ok(md.includes('Error: \\[x\\]\\(command\\:y\\)'));
    assert.ok(!md.includes('Skipped'));
    assert.ok(md.includes('**ours**'));
  });
});
