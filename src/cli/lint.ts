// `kora-ops lint [--format text|json|sarif] FILE...`: every diagnostic the editor shows — the
// daemon's rules, the deep ReDoS analysis and the lints beyond the daemon — for CI and terminals.
import type { Finding, Severity } from '../core/findings';
import { findingRule, type SeverityOverrides } from '../core/phrasebook';
import { CLI_INPUT_GUARD, lintText } from '../core/phrasebook/lint/pipeline';
import { cliCacheDirectory, createCliRedosAnalyzer } from './redosAnalyzer';
import { DEFAULT_RUN_BUDGET_MS, RunBudgetAnalyzer, runBudgetReason } from '../core/redos/runBudget';
import { fileTooLargeFinding } from '../core/phrasebook/lint/inputGuard';
import { version as packageVersion } from '../../package.json';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, printError, parseCommandArgs, type CliIo } from './args';
import { forEachInputFile } from './inputFiles';
import { toSarif, type FileFindings } from './sarif';
import { safeJsonStringify, safeLine } from '../core/text/sanitize';

const HELP = `Usage: kora-ops lint [--format text|json|sarif] [options] FILE...

Lints phrasebook YAML files: the daemon's own rules (codes daemon/...), catastrophic-backtracking
analysis of every pattern (redos/...), and the checks beyond the daemon (yaml/..., phrasebook/...).

Options:
  --format text|json|sarif   output format (default text); sarif is SARIF 2.1.0 for code scanning
  --severity CODE=LEVEL      change an overridable code's severity (error, warning, information,
                             hint) or turn it off (off); repeatable
  --no-redos                 skip the deep ReDoS analysis (faster)
  --redos-budget MS          total time for the ReDoS analysis of the run (default 30000); past
                             it the patterns not yet analysed are reported redos/inconclusive
  --redos-pattern-budget MS  time budget per pattern for the ReDoS analysis (default 2000)
  --no-redos-cache           neither read nor write the ReDoS verdict cache (kept in
                             $KORA_OPS_CACHE_DIR, else the user's cache folder + kora-ops)
  -h, --help                 show this help

Exit status: 1 when any error is reported, 0 otherwise, 2 on usage or unreadable files.
`;

const OPTIONS = {
  format: { type: 'string', default: 'text' },
  severity: { type: 'string', multiple: true },
  'no-redos': { type: 'boolean', default: false },
  'redos-budget': { type: 'string' },
  'redos-pattern-budget': { type: 'string' },
  'no-redos-cache': { type: 'boolean', default: false },
} as const;

const FORMATS = ['text', 'json', 'sarif'] as const;
type LintFormat = (typeof FORMATS)[number];
const LEVELS: ReadonlyArray<Severity | 'off'> = ['error', 'warning', 'information', 'hint', 'off'];

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, true, HELP);
  const format = parseLintFormat(values.format);
  const severityOverrides = parseSeverities(values.severity ?? []);
  if (positionals.length === 0) throw new UsageError('give at least one FILE');
  const analyzer = values['no-redos'] ? null : createAnalyzer(values, io);
  const results: FileFindings[] = [];
  let allRead: boolean;
  try {
    const tooLarge = (file: string, bytes: number) =>
      void results.push({ file, findings: [fileTooLargeFinding(bytes)] }); // one finding, not a 4 GB parse
    allRead = await forEachInputFile(io, positionals, tooLarge, async (file, text) => {
      results.push({ file, findings: await lintText(text, analyzer, { guard: CLI_INPUT_GUARD, severityOverrides }) });
    });
  } finally {
    analyzer?.dispose();
  }
  if (analyzer?.exhausted) {
    printError(
      io,
      `${runBudgetReason(analyzer.budgetMs)} (${analyzer.skipped} pattern(s) reported redos/inconclusive)`,
    );
  }
  // With no file read there is nothing to report: the error lines say why (no "0 file(s)" summary).
  if (results.length > 0 || format !== 'text') io.stdout.write(render(format, results, io.cwd));
  if (!allRead) return EXIT_USAGE;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT_FAILURE : EXIT_OK;
}

function createAnalyzer(
  values: { 'redos-budget'?: string; 'redos-pattern-budget'?: string; 'no-redos-cache'?: boolean },
  io: CliIo,
): RunBudgetAnalyzer | null {
  const runBudgetMs = parseMilliseconds('--redos-budget', values['redos-budget']) ?? DEFAULT_RUN_BUDGET_MS;
  const timeBudgetMs = parseMilliseconds('--redos-pattern-budget', values['redos-pattern-budget']);
  const onCacheError = (message: string) => printError(io, message);
  const cacheDirectory = values['no-redos-cache'] ? undefined : cliCacheDirectory(io.env);
  const analyzer = createCliRedosAnalyzer({ timeBudgetMs, cacheDirectory, onCacheError });
  if (!analyzer) {
    printError(io, 'the ReDoS worker is missing from this installation; skipping redos/* checks');
    return null;
  }
  return new RunBudgetAnalyzer(analyzer, runBudgetMs);
}

function parseMilliseconds(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value))
    throw new UsageError(`${option} must be a positive number of milliseconds, not "${text}"`);
  return value;
}

function parseLintFormat(value: string | undefined): LintFormat {
  const format = value ?? 'text';
  if ((FORMATS as readonly string[]).includes(format)) return format as LintFormat;
  throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
}

function parseSeverities(specs: readonly string[]): SeverityOverrides {
  const overrides: SeverityOverrides = {};
  for (const spec of specs) {
    const [code, level] = spec.split('=');
    if (!code || !level || !LEVELS.includes(level as Severity)) {
      throw new UsageError(`--severity takes CODE=LEVEL with LEVEL one of ${LEVELS.join(', ')}, not "${spec}"`);
    }
    const rule = findingRule(code);
    if (!rule) throw new UsageError(`${code} is not a finding code (README.md lists them)`);
    if (!rule.overridable)
      throw new UsageError(
        `${code} is the daemon's own verdict, a YAML error or an input guard; its severity cannot change`,
      );
    overrides[code] = level as Severity | 'off';
  }
  return overrides;
}

function render(format: LintFormat, results: FileFindings[], cwd: string): string {
  switch (format) {
    case 'json':
      return `${safeJsonStringify(
        results.map(({ file, findings }) => ({ file, diagnostics: findings.map(jsonDiagnostic) })),
        2,
      )}\n`;
    case 'sarif':
      return `${safeJsonStringify(toSarif(results, cwd, packageVersion), 2)}\n`;
    default:
      return renderText(results);
  }
}

/** The documented JSON shape: 0-based positions as in VS Code. */
function jsonDiagnostic(finding: Finding) {
  return {
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    range: finding.range,
    entryIndex: finding.entryIndex,
    field: finding.field,
  };
}

/** `file:line:column: severity code: message`, 1-based like compilers, then a summary line. */
function renderText(results: FileFindings[]): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const { file, findings } of results) {
    for (const finding of findings) {
      counts[finding.severity]++;
      const { line, character } = finding.range.start;
      // Messages quote the linted YAML, which may hold any control character.
      lines.push(
        `${safeLine(file)}:${line + 1}:${character + 1}: ${finding.severity} ${finding.code}: ${safeLine(finding.message)}`,
      );
      for (const fix of finding.fixes ?? []) lines.push(`    fix: ${safeLine(fix.title)}`);
    }
  }
  const summary = `${counts.error} error(s), ${counts.warning} warning(s), ${counts.information + counts.hint} note(s) in ${results.length} file(s)`;
  return `${[...lines, summary].join('\n')}\n`;
}
