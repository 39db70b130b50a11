// Teardown in reverse order of setup, run exactly once: on normal completion, on failure and on
// Ctrl-C / SIGTERM. Each step is isolated so one failing step does not skip the others.
'use strict';

class Cleanup {
  constructor(logger) {
    this.logger = logger;
    this.steps = [];
    this.running = null;
  }

  /** Registers `fn` (sync or async) to run at teardown; later registrations run first. */
  add(label, fn) {
    this.steps.push({ label, fn });
  }

  /** True once teardown has begun. */
  get started() {
    return this.running !== null;
  }

  run() {
    if (!this.running) this.running = this.runSteps();
    return this.running;
  }

  async runSteps() {
    for (const { label, fn } of this.steps.reverse()) {
      try {
        await fn();
        this.logger.debug(`teardown: ${label}`);
      } catch (error) {
        this.logger.warn(`teardown step "${label}" failed: ${error.message}`);
      }
    }
  }

  /**
   * When the process that started us dies without passing a signal on (npm killed with SIGKILL, a
   * closed terminal), we are re-parented: tear down rather than leave code-server on the port.
   */
  exitWhenOrphaned(intervalMs = 1000) {
    const parent = process.ppid;
    const timer = setInterval(() => {
      if (process.ppid === parent) return;
      clearInterval(timer);
      this.logger.info('the parent process is gone, cleaning up…');
      this.run().finally(() => process.exit(129));
    }, intervalMs);
    timer.unref();
  }

  /** On SIGINT/SIGTERM: tear down, then exit with the conventional 128 + signal code. */
  exitOnSignals() {
    const codes = { SIGINT: 130, SIGTERM: 143 };
    for (const [signal, code] of Object.entries(codes)) {
      process.once(signal, () => {
        this.logger.info(`${signal} received, cleaning up…`);
        this.run().finally(() => process.exit(code));
      });
    }
  }
}

module.exports = { Cleanup };
