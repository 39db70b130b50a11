// A slot over one process of recheck's native binary (`recheck agent`, shipped per platform as the
// npm package recheck-<os>-<arch>), spoken to directly in recheck's line-delimited JSON-RPC: no
// worker thread and no 3 MB Scala.js bundle is loaded, and the analysis costs 3–5× less CPU than
// the pure-JavaScript build. One request at a time per process (concurrent requests in one agent
// contend and get slower); the watchdog kills an overrunning process and the next request starts
// a new one.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Diagnostics } from 'recheck';
import { verdictFromDiagnostics } from './diagnostics';
import { WARM_UP_PATTERN, errorSummary, inconclusive, type RedosRequest } from './protocol';
import { SupervisedSlot } from './slot';

/** Extra watchdog allowance while a fresh agent process starts and warms up. */
const AGENT_STARTUP_ALLOWANCE_MS = 10_000;
/** Each process first analyses WARM_UP_PATTERN (protocol.ts) under this id, before any real request. */
const WARM_UP = { id: 0, ...WARM_UP_PATTERN, timeBudgetMs: 5000 };
/** Same seed as the worker (worker.ts): the fuzzing checker gives the same verdict every run. */
const RANDOM_SEED = 0;
/** An answer line longer than this is not recheck talking: the process is discarded. */
const MAX_LINE_CHARS = 4 * 1024 * 1024;

function requestLine(request: RedosRequest): string {
  const params = { checker: 'auto', randomSeed: RANDOM_SEED, timeout: request.timeBudgetMs };
  const message = {
    jsonrpc: '2.0+push',
    id: request.id,
    method: 'check',
    params: { source: request.source, flags: request.flags, params },
  };
  return `${JSON.stringify(message)}\n`;
}

export class NativeSlot extends SupervisedSlot {
  private child: ChildProcessWithoutNullStreams | undefined;
  /** The current process finished its warm-up; until then the request line waits here. */
  private warm = false;
  private waitingLine: string | undefined;
  private answered = false;
  private everAnswered = false;
  private buffer = '';

  constructor(private readonly binaryPath: string) {
    super();
  }

  protected start(request: RedosRequest): void {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = this.ensureChild();
    } catch (error) {
      this.finish({
        verdict: inconclusive(`could not start the native checker: ${errorSummary(error)}`),
        cacheable: false,
        backendUnusable: true,
      });
      return;
    }
    child.ref();
    this.armWatchdog(request, this.answered ? 0 : AGENT_STARTUP_ALLOWANCE_MS);
    if (this.warm) child.stdin.write(requestLine(request));
    else this.waitingLine = requestLine(request);
  }

  idle(): void {
    this.child?.unref();
  }

  private ensureChild(): ChildProcessWithoutNullStreams {
    if (this.child !== undefined) return this.child;
    const child = spawn(this.binaryPath, ['agent'], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    this.child = child;
    this.answered = false;
    this.warm = false;
    this.waitingLine = undefined;
    this.buffer = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (child === this.child) this.onData(chunk);
    });
    child.stderr.resume(); // recheck's own logging; never shown, never allowed to fill the pipe
    // Listeners check identity: a replaced process's late events are ignored.
    child.on('error', (error: Error) => {
      if (child === this.child) this.onFailure(error);
    });
    child.on('exit', (code, signal) => {
      if (child === this.child) this.onFailure(new Error(`the native checker exited (${signal ?? `code ${code}`})`));
    });
    child.stdin.on('error', () => undefined); // EPIPE after a crash; 'exit' reports it
    child.stdin.write(requestLine(WARM_UP));
    return child;
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    for (let newline = this.buffer.indexOf('\n'); newline >= 0; newline = this.buffer.indexOf('\n')) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      if (line.trim() !== '') this.onLine(line);
    }
    if (this.buffer.length > MAX_LINE_CHARS) this.onFailure(new Error('the native checker sent an oversized answer'));
  }

  private onLine(line: string): void {
    let message: { id?: unknown; result?: Diagnostics; error?: { message?: string }; message?: unknown };
    try {
      message = JSON.parse(line);
    } catch {
      return; // not a protocol line
    }
    if (message.message != null) return; // log pushes
    if (message.id === WARM_UP.id) {
      this.warm = true;
      this.everAnswered = true;
      if (this.waitingLine !== undefined) this.child?.stdin.write(this.waitingLine);
      this.waitingLine = undefined;
      return;
    }
    const active = this.active;
    if (active === undefined || message.id !== active.request.id) return;
    this.answered = true;
    this.everAnswered = true;
    if (message.result !== undefined) {
      this.finish({ verdict: verdictFromDiagnostics(message.result, active.request.timeBudgetMs), cacheable: true });
    } else {
      this.finish({
        verdict: inconclusive(`the native checker failed: ${message.error?.message ?? 'no result'}`),
        cacheable: false,
      });
    }
  }

  private onFailure(error: Error): void {
    this.discard();
    if (this.active === undefined) return;
    // A binary that never answered (missing, not executable, wrong platform) is unusable here.
    const unusable = !this.everAnswered;
    this.finish({
      verdict: inconclusive(`the native checker stopped: ${errorSummary(error)}`),
      cacheable: false,
      backendUnusable: unusable,
    });
  }

  protected discard(): void {
    const child = this.child;
    this.child = undefined;
    if (child !== undefined) {
      child.stdin.end();
      child.kill();
    }
  }
}
