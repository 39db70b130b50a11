// Puts the daemon's own errors (a 422 body, either shape, normalized by the client) on the file:
// each at the value of the field it names, or the entry, or the `entries` key for root errors.
// Also decides whether a file may be pushed at all (any YAML error or daemon-rule error blocks).

import type { Finding } from '../../findings';
import { parsePhrasebook, type PhrasebookDocument } from '../document';
import { ROOT_FIELD } from '../constants';
import { validateEntries, type ValidationError } from './format';
import { safeLine } from '../../text/sanitize';
import { tooComplexFinding } from '../lint/inputGuard';
import { FINDING_CODES, ruleDefaults } from '../lint/registry';

/** Code of diagnostics that repeat what the daemon answered (as opposed to our own lint). */
export const DAEMON_REJECTED_CODE = FINDING_CODES.daemonRejected;
/** Code of the daemon-rule errors found locally before a push. */
export const DAEMON_RULE_CODE = FINDING_CODES.daemonValidation;

export function findingsForDaemonErrors(
  document: PhrasebookDocument,
  errors: readonly ValidationError[],
  code: string = DAEMON_REJECTED_CODE,
): Finding[] {
  return errors.map((error) => {
    const entry = error.entry_index >= 0 ? document.entries[error.entry_index] : undefined;
    const field = entry && error.field !== ROOT_FIELD ? entry.fieldsByName.get(error.field) : undefined;
    const span = field?.valueSpan ?? entry?.span ?? document.rootSpan;
    return {
      severity: 'error',
      code,
      // A daemon's 422 text: one line, controls visibly escaped.
      message: safeLine(
        error.entry_index >= 0 ? `entry ${error.entry_index} (${error.field}): ${error.error}` : error.error,
      ),
      range: document.rangeOf(span),
      entryIndex: error.entry_index >= 0 ? error.entry_index : null,
      field: error.field,
    };
  });
}

export interface PushableFile {
  document: PhrasebookDocument;
  /** What would be sent as `entries`. */
  payload: unknown;
  /** The daemon's own error objects for `payload`, exactly as its 422 would list them. */
  ruleErrors: ValidationError[];
  /** YAML syntax/load errors (the daemon never sees those: our YAML reader does). */
  yamlErrors: Finding[];
  /** Both, placed in the file: while any remains, nothing is sent. */
  blocking: Finding[];
}

/** Parses a phrasebook file the way the editor lints it and lists what blocks a push. */
export function readPushableFile(text: string): PushableFile {
  const document = parsePhrasebook(text);
  const yamlErrors = document.syntaxFindings.filter((finding) => finding.severity === 'error');
  const loadErrors: Finding[] = document.loadErrors.map((error) => ({
    ...ruleDefaults(FINDING_CODES.yamlLoadError),
    message: error.message,
    range: document.rangeOf(error.span),
    entryIndex: null,
    field: null,
  }));
  if (document.valueLimit) loadErrors.push(tooComplexFinding(document.valueLimit));
  // Incomplete values (a cap was hit) would only produce false rule errors.
  const ruleErrors = document.valueLimit ? [] : validateEntries(document.entriesValue);
  const yaml = [...yamlErrors, ...loadErrors];
  return {
    document,
    payload: document.entriesValue,
    ruleErrors,
    yamlErrors: yaml,
    blocking: [...yaml, ...findingsForDaemonErrors(document, ruleErrors, DAEMON_RULE_CODE)],
  };
}
