// Hovers: on a `{snapshot.*}` placeholder, what it holds (meaning, type, caveat, live value); on a
// pattern, the analysis verdict (the daemon's rules, then the deep ReDoS analysis) with the attack
// string and a link to copy it. Only our own command may run from these links, and every piece of
// document or daemon text is escaped.
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import { placeholderInfo, type EntryInfo, type PlaceholderAt } from '../../core/phrasebook';
import type { RedosVerdict } from '../../core/redos/verdict';
import { escapeMarkdown } from '../../core/text/markdown';
import { COMMAND } from '../constants';
import type { DeepStatus } from './analysis';
import { placeholderDocumentation, unknownPlaceholderDocumentation } from './placeholderMarkdown';
import { toVsRange } from './convert';
import type { PhrasebookDiagnostics } from './diagnostics';
import { describeLiveValue, type LiveSnapshot } from './liveSnapshot';
import { entryAt, PATTERN_FIELD, placeholderAt } from './locate';
import { commandLink, fencedCode, inlineCode, markdownTrustedFor } from './markdown';

const DAEMON_RULE_PREFIX = 'daemon/';
/** The deep analyzer's verdict in words; attack strings are shown separately. */
const VERDICT_TEXT = {
  safe: '$(pass) no catastrophic backtracking found',
  exponential: '$(error) **exponential** backtracking: one crafted message can stall the daemon',
  polynomial: (degree: number | undefined) =>
    `$(warning) **polynomial** backtracking (degree ${degree ?? '?'}): long messages get slow`,
} as const;

export class PhrasebookHover implements vscode.HoverProvider {
  constructor(
    private readonly diagnostics: PhrasebookDiagnostics,
    private readonly live: LiveSnapshot,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const analysis = this.diagnostics.analysisFor(document);
    const entry = entryAt(analysis?.result, position);
    if (!analysis || !entry) return undefined;
    const placeholder = placeholderAt(entry, position);
    if (placeholder) {
      await this.live.ready();
      return new vscode.Hover(this.placeholderMarkdown(placeholder), toVsRange(placeholder.range));
    }
    const pattern = entry.pattern;
    if (pattern && toVsRange(pattern.range).contains(position)) {
      const findings = this.diagnostics.findingsFor(document).filter((finding) => finding.entryIndex === entry.index);
      const deep = analysis.deepStatus(entry, this.diagnostics.deepAnalysisEnabled);
      return new vscode.Hover(patternMarkdown(entry, findings, deep), toVsRange(pattern.range));
    }
    return undefined;
  }

  private placeholderMarkdown(placeholder: PlaceholderAt): vscode.MarkdownString {
    const info = placeholderInfo(placeholder.path);
    if (!info) return unknownPlaceholderDocumentation(placeholder.path);
    const live = this.live.liveSnapshotValue(placeholder.path);
    return placeholderDocumentation(info, live ? describeLiveValue(live) : undefined);
  }
}

function patternMarkdown(entry: EntryInfo, entryFindings: Finding[], deep: DeepStatus): vscode.MarkdownString {
  const markdown = markdownTrustedFor([COMMAND.copyAttackString]);
  const category = entry.fields.find((field) => field.name === 'category')?.value;
  markdown.appendMarkdown(`**Pattern** of entry ${entry.index}`);
  if (typeof category === 'string') markdown.appendMarkdown(` · category ${escapeMarkdown(category, 64)}`);
  markdown.appendMarkdown('\n\n');

  const patternRange = entry.pattern ? toVsRange(entry.pattern.range) : undefined;
  const daemonFindings = entryFindings.filter(
    (finding) =>
      finding.code.startsWith(DAEMON_RULE_PREFIX) &&
      (finding.field === PATTERN_FIELD ||
        (patternRange !== undefined && toVsRange(finding.range).intersection(patternRange) !== undefined)),
  );
  if (daemonFindings.length === 0) {
    markdown.appendMarkdown("**Daemon rules:** $(pass) the daemon's validator accepts this pattern\n\n");
  } else {
    markdown.appendMarkdown("**Daemon rules:** $(error) the daemon's validator rejects this pattern:\n\n");
    for (const finding of daemonFindings) markdown.appendMarkdown(`- ${escapeMarkdown(finding.message)}\n`);
    markdown.appendMarkdown('\n');
  }
  appendDeepStatus(markdown, deep);
  return markdown;
}

function appendDeepStatus(markdown: vscode.MarkdownString, deep: DeepStatus): void {
  markdown.appendMarkdown('**Deep analysis (ReDoS):** ');
  switch (deep.kind) {
    case 'disabled':
      markdown.appendMarkdown(`off (setting ${inlineCode('kora.phrasebook.deepAnalysis.enabled')})`);
      return;
    case 'not-analysed':
      markdown.appendMarkdown(`not analysed: ${escapeMarkdown(deep.reason)}`);
      return;
    case 'pending':
      markdown.appendMarkdown('running…');
      return;
    case 'done':
      appendVerdict(markdown, deep.verdict);
  }
}

function appendVerdict(markdown: vscode.MarkdownString, verdict: RedosVerdict): void {
  switch (verdict.status) {
    case 'safe':
      markdown.appendMarkdown(VERDICT_TEXT.safe);
      return;
    case 'inconclusive':
      markdown.appendMarkdown(`$(question) inconclusive: ${escapeMarkdown(verdict.reason)}`);
      return;
    case 'unsupported':
      markdown.appendMarkdown(`$(question) not supported: ${escapeMarkdown(verdict.reason)}`);
      return;
    case 'vulnerable':
      markdown.appendMarkdown(
        verdict.complexity === 'exponential' ? VERDICT_TEXT.exponential : VERDICT_TEXT.polynomial(verdict.degree),
      );
      appendAttackString(markdown, verdict);
      markdown.appendMarkdown(
        `\n${commandLink('$(copy) Copy attack string', COMMAND.copyAttackString, [verdict.attackString])}`,
      );
  }
}

function appendAttackString(
  markdown: vscode.MarkdownString,
  verdict: Extract<RedosVerdict, { status: 'vulnerable' }>,
): void {
  if (verdict.attackPython !== undefined) {
    // Python, as an operator would try it: `re.match(pattern, s, re.IGNORECASE)`.
    markdown.appendMarkdown('\n\nAttack string (as Python):\n');
    markdown.appendMarkdown(fencedCode(verdict.attackPython, 'python'));
  } else {
    // JSON quoting makes control characters and trailing spaces visible; fencing keeps it inert.
    markdown.appendMarkdown('\n\nAttack string (JSON-quoted):\n');
    markdown.appendMarkdown(fencedCode(JSON.stringify(verdict.attackString), 'json'));
  }
}
