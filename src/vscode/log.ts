// One LogOutputChannel for the whole extension, with a component prefix per caller.
// Secrets are scrubbed here as a last line of defence: callers should never pass them anyway.
import * as vscode from 'vscode';
import { OUTPUT_CHANNEL_NAME } from './constants';
import { safeLine } from '../core/text/sanitize';

export interface Logger {
  trace(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** A logger whose lines start with `[component]`. */
  child(component: string): Logger;
}

export class ExtensionLog implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private readonly secrets = new Set<string>();

  constructor() {
    this.channel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  }

  /** Registers a secret value that must never appear in the log. */
  addSecret(value: string | undefined): void {
    if (value && value.length >= 8) this.secrets.add(value);
  }

  logger(component: string): Logger {
    // One log line per call: daemon text in a message cannot forge further lines or controls.
    const line = (message: string) => `[${component}] ${safeLine(this.scrub(message))}`;
    return {
      trace: (m) => this.channel.trace(line(m)),
      info: (m) => this.channel.info(line(m)),
      warn: (m) => this.channel.warn(line(m)),
      error: (m) => this.channel.error(line(m)),
      child: (sub) => this.logger(`${component}/${sub}`),
    };
  }

  private scrub(message: string): string {
    let scrubbed = message;
    for (const secret of this.secrets) scrubbed = scrubbed.split(secret).join('«redacted»');
    return scrubbed;
  }

  dispose(): void {
    this.channel.dispose();
  }
}
