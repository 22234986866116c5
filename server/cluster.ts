// Several HTTP processes on one machine (node:cluster), for PostgreSQL installations: the
// primary forks WEB_CONCURRENCY workers that share the port, each a whole Rytme instance
// (server/run.ts). Instances are stateless, so this is the same as several instances on one
// database (docs/ARCHITECTURE.md), only on one port. The primary:
// - starts worker 0 first and the others once it listens, so migrations, the first-start
//   bootstrap and the demo run once (worker 0 also runs the background jobs unless RUN_WORKERS=0);
// - restarts a worker that dies unexpectedly;
// - answers the workers' request for /metrics with the sum over all workers (prom-client's
//   AggregatorRegistry), so a scrape sees the whole instance whichever worker it reaches;
// - on SIGTERM/SIGINT passes the signal on, waits until every worker has drained and exited,
//   and exits 0 (1 if a worker failed to stop cleanly).
import cluster, { type Worker } from 'node:cluster';
import { loadEnv, processCount } from './env.ts';
import os from 'node:os';
import { serveClusterMetrics } from './cluster-metrics.ts';

let env;
try {
  env = loadEnv(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const count = processCount(env, os.availableParallelism());
const workers = new Map<number, Worker>();
const listening = new Set<Worker>();
let stopping = false;
let failedStops = 0;

function fork(index: number): Worker {
  // Only worker 0 does the once-per-start work and runs jobs; the others serve HTTP only.
  const extra: Record<string, string> = { RYTME_WORKER_INDEX: String(index) };
  if (index > 0) Object.assign(extra, { DEMO: '0', RUN_WORKERS: '0', BOOTSTRAP_TENANT_SLUG: '' });
  const worker = cluster.fork(extra);
  workers.set(index, worker);
  worker.once('listening', () => listening.add(worker));
  worker.on('exit', (code, signal) => {
    workers.delete(index);
    const served = listening.delete(worker);
    if (stopping) {
      // A worker still starting dies of the signal at once; it served nothing, so that is a clean stop.
      if (code !== 0 && served) failedStops++;
      if (workers.size === 0) process.exit(failedStops ? 1 : 0);
      return;
    }
    process.stderr.write(`rytme: worker ${index} exited (${signal ?? code}); starting it again\n`);
    setTimeout(() => fork(index), 1000).unref();
  });
  return worker;
}

serveClusterMetrics((listener) => cluster.on('message', listener), () => [...listening]);

const first = fork(0);
first.once('listening', () => {
  for (let i = 1; i < count; i++) fork(i);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    if (workers.size === 0) process.exit(0);
    for (const worker of workers.values()) worker.process.kill(signal);
  });
}
