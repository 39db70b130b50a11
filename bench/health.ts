// Health polling benchmark: how many requests the poller sends per daemon update while the view is
// visible, how many liveness checks per minute meanwhile, how many requests while the window is
// unfocused, and whether 10,000 poll cycles leak memory.
// Runs on a fake clock against the in-memory simulated daemon (same data as the HTTP fake).
// Numbers only, no assertions. For a precise heap figure run node with --expose-gc.

import { FakeClock } from '../test/support/fakeClock';
import { HealthMonitor } from '../src/core/health/poller';
import { SimulatedDaemon } from '../test/fake-daemon/simulatedSource';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const UPDATE_PERIOD_MS = 300 * SECOND;
const LEARNING_UPDATES = 3;
const MEASURED_UPDATES = 100;
const UNFOCUSED_MS = 24 * 60 * 60 * SECOND;
// Long enough for the JIT and lazily built caches to settle, so growth means retention.
const WARMUP_POLLS = 5_000;
const MEASURED_POLLS = 10_000;

export interface HealthBenchResult {
  /** Worst of the two endpoints: requests per daemon update while the view is visible. */
  requests_per_update: number;
  /** Liveness checks (the cockpit page) per minute while the view is visible. */
  liveness_per_minute: number;
  /** Requests in 24 simulated hours with the window unfocused. */
  requests_unfocused: number;
  heap_growth_bytes_10k_polls: number;
}

function setup() {
  const clock = new FakeClock();
  const daemon = new SimulatedDaemon({
    now: () => clock.now(),
    snapshotIntervalMs: UPDATE_PERIOD_MS,
    probeIntervalMs: UPDATE_PERIOD_MS,
    probeAgeMs: 170 * SECOND,
  });
  const monitor = new HealthMonitor([daemon], { clock });
  return { clock, daemon, monitor };
}

async function requestsWhileVisible(): Promise<{ perUpdate: number; livenessPerMinute: number }> {
  const { clock, daemon, monitor } = setup();
  monitor.setDemand({ focused: true, visible: true });
  await clock.advance(LEARNING_UPDATES * UPDATE_PERIOD_MS);
  const start = { ...daemon.requests };
  await clock.advance(MEASURED_UPDATES * UPDATE_PERIOD_MS);
  monitor.dispose();
  const snapshot = (daemon.requests.snapshot - start.snapshot) / MEASURED_UPDATES;
  const heartbeat = (daemon.requests.heartbeat - start.heartbeat) / MEASURED_UPDATES;
  const minutes = (MEASURED_UPDATES * UPDATE_PERIOD_MS) / MINUTE;
  return {
    perUpdate: Math.round(Math.max(snapshot, heartbeat) * 100) / 100,
    livenessPerMinute: Math.round(((daemon.requests.liveness - start.liveness) / minutes) * 100) / 100,
  };
}

async function requestsUnfocused(): Promise<number> {
  const { clock, daemon, monitor } = setup();
  monitor.setDemand({ focused: true, visible: true });
  await clock.advance(0);
  const total = () => daemon.requests.snapshot + daemon.requests.heartbeat + daemon.requests.liveness;
  const start = total();
  monitor.setDemand({ focused: false, visible: true });
  await clock.advance(UNFOCUSED_MS);
  monitor.dispose();
  return total() - start;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

async function heapGrowth(): Promise<number> {
  const { clock, daemon, monitor } = setup();
  let changes = 0;
  const subscription = monitor.onDidChange(() => {
    changes += 1;
  });
  const cycle = async (index: number) => {
    // Vary the data now and then, as a real daemon would.
    daemon.scenario = index % 50 === 0 ? 'degraded' : 'healthy';
    await monitor.refreshNow();
    await clock.advance(SECOND);
  };
  for (let index = 0; index < WARMUP_POLLS; index += 1) await cycle(index);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  for (let index = 0; index < MEASURED_POLLS; index += 1) await cycle(index);
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  subscription.dispose();
  monitor.dispose();
  return changes > 0 ? after - before : Number.NaN;
}

export async function benchHealth(): Promise<HealthBenchResult> {
  const visible = await requestsWhileVisible();
  return {
    requests_per_update: visible.perUpdate,
    liveness_per_minute: visible.livenessPerMinute,
    requests_unfocused: await requestsUnfocused(),
    heap_growth_bytes_10k_polls: await heapGrowth(),
  };
}

if (require.main === module) {
  void benchHealth().then((result) => console.log(JSON.stringify(result, null, 2)));
}
