// Re-optimises one employee's whole row with the other employees fixed, by dynamic
// programming over days. The state (last shift or off, length of the current run, whether the
// run started on day 0) enforces forbidden successions, fixed days off, allowed shifts and
// min/max consecutive working days and days off exactly. Resource limits (total minutes,
// maximum per shift type, maximum weekends) are priced in with Lagrange-style multipliers that
// are adjusted over a few passes; the caller evaluates the returned row exactly.
import type { SearchState } from './state.ts';

export class RowOptimizer {
  private readonly st: SearchState;
  private readonly dayCost: Float64Array; // [d*(S+1)+v]
  private readonly cost: Float64Array;
  private readonly pred: Int32Array;
  private readonly nextCost: Float64Array;
  readonly row: Int32Array;

  constructor(st: SearchState) {
    this.st = st;
    const c = st.c;
    let maxStates = 0;
    for (let e = 0; e < c.E; e++) maxStates = Math.max(maxStates, this.layout(e).total);
    this.dayCost = new Float64Array(c.H * (c.S + 1));
    this.cost = new Float64Array(maxStates);
    this.nextCost = new Float64Array(maxStates);
    this.pred = new Int32Array(c.H * maxStates);
    this.row = new Int32Array(c.H);
  }

  /** State layout for employee e: work states s*(W*2) + (r-1)*2 + f, then off states. */
  private layout(e: number): { W: number; O: number; off0: number; total: number } {
    const c = this.st.c;
    const W = Math.max(1, Math.min(c.maxWork[e]!, c.H));
    const O = Math.max(1, Math.min(c.maxOff[e]! < c.H ? c.maxOff[e]! : c.minOff[e]!, c.H));
    const off0 = c.S * W * 2;
    return { W, O, off0, total: off0 + O * 2 };
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
    const { W, O, off0, total } = this.layout(e);
    const minW = c.minWork[e]!, maxW = c.maxWork[e]!, minO = c.minOff[e]!, maxO = c.maxOff[e]!;
    const offBounded = maxO < H;
    let cost = this.cost, next = this.nextCost;
    const pred = this.pred;
    const shiftCost = (d: number, s: number, prevWorked: boolean): number => {
      let v = this.dayCost[d * V + s + 1]! + lambda * c.length[s]! + rho[s]!;
      const w = c.weekendOf[d]!;
      if (w >= 0 && mu !== 0 && !(prevWorked && d > 0 && c.weekendOf[d - 1] === w)) v += mu;
      return v;
    };
    cost.fill(Infinity, 0, total);
    // day 0: runs starting at day 0 are exempt from minimum lengths (flag 1)
    for (let s = 0; s < S; s++) {
      const v = shiftCost(0, s, false);
      if (v < Infinity) { const k = s * W * 2 + 0 * 2 + 1; cost[k] = v; pred[k] = -1; }
    }
    { const k = off0 + 0 * 2 + 1; cost[k] = this.dayCost[0]!; pred[k] = -1; }
    for (let d = 1; d < H; d++) {
      next.fill(Infinity, 0, total);
      const pbase = d * total;
      const offCost = this.dayCost[d * V]!;
      // from work states
      for (let s = 0; s < S; s++) {
        for (let r = 1; r <= W; r++) {
          for (let f = 0; f < 2; f++) {
            const k = s * W * 2 + (r - 1) * 2 + f;
            const base = cost[k]!;
            if (base === Infinity) continue;
            // -> off (the work run ends: check min length unless it started on day 0)
            if (f === 1 || r >= minW) {
              const nk = off0 + 0;
              const v = base + offCost;
              if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = k; }
            }
            // -> work s2
            if (r + 1 <= maxW && r + 1 <= W) {
              const fb = c.forbidden;
              for (let s2 = 0; s2 < S; s2++) {
                if (fb[s * S + s2]) continue;
                const sc = shiftCost(d, s2, true);
                if (sc === Infinity) continue;
                const nk = s2 * W * 2 + r * 2 + f;
                const v = base + sc;
                if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = k; }
              }
            }
          }
        }
      }
      // from off states
      for (let r = 1; r <= O; r++) {
        for (let f = 0; f < 2; f++) {
          const k = off0 + (r - 1) * 2 + f;
          const base = cost[k]!;
          if (base === Infinity) continue;
          if (f === 1 || r >= minO) {
            for (let s2 = 0; s2 < S; s2++) {
              const sc = shiftCost(d, s2, false);
              if (sc === Infinity) continue;
              const nk = s2 * W * 2 + 0 * 2 + 0;
              const v = base + sc;
              if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = k; }
            }
          }
          let nr = r + 1;
          if (nr > O) { if (offBounded) continue; nr = O; }
          const nk = off0 + (nr - 1) * 2 + f;
          const v = base + offCost;
          if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = k; }
        }
      }
      const t = cost; cost = next; next = t;
    }
    // any final state is fine (runs touching the end are exempt from minimums)
    let bestK = -1, best = Infinity;
    for (let k = 0; k < total; k++) if (cost[k]! < best) { best = cost[k]!; bestK = k; }
    if (bestK < 0) return false;
    let k = bestK;
    for (let d = H - 1; d >= 0; d--) {
      this.row[d] = k >= off0 ? -1 : Math.floor(k / (W * 2));
      k = d > 0 ? pred[d * total + k]! : -1;
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
    this.computeDayCosts(e, hardWeight);
    const rho = new Float64Array(S);
    let lambda = 0, mu = 0;
    let lo = -(4 * c.maxSoftWeight) / Math.max(1, Math.min(...c.length)), hi = -lo;
    const bestRow = new Int32Array(H);
    let found = false;
    let bestScore = Infinity;
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
      const score = base + hardWeight * violation;
      if (score < bestScore) { bestScore = score; bestRow.set(this.row); found = true; }
      if (violation === 0) break;
      if (under) { hi = lambda; lambda = (lo + hi) / 2; }
      else if (over) { lo = lambda; lambda = (lo + hi) / 2; }
      if (wkExcess > 0) mu += hardWeight * 0.5;
      for (let s = 0; s < S; s++) if (counts[s]! > c.maxPerType[e * S + s]!) rho[s]! += hardWeight * 0.5;
    }
    if (found) this.row.set(bestRow);
    return found;
  }
}
