// Prometheus metrics of a cluster (server/cluster.ts): a scrape reaches one worker, which asks
// the primary; the primary collects every listening worker's registry, sums them with
// prom-client's aggregation rules (each metric's `aggregator`: counters and histograms add up,
// shared gauges take the maximum) and answers the asking worker.
import type { Worker } from 'node:cluster';
import client from 'prom-client';

const REQUEST = 'rytme:metrics:request'; // worker → primary: give me the cluster's metrics
const RESULT = 'rytme:metrics:result'; // primary → worker: here they are
const COLLECT = 'rytme:metrics:collect'; // primary → worker: your own registry, please
const COLLECTED = 'rytme:metrics:collected'; // worker → primary: my registry

type Metrics = Awaited<ReturnType<client.Registry['getMetricsAsJSON']>>;
type Message =
  | { type: typeof REQUEST; id: number }
  | { type: typeof RESULT; id: number; text?: string; error?: string }
  | { type: typeof COLLECT; id: number }
  | { type: typeof COLLECTED; id: number; metrics: Metrics };

const isMessage = (m: unknown): m is Message => typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' && (m as { type: string }).type.startsWith('rytme:metrics:');

// --- worker side ---

let nextRequest = 0;
const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();

/** In a cluster worker: answer the primary's collection with `registry`. False outside a cluster. */
export function joinClusterMetrics(registry: client.Registry): boolean {
  if (!process.send) return false;
  if (!process.env.RYTME_WORKER_INDEX) return false;
  process.on('message', (message: unknown) => {
    if (!isMessage(message)) return;
    if (message.type === COLLECT) {
      registry.getMetricsAsJSON().then(
        (metrics) => process.send!({ type: COLLECTED, id: message.id, metrics } satisfies Message),
        () => process.send!({ type: COLLECTED, id: message.id, metrics: [] } satisfies Message),
      );
    } else if (message.type === RESULT) {
      const w = waiting.get(message.id);
      if (!w) return;
      waiting.delete(message.id);
      if (message.text !== undefined) w.resolve(message.text);
      else w.reject(new Error(message.error ?? 'metrics unavailable'));
    }
  });
  return true;
}

/** In a cluster worker: the whole cluster's metrics, from the primary. */
export function clusterMetrics(timeoutMs = 5_000): Promise<string> {
  const id = nextRequest++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error('metrics: the primary did not answer'));
    }, timeoutMs);
    waiting.set(id, {
      resolve: (text) => (clearTimeout(timer), resolve(text)),
      reject: (error) => (clearTimeout(timer), reject(error)),
    });
    process.send!({ type: REQUEST, id } satisfies Message);
  });
}

// --- primary side ---

/**
 * In the primary: answer workers' requests. `listening()` gives the workers that serve (a worker
 * still starting has not joined yet); one that does not answer within `timeoutMs` is left out.
 */
export function serveClusterMetrics(on: (listener: (worker: Worker, message: unknown) => void) => void, listening: () => Worker[], timeoutMs = 2_000): void {
  let nextCollect = 0;
  const collecting = new Map<number, (metrics: Metrics) => void>();
  on((worker, message) => {
    if (!isMessage(message)) return;
    if (message.type === COLLECTED) {
      collecting.get(message.id)?.(message.metrics);
      return;
    }
    if (message.type !== REQUEST) return;
    const workers = listening().filter((w) => w.isConnected());
    const parts = workers.map(
      (w) =>
        new Promise<Metrics | null>((resolve) => {
          const id = nextCollect++;
          const timer = setTimeout(() => (collecting.delete(id), resolve(null)), timeoutMs);
          collecting.set(id, (metrics) => (clearTimeout(timer), collecting.delete(id), resolve(metrics)));
          w.send({ type: COLLECT, id } satisfies Message);
        }),
    );
    Promise.all(parts)
      .then((all) => client.AggregatorRegistry.aggregate(all.filter((m): m is Metrics => m !== null)).metrics())
      .then(
        (text) => worker.isConnected() && worker.send({ type: RESULT, id: message.id, text } satisfies Message),
        (error: unknown) => worker.isConnected() && worker.send({ type: RESULT, id: message.id, error: String(error) } satisfies Message),
      );
  });
}
