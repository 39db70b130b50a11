/**
 * The CPython differential test: a generated corpus (edge cases, generated, mutated and random
 * patterns, the daemon's seed patterns, \N{...} names) is compiled by each CPython version pyre
 * models that is on this machine (re.compile with IGNORECASE, via test/tools/pyre_oracle.py, run
 * ONCE per version) and by pyre with that version's rules; accept/reject, exception type and
 * str(exc) must be identical. A match differential compares pythonMatch with re.match.
 * A version that is not installed is reported as a pending test (failing with
 * PYRE_REQUIRE_ALL_PYTHONS=1), never skipped silently.
 */
import * as assert from 'assert';
import { inflateSync } from 'zlib';
import {
  compilePython,
  PyreCompiled,
  PyreCompileResult,
  pythonMatch,
  PythonVersion,
  translateToJs,
} from '../../../src/core/pyre';
import {
  NOTE_ATOMIC_IN_LOOKBEHIND,
  NOTE_CASELESS_BACKREF,
  NOTE_EMPTY_ITERATION,
} from '../../../src/core/pyre/translate/translator';
import * as namesData from '../../../src/core/pyre/unicode/namesData';
import * as tablesData from '../../../src/core/pyre/unicode/tablesData';
import { buildCorpus, pick, seededRandom } from './corpus';
import {
  dumpUnicodeData,
  findOracleInterpreters,
  OracleCompileResult,
  OracleInterpreter,
  OracleResponse,
  REQUIRE_ALL_PYTHONS,
  runOracle,
} from './oracle';
import { subjectsFor } from './textGenerator';

/**
 * Patterns whose pyre result is allowed to differ from CPython's, with the reason. Empty: every
 * pattern of the corpus agrees exactly. (RecursionError thresholds are modelled for the oracle's
 * shallow call stack; see PythonStack - the daemon's deeper stack is not part of this test.)
 */
const DOCUMENTED_EXCEPTIONS: ReadonlyMap<string, string> = new Map();

/**
 * pyre embeds Unicode 14 (CPython 3.11) for every version; 3.12 has Unicode 15.0 and 3.13 15.1,
 * which name more characters (e.g. the alias \N{EM}). Only that gap is tolerated, and it is listed.
 */
function isUnicodeNameGap(python: PythonVersion, expected: string, actual: string): boolean {
  const undefinedName = 're.error: undefined character name';
  return python !== '3.11' && actual.startsWith(undefinedName) && !expected.startsWith(undefinedName);
}

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

function matchCases(corpus: readonly string[], python: PythonVersion): MatchCase[] {
  const random = seededRandom(4242);
  const cases: MatchCase[] = [];
  let patterns = 0;
  for (const source of corpus) {
    if (patterns >= MATCH_PATTERNS) break;
    if (source.length > MAX_MATCH_PATTERN_LENGTH) continue;
    const compiled = compilePython(source, { python });
    if (!compiled.ok) continue;
    const translation = translateToJs(compiled);
    if (!translation.ok) continue;
    patterns++;
    const approximate = translation.notes.some(isApproximation);
    for (const text of subjectsFor(random, compiled.ast, SUBJECTS_PER_PATTERN))
      cases.push({ compiled, text, approximate });
  }
  return cases;
}

/** Corpus shared by every version (building it costs more than comparing). */
let sharedCorpus: string[] | undefined;
function corpusForAllVersions(): string[] {
  sharedCorpus ??= [...new Set([...buildCorpus(), ...namePatterns()])];
  return sharedCorpus;
}

function describeVersion(interpreter: OracleInterpreter): void {
  const python = interpreter.version;
  describe(`pyre: differential test against CPython ${interpreter.fullVersion} (${interpreter.executable})`, function () {
    // One oracle process per version, thousands of patterns: explicit budget for a saturated machine.
    this.timeout(300_000);
    let corpus: string[];
    let cases: MatchCase[];
    let oracle: OracleResponse;

    before(function () {
      corpus = corpusForAllVersions();
      cases = matchCases(corpus, python);
      oracle = runOracle(interpreter, {
        compile: corpus,
        match: cases.map(({ compiled, text }) => [compiled.source, text]),
      });
    });

    it(`has a corpus of at least ${MIN_CORPUS_SIZE} patterns`, function () {
      assert.ok(corpus.length >= MIN_CORPUS_SIZE, `corpus has ${corpus.length} patterns`);
      assert.strictEqual(oracle.compile.length, corpus.length);
    });

    it('agrees with CPython on accept/reject, exception type, message and position for every pattern', function () {
      const mismatches: string[] = [];
      const unicodeGaps: string[] = [];
      let accepted = 0;
      corpus.forEach((source, i) => {
        const expected = describeOracle(oracle.compile[i]);
        const actual = describePyre(compilePython(source, { python }));
        if (expected.startsWith('ok')) accepted++;
        if (expected !== actual && isUnicodeNameGap(python, expected, actual)) unicodeGaps.push(source);
        else if (expected !== actual && !DOCUMENTED_EXCEPTIONS.has(source)) {
          mismatches.push(`${JSON.stringify(source.slice(0, 120))}\n  python: ${expected}\n  pyre:   ${actual}`);
        }
      });
      assert.deepStrictEqual(mismatches, []);
      if (unicodeGaps.length > 0)
        console.log(`      Unicode 14 name gap vs CPython ${python}: ${JSON.stringify(unicodeGaps)}`);
      assert.ok(unicodeGaps.length < 10, `${unicodeGaps.length} Unicode name gaps`);
      // Both kinds are well represented (a corpus of only valid or only invalid patterns proves little).
      assert.ok(accepted > corpus.length / 5 && accepted < (corpus.length * 4) / 5, `accepted ${accepted}`);
    });

    it('reports the same group names and final flags for accepted patterns', function () {
      const mismatches: string[] = [];
      corpus.forEach((source, i) => {
        const expected = oracle.compile[i];
        const actual = compilePython(source, { python });
        if (!('ok' in expected) || !actual.ok) return;
        const names = JSON.stringify(Object.fromEntries(actual.groupNames));
        if (names !== JSON.stringify(expected.groupindex) || actual.flags !== expected.flags) {
          mismatches.push(
            `${JSON.stringify(source)}: python ${JSON.stringify(expected)} pyre ${names} ${actual.flags}`,
          );
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
        else
          mismatches.push(
            `${JSON.stringify(testCase.compiled.source)} on ${JSON.stringify(testCase.text)}: python ${expectedText}, js ${actualText}`,
          );
      });
      assert.deepStrictEqual(mismatches, []);
      // Approximations are announced in the notes; they must stay rare in a generated corpus.
      assert.ok(approximateDifferences < cases.length / 50, `${approximateDifferences} approximate differences`);
    });

    // pyre embeds Unicode 14 (CPython 3.11) for every version; the README names what that leaves out.
    const unicodeTest = python === '3.11' ? it : it.skip;
    unicodeTest('embeds exactly the Unicode data of CPython 3.11 (names, aliases, tables, case mapping)', function () {
      const expected = dumpUnicodeData(interpreter);
      assert.strictEqual(namesData.UNICODE_DATA_VERSION, expected.UNICODE_DATA_VERSION);
      const names = inflateSync(Buffer.from(namesData.NAMES_ZLIB_BASE64, 'base64')).toString('latin1');
      assert.ok(names === expected.NAMES, 'names/aliases blob differs: re-run pyre_oracle.py --emit-unicode-data');
      assert.strictEqual(namesData.CJK_UNIFIED_RANGES, expected.CJK_UNIFIED_RANGES);
      assert.deepStrictEqual(
        [namesData.HANGUL_L, namesData.HANGUL_V, namesData.HANGUL_T],
        [expected.HANGUL_L, expected.HANGUL_V, expected.HANGUL_T],
      );
      const tables: Record<string, unknown> = { ...tablesData };
      for (const [label, encoded] of Object.entries(expected.TABLES)) assert.strictEqual(tables[label], encoded, label);
      assert.strictEqual(tablesData.LOWER_DELTAS, expected.LOWER_DELTAS);
      assert.deepStrictEqual(tablesData.EXTRA_CASES, expected.EXTRA_CASES);
    });
  });
}

const search = findOracleInterpreters();
for (const interpreter of search.found) describeVersion(interpreter);
describe('pyre: CPython versions for the differential test', function () {
  for (const { version, searched } of search.missing) {
    it(`CPython ${version} NOT FOUND on this machine - its differential test did not run (searched ${searched.join(', ')})`, function () {
      if (REQUIRE_ALL_PYTHONS) assert.fail(`CPython ${version} is required (PYRE_REQUIRE_ALL_PYTHONS=1)`);
      this.skip();
    });
  }
  it('found at least one CPython to compare with', function () {
    assert.ok(search.found.length > 0, `no CPython found: ${JSON.stringify(search.missing)}`);
  });
});
