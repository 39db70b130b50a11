// The phrasebook-language pieces the operations rely on, from one place: the daemon's validator,
// its write format and the canonical hash that bases, `--if-match` and reconciliation compare.
export { validateEntries } from '../daemonRules';
/** One `{entry_index, field, error}` item, from our validator or a daemon 422 body. */
export type { DaemonError as ValidationError } from '../daemonRules';
export { canonicalEntriesHash, toDaemonYaml } from './writeFormat';
