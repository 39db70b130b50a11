// Every question the phrasebook operations ask goes through a Prompter. The real one shows VS Code
// modal dialogs, QuickPicks and input boxes; integration tests swap in scripted answers through the
// test API (under the smoke-test driver real dialogs are auto-dismissed, so they could not answer).
import * as vscode from 'vscode';
import { escapeControls, safeLine } from '../../core/text/sanitize';

export interface PickItem extends vscode.QuickPickItem {
  /** False: shown, but accepting it does nothing (e.g. a corrupt backup). */
  selectable?: boolean;
}

export interface PickOptions {
  title: string;
  placeholder: string;
  /** Said when the operator tries to accept an unselectable item. */
  unselectableHint?: string;
}

export interface InputOptions {
  title: string;
  prompt: string;
  placeholder?: string;
  value?: string;
}

export interface Prompter {
  /** A modal warning; resolves the chosen action's label, or undefined when dismissed. */
  askModal(message: string, detail: string, actions: readonly string[]): Promise<string | undefined>;
  pick<T extends PickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  saveLocation(defaultUri: vscode.Uri, title: string): Promise<vscode.Uri | undefined>;
}

export class VsCodePrompter implements Prompter {
  async askModal(message: string, detail: string, actions: readonly string[]): Promise<string | undefined> {
    // The question and its notes quote daemon text; the notes keep their (our) line breaks.
    return vscode.window.showWarningMessage(
      safeLine(message),
      { modal: true, detail: escapeControls(detail, 'keep') },
      ...actions,
    );
  }

  pick<T extends PickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
    return new Promise((resolve) => {
      const quickPick = vscode.window.createQuickPick<T>();
      quickPick.title = options.title;
      quickPick.placeholder = options.placeholder;
      quickPick.matchOnDescription = true;
      quickPick.matchOnDetail = true;
      quickPick.items = items;
      let settled = false;
      const finish = (value: T | undefined) => {
        if (settled) return;
        settled = true;
        resolve(value);
        quickPick.dispose();
      };
      quickPick.onDidAccept(() => {
        const [chosen] = quickPick.selectedItems;
        if (chosen && chosen.selectable === false) {
          // Keep the list open and say why instead of closing on an item that cannot be used.
          quickPick.placeholder = options.unselectableHint ?? 'That item cannot be chosen.';
          return;
        }
        finish(chosen);
      });
      quickPick.onDidHide(() => finish(undefined));
      quickPick.show();
    });
  }

  async input(options: InputOptions): Promise<string | undefined> {
    return vscode.window.showInputBox({
      title: options.title,
      prompt: options.prompt,
      placeHolder: options.placeholder,
      value: options.value,
      ignoreFocusOut: true,
    });
  }

  async saveLocation(defaultUri: vscode.Uri, title: string): Promise<vscode.Uri | undefined> {
    return vscode.window.showSaveDialog({ defaultUri, title, filters: { 'Phrasebook YAML': ['yml', 'yaml'] } });
  }
}

/** One scripted answer: the label of a modal action, a pick (by predicate), an input, or a path. */
export type ScriptedAnswer =
  | { kind: 'modal'; answer: string | undefined }
  | { kind: 'pick'; choose: (items: readonly PickItem[]) => PickItem | undefined }
  | { kind: 'input'; answer: string | undefined }
  | { kind: 'saveLocation'; answer: vscode.Uri | undefined };

/** What was asked, for assertions (e.g. the confirmation names the daemon and entry counts). */
export interface AskedPrompt {
  kind: ScriptedAnswer['kind'];
  message: string;
  detail?: string;
  options?: readonly string[];
  items?: readonly PickItem[];
}

/**
 * The prompter the extension actually uses: real dialogs, unless a test has queued answers.
 * A question with no queued answer while scripting fails loudly instead of hanging a test.
 */
export class SwitchablePrompter implements Prompter {
  private readonly real = new VsCodePrompter();
  private script: ScriptedAnswer[] | undefined;
  readonly asked: AskedPrompt[] = [];

  /** @param scriptable false in production: then nothing can queue answers, even from inside the host. */
  constructor(private readonly scriptable: boolean) {}

  /** Queue answers (test API). Pass [] to script "no more answers"; `stopScripting` restores dialogs. */
  useScript(answers: ScriptedAnswer[]): void {
    if (!this.scriptable) throw new Error('scripted answers are available only in a test host');
    this.script = [...answers];
    this.asked.length = 0;
  }

  stopScripting(): void {
    this.script = undefined;
  }

  get pendingAnswers(): number {
    return this.script?.length ?? 0;
  }

  async askModal(message: string, detail: string, actions: readonly string[]): Promise<string | undefined> {
    if (!this.script) return this.real.askModal(message, detail, actions);
    this.asked.push({ kind: 'modal', message, detail, options: actions });
    const answer = this.next('modal', message).answer;
    if (answer !== undefined && !actions.includes(answer))
      throw new Error(`scripted answer "${answer}" is not one of ${actions.join(', ')}`);
    return answer;
  }

  async pick<T extends PickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
    if (!this.script) return this.real.pick(items, options);
    this.asked.push({ kind: 'pick', message: options.title, items });
    const chosen = this.next('pick', options.title).choose(items) as T | undefined;
    // The real picker refuses unselectable items; the script must not be able to bypass that.
    return chosen && chosen.selectable === false ? undefined : chosen;
  }

  async input(options: InputOptions): Promise<string | undefined> {
    if (!this.script) return this.real.input(options);
    this.asked.push({ kind: 'input', message: options.prompt });
    return this.next('input', options.prompt).answer;
  }

  async saveLocation(defaultUri: vscode.Uri, title: string): Promise<vscode.Uri | undefined> {
    if (!this.script) return this.real.saveLocation(defaultUri, title);
    this.asked.push({ kind: 'saveLocation', message: title });
    return this.next('saveLocation', title).answer;
  }

  private next<K extends ScriptedAnswer['kind']>(kind: K, question: string): Extract<ScriptedAnswer, { kind: K }> {
    const answer = this.script?.shift();
    if (!answer) throw new Error(`unexpected ${kind} prompt with no scripted answer: "${question}"`);
    if (answer.kind !== kind)
      throw new Error(`scripted ${answer.kind} answer, but a ${kind} prompt came: "${question}"`);
    return answer as Extract<ScriptedAnswer, { kind: K }>;
  }
}
