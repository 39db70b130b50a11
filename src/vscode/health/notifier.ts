// The opt-in notification (`kora.notifications.onUnhealthy`): a daemon turned unhealthy. Polling
// never notifies otherwise; the status bar and the tree carry everything else.
import * as vscode from 'vscode';
import { daemonProblemWord } from '../../core/health/summary';
import { UnhealthyTransitions } from '../../core/health/transitions';
import type { DaemonHealth } from '../../core/health/types';
import { toPlainLine } from '../../core/text/markdown';
import { VIEW } from '../constants';
import type { Logger } from '../log';

const SHOW_HEALTH = 'Show Health';

export class UnhealthyNotifier {
  private readonly transitions = new UnhealthyTransitions();

  constructor(
    private readonly log: Logger,
    /** `kora.notifications.onUnhealthy`, read at each transition. */
    private readonly enabled: () => boolean,
  ) {}

  /** Called with every health change; always tracks transitions, notifies only when opted in. */
  observe(daemons: readonly DaemonHealth[], now: number): void {
    const turned = this.transitions.observe(daemons, now);
    if (turned.length === 0 || !this.enabled()) return;
    for (const health of turned) {
      const detail = health.stateDetail ? ` (${toPlainLine(health.stateDetail, 160)})` : '';
      this.log.info(`notifying: ${health.daemon.name} is ${daemonProblemWord(health)}`);
      void vscode.window
        .showWarningMessage(`Kora: ${health.daemon.name} is ${daemonProblemWord(health)}${detail}.`, SHOW_HEALTH)
        .then((choice) => {
          if (choice === SHOW_HEALTH) void vscode.commands.executeCommand(`${VIEW.health}.focus`);
        });
    }
  }
}
