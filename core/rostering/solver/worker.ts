// Worker-thread entry: runs one annealing search on the instance it is given and reports
// improvements and the final result to the parent (see portfolio.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { RosteringInstance } from '../model.ts';
import { anneal, type SearchParams } from './anneal.ts';
import { compile } from './compiled.ts';
import { SharedBest, type SharedBestBuffers } from './shared-best.ts';

export interface WorkerInput {
  readonly instance: RosteringInstance;
  readonly seed: number;
  readonly timeLimitMs: number;
  readonly iterations?: number;
  /** Search parameters that differ from DEFAULT_PARAMS (the portfolio varies them per worker). */
  readonly params?: Partial<SearchParams>;
  /** Shared best roster of the portfolio (time-limited solves only). */
  readonly shared?: SharedBestBuffers;
  /** Shared flag: set index 0 to 1 to ask the search to stop early. */
  readonly stop: Int32Array;
}

export type WorkerMessage =
  | { readonly type: 'improve'; readonly objective: number; readonly elapsedMs: number }
  | {
      readonly type: 'done';
      readonly best: Int32Array | null;
      readonly objective: number;
      readonly iterations: number;
      readonly firstFeasibleMs: number | null;
    };

const input = workerData as WorkerInput;
const port = parentPort;
if (port) {
  let lastPost = -Infinity;
  const result = anneal(compile(input.instance), {
    seed: input.seed,
    ...(input.params ? { params: input.params } : {}),
    timeLimitMs: input.timeLimitMs,
    ...(input.iterations !== undefined ? { iterations: input.iterations } : {}),
    stop: input.stop,
    ...(input.shared ? { shared: new SharedBest(input.instance.employees.length * input.instance.horizonDays, input.shared) } : {}),
    onImprove: (objective, elapsedMs) => {
      // throttle: the first feasible roster always, then at most every 50 ms
      if (elapsedMs - lastPost < 50) return;
      lastPost = elapsedMs;
      port.postMessage({ type: 'improve', objective, elapsedMs } satisfies WorkerMessage);
    },
  });
  port.postMessage({
    type: 'done',
    best: result.best,
    objective: result.objective,
    iterations: result.iterations,
    firstFeasibleMs: result.firstFeasibleMs,
  } satisfies WorkerMessage);
}
