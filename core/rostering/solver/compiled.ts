// Flattens a RosteringInstance into typed arrays for fast search. Pure function of the
// instance; shared by the search state and the constructive heuristic.
import type { RosteringInstance } from '../model.ts';
import { hasAttributes, weekendOfDay, weekendSlots } from '../model.ts';

export interface CompiledInstance {
  readonly E: number;
  readonly H: number;
  readonly S: number;
  /** Number of weekend slots; weekendOf[d] is -1 on weekdays. */
  readonly W: number;
  readonly weekendOf: Int32Array;
  readonly length: Int32Array; // [s]
  readonly forbidden: Uint8Array; // [a*S+b] = 1 if b may not follow a
  readonly maxPerType: Int32Array; // [e*S+s]
  readonly minMinutes: Int32Array;
  readonly maxMinutes: Int32Array;
  readonly minWork: Int32Array;
  readonly maxWork: Int32Array;
  readonly minOff: Int32Array;
  readonly maxOff: Int32Array;
  readonly maxWeekends: Int32Array;
  readonly fixedOff: Uint8Array; // [e*H+d]
  /** Shift types each employee may work (max > 0). */
  readonly allowedShifts: Int32Array[];
  /** wishCost[(e*H+d)*(S+1) + v], v = 0 for off, s+1 for shift s. */
  readonly wishCost: Float64Array;
  readonly requirement: Int32Array; // [d*S+s]
  readonly underWeight: Float64Array;
  readonly overWeight: Float64Array;
  /** Competence cover rows. compWeight < 0 means hard. */
  readonly compMinimum: Int32Array;
  readonly compWeight: Float64Array;
  /** compByCell[d*S+s] = competence-cover rows on that cell. */
  readonly compByCell: Int32Array[];
  /** compEligible[r*E+e] = 1 if employee e counts for row r. */
  readonly compEligible: Uint8Array;
  /** Largest soft weight in the instance (scale for the hard-violation weight). */
  readonly maxSoftWeight: number;
  /** Average shift length (scale turning minutes of deviation into violation units). */
  readonly minuteScale: number;
}

export function compile(inst: RosteringInstance): CompiledInstance {
  const E = inst.employees.length, H = inst.horizonDays, S = inst.shiftTypes.length;
  const W = weekendSlots(H, inst.firstWeekday);
  const weekendOf = new Int32Array(H);
  for (let d = 0; d < H; d++) weekendOf[d] = weekendOfDay(d, inst.firstWeekday);
  const length = Int32Array.from(inst.shiftTypes, (s) => s.lengthMinutes);
  const forbidden = new Uint8Array(S * S);
  inst.forbiddenSuccessions.forEach((list, a) => list.forEach((b) => (forbidden[a * S + b] = 1)));
  const maxPerType = new Int32Array(E * S);
  const fixedOff = new Uint8Array(E * H);
  const allowedShifts: Int32Array[] = [];
  inst.employees.forEach((emp, e) => {
    for (let s = 0; s < S; s++) maxPerType[e * S + s] = emp.maxShiftsPerType[s] ?? 0;
    for (const d of emp.fixedDaysOff) if (d >= 0 && d < H) fixedOff[e * H + d] = 1;
    const allowed: number[] = [];
    for (let s = 0; s < S; s++) if ((emp.maxShiftsPerType[s] ?? 0) > 0) allowed.push(s);
    allowedShifts.push(Int32Array.from(allowed));
  });
  const per = (f: (e: (typeof inst.employees)[number]) => number): Int32Array => Int32Array.from(inst.employees, f);
  const V = S + 1;
  const wishCost = new Float64Array(E * H * V);
  let maxSoftWeight = 1;
  for (const w of inst.wishes) {
    const base = (w.employee * H + w.day) * V;
    maxSoftWeight = Math.max(maxSoftWeight, w.weight);
    if (w.kind === 'off') wishCost[base + w.shift + 1]! += w.weight;
    else for (let v = 0; v < V; v++) if (v !== w.shift + 1) wishCost[base + v]! += w.weight;
  }
  const requirement = new Int32Array(H * S);
  const underWeight = new Float64Array(H * S);
  const overWeight = new Float64Array(H * S);
  for (const c of inst.cover) {
    const i = c.day * S + c.shift;
    requirement[i] = c.requirement;
    underWeight[i] = c.underWeight;
    overWeight[i] = c.overWeight;
    maxSoftWeight = Math.max(maxSoftWeight, c.underWeight, c.overWeight);
  }
  const R = inst.competenceCover.length;
  const compMinimum = new Int32Array(R);
  const compWeight = new Float64Array(R);
  const compEligible = new Uint8Array(R * E);
  const cells: number[][] = Array.from({ length: H * S }, () => []);
  inst.competenceCover.forEach((c, r) => {
    compMinimum[r] = c.minimum;
    compWeight[r] = c.weight === null ? -1 : c.weight;
    if (c.weight !== null) maxSoftWeight = Math.max(maxSoftWeight, c.weight);
    inst.employees.forEach((emp, e) => (compEligible[r * E + e] = hasAttributes(emp, c.attributes) ? 1 : 0));
    cells[c.day * S + c.shift]!.push(r);
  });
  const minuteScale = S > 0 ? length.reduce((a, b) => a + b, 0) / S : 1;
  return {
    E, H, S, W, weekendOf, length, forbidden, maxPerType,
    minMinutes: per((e) => e.minTotalMinutes),
    maxMinutes: per((e) => e.maxTotalMinutes),
    minWork: per((e) => e.minConsecutiveWorkDays),
    maxWork: per((e) => e.maxConsecutiveWorkDays),
    minOff: per((e) => e.minConsecutiveDaysOff),
    maxOff: per((e) => e.maxConsecutiveDaysOff),
    maxWeekends: per((e) => e.maxWeekends),
    fixedOff, allowedShifts, wishCost, requirement, underWeight, overWeight,
    compMinimum, compWeight, compByCell: cells.map((c) => Int32Array.from(c)), compEligible,
    maxSoftWeight, minuteScale,
  };
}
