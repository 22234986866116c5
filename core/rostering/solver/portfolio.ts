// Parallel portfolio: one annealing search per core (worker threads), seeds
// seed, seed+1, …, every second one without the one-day-weekend price; the result is the
// best roster, ties broken by the lowest worker index. Time-limited solves share the best
// roster between workers (shared-best.ts): a search that goes back to its best takes a better
// one found by another worker.
// With an iteration budget the result is deterministic for (seed, iterations, workers);
// with only a time limit it depends on machine speed.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Roster, RosteringInstance } from '../model.ts';
import type { SearchParams } from './anneal.ts';
import { SharedBest } from './shared-best.ts';
import type { WorkerInput, WorkerMessage } from './worker.ts';

export interface SolveOptions {
  readonly timeLimitMs: number;
  readonly seed: number;
  readonly iterations?: number;
  /** Defaults to os.availableParallelism(). */
  readonly workers?: number;
  /** Called on every improvement of the best hard-feasible objective across workers. */
  readonly onProgress?: (p: { objective: number; elapsedMs: number; fraction: number }) => void;
  readonly signal?: AbortSignal;
}

export interface SolveResult {
  readonly roster: Roster | null;
  readonly objective: number;
  /** Milliseconds from the call until the first hard-feasible roster was reported. */
  readonly firstFeasibleMs: number | null;
  readonly iterations: number;
  readonly workers: number;
}

/**
 * Every second worker searches without the price on one-day weekends (see SearchState.guide):
 * the price helps where weekend capacity is tight and costs a little elsewhere, and the
 * portfolio keeps the better of both.
 */
export function workerParams(i: number): Partial<SearchParams> | undefined {
  return i % 2 === 1 ? { guideWeekend: 0 } : undefined;
}

export async function solveRoster(instance: RosteringInstance, opts: SolveOptions): Promise<SolveResult> {
  const n = Math.max(1, opts.workers ?? availableParallelism());
  const start = performance.now();
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const abort = (): void => { Atomics.store(stop, 0, 1); };
  opts.signal?.addEventListener('abort', abort);
  // time-limited solves share the best roster between workers; an iteration budget must stay
  // reproducible, so then every worker searches on its own
  const shared = opts.iterations === undefined ? new SharedBest(instance.employees.length * instance.horizonDays) : null;
  let bestSeen = Infinity;
  let firstFeasibleMs: number | null = null;
  const runs = Array.from({ length: n }, (_, i) =>
    new Promise<Extract<WorkerMessage, { type: 'done' }>>((resolve, reject) => {
      const params = workerParams(i);
      const input: WorkerInput = {
        instance,
        seed: opts.seed + i,
        ...(params ? { params } : {}),
        timeLimitMs: opts.timeLimitMs,
        ...(opts.iterations !== undefined ? { iterations: opts.iterations } : {}),
        stop,
        ...(shared ? { shared: shared.buffers } : {}),
      };
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: input });
      worker.on('message', (m: WorkerMessage) => {
        const elapsedMs = performance.now() - start;
        if (m.type === 'improve') {
          if (firstFeasibleMs === null) firstFeasibleMs = elapsedMs;
          if (m.objective < bestSeen) {
            bestSeen = m.objective;
            const fraction = Math.min(1, elapsedMs / opts.timeLimitMs);
            opts.onProgress?.({ objective: m.objective, elapsedMs, fraction });
          }
        } else {
          resolve(m);
          void worker.terminate();
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => { if (code !== 0) reject(new Error(`solver worker exited with ${code}`)); });
    }),
  );
  try {
    const results = await Promise.all(runs);
    let chosen: (typeof results)[number] | null = null;
    for (const r of results) if (r.best && (!chosen || r.objective < chosen.objective)) chosen = r;
    // workers throttle their improvement messages, so the last improvements may not have been
    // reported yet: the progress ends on the objective that is returned
    if (chosen && chosen.objective < bestSeen) {
      bestSeen = chosen.objective;
      opts.onProgress?.({ objective: chosen.objective, elapsedMs: performance.now() - start, fraction: 1 });
    }
    const H = instance.horizonDays;
    const roster = chosen?.best
      ? instance.employees.map((_, e) => Array.from(chosen.best!.subarray(e * H, (e + 1) * H)))
      : null;
    return {
      roster,
      objective: chosen ? chosen.objective : Infinity,
      firstFeasibleMs,
      iterations: results.reduce((a, r) => a + r.iterations, 0),
      workers: n,
    };
  } finally {
    opts.signal?.removeEventListener('abort', abort);
  }
}
