// The anchors the Python translation writes are turned into plain `^` / `\n?$` before recheck sees
// them, so recheck can decide statically; the rewrite must not change which inputs match.
import * as assert from 'node:assert/strict';
import { compilePython, translateToJs } from '../../../src/core/pyre';
import { recheckFriendlySource } from '../../../src/core/redos/analysisSource';

function translated(pattern: string): { source: string; flags: string } {
  const compiled = compilePython(pattern);
  assert.ok(compiled.ok, `${pattern} compiles`);
  const translation = translateToJs(compiled);
  assert.ok(translation.ok, `${pattern} translates`);
  return { source: translation.source, flags: translation.flags };
}

describe('recheck-friendly source', () => {
  it('rewrites the leading and trailing anchors of a translated pattern', () => {
    const { source, flags } = translated('^(a|aa)+$');
    const friendly = recheckFriendlySource(source, flags);
    assert.ok(friendly.startsWith('^'), friendly);
    assert.ok(friendly.endsWith('\\n?$'), friendly);
  });

  it('accepts exactly the same inputs as the translation', () => {
    for (const pattern of ['^(hey|hi)[\\s!.]*$', '^a+$', 'b$', '^x', '(?:^|y)z$']) {
      const { source, flags } = translated(pattern);
      const original = new RegExp(source, flags);
      const friendly = new RegExp(recheckFriendlySource(source, flags), flags);
      for (const input of ['hey', 'hi!!', 'hey\n', 'hey\n\n', 'aaa', 'aab', 'ab', 'b', 'b\n', 'xz', 'yz', 'z', '']) {
        assert.equal(friendly.test(input), original.test(input), `${pattern} on ${JSON.stringify(input)}`);
      }
    }
  });

  it('leaves multiline patterns and escaped look-alikes alone', () => {
    assert.equal(recheckFriendlySource('(?<![\\s\\S])a', 'mu'), '(?<![\\s\\S])a');
    const escaped = 'a\\(?=\\n?(?![\\s\\S]))';
    assert.equal(recheckFriendlySource(escaped, 'u'), escaped);
  });
});
