// The best roster found by any worker of a portfolio, in shared memory: each search publishes
// its best now and then and, when it goes back to its own best, takes the shared one instead if
// that is better. Sharing makes the result depend on timing, so the portfolio uses it only for
// time-limited solves (never with an iteration budget, which must stay reproducible).

/** Shared memory of a SharedBest: pass `buffers` to each worker and rebuild it there. */
export interface SharedBestBuffers {
  /** [0] lock (0 free, 1 held). */
  readonly control: SharedArrayBuffer;
  /** [0] objective of the roster held (Infinity while empty). */
  readonly objective: SharedArrayBuffer;
  /** The roster x[e*H+d]. */
  readonly roster: SharedArrayBuffer;
}

export class SharedBest {
  readonly buffers: SharedBestBuffers;
  private readonly control: Int32Array;
  private readonly objective: Float64Array;
  private readonly roster: Int32Array;

  constructor(cells: number, buffers?: SharedBestBuffers) {
    this.buffers = buffers ?? {
      control: new SharedArrayBuffer(4),
      objective: new SharedArrayBuffer(8),
      roster: new SharedArrayBuffer(4 * cells),
    };
    this.control = new Int32Array(this.buffers.control);
    this.objective = new Float64Array(this.buffers.objective);
    this.roster = new Int32Array(this.buffers.roster);
    if (!buffers) this.objective[0] = Infinity;
    if (this.roster.length !== cells) throw new Error('shared roster has the wrong size');
  }

  private withLock<T>(f: () => T): T {
    while (Atomics.compareExchange(this.control, 0, 0, 1) !== 0) Atomics.wait(this.control, 0, 1, 1);
    try {
      return f();
    } finally {
      Atomics.store(this.control, 0, 0);
      Atomics.notify(this.control, 0);
    }
  }

  /** Offers a hard-feasible roster; kept if it beats the one held. Returns true if kept. */
  publish(objective: number, roster: Int32Array): boolean {
    return this.withLock(() => {
      if (!(objective < this.objective[0]!)) return false;
      this.roster.set(roster);
      this.objective[0] = objective;
      return true;
    });
  }

  /** Copies the roster held into `into` if it beats `objective`; returns its objective, or null. */
  takeIfBetter(objective: number, into: Int32Array): number | null {
    return this.withLock(() => {
      if (!(this.objective[0]! < objective)) return null;
      into.set(this.roster);
      return this.objective[0]!;
    });
  }
}
