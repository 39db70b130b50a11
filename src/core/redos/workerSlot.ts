// A slot over one worker thread running recheck's pure-JavaScript checker (src/core/redos/worker.ts),
// the fallback where no native binary exists for the platform. The worker starts lazily; a watchdog
// terminates it when it overruns, and the next request starts a fresh one.
import { Worker } from 'node:worker_threads';
import { errorSummary, inconclusive, isRedosResponse, type RedosRequest } from './protocol';
import { SupervisedSlot } from './slot';

/**
 * Extra allowance for the first request of a fresh worker, which first loads the 3 MB bundle and
 * runs a warm-up analysis of at most 3 s (see worker.ts).
 */
const WORKER_STARTUP_ALLOWANCE_MS = 10_000;
/** recheck's automata can grow large; a runaway analysis dies alone instead of bloating the host. */
export const WORKER_MAX_HEAP_MB = 256;

export class WorkerSlot extends SupervisedSlot {
  private worker: Worker | undefined;
  /** A fresh worker has not answered yet: its first request gets the startup allowance. */
  private workerWarm = false;

  constructor(private readonly workerPath: string) {
    super();
  }

  protected start(request: RedosRequest): void {
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (error) {
      this.finish({
        verdict: inconclusive(`could not start the analysis worker: ${errorSummary(error)}`),
        cacheable: false,
      });
      return;
    }
    worker.ref();
    this.armWatchdog(request, this.workerWarm ? 0 : WORKER_STARTUP_ALLOWANCE_MS);
    worker.postMessage(request);
  }

  idle(): void {
    this.worker?.unref();
  }

  private ensureWorker(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(this.workerPath, { resourceLimits: { maxOldGenerationSizeMb: WORKER_MAX_HEAP_MB } });
    this.worker = worker;
    this.workerWarm = false;
    // Listeners check identity: a replaced worker's late messages and exit events are ignored.
    // The 'error' listener must stay attached for the worker's whole life: an unhandled worker
    // 'error' event would be thrown in the host.
    worker.on('message', (message: unknown) => {
      if (worker === this.worker) this.onMessage(message);
    });
    worker.on('error', (error: Error) => {
      if (worker === this.worker) this.onWorkerFailure(error);
    });
    worker.on('exit', (code: number) => {
      if (worker === this.worker) this.onWorkerFailure(new Error(`the analysis worker exited with code ${code}`));
    });
    return worker;
  }

  private onMessage(message: unknown): void {
    const active = this.active;
    if (!isRedosResponse(message) || active === undefined || message.id !== active.request.id) return;
    this.workerWarm = true;
    this.finish({ verdict: message.verdict, cacheable: true });
  }

  private onWorkerFailure(error: Error): void {
    this.discard();
    if (this.active === undefined) return;
    const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    // Running out of memory is a property of the pattern, worth remembering; a crash may not be.
    const verdict = outOfMemory
      ? inconclusive(`analysis ran out of memory (limit ${WORKER_MAX_HEAP_MB} MB)`)
      : inconclusive(`the analysis worker stopped: ${errorSummary(error)}`);
    this.finish({ verdict, cacheable: outOfMemory });
  }

  protected discard(): void {
    const worker = this.worker;
    this.worker = undefined;
    // terminate() returns a promise; swallow its rejection so it can never surface as unhandled.
    if (worker !== undefined) worker.terminate().catch(() => undefined);
  }
}
