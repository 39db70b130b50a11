// The Test Explorer's view of phrasebook test files: one item per `*.tests.yml`, one child per
// case. Cases run locally (the daemon's matching, in this extension host) or on a daemon's /test;
// a save of a test file or of the phrasebook it tests re-runs that file. Diagnostics go on the
// test file (structure, unknown categories, ...) and coverage hints on the phrasebook.
import * as vscode from 'vscode';
import type { PhrasebookTestResponse } from '../../core/daemon/schemas';
import { parsePhrasebook } from '../../core/phrasebook/document';
import type { RedosAnalyzer } from '../../core/phrasebook/lint/deep';
import { checkTestFile } from '../../core/phrasebook/tests/checks';
import { coverageFindings, coverageOf } from '../../core/phrasebook/tests/coverage';
import { runFileLocally, runFileOnDaemon, type CaseResult, type FileRun } from '../../core/phrasebook/tests/runner';
import type { TestCase } from '../../core/phrasebook/tests/testFile';
import { DisposableStore } from '../lifecycle';
import type { Logger } from '../log';
import { toDiagnostic, toVsRange } from '../phrasebook/convert';
import { reportResult, type CaseRecord } from './report';
import { EXCLUDED_FOLDERS_GLOB, TEST_FILE_GLOB } from '../constants';
import type { PhrasebookTestRunner, TestExplorer, TestTarget } from './explorer';
import { displayName, isTestFileUri, loadPhrasebook, loadTestFile, readText, type LoadedTestFile } from './testFiles';
import { errorText } from '../../core/text/errorText';
const EDIT_DEBOUNCE_MS = 200;

/** Where cases run: the extension's matcher, or a daemon picked when the run starts. */
export interface RunTargets {
  analyzer(): RedosAnalyzer;
  /** A daemon's name and /test, or undefined when the user picked none. */
  chooseDaemon(): Promise<
    { name: string; client: { testPhrasebook(text: string): Promise<PhrasebookTestResponse> } } | undefined
  >;
}

function caseDescription(testCase: TestCase): string {
  const { category, noMatch, reply, replyMatches } = testCase.expect;
  const parts = [
    noMatch ? 'no match' : category ? `→ ${category}` : '',
    reply !== undefined ? 'reply' : '',
    replyMatches !== undefined ? 'reply pattern' : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

export class PhrasebookTestController implements PhrasebookTestRunner, vscode.Disposable {
  private readonly store = new DisposableStore();
  private readonly controller: vscode.TestController;
  private readonly diagnostics: vscode.DiagnosticCollection;
  private readonly files = new Map<string, LoadedTestFile>();
  private readonly records = new Map<string, CaseRecord>();
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly finished = this.store.add(new vscode.EventEmitter<{ itemIds: string[]; target: string }>());
  readonly onDidFinishRun = this.finished.event;

  /** The explorer (controller, profiles, file watcher) calls in; this reads files and runs cases. */
  constructor(
    explorer: TestExplorer,
    private readonly targets: RunTargets,
    private readonly log: Logger,
  ) {
    this.controller = explorer.controller;
    this.diagnostics = this.store.add(vscode.languages.createDiagnosticCollection('kora-phrasebook-tests'));
    this.store.add(vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event.document)));
    this.store.add(vscode.workspace.onDidSaveTextDocument((document) => void this.onSave(document)));
    this.store.add(vscode.workspace.onDidOpenTextDocument((document) => void this.onOpen(document)));
    // Loaded on first need: test files already open count as opened now.
    for (const document of vscode.workspace.textDocuments) void this.onOpen(document);
  }

  /** Finds every test file of the workspace (what opening the Test Explorer triggers). */
  async discover(): Promise<void> {
    const uris = await vscode.workspace.findFiles(TEST_FILE_GLOB, EXCLUDED_FOLDERS_GLOB);
    await Promise.all(uris.map((uri) => this.update(uri)));
  }

  record(itemId: string): CaseRecord | undefined {
    return this.records.get(itemId);
  }

  async update(uri: vscode.Uri): Promise<LoadedTestFile | undefined> {
    let loaded: LoadedTestFile;
    try {
      loaded = await loadTestFile(uri);
    } catch (error) {
      this.log.warn(`cannot read the test file ${uri.toString()}: ${errorText(error)}`);
      this.remove(uri);
      return undefined;
    }
    const key = uri.toString();
    this.files.set(key, loaded);
    const fileItem = this.controller.items.get(key) ?? this.controller.createTestItem(key, displayName(uri), uri);
    fileItem.description = `tests ${displayName(loaded.phrasebookUri)}`;
    fileItem.children.replace(
      loaded.parsed.cases.map((testCase) => {
        const item = this.controller.createTestItem(`${key}#${testCase.index}`, testCase.label, uri);
        item.range = toVsRange(testCase.range);
        item.description = caseDescription(testCase);
        item.error = testCase.invalid;
        return item;
      }),
    );
    this.controller.items.add(fileItem);
    const findings = [
      ...loaded.parsed.findings,
      ...checkTestFile(loaded.parsed, await loadPhrasebook(loaded.phrasebookUri)),
    ];
    this.diagnostics.set(
      uri,
      findings.map((finding) => toDiagnostic(finding, uri)),
    );
    return loaded;
  }

  remove(uri: vscode.Uri): void {
    const key = uri.toString();
    const phrasebook = this.files.get(key)?.phrasebookUri;
    this.files.delete(key);
    this.controller.items.delete(key);
    this.diagnostics.delete(uri);
    if (phrasebook) void this.refreshCoverage(phrasebook);
  }

  private onEdit(document: vscode.TextDocument): void {
    if (!isTestFileUri(document.uri)) return;
    const key = document.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        void this.update(document.uri);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  private testFilesOf(phrasebook: vscode.Uri): LoadedTestFile[] {
    return [...this.files.values()].filter((file) => file.phrasebookUri.toString() === phrasebook.toString());
  }

  /** Saving a test file or a tested phrasebook re-runs the affected files, locally. */
  private async onSave(document: vscode.TextDocument): Promise<void> {
    const affected = isTestFileUri(document.uri) ? [await this.update(document.uri)] : this.testFilesOf(document.uri);
    const items = affected
      .flatMap((file) => (file ? [this.controller.items.get(file.uri.toString())] : []))
      .filter((item): item is vscode.TestItem => !!item);
    if (items.length === 0) return;
    // Diagnostics that depend on the phrasebook (unknown categories) follow it.
    if (!isTestFileUri(document.uri)) await Promise.all(affected.map((file) => file && this.update(file.uri)));
    await this.run(new vscode.TestRunRequest(items), undefined, 'local');
  }

  private async onOpen(document: vscode.TextDocument): Promise<void> {
    if (isTestFileUri(document.uri)) await this.update(document.uri);
    else if (this.testFilesOf(document.uri).length > 0) await this.refreshCoverage(document.uri);
  }

  private casesOf(request: vscode.TestRunRequest): Map<string, vscode.TestItem[]> {
    const excluded = new Set((request.exclude ?? []).map((item) => item.id));
    const byFile = new Map<string, vscode.TestItem[]>();
    const add = (fileKey: string, item: vscode.TestItem) => {
      if (excluded.has(item.id)) return;
      byFile.set(fileKey, [...(byFile.get(fileKey) ?? []), item]);
    };
    const roots: vscode.TestItem[] = [];
    if (request.include) roots.push(...request.include);
    else this.controller.items.forEach((item) => roots.push(item));
    for (const item of roots) {
      if (excluded.has(item.id)) continue;
      const parent = item.parent;
      if (parent) add(parent.id, item);
      else item.children.forEach((child) => add(item.id, child));
    }
    return byFile;
  }

  async run(
    request: vscode.TestRunRequest,
    token: vscode.CancellationToken | undefined,
    where: TestTarget,
  ): Promise<void> {
    const byFile = this.casesOf(request);
    let daemon: Awaited<ReturnType<RunTargets['chooseDaemon']>>;
    try {
      daemon = where === 'daemon' ? await this.targets.chooseDaemon() : undefined;
    } catch (error) {
      void vscode.window.showErrorMessage(`Kora: cannot run the phrasebook tests on a daemon: ${errorText(error)}`);
      return;
    }
    if (where === 'daemon' && !daemon) return;
    const target = daemon?.name ?? 'local';
    const run = this.controller.createTestRun(
      request,
      daemon ? `Kora phrasebook tests on ${daemon.name}` : 'Kora phrasebook tests',
      true,
    );
    const ran: string[] = [];
    try {
      for (const [fileKey, items] of byFile) {
        if (token?.isCancellationRequested) break;
        items.forEach((item) => run.started(item));
        const loaded = await this.update(vscode.Uri.parse(fileKey));
        if (!loaded) {
          items.forEach((item) => run.skipped(item));
          continue;
        }
        const only = new Set(items.map((item) => Number(item.id.slice(item.id.lastIndexOf('#') + 1))));
        const fileRun = daemon
          ? await runFileOnDaemon(loaded.parsed, daemon.client, only)
          : await runFileLocally(
              loaded.parsed,
              await loadPhrasebook(loaded.phrasebookUri),
              { now: new Date(), analyzer: this.targets.analyzer() },
              only,
            );
        this.report(run, loaded, fileRun, target, ran);
        if (!daemon && only.size === loaded.parsed.cases.length) await this.keepFullRun(loaded, fileRun);
      }
    } finally {
      run.end();
      this.finished.fire({ itemIds: ran, target });
    }
  }

  private report(run: vscode.TestRun, loaded: LoadedTestFile, fileRun: FileRun, target: string, ran: string[]): void {
    const fileItem = this.controller.items.get(loaded.uri.toString());
    for (const result of fileRun.results) {
      const item = fileItem?.children.get(`${loaded.uri.toString()}#${result.case.index}`);
      if (!item) continue;
      this.records.set(item.id, reportResult(run, item, result, target));
      ran.push(item.id);
    }
  }

  private async keepFullRun(loaded: LoadedTestFile, fileRun: FileRun): Promise<void> {
    await this.refreshCoverage(loaded.phrasebookUri, { key: loaded.uri.toString(), results: fileRun.results });
  }

  /** Hints on the phrasebook's entries no case of its test files reaches; runs the other files' cases. */
  private async refreshCoverage(
    phrasebook: vscode.Uri,
    justRan?: { key: string; results: CaseResult[] },
  ): Promise<void> {
    const files = this.testFilesOf(phrasebook);
    if (files.length === 0) {
      this.diagnostics.delete(phrasebook);
      return;
    }
    let text: string;
    try {
      text = await readText(phrasebook);
    } catch {
      return; // a missing phrasebook is reported on its test files
    }
    const document = parsePhrasebook(text);
    const source = { entries: document.entriesValue ?? [], label: displayName(phrasebook) };
    const results: CaseResult[] = [];
    for (const file of files) {
      if (file.uri.toString() === justRan?.key) results.push(...justRan.results);
      else
        results.push(
          ...(await runFileLocally(file.parsed, source, { now: new Date(), analyzer: this.targets.analyzer() }))
            .results,
        );
    }
    const coverage = coverageOf(source.entries, results);
    const label = files.map((file) => displayName(file.uri)).join(', ');
    this.diagnostics.set(
      phrasebook,
      coverageFindings(document, coverage.uncovered, label).map((finding) => toDiagnostic(finding, phrasebook)),
    );
  }

  dispose(): void {
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.store.dispose();
  }
}
