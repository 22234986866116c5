// Re-optimises one employee's whole row with the other employees fixed, by dynamic
// programming over days. The state (last shift or off, length of the current run, whether the
// run started on day 0) enforces forbidden successions, fixed days off, allowed shifts and
// min/max consecutive working days and days off exactly. Total minutes are part of the state
// too (in units of the gcd of shift lengths) when that keeps the DP small, which makes the
// minutes window exact; otherwise they are priced with a Lagrange multiplier found by
// subgradient steps. Maximum per shift type and maximum weekends are priced with multipliers
// adjusted the same way over a few passes. The caller evaluates the returned row exactly.
import type { SearchState } from './state.ts';

/** Work (states × minute units × values × days) allowed for the exact-minutes DP. */
const EXACT_BUDGET = 4_000_000;

interface Layout {
  readonly W: number;
  readonly O: number;
  readonly off0: number;
  /** Number of sequence states. */
  readonly total: number;
  /** Minute units tracked (1 = minutes not tracked). */
  readonly M: number;
  readonly unit: number;
  readonly mMin: number;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export class RowOptimizer {
  private readonly st: SearchState;
  private readonly layouts: Layout[];
  private readonly dayCost: Float64Array; // [d*(S+1)+v]
  private readonly costA: Float64Array;
  private readonly costB: Float64Array;
  private readonly pred: Int32Array;
  private readonly cw: Float64Array; // shift cost if previous day worked
  private readonly co: Float64Array; // shift cost if previous day off
  readonly row: Int32Array;

  constructor(st: SearchState) {
    this.st = st;
    const c = st.c;
    this.layouts = [];
    let maxStates = 0;
    for (let e = 0; e < c.E; e++) {
      const l = this.makeLayout(e);
      this.layouts.push(l);
      maxStates = Math.max(maxStates, l.total * l.M);
    }
    this.dayCost = new Float64Array(c.H * (c.S + 1));
    this.costA = new Float64Array(maxStates);
    this.costB = new Float64Array(maxStates);
    this.pred = new Int32Array(c.H * maxStates);
    this.cw = new Float64Array(c.S);
    this.co = new Float64Array(c.S);
    this.row = new Int32Array(c.H);
  }

  /** Average DP work (state transitions) per optimize() call, assuming four passes. */
  averageWork(): number {
    const c = this.st.c;
    let sum = 0;
    for (const l of this.layouts) sum += l.total * l.M * (c.S + 1) * c.H * 4;
    return sum / Math.max(1, this.layouts.length);
  }

  /** State layout for employee e: work states s*(W*2) + (r-1)*2 + f, then off states; × M. */
  private makeLayout(e: number): Layout {
    const c = this.st.c;
    const W = Math.max(1, Math.min(c.maxWork[e]!, c.H));
    const O = Math.max(1, Math.min(c.maxOff[e]! < c.H ? c.maxOff[e]! : c.minOff[e]!, c.H));
    const off0 = c.S * W * 2;
    const total = off0 + O * 2;
    let unit = 0, maxLen = 0;
    for (let s = 0; s < c.S; s++) {
      if (c.maxPerType[e * c.S + s] === 0) continue;
      unit = gcd(unit, c.length[s]!);
      maxLen = Math.max(maxLen, c.length[s]!);
    }
    if (unit > 0) {
      const cap = Math.min(c.maxMinutes[e]!, maxLen * c.H);
      const M = Math.floor(cap / unit) + 1;
      if (M > 1 && total * M * (c.S + 1) * c.H <= EXACT_BUDGET) {
        return { W, O, off0, total, M, unit, mMin: Math.ceil(c.minMinutes[e]! / unit) };
      }
    }
    return { W, O, off0, total, M: 1, unit: 0, mMin: 0 };
  }

  /** Marginal cost of each value on each day for employee e given everyone else. */
  private computeDayCosts(e: number, hardWeight: number): void {
    const st = this.st, c = st.c;
    const { H, S, E } = c;
    const V = S + 1;
    for (let d = 0; d < H; d++) {
      const cur = st.x[e * H + d]!;
      const wbase = (e * H + d) * V;
      this.dayCost[d * V] = c.wishCost[wbase]!;
      for (let s = 0; s < S; s++) {
        if (c.fixedOff[e * H + d] || c.maxPerType[e * S + s] === 0) { this.dayCost[d * V + s + 1] = Infinity; continue; }
        const i = d * S + s;
        const n = st.count[i]! - (cur === s ? 1 : 0);
        let v = c.wishCost[wbase + s + 1]! + st.coverCost(i, n + 1) - st.coverCost(i, n);
        const rows = c.compByCell[i]!;
        for (let k = 0; k < rows.length; k++) {
          const r = rows[k]!;
          if (!c.compEligible[r * E + e]) continue;
          const m = st.compCount[r]! - (cur === s ? 1 : 0);
          if (m < c.compMinimum[r]!) v -= c.compWeight[r]! < 0 ? hardWeight : c.compWeight[r]!;
        }
        this.dayCost[d * V + s + 1] = v;
      }
    }
  }

  /** One DP pass with multipliers; writes the row into this.row. Returns false if no row exists. */
  private pass(e: number, lambda: number, mu: number, rho: Float64Array): boolean {
    const c = this.st.c;
    const { H, S } = c;
    const V = S + 1;
    const { W, O, off0, total, M, unit, mMin } = this.layouts[e]!;
    const N = total * M;
    const minW = c.minWork[e]!, maxW = c.maxWork[e]!, minO = c.minOff[e]!, maxO = c.maxOff[e]!;
    const offBounded = maxO < H;
    const fb = c.forbidden;
    const du = new Int32Array(S);
    for (let s = 0; s < S; s++) du[s] = unit > 0 ? c.length[s]! / unit : 0;
    let cost = this.costA, next = this.costB;
    const pred = this.pred;
    const cw = this.cw, co = this.co;
    const fillCosts = (d: number): void => {
      const w = c.weekendOf[d]!;
      const contWeekend = d > 0 && w >= 0 && c.weekendOf[d - 1] === w;
      for (let s = 0; s < S; s++) {
        const v = this.dayCost[d * V + s + 1]! + lambda * c.length[s]! + rho[s]!;
        co[s] = w >= 0 ? v + mu : v;
        cw[s] = w >= 0 && !contWeekend ? v + mu : v;
      }
    };
    cost.fill(Infinity, 0, N);
    fillCosts(0);
    // day 0: runs starting at day 0 are exempt from minimum lengths (flag 1)
    for (let s = 0; s < S; s++) {
      const v = co[s]!;
      if (v < Infinity && du[s]! < M || M === 1 && v < Infinity) {
        const k = (s * W * 2 + 1) * M + (M > 1 ? du[s]! : 0);
        cost[k] = v; pred[k] = -1;
      }
    }
    { const k = (off0 + 1) * M; cost[k] = this.dayCost[0]!; pred[k] = -1; }
    for (let d = 1; d < H; d++) {
      next.fill(Infinity, 0, N);
      fillCosts(d);
      const pbase = d * N;
      const offCost = this.dayCost[d * V]!;
      // from work states
      for (let s = 0; s < S; s++) {
        for (let r = 1; r <= W; r++) {
          for (let f = 0; f < 2; f++) {
            const kb = (s * W * 2 + (r - 1) * 2 + f) * M;
            const toOff = f === 1 || r >= minW;
            const canWork = r + 1 <= maxW && r + 1 <= W;
            for (let m = 0; m < M; m++) {
              const base = cost[kb + m]!;
              if (base === Infinity) continue;
              if (toOff) {
                const nk = off0 * M + m;
                const v = base + offCost;
                if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = kb + m; }
              }
              if (canWork) {
                for (let s2 = 0; s2 < S; s2++) {
                  if (fb[s * S + s2]) continue;
                  const sc = cw[s2]!;
                  if (sc === Infinity) continue;
                  const m2 = m + du[s2]!;
                  if (m2 >= M && M > 1) continue;
                  const nk = (s2 * W * 2 + r * 2 + f) * M + (M > 1 ? m2 : 0);
                  const v = base + sc;
                  if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = kb + m; }
                }
              }
            }
          }
        }
      }
      // from off states
      for (let r = 1; r <= O; r++) {
        for (let f = 0; f < 2; f++) {
          const kb = (off0 + (r - 1) * 2 + f) * M;
          const toWork = f === 1 || r >= minO;
          let nr = r + 1;
          let canRest = true;
          if (nr > O) { if (offBounded) canRest = false; nr = O; }
          for (let m = 0; m < M; m++) {
            const base = cost[kb + m]!;
            if (base === Infinity) continue;
            if (toWork) {
              for (let s2 = 0; s2 < S; s2++) {
                const sc = co[s2]!;
                if (sc === Infinity) continue;
                const m2 = m + du[s2]!;
                if (m2 >= M && M > 1) continue;
                const nk = (s2 * W * 2) * M + (M > 1 ? m2 : 0);
                const v = base + sc;
                if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = kb + m; }
              }
            }
            if (canRest) {
              const nk = (off0 + (nr - 1) * 2 + f) * M + m;
              const v = base + offCost;
              if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = kb + m; }
            }
          }
        }
      }
      const t = cost; cost = next; next = t;
    }
    // any final sequence state is fine (runs touching the end are exempt from minimums)
    let bestK = -1, best = Infinity;
    for (let k = 0; k < N; k++) {
      if (M > 1 && k % M < mMin) continue;
      if (cost[k]! < best) { best = cost[k]!; bestK = k; }
    }
    if (bestK < 0) return false;
    let k = bestK;
    for (let d = H - 1; d >= 0; d--) {
      const sk = Math.floor(k / M);
      this.row[d] = sk >= off0 ? -1 : Math.floor(sk / (W * 2));
      k = d > 0 ? pred[d * N + k]! : -1;
    }
    return true;
  }

  /**
   * Computes a good row for employee e into this.row (not applied). Returns false if the DP
   * found no row satisfying the sequence constraints.
   */
  optimize(e: number, hardWeight: number, passes: number): boolean {
    const c = this.st.c;
    const { H, S } = c;
    const exactMinutes = this.layouts[e]!.M > 1;
    this.computeDayCosts(e, hardWeight);
    const rho = new Float64Array(S);
    let lambda = 0, mu = 0;
    const bestRow = new Int32Array(H);
    let found = false;
    let bestScore = Infinity;
    let bestViolation = Infinity;
    for (let p = 0; p < passes; p++) {
      if (!this.pass(e, lambda, mu, rho)) break;
      // measure resource use of this row
      let minutes = 0, weekends = 0, lastW = -1, typeExcess = 0;
      const counts = new Int32Array(S);
      for (let d = 0; d < H; d++) {
        const s = this.row[d]!;
        if (s < 0) continue;
        minutes += c.length[s]!;
        counts[s]!++;
        const w = c.weekendOf[d]!;
        if (w >= 0 && w !== lastW) { weekends++; lastW = w; }
      }
      for (let s = 0; s < S; s++) typeExcess += Math.max(0, counts[s]! - c.maxPerType[e * S + s]!);
      const under = minutes < c.minMinutes[e]!, over = minutes > c.maxMinutes[e]!;
      const wkExcess = Math.max(0, weekends - c.maxWeekends[e]!);
      const violation = (under ? c.minMinutes[e]! - minutes : over ? minutes - c.maxMinutes[e]! : 0) / c.minuteScale + wkExcess + typeExcess;
      let base = 0;
      for (let d = 0; d < H; d++) base += this.dayCost[d * (S + 1) + this.row[d]! + 1]!;
      // prefer rows without violations; among equals, the cheapest
      const score = base + hardWeight * violation;
      if (violation < bestViolation - 1e-9 || (violation <= bestViolation + 1e-9 && score < bestScore)) {
        bestViolation = violation; bestScore = score; bestRow.set(this.row); found = true;
      }
      if (violation === 0) break;
      // subgradient step on the multipliers (diminishing step, amounts clamped)
      const step = (c.maxSoftWeight * 0.5) / (1 + 0.5 * p);
      const clamp = (x: number): number => Math.max(-3, Math.min(3, x));
      if (!exactMinutes) {
        const excess = under ? (minutes - c.minMinutes[e]!) / c.minuteScale : over ? (minutes - c.maxMinutes[e]!) / c.minuteScale : 0;
        lambda += (step * clamp(excess)) / c.minuteScale;
      }
      mu = Math.max(0, mu + step * clamp(weekends - c.maxWeekends[e]!));
      for (let s = 0; s < S; s++) rho[s] = Math.max(0, rho[s]! + step * clamp(counts[s]! - c.maxPerType[e * S + s]!));
    }
    if (found) this.row.set(bestRow);
    return found;
  }
}
