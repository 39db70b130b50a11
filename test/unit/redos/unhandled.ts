// Records unhandled promise rejections and uncaught exceptions while a suite runs, so a test can
// assert that the analyzer never leaks one (in the extension host they would be reported as errors).

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
