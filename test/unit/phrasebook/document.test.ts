// The YAML layer: values exactly as PyYAML's safe_load gives them to the daemon, positions of
// entries, keys and values, syntax errors that do not hide the entries that parsed.
import * as assert from 'node:assert/strict';
import { lintPhrasebook, looksLikePhrasebook, parsePhrasebook, pythonFloatRepr } from '../../../src/core/phrasebook';
import { pythonAvailable, runPython } from './python';

const PLAIN_CANDIDATES = [
  'yes',
  'no',
  'Yes',
  'NO',
  'on',
  'Off',
  'OFF',
  'y',
  'n',
  'Y',
  'true',
  'False',
  'TRUE',
  'null',
  'Null',
  '~',
  '1:30',
  '190:20:30',
  '-1:30',
  '1:30.5',
  '0777',
  '0o777',
  '0x1F',
  '-0x1f',
  '0b101',
  '1_000',
  '1__0',
  '0_',
  '08',
  '09.5',
  '1e3',
  '1.0e+3',
  '1.0e3',
  '1.5',
  '.5',
  '1.',
  '.inf',
  '-.Inf',
  '+.INF',
  '.NaN',
  '+12',
  '-0',
  '0',
  '007',
  '0.1_2',
  '2024-01-01',
  '2024-1-1',
  '2024-01-01 10:00:00',
  '2024-01-01T10:00:00Z',
  '2024-1-1t1:00:00.5 +02:00',
  '2024-02-30',
  '=',
  '<<',
  'hello',
  'a: b',
  '12:30:45.5',
  'NaN',
  'inf',
  '.Inf',
  'nO',
  'yES',
  '0b',
  '0x',
  '+',
  '-',
  '.',
];

/** Normalises loaded values so Python and JavaScript results compare (numbers as float repr). */
const PY_NORMALISE = `
import datetime, math
def norm(v):
    if isinstance(v, bool): return v
    if isinstance(v, (int, float)): return {"$num": repr(float(v))}
    if isinstance(v, (datetime.date, datetime.datetime)): return {"$date": True}
    if isinstance(v, list): return [norm(x) for x in v]
    if isinstance(v, dict): return {str(k): norm(x) for k, x in v.items()}
    return v
`;
function normalise(value: unknown): unknown {
  if (typeof value === 'number') return { $num: pythonFloatRepr(value) };
  if (value instanceof Date) return { $date: true };
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}

function pyLoad(texts: string[]): Array<{ ok: true; value: unknown } | { ok: false; error: string }> {
  return runPython(
    `${PY_NORMALISE}
import yaml
out = []
for text in data:
    try:
        out.append({"ok": True, "value": norm(yaml.safe_load(text))})
    except Exception as exc:
        out.append({"ok": False, "error": type(exc).__name__})
print(json.dumps(out))`,
    texts,
  );
}

describe('phrasebook document', () => {
  it('reads plain scalars exactly as PyYAML safe_load does (YAML 1.1 traps)', function () {
    if (!pythonAvailable('yaml')) this.skip();
    const texts = PLAIN_CANDIDATES.map((plain) => `entries:\n  - category: ${plain}\n    pattern: x\n`);
    const expected = pyLoad(texts);
    texts.forEach((text, index) => {
      const doc = parsePhrasebook(text);
      const outcome = expected[index];
      if (!outcome.ok) {
        assert.ok(
          doc.loadErrors.length > 0 || doc.syntaxFindings.length > 0,
          `PyYAML fails on ${PLAIN_CANDIDATES[index]}, we must say so`,
        );
        return;
      }
      assert.deepEqual(
        normalise({ entries: doc.entriesValue }),
        outcome.value,
        `value of ${JSON.stringify(PLAIN_CANDIDATES[index])}`,
      );
    });
  });

  it('follows PyYAML for merges, aliases, repeated keys, quoting and block scalars', function () {
    if (!pythonAvailable('yaml')) this.skip();
    const texts = [
      'base: &b {category: shared, description: d}\nentries:\n  - <<: *b\n    pattern: x\n    category: own\n',
      'entries:\n  - pattern: &p "^a$"\n    category: c\n  - pattern: *p\n    category: d\n',
      'entries:\n  - pattern: first\n    pattern: second\n',
      "entries:\n  - pattern: 'it''s'\n    category: \"no\"\n    description: >-\n      folded\n      text\n    reply_template: |\n      line one\n      line two\n",
      'entries: [{pattern: "a", category: b}, {pattern: c}]\n',
      'entries:\n  - {pattern: x, <<: [{category: m1}, {category: m2, description: m2}]}\n',
    ];
    const expected = pyLoad(texts);
    texts.forEach((text, index) => {
      const outcome = expected[index];
      assert.ok(outcome.ok);
      const doc = parsePhrasebook(text);
      assert.deepEqual(
        normalise({
          ...(index === 0 ? { base: (outcome.value as { base: unknown }).base } : {}),
          entries: doc.entriesValue,
        }),
        outcome.value,
      );
    });
  });

  it('reads YAML 1.2 core values when the file is not loaded from disk', () => {
    const doc = parsePhrasebook('entries:\n  - category: no\n    pattern: 1:30\n', { fromDisk: false });
    assert.deepEqual(doc.entriesValue, [{ category: 'no', pattern: '1:30' }]);
  });

  it('survives self-referential aliases (an alias of an enclosing node, as a key or a value)', () => {
    for (const text of [
      '&a \nentries:  - *a',
      '&a\nentries:\n  - *a\n',
      '&a\n*a : x\nentries: []\n',
      'entries: &e\n  - pattern: *e\n',
    ]) {
      for (const fromDisk of [true, false]) {
        const doc = parsePhrasebook(text, { fromDisk });
        assert.ok(Array.isArray(doc.entries), `${JSON.stringify(text)} parsed`);
        assert.doesNotThrow(() => lintPhrasebook(text, { fromDisk }), JSON.stringify(text));
      }
    }
  });

  it('records the spans of entries, keys and values', () => {
    const text = 'entries:\n  - pattern: "^hi$"\n    category: greeting\n  - pattern: x\n';
    const doc = parsePhrasebook(text);
    assert.equal(doc.entries.length, 2);
    const [first, second] = doc.entries;
    assert.equal(text.slice(first.span.start, first.span.end), '- pattern: "^hi$"\n    category: greeting');
    const pattern = first.fieldsByName.get('pattern')!;
    assert.equal(text.slice(pattern.keySpan.start, pattern.keySpan.end), 'pattern');
    assert.equal(text.slice(pattern.valueSpan.start, pattern.valueSpan.end), '"^hi$"');
    assert.deepEqual(doc.rangeOf(pattern.valueSpan), {
      start: { line: 1, character: 13 },
      end: { line: 1, character: 19 },
    });
    assert.equal(
      text.slice(first.deleteSpan!.start, first.deleteSpan!.end),
      '  - pattern: "^hi$"\n    category: greeting\n',
    );
    assert.equal(second.index, 1);
    assert.equal(text.slice(doc.entriesKeySpan!.start, doc.entriesKeySpan!.end), 'entries');
  });

  it('reports syntax errors and still yields the entries that parsed', () => {
    const text = 'entries:\n  - pattern: "ok"\n    category: c\n  - pattern: "unterminated\n';
    const doc = parsePhrasebook(text);
    assert.ok(doc.syntaxFindings.some((f) => f.code === 'yaml/syntax' && f.severity === 'error'));
    assert.equal(doc.entries[0].fieldsByName.get('pattern')?.value, 'ok');
  });

  it('uses the same content key for an entry whose text did not change', () => {
    const entry = '  - pattern: a\n    category: b\n';
    const before = parsePhrasebook(`entries:\n${entry}${entry.replace('a', 'c')}`);
    const after = parsePhrasebook(`# a comment\nentries:\n  - pattern: new\n${entry}${entry.replace('a', 'c')}`);
    assert.equal(before.entries[0].contentKey, after.entries[1].contentKey);
    assert.notEqual(after.entries[0].contentKey, after.entries[1].contentKey);
  });

  it('recognises phrasebooks by content', () => {
    assert.ok(looksLikePhrasebook('entries:\n  - pattern: "^hi$"\n    category: g\n'));
    assert.ok(looksLikePhrasebook('{"entries": [{"pattern": "x"}]}'));
    assert.ok(!looksLikePhrasebook('entries:\n  - name: x\n'));
    assert.ok(!looksLikePhrasebook('services:\n  web:\n    pattern: x\n'));
    assert.ok(!looksLikePhrasebook('other:\n  entries:\n    - pattern: x\n'));
    assert.ok(!looksLikePhrasebook(''));
  });
});
