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
  /** Number of succession classes (shift types with the same forbidden successors share one). */
  readonly G: number;
  readonly W: number;
  readonly O: number;
  readonly off0: number;
  /** Number of sequence states. */
  readonly total: number;
  /** Minute units tracked (1 = minutes not tracked). */
  readonly M: number;
  /** Weekends-worked counts tracked (0..K-1; 1 = not tracked, priced instead). */
  readonly K: number;
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
  /** choice[d*N+k] = shift type worked on day d in state k (-1 = off). */
  private readonly choice: Int8Array | Int16Array;
  /** Succession class of each shift type and the forbidden table per class: fbClass[g*S+s]. */
  private readonly cls: Int32Array;
  private readonly fbClass: Uint8Array;
  private readonly G: number;
  private readonly cw: Float64Array; // shift cost if previous day worked
  private readonly co: Float64Array; // shift cost if previous day off
  readonly row: Int32Array;

  constructor(st: SearchState) {
    this.st = st;
    const c = st.c;
    // shift types whose rows of forbidden successors are equal behave the same as "yesterday's
    // shift", so the DP state only needs their class (exact, and much smaller with many types)
    const keys = new Map<string, number>();
    this.cls = new Int32Array(c.S);
    const reps: number[] = [];
    for (let s = 0; s < c.S; s++) {
      const key = Array.from(c.forbidden.subarray(s * c.S, (s + 1) * c.S)).join('');
      let g = keys.get(key);
      if (g === undefined) { g = reps.length; keys.set(key, g); reps.push(s); }
      this.cls[s] = g;
    }
    this.G = reps.length;
    this.fbClass = new Uint8Array(this.G * c.S);
    reps.forEach((r, g) => this.fbClass.set(c.forbidden.subarray(r * c.S, (r + 1) * c.S), g * c.S));
    this.layouts = [];
    let maxStates = 0;
    for (let e = 0; e < c.E; e++) {
      const l = this.makeLayout(e);
      this.layouts.push(l);
      maxStates = Math.max(maxStates, l.total * l.M * l.K);
    }
    this.dayCost = new Float64Array(c.H * (c.S + 1));
    this.costA = new Float64Array(maxStates);
    this.costB = new Float64Array(maxStates);
    this.pred = new Int32Array(c.H * maxStates);
    this.choice = c.S < 127 ? new Int8Array(c.H * maxStates) : new Int16Array(c.H * maxStates);
    this.cw = new Float64Array(c.S);
    this.co = new Float64Array(c.S);
    this.row = new Int32Array(c.H);
    this.trial = new Int32Array(c.H);
    this.rtRho = new Float64Array(c.S);
  }

  /** Which resources the DP for employee e handles exactly (the rest are priced by multipliers). */
  exactFor(e: number): { readonly minutes: boolean; readonly weekends: boolean } {
    const l = this.layouts[e]!;
    return { minutes: l.M > 1, weekends: l.K > 1 };
  }

  /** Average DP work (state transitions) per optimize() call, assuming four passes. */
  averageWork(): number {
    const c = this.st.c;
    let sum = 0;
    for (const l of this.layouts) sum += l.total * l.M * l.K * (c.S + 1) * c.H * (l.K > 1 && l.M > 1 ? 2 : 4);
    return sum / Math.max(1, this.layouts.length);
  }

  /** State layout for employee e: work states g*(W*2) + (r-1)*2 + f (g = succession class of the last shift), then off states; × M. */
  private makeLayout(e: number): Layout {
    const c = this.st.c;
    const G = this.G;
    const W = Math.max(1, Math.min(c.maxWork[e]!, c.H));
    const O = Math.max(1, Math.min(c.maxOff[e]! < c.H ? c.maxOff[e]! : c.minOff[e]!, c.H));
    const off0 = G * W * 2;
    const total = off0 + O * 2;
    let unit = 0, maxLen = 0;
    for (let s = 0; s < c.S; s++) {
      if (c.maxPerType[e * c.S + s] === 0) continue;
      unit = gcd(unit, c.length[s]!);
      maxLen = Math.max(maxLen, c.length[s]!);
    }
    // exact minutes and/or exact weekend counts when the DP stays within budget
    const weekendsInHorizon = c.W;
    const K = c.maxWeekends[e]! < weekendsInHorizon ? c.maxWeekends[e]! + 1 : 1;
    const work = (m: number, k: number): number => total * m * k * (c.S + 1) * c.H;
    let M = 1;
    if (unit > 0) M = Math.floor(Math.min(c.maxMinutes[e]!, maxLen * c.H) / unit) + 1;
    const exact = { G, W, O, off0, total, unit, mMin: Math.ceil(c.minMinutes[e]! / Math.max(1, unit)) };
    const none = { G, W, O, off0, total, M: 1, K: 1, unit: 0, mMin: 0 };
    if (M > 1 && K > 1 && work(M, K) <= EXACT_BUDGET) return { ...exact, M, K };
    if (M > 1 && work(M, 1) <= EXACT_BUDGET) return { ...exact, M, K: 1 };
    if (K > 1 && work(1, K) <= EXACT_BUDGET) return { ...none, K };
    return none;
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
    const { G, W, O, off0, total, M, K, unit, mMin } = this.layouts[e]!;
    // state index: seq * Q + m * K + k (seq = run state, m = minute units, k = weekends worked)
    const Q = M * K;
    const N = total * Q;
    const cls = this.cls, choice = this.choice;
    const minW = c.minWork[e]!, minO = c.minOff[e]!, maxO = c.maxOff[e]!;
    const offBounded = maxO < H;
    const fb = this.fbClass;
    const du = new Int32Array(S);
    for (let s = 0; s < S; s++) du[s] = unit > 0 ? c.length[s]! / unit : 0;
    let cost = this.costA, next = this.costB;
    const pred = this.pred;
    const cw = this.cw, co = this.co;
    let incW = 0, incO = 0; // weekend-count increments when working today after work / after off
    const fillCosts = (d: number): void => {
      const w = c.weekendOf[d]!;
      const contWeekend = d > 0 && w >= 0 && c.weekendOf[d - 1] === w;
      incO = K > 1 && w >= 0 ? 1 : 0;
      incW = K > 1 && w >= 0 && !contWeekend ? 1 : 0;
      const pm = K > 1 ? 0 : mu;
      // the search's price on weekends worked on one day only (SearchState.guide): charged on
      // the first day worked, taken back when the second day follows it
      const g = this.st.guide;
      const gw = g === 0 || w < 0 ? 0 : contWeekend ? -g : d + 1 < H && c.weekendOf[d + 1] === w ? g : 0;
      const go = g === 0 || w < 0 ? 0 : contWeekend ? g : gw;
      for (let s = 0; s < S; s++) {
        const v = this.dayCost[d * V + s + 1]! + lambda * c.length[s]! + rho[s]!;
        co[s] = (w >= 0 ? v + pm : v) + go;
        cw[s] = (w >= 0 && !contWeekend ? v + pm : v) + gw;
      }
    };
    cost.fill(Infinity, 0, N);
    fillCosts(0);
    // day 0: runs starting at day 0 are exempt from minimum lengths (flag 1)
    for (let s = 0; s < S; s++) {
      const v = co[s]!;
      if (v < Infinity && du[s]! < M && incO < K) {
        const k = (cls[s]! * W * 2 + 1) * Q + du[s]! * K + incO;
        if (v < cost[k]!) { cost[k] = v; pred[k] = -1; choice[k] = s; }
      }
    }
    { const k = (off0 + 1) * Q; cost[k] = this.dayCost[0]!; pred[k] = -1; choice[k] = -1; }
    for (let d = 1; d < H; d++) {
      next.fill(Infinity, 0, N);
      fillCosts(d);
      const pbase = d * N;
      const offCost = this.dayCost[d * V]!;
      // from work states
      for (let g = 0; g < G; g++) {
        for (let r = 1; r <= W; r++) {
          for (let f = 0; f < 2; f++) {
            const kb = (g * W * 2 + (r - 1) * 2 + f) * Q;
            const toOff = f === 1 || r >= minW;
            const canWork = r + 1 <= W;
            const workBase = (r * 2 + f) * Q;
            for (let m = 0, q = 0; m < M; m++) {
              for (let kk = 0; kk < K; kk++, q++) {
                const base = cost[kb + q]!;
                if (base === Infinity) continue;
                if (toOff) {
                  const nk = off0 * Q + q;
                  const v = base + offCost;
                  if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = kb + q; choice[pbase + nk] = -1; }
                }
                if (canWork && kk + incW < K) {
                  for (let s2 = 0; s2 < S; s2++) {
                    if (fb[g * S + s2]) continue;
                    const sc = cw[s2]!;
                    if (sc === Infinity) continue;
                    const dm = du[s2]!;
                    if (m + dm >= M) continue;
                    const nk = cls[s2]! * W * 2 * Q + workBase + q + dm * K + incW;
                    const v = base + sc;
                    if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = kb + q; choice[pbase + nk] = s2; }
                  }
                }
              }
            }
          }
        }
      }
      // from off states
      for (let r = 1; r <= O; r++) {
        for (let f = 0; f < 2; f++) {
          const kb = (off0 + (r - 1) * 2 + f) * Q;
          const toWork = f === 1 || r >= minO;
          let nr = r + 1;
          let canRest = true;
          if (nr > O) { if (offBounded) canRest = false; nr = O; }
          for (let m = 0, q = 0; m < M; m++) {
            for (let kk = 0; kk < K; kk++, q++) {
              const base = cost[kb + q]!;
              if (base === Infinity) continue;
              if (toWork && kk + incO < K) {
                for (let s2 = 0; s2 < S; s2++) {
                  const sc = co[s2]!;
                  if (sc === Infinity) continue;
                  const dm = du[s2]!;
                  if (m + dm >= M) continue;
                  const nk = cls[s2]! * W * 2 * Q + q + dm * K + incO;
                  const v = base + sc;
                  if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = kb + q; choice[pbase + nk] = s2; }
                }
              }
              if (canRest) {
                const nk = (off0 + (nr - 1) * 2 + f) * Q + q;
                const v = base + offCost;
                if (v < next[nk]!) { next[nk] = v; pred[pbase + nk] = kb + q; choice[pbase + nk] = -1; }
              }
            }
          }
        }
      }
      const t = cost; cost = next; next = t;
    }
    // any final sequence state is fine (runs touching the end are exempt from minimums)
    let bestK = -1, best = Infinity;
    for (let k = 0; k < N; k++) {
      if (M > 1 && Math.floor((k % Q) / K) < mMin) continue;
      if (cost[k]! < best) { best = cost[k]!; bestK = k; }
    }
    if (bestK < 0) return false;
    let k = bestK;
    for (let d = H - 1; d >= 0; d--) {
      this.row[d] = choice[d * N + k]!;
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
    // total minutes (when not exact): bracket search on the price per minute; the row's minutes
    // fall as the price rises, so keep the largest price seen too low and the smallest too high
    let lamLo = -Infinity, lamHi = Infinity;
    let span = (c.maxSoftWeight * 0.5) / c.minuteScale;
    // weekends (when not exact): bracket search on the price per weekend worked, likewise
    const exactWeekends = this.layouts[e]!.K > 1;
    let muLo = 0, muHi = Infinity;
    const muSpan = c.maxSoftWeight * 0.1;
    const bestRow = new Int32Array(H);
    let found = false;
    let bestScore = Infinity;
    let bestViolation = Infinity;
    let forced = false;
    let retypes = 0;
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
      let violation = (under ? c.minMinutes[e]! - minutes : over ? minutes - c.maxMinutes[e]! : 0) / c.minuteScale + wkExcess + typeExcess;
      let base = 0;
      for (let d = 0; d < H; d++) base += this.dayCost[d * (S + 1) + this.row[d]! + 1]!;
      if (violation > 0 && !exactMinutes && wkExcess === 0 && (under || over) && retypes < 2) {
        // the minutes are outside the window: change shift types on the worked days only
        // (same days worked, so runs and weekends stay as they are) to hit it exactly
        const trial = this.trial;
        retypes++;
        const rt = this.rtRho;
        rt.set(rho);
        for (let tries = 0; tries < 3; tries++) {
          trial.set(this.row);
          if (!this.retype(e, trial, rt)) break;
          // shift types pushed over their maximum get a high price, and the retyping is repeated
          let excess = false;
          const cnt = new Int32Array(S);
          for (let d = 0; d < H; d++) if (trial[d]! >= 0) cnt[trial[d]!]!++;
          for (let s = 0; s < S; s++) if (cnt[s]! > c.maxPerType[e * S + s]! && cnt[s]! > counts[s]!) { rt[s] = rt[s]! + hardWeight; excess = true; }
          if (!excess) break;
        }
        {
          const v2 = this.violationOf(e, trial);
          if (v2 < violation - 1e-9) {
            violation = v2;
            this.row.set(trial);
            base = 0;
            for (let d = 0; d < H; d++) base += this.dayCost[d * (S + 1) + this.row[d]! + 1]!;
          }
        }
      }
      // prefer rows without violations; among equals, the cheapest
      const score = base + hardWeight * violation;
      if (violation < bestViolation - 1e-9 || (violation <= bestViolation + 1e-9 && score < bestScore)) {
        bestViolation = violation; bestScore = score; bestRow.set(this.row); found = true;
      }
      if (violation === 0) break;
      if (!exactWeekends && !forced && wkExcess > 0 && p >= 1) {
        // pricing did not bring the weekends down: forbid the least valuable weekends outright
        // (all but maxWeekends of them), which makes the weekend maximum exact from here on
        this.forbidWeekends(e);
        forced = true;
        mu = 0;
        lamLo = -Infinity; lamHi = Infinity; span = (c.maxSoftWeight * 0.5) / c.minuteScale;
        continue;
      }
      // subgradient step on the multipliers (diminishing step, amounts clamped)
      const step = (c.maxSoftWeight * 0.5) / (1 + 0.5 * p);
      const clamp = (x: number): number => Math.max(-3, Math.min(3, x));
      if (!exactMinutes && (under || over)) {
        if (under) lamHi = Math.min(lamHi, lambda); else lamLo = Math.max(lamLo, lambda);
        if (lamLo > -Infinity && lamHi < Infinity) lambda = (lamLo + lamHi) / 2;
        else { lambda = under ? lamHi - span : lamLo + span; span *= 2; }
      }
      if (!exactWeekends) {
        if (weekends > c.maxWeekends[e]!) {
          muLo = Math.max(muLo, mu);
          mu = muHi < Infinity ? (muLo + muHi) / 2 : mu > 0 ? mu * 2 : muSpan;
        } else if (under && weekends < c.maxWeekends[e]! && mu > 0) {
          muHi = Math.min(muHi, mu);
          mu = (muLo + muHi) / 2;
        }
      }
      for (let s = 0; s < S; s++) rho[s] = Math.max(0, rho[s]! + step * clamp(counts[s]! - c.maxPerType[e * S + s]!));
    }
    if (found) this.row.set(bestRow);
    return found;
  }

  /** Hard violation of a row of employee e in the units optimize() uses (minutes, weekends, type maxima). */
  violationOf(e: number, row: Int32Array): number {
    const c = this.st.c;
    const { H, S } = c;
    let minutes = 0, weekends = 0, lastW = -1, typeExcess = 0;
    const counts = new Int32Array(S);
    for (let d = 0; d < H; d++) {
      const s = row[d]!;
      if (s < 0) continue;
      minutes += c.length[s]!;
      counts[s]!++;
      const w = c.weekendOf[d]!;
      if (w >= 0 && w !== lastW) { weekends++; lastW = w; }
    }
    for (let s = 0; s < S; s++) typeExcess += Math.max(0, counts[s]! - c.maxPerType[e * S + s]!);
    const dev = minutes < c.minMinutes[e]! ? c.minMinutes[e]! - minutes : minutes > c.maxMinutes[e]! ? minutes - c.maxMinutes[e]! : 0;
    return dev / c.minuteScale + Math.max(0, weekends - c.maxWeekends[e]!) + typeExcess;
  }

  /** Sets dayCost to Infinity for every shift on the W − maxWeekends weekends where working gains least. */
  private forbidWeekends(e: number): void {
    const c = this.st.c;
    const { H, S } = c;
    const V = S + 1;
    const gain = new Float64Array(c.W).fill(Infinity);
    for (let d = 0; d < H; d++) {
      const w = c.weekendOf[d]!;
      if (w < 0) continue;
      let best = Infinity;
      for (let s = 0; s < S; s++) best = Math.min(best, this.dayCost[d * V + s + 1]! - this.dayCost[d * V]!);
      gain[w] = gain[w] === Infinity ? best : Math.min(gain[w]!, best);
    }
    const order = Array.from({ length: c.W }, (_, w) => w).sort((a, b) => gain[b]! - gain[a]! || a - b);
    const banned = new Uint8Array(c.W);
    for (let i = 0; i < c.W - c.maxWeekends[e]!; i++) banned[order[i]!] = 1;
    for (let d = 0; d < H; d++) {
      const w = c.weekendOf[d]!;
      if (w >= 0 && banned[w]) for (let s = 0; s < S; s++) this.dayCost[d * V + s + 1] = Infinity;
    }
  }

  /**
   * Re-chooses the shift types of `row`'s worked days for employee e (see retype) against the
   * current marginal day costs; for tests and callers outside optimize().
   */
  retypeRow(e: number, row: Int32Array, hardWeight: number): boolean {
    this.computeDayCosts(e, hardWeight);
    return this.retype(e, row, new Float64Array(this.st.c.S));
  }

  private readonly trial: Int32Array;
  private readonly rtRho: Float64Array;
  private rtCost = new Float64Array(0);
  private rtNext = new Float64Array(0);
  private rtPred = new Int32Array(0);
  private rtChoice = new Int16Array(0);

  /**
   * Re-chooses the shift type on each worked day of `row` (days off stay off) so that the total
   * minutes land in employee e's window, at least cost (day costs plus type prices rho), keeping
   * forbidden successions exact. The state is (succession class of yesterday, change of minutes
   * in units of the gcd of shift lengths). Writes the result into `row`; false if none exists.
   */
  retype(e: number, row: Int32Array, rho: Float64Array): boolean {
    const c = this.st.c;
    const { H, S } = c;
    const V = S + 1;
    const G = this.G;
    let unit = 0, m0 = 0;
    for (let s = 0; s < S; s++) if (c.maxPerType[e * S + s]! > 0) unit = gcd(unit, c.length[s]!);
    if (unit === 0) return false;
    for (let d = 0; d < H; d++) if (row[d]! >= 0) m0 += c.length[row[d]!]!;
    const needLo = Math.ceil((c.minMinutes[e]! - m0) / unit), needHi = Math.floor((c.maxMinutes[e]! - m0) / unit);
    if (needLo > needHi) return false;
    if (needLo <= 0 && needHi >= 0) return true;
    const slack = 4;
    const dMin = Math.min(0, needLo) - slack, dMax = Math.max(0, needHi) + slack;
    const R = dMax - dMin + 1;
    if (R > 96) return false;
    const N = (G + 1) * R;
    if (this.rtCost.length < N) { this.rtCost = new Float64Array(N); this.rtNext = new Float64Array(N); }
    if (this.rtPred.length < H * N) { this.rtPred = new Int32Array(H * N); this.rtChoice = new Int16Array(H * N); }
    let cost = this.rtCost, next = this.rtNext;
    const pred = this.rtPred, choice = this.rtChoice;
    const cls = this.cls, fb = this.fbClass;
    cost.fill(Infinity, 0, N);
    cost[G * R - dMin] = 0; // yesterday off, no change yet
    for (let d = 0; d < H; d++) {
      next.fill(Infinity, 0, N);
      const base = d * N;
      const cur = row[d]!;
      if (cur < 0) {
        const oc = this.dayCost[d * V]!;
        for (let k = 0; k < N; k++) {
          const v = cost[k]!;
          if (v === Infinity) continue;
          const nk = G * R + (k % R);
          if (v + oc < next[nk]!) { next[nk] = v + oc; pred[base + nk] = k; choice[base + nk] = -1; }
        }
      } else {
        const curU = c.length[cur]! / unit;
        for (let k = 0; k < N; k++) {
          const v = cost[k]!;
          if (v === Infinity) continue;
          const g = Math.floor(k / R), dl = k % R;
          for (let s = 0; s < S; s++) {
            const sc = this.dayCost[d * V + s + 1]!;
            if (sc === Infinity || (g < G && fb[g * S + s])) continue;
            const nd = dl + c.length[s]! / unit - curU;
            if (nd < 0 || nd >= R) continue;
            const nk = cls[s]! * R + nd;
            const nv = v + sc + rho[s]!;
            if (nv < next[nk]!) { next[nk] = nv; pred[base + nk] = k; choice[base + nk] = s; }
          }
        }
      }
      const t = cost; cost = next; next = t;
    }
    let bestK = -1, best = Infinity;
    for (let g = 0; g <= G; g++) {
      for (let dl = needLo - dMin; dl <= needHi - dMin; dl++) {
        if (dl < 0 || dl >= R) continue;
        const k = g * R + dl;
        if (cost[k]! < best) { best = cost[k]!; bestK = k; }
      }
    }
    if (bestK < 0) return false;
    for (let d = H - 1, k = bestK; d >= 0; d--) {
      row[d] = choice[d * N + k]!;
      k = pred[d * N + k]!;
    }
    return true;
  }
}
