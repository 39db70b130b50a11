// What the fault and security suites watch in the extension host while a fault plays: the
// notifications the extension shows (unhandled rejections: test/support/unhandled.ts).
import * as vscode from 'vscode';

type ShowMessage = 'showErrorMessage' | 'showWarningMessage' | 'showInformationMessage';
const SHOW_MESSAGES: readonly ShowMessage[] = ['showErrorMessage', 'showWarningMessage', 'showInformationMessage'];

/**
 * Counts the notifications shown through `vscode.window` while installed. In development mode the
 * tests and the extension share one API object (both live under the repository), so the extension's
 * own calls are counted; `effective` says whether that holds (checked with a probe notification).
 */
export class NotificationCounter {
  readonly messages: string[] = [];
  private readonly originals = new Map<ShowMessage, unknown>();
  effective = false;

  install(): void {
    const window = vscode.window as unknown as Record<ShowMessage, (...args: unknown[]) => unknown>;
    for (const name of SHOW_MESSAGES) {
      const original = window[name];
      this.originals.set(name, original);
      window[name] = (...args: unknown[]) => {
        this.messages.push(`${name.replace(/^show|Message$/g, '').toLowerCase()}: ${String(args[0])}`);
        return original.apply(vscode.window, args);
      };
    }
  }

  /** Runs `probe`, which must make the extension notify, to learn whether counting works here. */
  async calibrate(probe: () => Thenable<unknown>): Promise<void> {
    const before = this.messages.length;
    await probe();
    this.effective = this.messages.length > before;
  }

  /** Notifications shown while `body` ran. */
  async during<T>(body: () => Promise<T>): Promise<{ result: T; notifications: string[] }> {
    const start = this.messages.length;
    const result = await body();
    return { result, notifications: this.messages.slice(start) };
  }

  uninstall(): void {
    const window = vscode.window as unknown as Record<ShowMessage, unknown>;
    for (const [name, original] of this.originals) window[name] = original;
    this.originals.clear();
  }
}
