// Single-thread search: greedy construction followed by simulated annealing over cell
// changes, block changes and block swaps between two employees. Hard constraints are
// relaxed with an adaptive penalty weight; only hard-feasible states are kept as "best".
import type { CompiledInstance } from './compiled.ts';
import { Random } from './random.ts';
import { RowOptimizer } from './row-dp.ts';
import type { SharedBest } from './shared-best.ts';
import { SearchState } from './state.ts';

/** Tuning parameters of the search (defaults in DEFAULT_PARAMS). */
export interface SearchParams {
  /** Start temperature as a fraction of the largest soft weight. */
  readonly t0Factor: number;
  /** Final temperature. */
  readonly t1: number;
  /** Lower bound of the adaptive hard-violation weight, as a fraction of the largest soft weight. */
  readonly hardFloor: number;
  /** Factor applied to the hard weight every 8192 iterations while infeasible / feasible. */
  readonly hardUp: number;
  readonly hardDown: number;
  /** Share of moves that target an under- or over-covered cell. */
  readonly targetRate: number;
  /** Row-DP moves: probability per iteration = dpRate / (estimated DP transitions per call), so
   *  that DP takes a roughly fixed share of the search time whatever the instance size. */
  readonly dpRate: number;
  /** Ruin-and-recreate moves (clear 2..maxRuin rows, rebuild by row DP), same unit as dpRate. */
  readonly ruinRate: number;
  readonly maxRuin: number;
  /** Return to the best roster after max(restoreMin, restoreFactor × employees × days) iterations without improvement. */
  readonly restoreFactor: number;
  readonly restoreMin: number;
  /** Build the start roster row by row with the DP (true) or cell by cell greedily (false). */
  readonly rowConstruction: boolean;
  /** Share of the budget spent at most in the initial repair phase (descent on hard violations). */
  readonly repairShare: number;
  /** While infeasible: factor on the row-DP rate, and share of those DP moves aimed at an employee breaking a row-level rule. */
  readonly repairDpBoost: number;
  readonly repairTarget: number;
  /** Length of one annealing cycle in iterations per (employees × days × (shift types + 1)). */
  readonly cycleFactor: number;
  /** Search-only price per weekend worked on one day only, as a fraction of the largest soft weight. */
  readonly guideWeekend: number;
}

export const DEFAULT_PARAMS: SearchParams = {
  t0Factor: 0.3,
  t1: 0.1,
  hardFloor: 0.1,
  hardUp: 1.15,
  hardDown: 1.05,
  targetRate: 0.15,
  dpRate: 250,
  ruinRate: 0,
  maxRuin: 4,
  restoreFactor: 1000,
  restoreMin: 1_000_000,
  cycleFactor: 2000,
  repairShare: 0,
  repairDpBoost: 1,
  repairTarget: 1,
  rowConstruction: false,
  guideWeekend: 0.3,
};

export interface SearchOptions {
  readonly params?: Partial<SearchParams>;
  readonly seed: number;
  /** Wall-clock limit in milliseconds (ignored for the schedule if `iterations` is set). */
  readonly timeLimitMs: number;
  /** Exact iteration budget: makes the run reproducible regardless of machine speed. */
  readonly iterations?: number;
  /** Called whenever a better hard-feasible roster is found. */
  readonly onImprove?: (objective: number, elapsedMs: number, roster: Int32Array) => void;
  readonly initial?: Int32Array;
  /** Shared stop flag (index 0 set to 1 = stop as soon as possible). */
  readonly stop?: Int32Array;
  /** Best roster shared with the other searches of a portfolio (time-limited solves only). */
  readonly shared?: SharedBest;
}

export interface SearchResult {
  /** Best hard-feasible roster (x[e*H+d]) or null if none was found. */
  readonly best: Int32Array | null;
  readonly objective: number;
  readonly iterations: number;
  readonly firstFeasibleMs: number | null;
  /** Hard-violation units of the final state if nothing feasible was found. */
  readonly finalHard: number;
}

/** Greedy: visit cells in random order, give each the value with the lowest penalised cost. */
export function construct(state: SearchState, rnd: Random, hardWeight: number): void {
  const c = state.c;
  const cells = new Int32Array(c.E * c.H);
  for (let i = 0; i < cells.length; i++) cells[i] = i;
  for (let i = cells.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    const t = cells[i]!; cells[i] = cells[j]!; cells[j] = t;
  }
  for (let pass = 0; pass < 2; pass++) {
    for (const idx of cells) {
      const e = Math.floor(idx / c.H), d = idx % c.H;
      if (c.fixedOff[idx]) continue;
      const allowed = c.allowedShifts[e]!;
      let bestV = state.x[idx]!;
      let bestCost = state.cost(hardWeight);
      for (let k = -1; k < allowed.length; k++) {
        const v = k < 0 ? -1 : allowed[k]!;
        if (v === state.x[idx]) continue;
        state.applyCell(e, d, v);
        const cost = state.cost(hardWeight);
        state.undo();
        if (cost < bestCost - 1e-9) { bestCost = cost; bestV = v; }
      }
      if (bestV !== state.x[idx]) state.applyCell(e, d, bestV);
    }
  }
}

/** Row construction: build the rows one employee at a time (random order) with the row DP. */
export function constructByRows(state: SearchState, dp: RowOptimizer, rnd: Random, hardWeight: number): void {
  const c = state.c;
  const order = Array.from({ length: c.E }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const e of order) if (dp.optimize(e, hardWeight, 8)) state.applyBlock(e, 0, c.H - 1, dp.row);
}

/**
 * First employee from `from` on (cyclically) whose row breaks a rule of its own (total-minutes
 * window, weekend maximum, a per-type maximum, a succession or run length); `fallback` if none.
 */
export function violatingEmployee(state: SearchState, from: number, fallback: number): number {
  const c = state.c;
  const { E, S } = c;
  for (let k = 0; k < E; k++) {
    const e = (from + k) % E;
    if (state.minuteDev(e, state.minutes[e]!) > 0 || state.weekendsWorked[e]! > c.maxWeekends[e]!) return e;
    for (let s = 0; s < S; s++) if (state.typeCount[e * S + s]! > c.maxPerType[e * S + s]!) return e;
    if (state.hardUnits > 0 && state.localHard(e, 0, c.H - 1) > 0) return e;
  }
  return fallback;
}

export function anneal(c: CompiledInstance, opts: SearchOptions): SearchResult {
  const start = performance.now();
  const rnd = new Random(opts.seed);
  const P: SearchParams = { ...DEFAULT_PARAMS, ...opts.params };
  const state = new SearchState(c);
  state.guide = P.guideWeekend * c.maxSoftWeight;
  const { E, H, S } = c;
  let hw = c.maxSoftWeight * 2;
  if (opts.initial) {
    state.x.set(opts.initial);
    state.recompute();
  } else {
    if (P.rowConstruction) constructByRows(state, new RowOptimizer(state), rnd, hw);
    else construct(state, rnd, hw);
  }
  const best = new Int32Array(E * H);
  let bestObj = Infinity;
  let haveBest = false;
  let firstFeasibleMs: number | null = null;
  const record = (): void => {
    if (state.feasible && state.soft < bestObj - 1e-9) {
      bestObj = state.soft;
      best.set(state.x);
      const now = performance.now() - start;
      if (!haveBest) firstFeasibleMs = now;
      haveBest = true;
      opts.onImprove?.(bestObj, now, best);
      lastImproveIt = it;
    }
  };
  let it = 0;
  let lastImproveIt = 0;
  // portfolio sharing: publish the own best now and then; when going back to the best, take
  // the shared one if another search has found a better roster
  const shared = opts.shared;
  let published = Infinity;
  const publishOwn = (): void => {
    if (shared && bestObj < published) { shared.publish(bestObj, best); published = bestObj; }
  };
  const adoptShared = (): void => {
    if (!shared) return;
    publishOwn();
    const got = shared.takeIfBetter(bestObj - 1e-9, best);
    if (got !== null) {
      if (!haveBest) firstFeasibleMs = performance.now() - start;
      bestObj = got; published = got; haveBest = true;
    }
  };
  const restoreAfter = Math.max(P.restoreMin, P.restoreFactor * E * H);
  record();
  const budget = opts.iterations;
  const t0 = Math.max(1, c.maxSoftWeight * P.t0Factor), t1 = P.t1;
  const vals = new Int32Array(H);
  const maxBlock = Math.min(7, H);
  let temp = t0;
  let progress = 0;
  const cycleIters = P.cycleFactor * E * H * (S + 1);
  let cycleStartIt = 0;
  let cycleStartProgress = 0;
  let cur = state.cost(hw);
  const dp = new RowOptimizer(state);
  const pDp = Math.min(0.05, P.dpRate / dp.averageWork());
  const pDpRepair = Math.min(0.05, pDp * P.repairDpBoost);
  const pRuin = Math.min(0.05, P.ruinRate / dp.averageWork());
  const maxRuin = Math.max(2, P.maxRuin);
  const picked = new Int32Array(maxRuin);
  const offRow = new Int32Array(H).fill(-1);
  const HWU = P.hardUp, HWD = P.hardDown;
  const pTarget = P.targetRate;
  for (;; it++) {
    if ((it & 1023) === 0) {
      if (budget !== undefined) progress = it / budget;
      else progress = (performance.now() - start) / opts.timeLimitMs;
      if (progress >= 1 || (opts.stop && Atomics.load(opts.stop, 0) !== 0)) break;
      // annealing cycles: each cools from t0 to t1 within cycleIters iterations (or within
      // the remaining budget, whichever is shorter); later cycles restart from the best roster
      const cycleProgress = Math.max((it - cycleStartIt) / cycleIters, (progress - cycleStartProgress) / (1 - cycleStartProgress));
      if (cycleProgress >= 1) {
        cycleStartIt = it;
        cycleStartProgress = progress;
        adoptShared();
        if (haveBest) { state.x.set(best); state.recompute(); cur = state.cost(hw); }
        lastImproveIt = it;
      }
      temp = t0 * Math.pow(t1 / t0, Math.min(1, cycleProgress));
      // repair phase: until the first feasible roster (at most repairShare of the budget),
      // descend on a heavily weighted hard penalty
      if (!haveBest && progress < P.repairShare) {
        temp = t1;
        if (hw < c.maxSoftWeight * 100) { hw = c.maxSoftWeight * 100; cur = state.cost(hw); }
      }
      // adapt the hard weight: raise it while infeasible, relax slowly when feasible
      if ((it & 8191) === 0) {
        if (!state.feasible) { if (haveBest || progress >= P.repairShare) hw *= HWU; }
        else { hw = Math.max(c.maxSoftWeight * P.hardFloor, hw / HWD); }
        if ((it & 0xfffff) === 0) publishOwn();
        if (haveBest && it - lastImproveIt > restoreAfter) {
          adoptShared();
          state.x.set(best);
          state.recompute();
          lastImproveIt = it;
        }
        cur = state.cost(hw);
      }
    }
    let e = rnd.int(E);
    const rr = rnd.next();
    if (rr < pRuin) {
      // ruin and recreate: clear k rows, then rebuild them one by one with the row DP
      const k = Math.min(E, 2 + rnd.int(maxRuin - 1));
      for (let i = 0; i < k; i++) {
        let cand = rnd.int(E);
        for (let t = 0; t < E; t++) { let dup = false; for (let j = 0; j < i; j++) if (picked[j] === cand) dup = true; if (!dup) break; cand = (cand + 1) % E; }
        picked[i] = cand;
      }
      state.startCompound();
      for (let i = 0; i < k; i++) state.applyBlock(picked[i]!, 0, H - 1, offRow);
      for (let i = 0; i < k; i++) if (dp.optimize(picked[i]!, hw, 8)) state.applyBlock(picked[i]!, 0, H - 1, dp.row);
      state.endCompound();
    } else if (rr < pRuin + (state.feasible ? pDp : pDpRepair)) {
      // while infeasible, mostly re-optimise the rows of employees that break a row-level rule
      if (!state.feasible && rnd.next() < P.repairTarget) e = violatingEmployee(state, rnd.int(E), e);
      if (!dp.optimize(e, hw, 8)) continue;
      state.applyBlock(e, 0, H - 1, dp.row);
    } else {
    const r = rnd.next();
    if (r < pTarget) {
      // targeted: fix an under- or over-covered (day, shift) cell
      const d = rnd.int(H), s = rnd.int(S);
      const n = state.count[d * S + s]!, req = c.requirement[d * S + s]!;
      if (n === req) continue;
      const from = rnd.int(E);
      let found = -1;
      for (let k = 0; k < E; k++) {
        const cand = (from + k) % E;
        const held = state.x[cand * H + d]!;
        if (n < req ? held !== s && !c.fixedOff[cand * H + d] && c.maxPerType[cand * S + s]! > 0 : held === s) { found = cand; break; }
      }
      if (found < 0) continue;
      e = found;
      let v = -1;
      if (n < req) v = s;
      else if (rnd.next() < 0.5) {
        const allowed = c.allowedShifts[e]!;
        v = allowed[rnd.int(allowed.length)]!;
        if (v === s) v = -1;
      }
      state.applyCell(e, d, v);
    } else if (r < pTarget + 0.25) {
      const d = rnd.int(H);
      if (c.fixedOff[e * H + d]) continue;
      const allowed = c.allowedShifts[e]!;
      const k = rnd.int(allowed.length + 1);
      const v = k === allowed.length ? -1 : allowed[k]!;
      if (v === state.x[e * H + d]) continue;
      state.applyCell(e, d, v);
    } else if (r < pTarget + 0.65) {
      const e2 = rnd.int(E);
      if (e2 === e) continue;
      const len = 1 + rnd.int(maxBlock);
      const a = rnd.int(H - len + 1), b = a + len - 1;
      let ok = true, differs = false;
      for (let d = a; d <= b && ok; d++) {
        const v1 = state.x[e * H + d]!, v2 = state.x[e2 * H + d]!;
        if (v1 === v2) continue;
        differs = true;
        if (v2 >= 0 && (c.fixedOff[e * H + d] || c.maxPerType[e * S + v2] === 0)) ok = false;
        if (v1 >= 0 && (c.fixedOff[e2 * H + d] || c.maxPerType[e2 * S + v1] === 0)) ok = false;
      }
      if (!ok || !differs) continue;
      state.applySwap(e, e2, a, b);
    } else {
      const len = 1 + rnd.int(maxBlock);
      const a = rnd.int(H - len + 1), b = a + len - 1;
      const allowed = c.allowedShifts[e]!;
      const k = rnd.int(allowed.length + 1);
      const v = k === allowed.length ? -1 : allowed[k]!;
      let differs = false;
      for (let d = a; d <= b; d++) {
        const nv = c.fixedOff[e * H + d] ? -1 : v;
        vals[d - a] = nv;
        if (nv !== state.x[e * H + d]) differs = true;
      }
      if (!differs) continue;
      state.applyBlock(e, a, b, vals);
    }
    }
    const next = state.cost(hw);
    const delta = next - cur;
    if (delta <= 0 || rnd.next() < Math.exp(-delta / temp)) {
      cur = next;
      if (state.feasible && state.soft < bestObj) record();
    } else {
      state.undo();
    }
  }
  return {
    best: haveBest ? best : null,
    objective: haveBest ? bestObj : Infinity,
    iterations: it,
    firstFeasibleMs,
    finalHard: state.hardUnits + state.hardMinutes / c.minuteScale,
  };
}
