// Inputs the analysis refuses up front, with one clear diagnostic instead of a stalled
// extension host: very large documents, and YAML whose aliases expand exponentially ("billion
// laughs"), which PyYAML would expand in full when the daemon loads the file.
import { parseDocument } from 'yaml';
import type { Finding, Position } from '../../findings';
import { MAX_VALUE_DEPTH, MAX_VALUE_NODES } from '../yaml/yamlValues';
import { FINDING_CODES, ruleDefaults } from './registry';

/** Above this size a document is not analysed as you type (`kora-ops lint` still handles it). */
export const MAX_ANALYSED_DOCUMENT_BYTES = 2 * 1024 * 1024;
/**
 * Above this size the CLI does not read a phrasebook file at all (lint, validate, push, test): the
 * largest phrasebook the daemon accepts (200 entries of at most 4,928 code points) is about 4 MB
 * even in 4-byte UTF-8, while parsing a 50 MB YAML takes minutes and gigabytes.
 */
export const MAX_PHRASEBOOK_FILE_BYTES = 8 * 1024 * 1024;
/** Alias resolutions allowed before the document counts as an alias bomb (the `yaml` default). */
const MAX_ALIAS_EXPANSIONS = 100;
/** An anchor (`&name`) at a node start; without one there is nothing an alias can expand. */
const ANCHOR = /(?:^|[\s[{,:-])&[^\s[\]{},]/m;

const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A finding that replaces the analysis of `text`, or undefined when the text may be analysed. */
export function inputGuardFinding(text: string): Finding | undefined {
  // UTF-16 length ≤ UTF-8 bytes ≤ 3 × length: only count bytes when it can matter.
  if (text.length * 3 > MAX_ANALYSED_DOCUMENT_BYTES) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_ANALYSED_DOCUMENT_BYTES) return tooLarge(bytes);
  }
  return aliasBombFinding(text);
}

/** The alias-bomb half of the guard, which the CLI applies too (it has no size limit). */
export function aliasBombFinding(text: string): Finding | undefined {
  const anchor = ANCHOR.exec(text);
  if (anchor && expandsAliasesExcessively(text))
    return aliasExplosion(positionOf(text, anchor.index + anchor[0].indexOf('&')));
  return undefined;
}

function expandsAliasesExcessively(text: string): boolean {
  try {
    // `yaml` counts alias expansions while converting and throws a ReferenceError past the limit,
    // long before the expansion itself gets expensive.
    parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false }).toJS({
      maxAliasCount: MAX_ALIAS_EXPANSIONS,
    });
    return false;
  } catch (error) {
    return error instanceof ReferenceError;
  }
}

function tooLarge(bytes: number): Finding {
  const size = (bytes / (1024 * 1024)).toFixed(1);
  return {
    ...ruleDefaults(FINDING_CODES.tooLarge),
    message: `Phrasebook not analysed: ${size} MB is over the ${MAX_ANALYSED_DOCUMENT_BYTES / (1024 * 1024)} MB limit for analysis while editing. Run \`kora-ops lint\` on the file instead.`,
    range: FIRST_LINE,
    entryIndex: null,
    field: null,
  };
}

const MB = 1024 * 1024;

/** Why a phrasebook file is not read (CLI): one sentence that says what to do. */
export function fileTooLargeMessage(bytes: number): string {
  return `Phrasebook not read: ${(bytes / MB).toFixed(1)} MB is over the ${MAX_PHRASEBOOK_FILE_BYTES / MB} MB limit for a phrasebook file (the daemon's largest valid phrasebook is about 4 MB). Check that this is the right file.`;
}

/** The one finding for a file over MAX_PHRASEBOOK_FILE_BYTES (`kora-ops lint`). */
export function fileTooLargeFinding(bytes: number): Finding {
  return {
    severity: 'error',
    code: FINDING_CODES.tooLarge,
    message: fileTooLargeMessage(bytes),
    range: FIRST_LINE,
    entryIndex: null,
    field: null,
  };
}

/**
 * The one finding for a document whose values hit a conversion cap (node count or nesting depth):
 * its values are incomplete, so no per-entry finding could be trusted.
 */
export function tooComplexFinding(limit: 'nodes' | 'depth'): Finding {
  const what =
    limit === 'nodes'
      ? `more than ${MAX_VALUE_NODES.toLocaleString('en-US')} YAML values`
      : `YAML nested deeper than ${MAX_VALUE_DEPTH} levels`;
  return {
    ...ruleDefaults(FINDING_CODES.tooComplex),
    message: `Phrasebook not analysed: it has ${what} (counting every alias expansion), far beyond any valid phrasebook. Remove the anchors/aliases or the deep nesting.`,
    range: FIRST_LINE,
    entryIndex: null,
    field: null,
  };
}

function positionOf(text: string, offset: number): Position {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return { line, character: offset - lineStart };
}

/** On the first anchor: where the expansion starts. */
function aliasExplosion(anchor: Position): Finding {
  return {
    ...ruleDefaults(FINDING_CODES.aliasExplosion),
    message:
      'Phrasebook not analysed: its YAML aliases expand exponentially (a "billion laughs" document). PyYAML expands every alias, so the daemon would exhaust its memory loading this file. Remove the anchors (&) and aliases (*).',
    range: { start: anchor, end: { line: anchor.line, character: anchor.character + 1 } },
    entryIndex: null,
    field: null,
  };
}
