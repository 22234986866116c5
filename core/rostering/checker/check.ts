// Independent checker: recomputes hard-constraint feasibility and the objective of a
// solution from the instance alone. Deliberately written straight from the rules (FORMAT.md
// and the model's doc comments) without sharing any evaluation code with the solver.
import type { RosteringInstance } from '../model.ts';
import type { Assignment } from '../curtois-qu/solution-csv.ts';

export interface CheckResult {
  readonly feasible: boolean;
  /** Human-readable broken hard rules (empty when feasible). */
  readonly violations: string[];
  /** Weighted penalty sum (computed even if infeasible). */
  readonly objective: number;
}

export function checkSolution(instance: RosteringInstance, assignments: readonly Assignment[]): CheckResult {
  const H = instance.horizonDays;
  const violations: string[] = [];
  const empIdx = new Map(instance.employees.map((e, i) => [e.id, i] as const));
  const shiftIdx = new Map(instance.shiftTypes.map((s, i) => [s.id, i] as const));
  // grid[e][d] = shift index or null
  const grid: (number | null)[][] = instance.employees.map(() => new Array<number | null>(H).fill(null));

  for (const a of assignments) {
    const e = empIdx.get(a.employee);
    const s = shiftIdx.get(a.shift);
    if (e === undefined) { violations.push(`unknown employee ${a.employee}`); continue; }
    if (s === undefined) { violations.push(`unknown shift ${a.shift}`); continue; }
    if (!Number.isInteger(a.day) || a.day < 0 || a.day >= H) { violations.push(`day ${a.day} outside horizon`); continue; }
    if (grid[e]![a.day] !== null) violations.push(`${a.employee} has more than one shift on day ${a.day}`);
    else grid[e]![a.day] = s;
  }

  instance.employees.forEach((emp, e) => {
    const row = grid[e]!;
    const who = emp.id;
    // forbidden successions
    for (let d = 0; d + 1 < H; d++) {
      const a = row[d], b = row[d + 1];
      if (a != null && b != null && instance.forbiddenSuccessions[a]!.includes(b)) {
        violations.push(`${who}: ${instance.shiftTypes[b]!.id} on day ${d + 1} may not follow ${instance.shiftTypes[a]!.id}`);
      }
    }
    // max per shift type and total minutes
    let minutes = 0;
    instance.shiftTypes.forEach((st, s) => {
      const n = row.filter((x) => x === s).length;
      minutes += n * st.lengthMinutes;
      const max = emp.maxShiftsPerType[s] ?? 0;
      if (n > max) violations.push(`${who}: ${n} ${st.id} shifts, at most ${max}`);
    });
    if (minutes > emp.maxTotalMinutes) violations.push(`${who}: ${minutes} minutes, at most ${emp.maxTotalMinutes}`);
    if (minutes < emp.minTotalMinutes) violations.push(`${who}: ${minutes} minutes, at least ${emp.minTotalMinutes}`);
    // runs
    let start = 0;
    while (start < H) {
      const working = row[start] != null;
      let end = start;
      while (end + 1 < H && (row[end + 1] != null) === working) end++;
      const len = end - start + 1;
      const inside = start > 0 && end < H - 1;
      if (working) {
        if (len > emp.maxConsecutiveWorkDays) violations.push(`${who}: works ${len} days in a row from day ${start}, at most ${emp.maxConsecutiveWorkDays}`);
        if (inside && len < emp.minConsecutiveWorkDays) violations.push(`${who}: works only ${len} days in a row from day ${start}, at least ${emp.minConsecutiveWorkDays}`);
      } else {
        if (len > emp.maxConsecutiveDaysOff) violations.push(`${who}: ${len} days off in a row from day ${start}, at most ${emp.maxConsecutiveDaysOff}`);
        if (inside && len < emp.minConsecutiveDaysOff) violations.push(`${who}: only ${len} days off in a row from day ${start}, at least ${emp.minConsecutiveDaysOff}`);
      }
      start = end + 1;
    }
    // weekends: Saturday/Sunday per calendar week
    const worked = new Set<number>();
    for (let d = 0; d < H; d++) {
      const absolute = d + instance.firstWeekday;
      const weekday = absolute % 7;
      if ((weekday === 5 || weekday === 6) && row[d] != null) worked.add(Math.floor(absolute / 7));
    }
    if (worked.size > emp.maxWeekends) violations.push(`${who}: works ${worked.size} weekends, at most ${emp.maxWeekends}`);
    // fixed days off
    for (const d of emp.fixedDaysOff) {
      if (d >= 0 && d < H && row[d] != null) violations.push(`${who}: works on fixed day off ${d}`);
    }
  });

  let objective = 0;
  for (const w of instance.wishes) {
    const works = grid[w.employee]![w.day] === w.shift;
    if (w.kind === 'on' && !works) objective += w.weight;
    if (w.kind === 'off' && works) objective += w.weight;
  }
  for (const c of instance.cover) {
    let n = 0;
    for (const row of grid) if (row[c.day] === c.shift) n++;
    objective += c.underWeight * Math.max(0, c.requirement - n) + c.overWeight * Math.max(0, n - c.requirement);
  }
  for (const c of instance.competenceCover) {
    let n = 0;
    instance.employees.forEach((emp, e) => {
      if (grid[e]![c.day] === c.shift && c.attributes.every((a) => emp.attributes.includes(a))) n++;
    });
    const missing = Math.max(0, c.minimum - n);
    if (missing > 0) {
      if (c.weight === null) violations.push(`day ${c.day} ${instance.shiftTypes[c.shift]!.id}: ${n} with [${c.attributes.join(', ')}], at least ${c.minimum}`);
      else objective += c.weight * missing;
    }
  }
  return { feasible: violations.length === 0, violations, objective };
}
