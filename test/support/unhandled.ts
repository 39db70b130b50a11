// Records unhandled promise rejections and uncaught exceptions while a suite runs, so a test can
// assert that nothing leaks one. vscode-free: the unit suites and the integration suites (where the
// extension host shares `process` with the extension) both use it.

export interface UnhandledSpy {
  readonly reasons: unknown[];
  stop(): void;
}

export function spyOnUnhandled(): UnhandledSpy {
  const reasons: unknown[] = [];
  const record = (reason: unknown): void => {
    reasons.push(reason);
  };
  process.on('unhandledRejection', record);
  process.on('uncaughtException', record);
  return {
    reasons,
    stop() {
      process.off('unhandledRejection', record);
      process.off('uncaughtException', record);
    },
  };
}

/** Lets pending microtasks and timers run, so a leaked rejection has the chance to surface. */
export function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A recorded reason as one readable line, for assertion messages. */
export function describeReason(reason: unknown): string {
  return reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
}
