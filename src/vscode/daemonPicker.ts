// The one way a command or an operation chooses the daemon it acts on: the one named (a command
// argument or a tree row), the only one configured, or the operator's pick.
import * as vscode from 'vscode';
import { displayUrl } from '../core/text/displayUrl';
import { openDaemonSettings } from './config';
import type { Prompter } from './phrasebook-ops/prompter';

export interface PickableDaemon {
  readonly name: string;
  readonly url: string;
  /** Key of local history and bases; daemons in `preferredKeys` are listed first. */
  readonly key?: string;
}

export interface DaemonChoice {
  /** The daemon named by the caller: it must exist. */
  name?: string;
  /** E.g. the daemons a file was pulled from or pushed to, listed first. */
  preferredKeys?: readonly string[];
  /**
   * With no daemon configured: offer the settings and resolve undefined (the health commands), or
   * (default) fail with a message (the phrasebook operations, whose callers report it).
   */
  whenNone?: 'offerSettings' | 'fail';
}

/**
 * A command's daemon argument: a daemon name, or a tree element carrying `daemonName` (what view
 * item menus and our own tree actions pass).
 */
export function daemonNameOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (typeof argument === 'object' && argument !== null) {
    const name = (argument as { daemonName?: unknown }).daemonName;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/** Undefined when the operator cancelled (or, with `offerSettings`, when none is configured). */
export async function chooseDaemon<D extends PickableDaemon>(
  daemons: readonly D[],
  prompter: Prompter,
  purpose: string,
  choice: DaemonChoice = {},
): Promise<D | undefined> {
  if (choice.name !== undefined) {
    const named = daemons.find((daemon) => daemon.name === choice.name);
    if (!named) throw new Error(`no configured daemon is named "${choice.name}"`);
    return named;
  }
  if (daemons.length === 0) {
    if (choice.whenNone !== 'offerSettings') throw new Error('no Kora daemon is configured (setting "kora.daemons")');
    const configure = 'Configure Daemons…';
    const answer = await vscode.window.showWarningMessage(
      'Kora: no daemon is configured (setting "kora.daemons").',
      configure,
    );
    if (answer === configure) await openDaemonSettings();
    return undefined;
  }
  if (daemons.length === 1) return daemons[0];
  const preferred = new Set(choice.preferredKeys ?? []);
  const isPreferred = (daemon: D) => daemon.key !== undefined && preferred.has(daemon.key);
  const ordered = [...daemons.filter(isPreferred), ...daemons.filter((daemon) => !isPreferred(daemon))];
  const chosen = await prompter.pick(
    ordered.map((daemon) => ({
      label: daemon.name,
      description: displayUrl(daemon.url),
      detail: isPreferred(daemon) ? 'this file was pulled from or pushed to it' : undefined,
      daemon,
    })),
    { title: purpose, placeholder: 'Which Kora daemon?' },
  );
  return chosen?.daemon;
}

/**
 * The daemon a health or token command acts on: the tree row or name it was run with, else the only
 * one, else the operator's pick; with none configured, the settings are offered.
 */
export function daemonForCommand<D extends PickableDaemon>(
  { daemons, prompter }: { daemons: { list(): readonly D[] }; prompter: Prompter },
  purpose: string,
  argument: unknown,
): Promise<D | undefined> {
  return chooseDaemon(daemons.list(), prompter, purpose, { name: daemonNameOf(argument), whenNone: 'offerSettings' });
}
