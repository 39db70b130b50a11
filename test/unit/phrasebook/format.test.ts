// The daemon's write format, byte for byte against PyYAML's safe_dump, and the canonical hash.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalEntriesHash, parsePhrasebook, toDaemonYaml, type DaemonEntry } from '../../../src/core/phrasebook';
import { pythonAvailable, runPython } from './python';

const SEED_LIKE: DaemonEntry[] = [
  {
    pattern: '^(hey|hi|hello|yo|sup)[\\s!.]*$',
    category: 'greeting',
    description: 'Bare greeting with no other content',
    reply_template: "Hey. What's up?",
  },
  {
    pattern: '^(ack|ok)[\\s.!]*$',
    category: 'ack',
    description: 'Operator ack, no reply substance needed',
    reply_template: '👍',
  },
  {
    pattern: '^(health|services?)[\\s.?!]*$',
    category: 'health_query',
    description: 'General "are you alive / how are things"',
    reply_template:
      'Supabase: {snapshot.service_health.supabase} · Fly: {snapshot.service_health.fly} · Vercel: {snapshot.service_health.vercel} · Sentry: {snapshot.service_health.sentry}.',
  },
];

const chars = fc.constantFrom(
  'a',
  'b',
  ' ',
  ' ',
  ' ',
  '\n',
  '\t',
  "'",
  '"',
  '\\',
  '#',
  ':',
  '-',
  '{',
  '}',
  '[',
  ',',
  '|',
  '>',
  '?',
  '&',
  '*',
  '!',
  '%',
  '@',
  '`',
  'é',
  '😀',
  '\x07',
  '\u2028',
  '\ufeff',
  '0',
  '1',
  '.',
);
const text = fc.oneof(
  fc.array(chars, { maxLength: 120 }).map((c) => c.join('')),
  fc.constantFrom(
    'no',
    'yes',
    '1:30',
    '0777',
    '~',
    'null',
    '2024-01-01',
    '1e3',
    '.inf',
    '<<',
    '=',
    '---',
    '...',
    '- x',
    'a: b',
    'x #y',
    ' lead',
    'trail ',
    '',
  ),
  fc.string({ maxLength: 200 }),
);
const entries = fc.array(fc.record({ pattern: text, category: text, description: text, reply_template: text }), {
  maxLength: 4,
});

describe('daemon write format', () => {
  it('matches PyYAML safe_dump(sort_keys=False, allow_unicode=True) byte for byte', function () {
    if (!pythonAvailable('yaml')) this.skip();
    const samples = [[], SEED_LIKE, ...fc.sample(entries, { numRuns: 400, seed: 3 })].map((list) =>
      list.map(
        (entry) =>
          Object.fromEntries(
            Object.entries(entry).map(([k, v]) => [k, v.replace(/[\ud800-\udfff]/g, 'x')]),
          ) as unknown as DaemonEntry,
      ),
    );
    const expected = runPython<string[]>(
      'import yaml\nprint(json.dumps([yaml.safe_dump({"entries": e}, sort_keys=False, allow_unicode=True) for e in data]))',
      samples,
    );
    samples.forEach((list, index) =>
      assert.equal(toDaemonYaml(list), expected[index], `sample ${index}: ${JSON.stringify(list)}`),
    );
  });

  it('reads back as the same entries', () => {
    fc.assert(
      fc.property(entries, (list) => {
        // U+0085/U+2028/U+2029 are line breaks to PyYAML (YAML 1.1) but not to the `yaml` package:
        // the lint warns about them (yaml/unicode-line-break); they cannot round-trip here.
        const clean = list.map((e) => ({
          ...e,
          pattern: e.pattern.replace(/[\ud800-\udfff\u0085\u2028\u2029]/g, 'x'),
        }));
        const doc = parsePhrasebook(
          toDaemonYaml(clean.map((e) => ({ ...e, category: 'c', description: 'd', reply_template: 'r' }))),
        );
        assert.deepEqual(
          (doc.entriesValue as DaemonEntry[]).map((e) => e.pattern),
          clean.map((e) => e.pattern),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('hashes the canonical JSON of the four fields in order', () => {
    const withExtra = SEED_LIKE.map((e) => ({
      reply_template: e.reply_template,
      extra: 1,
      category: e.category,
      description: e.description,
      pattern: e.pattern,
    }));
    const canonical = JSON.stringify(
      SEED_LIKE.map((e) => ({
        pattern: e.pattern,
        category: e.category,
        description: e.description,
        reply_template: e.reply_template,
      })),
    );
    const expected = `sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
    assert.equal(canonicalEntriesHash(SEED_LIKE), expected);
    assert.equal(canonicalEntriesHash(withExtra as unknown as DaemonEntry[]), expected);
    assert.notEqual(canonicalEntriesHash(SEED_LIKE.slice(1)), expected);
    assert.match(expected, /^sha256:[0-9a-f]{64}$/);
  });
});
