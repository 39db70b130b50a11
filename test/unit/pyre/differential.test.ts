/**
 * The CPython differential test: a generated corpus (edge cases, generated, mutated and random
 * patterns, the daemon's seed patterns, \N{...} names) is compiled by python3 (re.compile with
 * IGNORECASE, via test/tools/pyre_oracle.py, run ONCE) and by pyre; accept/reject, exception type
 * and str(exc) must be identical. A match differential compares pythonMatch with re.match.
 */
import * as assert from 'assert';
import { inflateSync } from 'zlib';
import { compilePython, PyreCompiled, PyreCompileResult, pythonMatch, translateToJs } from '../../../src/core/pyre';
import {
  NOTE_ATOMIC_IN_LOOKBEHIND,
  NOTE_CASELESS_BACKREF,
  NOTE_EMPTY_ITERATION,
} from '../../../src/core/pyre/translate/translator';
import * as namesData from '../../../src/core/pyre/unicode/namesData';
import * as tablesData from '../../../src/core/pyre/unicode/tablesData';
import { buildCorpus, pick, seededRandom } from './corpus';
import { dumpUnicodeData, OracleCompileResult, OracleResponse, runOracle } from './oracle';
import { subjectsFor } from './textGenerator';

/**
 * Patterns whose pyre result is allowed to differ from CPython's, with the reason. Empty: every
 * pattern of the corpus agrees exactly. (RecursionError thresholds are modelled for the oracle's
 * shallow call stack; see PythonStack - the daemon's deeper stack is not part of this test.)
 */
const DOCUMENTED_EXCEPTIONS: ReadonlyMap<string, string> = new Map();

/** Translation notes that announce an approximation: such pairs are counted, not asserted. */
const APPROXIMATION_NOTES = [NOTE_EMPTY_ITERATION, NOTE_CASELESS_BACKREF, NOTE_ATOMIC_IN_LOOKBEHIND];
const isApproximation = (note: string): boolean =>
  APPROXIMATION_NOTES.includes(note) || note.startsWith('back-reference to group');

const MIN_CORPUS_SIZE = 2000;
const MATCH_PATTERNS = 700;
const SUBJECTS_PER_PATTERN = 5;
const MAX_MATCH_PATTERN_LENGTH = 200;
const NAME_SAMPLES = 600;

function describeOracle(result: OracleCompileResult): string {
  if ('ok' in result) return `ok groups=${result.groups}`;
  return result.kind === 're.error' ? `re.error: ${result.text}` : `${result.type}: ${result.text}`;
}

function describePyre(result: PyreCompileResult): string {
  if (result.ok) return `ok groups=${result.groupCount}`;
  return result.kind === 're.error' ? `re.error: ${result.text}` : `${result.exceptionType}: ${result.text}`;
}

/** \N{...} patterns: real names and aliases from the embedded table, and near misses. */
function namePatterns(): string[] {
  const random = seededRandom(77);
  const lines = inflateSync(Buffer.from(namesData.NAMES_ZLIB_BASE64, 'base64')).toString('latin1').split('\n');
  const names = lines.filter((line) => line.includes(':')).map((line) => line.slice(line.indexOf(':') + 1));
  const patterns: string[] = [];
  for (let i = 0; i < NAME_SAMPLES; i++) {
    const name = pick(random, names);
    const variant = i % 4 === 0 ? name.toLowerCase() : i % 4 === 1 ? name.slice(0, -1) : name;
    patterns.push(`\\N{${variant}}`, `[\\N{${variant}}]`);
  }
  return patterns;
}

interface MatchCase {
  compiled: PyreCompiled;
  text: string;
  approximate: boolean;
}

function matchCases(corpus: readonly string[]): MatchCase[] {
  const random = seededRandom(4242);
  const cases: MatchCase[] = [];
  let patterns = 0;
  for (const source of corpus) {
    if (patterns >= MATCH_PATTERNS) break;
    if (source.length > MAX_MATCH_PATTERN_LENGTH) continue;
    const compiled = compilePython(source);
    if (!compiled.ok) continue;
    const translation = translateToJs(compiled);
    if (!translation.ok) continue;
    patterns++;
    const approximate = translation.notes.some(isApproximation);
    for (const text of subjectsFor(random, compiled.ast, SUBJECTS_PER_PATTERN)) cases.push({ compiled, text, approximate });
  }
  return cases;
}

describe('pyre: differential test against CPython 3.11 (python3)', function () {
  this.timeout(180_000);
  let corpus: string[];
  let cases: MatchCase[];
  let oracle: OracleResponse;

  before(function () {
    corpus = [...new Set([...buildCorpus(), ...namePatterns()])];
    cases = matchCases(corpus);
    oracle = runOracle({ compile: corpus, match: cases.map(({ compiled, text }) => [compiled.source, text]) });
  });

  it(`has a corpus of at least ${MIN_CORPUS_SIZE} patterns`, function () {
    assert.ok(corpus.length >= MIN_CORPUS_SIZE, `corpus has ${corpus.length} patterns`);
    assert.strictEqual(oracle.compile.length, corpus.length);
  });

  it('agrees with CPython on accept/reject, exception type, message and position for every pattern', function () {
    const mismatches: string[] = [];
    let accepted = 0;
    corpus.forEach((source, i) => {
      const expected = describeOracle(oracle.compile[i]);
      const actual = describePyre(compilePython(source));
      if (expected.startsWith('ok')) accepted++;
      if (expected !== actual && !DOCUMENTED_EXCEPTIONS.has(source)) {
        mismatches.push(`${JSON.stringify(source.slice(0, 120))}\n  python: ${expected}\n  pyre:   ${actual}`);
      }
    });
    assert.deepStrictEqual(mismatches, []);
    // Both kinds are well represented (a corpus of only valid or only invalid patterns proves little).
    assert.ok(accepted > corpus.length / 5 && accepted < (corpus.length * 4) / 5, `accepted ${accepted}`);
  });

  it('reports the same group names and final flags for accepted patterns', function () {
    const mismatches: string[] = [];
    corpus.forEach((source, i) => {
      const expected = oracle.compile[i];
      const actual = compilePython(source);
      if (!('ok' in expected) || !actual.ok) return;
      const names = JSON.stringify(Object.fromEntries(actual.groupNames));
      if (names !== JSON.stringify(expected.groupindex) || actual.flags !== expected.flags) {
        mismatches.push(`${JSON.stringify(source)}: python ${JSON.stringify(expected)} pyre ${names} ${actual.flags}`);
      }
    });
    assert.deepStrictEqual(mismatches, []);
  });

  it('pythonMatch agrees with re.match for translations without approximation notes', function () {
    assert.ok(cases.length >= 2000, `only ${cases.length} match cases`);
    const mismatches: string[] = [];
    let approximateDifferences = 0;
    cases.forEach((testCase, i) => {
      const expected = oracle.match[i];
      const actual = pythonMatch(testCase.compiled, testCase.text);
      const expectedText = 'matched' in expected ? (expected.matched ? `end ${expected.end}` : 'no match') : 'error';
      const actualText = 'matched' in actual ? (actual.matched ? `end ${actual.end}` : 'no match') : 'untranslatable';
      if (expectedText === actualText) return;
      if (testCase.approximate) approximateDifferences++;
      else mismatches.push(`${JSON.stringify(testCase.compiled.source)} on ${JSON.stringify(testCase.text)}: python ${expectedText}, js ${actualText}`);
    });
    assert.deepStrictEqual(mismatches, []);
    // Approximations are announced in the notes; they must stay rare in a generated corpus.
    assert.ok(approximateDifferences < cases.length / 50, `${approximateDifferences} approximate differences`);
  });

  it('embeds exactly the Unicode data of python3 (names, aliases, tables, case mapping)', function () {
    const expected = dumpUnicodeData();
    assert.strictEqual(namesData.UNICODE_DATA_VERSION, expected.UNICODE_DATA_VERSION);
    const names = inflateSync(Buffer.from(namesData.NAMES_ZLIB_BASE64, 'base64')).toString('latin1');
    assert.ok(names === expected.NAMES, 'names/aliases blob differs: re-run pyre_oracle.py --emit-unicode-data');
    assert.strictEqual(namesData.CJK_UNIFIED_RANGES, expected.CJK_UNIFIED_RANGES);
    assert.deepStrictEqual([namesData.HANGUL_L, namesData.HANGUL_V, namesData.HANGUL_T], [expected.HANGUL_L, expected.HANGUL_V, expected.HANGUL_T]);
    const tables: Record<string, unknown> = { ...tablesData };
    for (const [label, encoded] of Object.entries(expected.TABLES)) assert.strictEqual(tables[label], encoded, label);
    assert.strictEqual(tablesData.LOWER_DELTAS, expected.LOWER_DELTAS);
    assert.deepStrictEqual(tablesData.EXTRA_CASES, expected.EXTRA_CASES);
  });
});
