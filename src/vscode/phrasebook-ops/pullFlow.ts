// "Kora: Open Live Phrasebook" and "Kora: Pull Live Phrasebook into File…".
import * as vscode from 'vscode';
import { keepPulled } from '../../core/phrasebook/ops/historyKeeping';
import { entryCountText } from '../../core/phrasebook/ops/changes';
import { describeSource, readLive } from '../../core/phrasebook/ops/live';
import { chooseDaemon } from '../daemonPicker';
import { audit, fileName, type OpsEnv } from './env';
import { errorText } from '../../core/text/errorText';
import { liveDocumentUri } from './opsDocuments';

const DEFAULT_PULL_FOLDER = 'phrasebook';

export interface DaemonArgs {
  daemon?: string;
}

export interface PullArgs extends DaemonArgs {
  /** Target file; asked with a save dialog when absent. */
  target?: vscode.Uri;
}

export async function openLiveFlow(env: OpsEnv, args: DaemonArgs = {}): Promise<vscode.Uri | undefined> {
  const daemon = await chooseDaemon(env.daemons.list(), env.prompter, 'Open the live phrasebook of which daemon?', {
    name: args.daemon,
  });
  if (!daemon) return undefined;
  const uri = liveDocumentUri(daemon.name);
  env.documents.refreshLive(daemon.name);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return uri;
}

export async function pullFlow(env: OpsEnv, args: PullArgs = {}): Promise<vscode.Uri | undefined> {
  const daemon = await chooseDaemon(env.daemons.list(), env.prompter, 'Pull the live phrasebook of which daemon?', {
    name: args.daemon,
  });
  if (!daemon) return undefined;
  let live;
  try {
    live = await readLive(daemon.client);
  } catch (error) {
    env.notify.error(`Could not read the live phrasebook of "${daemon.name}": ${errorText(error)}`);
    return undefined;
  }
  const target =
    args.target ??
    (await env.prompter.saveLocation(
      defaultPullTarget(daemon.name),
      `Pull the live phrasebook of "${daemon.name}" into…`,
    ));
  if (!target) return undefined;
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === target.toString());
  if (open?.isDirty) {
    env.notify.error(`${fileName(target)} has unsaved changes; save or revert them first. Nothing was written.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(live.yaml));
  await env.bases.set(target, daemon.key, {
    hash: live.hash,
    yaml: live.yaml,
    daemonName: daemon.name,
    savedAt: env.now().toISOString(),
  });
  await keepPulled(env.history, daemon.key, live).catch((error: unknown) =>
    env.log.warn(`local history not updated: ${errorText(error)}`),
  );
  audit(env, {
    daemon: daemon.name,
    action: 'pull',
    outcome: 'written_to_file',
    entriesAfter: live.entries.length,
    detail: `${fileName(target)} ${live.hash}`,
  });
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
  env.notify.info(
    `Pulled ${entryCountText(live.entries.length)} (${describeSource(live.response)}) from "${daemon.name}" into ${fileName(target)}.`,
  );
  return target;
}

function defaultPullTarget(daemonName: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd());
  const safeName = daemonName.replace(/[^A-Za-z0-9_.-]+/g, '-');
  return vscode.Uri.joinPath(folder, DEFAULT_PULL_FOLDER, `slack_dm.${safeName}.yml`);
}
