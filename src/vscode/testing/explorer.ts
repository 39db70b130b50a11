// The Test Explorer's side of the phrasebook tests, registered at activation: the controller, its
// run profiles and the test-file watcher. They are cheap; the work they ask for (reading test files,
// running cases) is done by the phrasebook bundle's PhrasebookTestController, loaded on first need.
import * as vscode from 'vscode';
import { TEST_CONTROLLER_ID, TEST_FILE_GLOB } from '../constants';
import { DisposableStore } from '../lifecycle';

export type TestTarget = 'local' | 'daemon';

/** What the phrasebook bundle does for the Test Explorer. */
export interface PhrasebookTestRunner {
  /** Finds every test file of the workspace (what opening the Test Explorer triggers). */
  discover(): Promise<void>;
  run(request: vscode.TestRunRequest, token: vscode.CancellationToken | undefined, where: TestTarget): Promise<void>;
  /** A test file was created or changed on disk. */
  update(uri: vscode.Uri): Promise<unknown>;
  /** A test file was deleted. */
  remove(uri: vscode.Uri): void;
}

export class TestExplorer implements vscode.Disposable {
  private readonly store = new DisposableStore();
  readonly controller: vscode.TestController;
  /** The run profiles: local (the default) and on a daemon (asks which). */
  readonly profiles: { local: vscode.TestRunProfile; daemon: vscode.TestRunProfile };

  /** `runner` loads the phrasebook bundle on its first call. */
  constructor(runner: () => PhrasebookTestRunner) {
    this.controller = this.store.add(vscode.tests.createTestController(TEST_CONTROLLER_ID, 'Kora Phrasebook Tests'));
    this.controller.resolveHandler = async (item) => {
      if (!item) await runner().discover();
    };
    this.controller.refreshHandler = () => runner().discover();
    const profile = (label: string, where: TestTarget, isDefault: boolean) =>
      this.controller.createRunProfile(
        label,
        vscode.TestRunProfileKind.Run,
        (request, token) => runner().run(request, token, where),
        isDefault,
      );
    this.profiles = {
      local: profile('Run Locally', 'local', true),
      daemon: profile('Run on a Daemon (/test)', 'daemon', false),
    };
    const watcher = this.store.add(vscode.workspace.createFileSystemWatcher(TEST_FILE_GLOB));
    this.store.add(watcher.onDidCreate((uri) => void runner().update(uri)));
    this.store.add(watcher.onDidChange((uri) => void runner().update(uri)));
    this.store.add(watcher.onDidDelete((uri) => runner().remove(uri)));
  }

  dispose(): void {
    this.store.dispose();
  }
}
