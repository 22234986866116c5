// Incremental search state: the roster as a flat typed array plus all counters needed to
// evaluate a move's change in soft penalty and hard-violation amount in time proportional to
// the days it touches. Hard violations are measured in two integer counters (units and
// minutes) so that "feasible" is an exact test.
import type { CompiledInstance } from './compiled.ts';

export class SearchState {
  readonly c: CompiledInstance;
  /** x[e*H+d] = shift index or -1. */
  readonly x: Int32Array;
  readonly typeCount: Int32Array; // [e*S+s]
  readonly minutes: Int32Array; // [e]
  readonly weekendDays: Int32Array; // [e*W+w]
  readonly weekendsWorked: Int32Array; // [e]
  readonly count: Int32Array; // [d*S+s]
  readonly compCount: Int32Array; // [r]
  soft = 0;
  /** Hard violations other than total minutes (successions, runs, counts, weekends, hard competence). */
  hardUnits = 0;
  /** Minutes outside [min, max] total minutes, summed over employees. */
  hardMinutes = 0;
  // undo log
  private readonly undoE: Int32Array;
  private readonly undoD: Int32Array;
  private readonly undoV: Int32Array;
  private undoN = 0;
  private snapSoft = 0;
  private snapUnits = 0;
  private snapMinutes = 0;

  constructor(c: CompiledInstance) {
    this.c = c;
    this.x = new Int32Array(c.E * c.H).fill(-1);
    this.typeCount = new Int32Array(c.E * c.S);
    this.minutes = new Int32Array(c.E);
    this.weekendDays = new Int32Array(c.E * c.W);
    this.weekendsWorked = new Int32Array(c.E);
    this.count = new Int32Array(c.H * c.S);
    this.compCount = new Int32Array(c.compMinimum.length);
    this.twoDay = new Uint8Array(c.W);
    const daysIn = new Int32Array(c.W);
    for (let d = 0; d < c.H; d++) if (c.weekendOf[d]! >= 0) daysIn[c.weekendOf[d]!]!++;
    for (let w = 0; w < c.W; w++) this.twoDay[w] = daysIn[w]! >= 2 ? 1 : 0;
    const cap = 24 * c.H + 16;
    this.undoE = new Int32Array(cap);
    this.undoD = new Int32Array(cap);
    this.undoV = new Int32Array(cap);
    this.recompute();
  }

  /** Recomputes every counter and total from x (used at start and to verify incremental code). */
  recompute(): void {
    const c = this.c;
    const { E, H, S } = c;
    this.typeCount.fill(0); this.minutes.fill(0); this.weekendDays.fill(0); this.weekendsWorked.fill(0);
    this.count.fill(0); this.compCount.fill(0);
    let soft = 0;
    for (let e = 0; e < E; e++) {
      for (let d = 0; d < H; d++) {
        const s = this.x[e * H + d]!;
        soft += c.wishCost[(e * H + d) * (S + 1) + s + 1]!;
        if (s < 0) continue;
        this.typeCount[e * S + s]!++;
        this.minutes[e]! += c.length[s]!;
        const w = c.weekendOf[d]!;
        if (w >= 0 && this.weekendDays[e * c.W + w]!++ === 0) this.weekendsWorked[e]!++;
        this.count[d * S + s]!++;
        for (const r of c.compByCell[d * S + s]!) if (c.compEligible[r * E + e]) this.compCount[r]!++;
      }
    }
    let units = 0, mins = 0;
    for (let i = 0; i < H * S; i++) soft += this.coverCost(i, this.count[i]!);
    this.singles = 0;
    for (let i = 0; i < E * c.W; i++) if (this.weekendDays[i] === 1 && this.twoDay[i % c.W]) this.singles++;
    for (let r = 0; r < this.compCount.length; r++) {
      const miss = Math.max(0, c.compMinimum[r]! - this.compCount[r]!);
      if (c.compWeight[r]! < 0) units += miss; else soft += miss * c.compWeight[r]!;
    }
    for (let e = 0; e < E; e++) {
      for (let s = 0; s < S; s++) units += Math.max(0, this.typeCount[e * S + s]! - c.maxPerType[e * S + s]!);
      units += Math.max(0, this.weekendsWorked[e]! - c.maxWeekends[e]!);
      mins += this.minuteDev(e, this.minutes[e]!);
      units += this.localHard(e, 0, H - 1);
    }
    this.soft = soft; this.hardUnits = units; this.hardMinutes = mins;
  }

  coverCost(i: number, n: number): number {
    const req = this.c.requirement[i]!;
    return n < req ? (req - n) * this.c.underWeight[i]! : (n - req) * this.c.overWeight[i]!;
  }

  minuteDev(e: number, m: number): number {
    const c = this.c;
    return m < c.minMinutes[e]! ? c.minMinutes[e]! - m : m > c.maxMinutes[e]! ? m - c.maxMinutes[e]! : 0;
  }

  get feasible(): boolean {
    return this.hardUnits === 0 && this.hardMinutes === 0;
  }

  /**
   * Weekends worked on one day only, over all employees. Not part of the objective: the search
   * may add a price per such weekend (`guide`), because a weekend worked on one day uses up the
   * weekend maximum just as much as one worked on both, and where weekend cover is close to the
   * weekend capacity every such day is missing from the cover.
   */
  singles = 0;
  guide = 0;
  /** twoDay[w] = 1 if both days of weekend w lie inside the horizon. */
  private readonly twoDay: Uint8Array;

  /** Cost with the given hard weight (per violation unit), plus the guide price. */
  cost(hardWeight: number): number {
    return this.soft + hardWeight * (this.hardUnits + this.hardMinutes / this.c.minuteScale) + this.guide * this.singles;
  }

  /** Sets one cell, updating every counter and the soft/hard totals except the local run terms. */
  setCell(e: number, d: number, v: number): void {
    const c = this.c;
    const { E, H, S } = c;
    const idx = e * H + d;
    const old = this.x[idx]!;
    if (old === v) return;
    const wbase = idx * (S + 1);
    this.soft += c.wishCost[wbase + v + 1]! - c.wishCost[wbase + old + 1]!;
    const w = c.weekendOf[d]!;
    let m = this.minutes[e]!;
    const devBefore = this.minuteDev(e, m);
    if (old >= 0) {
      const t = e * S + old;
      if (this.typeCount[t]!-- > c.maxPerType[t]!) this.hardUnits--;
      m -= c.length[old]!;
      const i = d * S + old;
      const n = this.count[i]!--;
      this.soft += n <= c.requirement[i]! ? c.underWeight[i]! : -c.overWeight[i]!;
      const rows = c.compByCell[i]!;
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k]!;
        if (!c.compEligible[r * E + e]) continue;
        if (this.compCount[r]!-- <= c.compMinimum[r]!) {
          if (c.compWeight[r]! < 0) this.hardUnits++; else this.soft += c.compWeight[r]!;
        }
      }
      if (w >= 0) {
        const left = --this.weekendDays[e * c.W + w]!;
        if (left === 0) {
          if (this.twoDay[w]) this.singles--;
          if (this.weekendsWorked[e]!-- > c.maxWeekends[e]!) this.hardUnits--;
        } else if (left === 1 && this.twoDay[w]) this.singles++;
      }
    }
    if (v >= 0) {
      const t = e * S + v;
      if (++this.typeCount[t]! > c.maxPerType[t]!) this.hardUnits++;
      m += c.length[v]!;
      const i = d * S + v;
      const n = this.count[i]!++;
      this.soft += n < c.requirement[i]! ? -c.underWeight[i]! : c.overWeight[i]!;
      const rows = c.compByCell[i]!;
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k]!;
        if (!c.compEligible[r * E + e]) continue;
        if (this.compCount[r]!++ < c.compMinimum[r]!) {
          if (c.compWeight[r]! < 0) this.hardUnits--; else this.soft -= c.compWeight[r]!;
        }
      }
      if (w >= 0) {
        const had = this.weekendDays[e * c.W + w]!++;
        if (had === 0) {
          if (this.twoDay[w]) this.singles++;
          if (++this.weekendsWorked[e]! > c.maxWeekends[e]!) this.hardUnits++;
        } else if (had === 1 && this.twoDay[w]) this.singles--;
      }
    }
    this.minutes[e] = m;
    this.hardMinutes += this.minuteDev(e, m) - devBefore;
    this.x[idx] = v;
  }

  /**
   * Hard violation units from forbidden successions and run lengths for every run of
   * employee e that intersects days [lo-1, hi+1] (and successions between those days).
   */
  localHard(e: number, lo: number, hi: number): number {
    const c = this.c;
    const H = c.H, S = c.S;
    const x = this.x;
    const base = e * H;
    let a = lo > 0 ? lo - 1 : 0;
    let b = hi < H - 1 ? hi + 1 : H - 1;
    let units = 0;
    for (let d = a; d < b; d++) {
      const s1 = x[base + d]!, s2 = x[base + d + 1]!;
      if (s1 >= 0 && s2 >= 0 && c.forbidden[s1 * S + s2]) units++;
    }
    const wa = x[base + a]! >= 0;
    while (a > 0 && (x[base + a - 1]! >= 0) === wa) a--;
    const wb = x[base + b]! >= 0;
    while (b < H - 1 && (x[base + b + 1]! >= 0) === wb) b++;
    const minW = c.minWork[e]!, maxW = c.maxWork[e]!, minO = c.minOff[e]!, maxO = c.maxOff[e]!;
    let start = a;
    while (start <= b) {
      const working = x[base + start]! >= 0;
      let end = start;
      while (end < b && (x[base + end + 1]! >= 0) === working) end++;
      const len = end - start + 1;
      const inside = start > 0 && end < H - 1;
      if (working) {
        if (len > maxW) units += len - maxW;
        if (inside && len < minW) units += minW - len;
      } else {
        if (len > maxO) units += len - maxO;
        if (inside && len < minO) units += minO - len;
      }
      start = end + 1;
    }
    return units;
  }

  private compound = false;

  /** Starts a compound move: the following apply* calls are undone together by undo(). */
  startCompound(): void {
    this.beginMove();
    this.compound = true;
  }

  endCompound(): void {
    this.compound = false;
  }

  private beginMove(): void {
    if (this.compound) return;
    this.undoN = 0;
    this.snapSoft = this.soft;
    this.snapUnits = this.hardUnits;
    this.snapMinutes = this.hardMinutes;
  }

  private logged(e: number, d: number, v: number): void {
    const n = this.undoN++;
    this.undoE[n] = e; this.undoD[n] = d; this.undoV[n] = this.x[e * this.c.H + d]!;
    this.setCell(e, d, v);
  }

  /** Applies values vals[0..b-a] to employee e on days a..b. Call undo() to revert. */
  applyBlock(e: number, a: number, b: number, vals: Int32Array): void {
    this.beginMove();
    this.hardUnits -= this.localHard(e, a, b);
    for (let d = a; d <= b; d++) this.logged(e, d, vals[d - a]!);
    this.hardUnits += this.localHard(e, a, b);
  }

  /** Applies a single cell change. */
  applyCell(e: number, d: number, v: number): void {
    this.beginMove();
    this.hardUnits -= this.localHard(e, d, d);
    this.logged(e, d, v);
    this.hardUnits += this.localHard(e, d, d);
  }

  /** Swaps the assignments of employees e1 and e2 on days a..b. */
  applySwap(e1: number, e2: number, a: number, b: number): void {
    this.beginMove();
    const H = this.c.H;
    this.hardUnits -= this.localHard(e1, a, b) + this.localHard(e2, a, b);
    for (let d = a; d <= b; d++) {
      const v1 = this.x[e1 * H + d]!, v2 = this.x[e2 * H + d]!;
      if (v1 === v2) continue;
      this.logged(e1, d, v2);
      this.logged(e2, d, v1);
    }
    this.hardUnits += this.localHard(e1, a, b) + this.localHard(e2, a, b);
  }

  /** Reverts the last apply* call. */
  undo(): void {
    this.compound = false;
    for (let i = this.undoN - 1; i >= 0; i--) this.setCell(this.undoE[i]!, this.undoD[i]!, this.undoV[i]!);
    this.undoN = 0;
    this.soft = this.snapSoft;
    this.hardUnits = this.snapUnits;
    this.hardMinutes = this.snapMinutes;
  }
}
