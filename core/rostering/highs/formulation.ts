// MIP formulation of the general rostering model as CPLEX-LP text for HiGHS. Binary
// x(e,d,s) = employee e works shift s on day d; slack variables for cover and soft
// competence cover; weekend indicators. The objective omits a constant (on-request weights),
// returned separately so that objective = LP objective + constant.
import type { RosteringInstance } from '../model.ts';
import { hasAttributes, weekendOfDay } from '../model.ts';

export interface LpModel {
  readonly text: string;
  readonly constant: number;
  /** Name of x(e,d,s), or null if the variable does not exist (never allowed). */
  readonly xName: (e: number, d: number, s: number) => string | null;
}

class Lin {
  readonly terms = new Map<string, number>();
  constant = 0;
  add(name: string | null, coef: number): void {
    if (name === null || coef === 0) return;
    this.terms.set(name, (this.terms.get(name) ?? 0) + coef);
  }
}

export function buildLp(inst: RosteringInstance): LpModel {
  const H = inst.horizonDays, S = inst.shiftTypes.length;
  const exists = inst.employees.map((emp) => {
    const off = new Set(emp.fixedDaysOff);
    return (d: number, s: number): boolean => (emp.maxShiftsPerType[s] ?? 0) > 0 && !off.has(d);
  });
  const xName = (e: number, d: number, s: number): string | null => (exists[e]!(d, s) ? `x${e}_${d}_${s}` : null);
  const rows: string[] = [];
  const binaries: string[] = [];
  const bounds: string[] = [];
  let rowId = 0;
  const dummies = new Set<number>();
  const fmt = (lin: Lin): string => {
    const parts: string[] = [];
    let i = 0;
    for (const [n, c] of lin.terms) {
      if (c === 0) continue;
      parts.push(`${c < 0 ? '-' : '+'} ${Math.abs(c)} ${n}`);
      if (++i % 12 === 0) parts.push('\n  ');
    }
    return parts.length ? parts.join(' ') : '';
  };
  /** Emits lin (op) rhs, moving lin's constant to the right. Skips rows with no variables. */
  const row = (lin: Lin, op: '<=' | '>=' | '=', rhs: number): void => {
    if (lin.terms.size === 0) return;
    rows.push(` r${rowId++}: ${fmt(lin)} ${op} ${rhs - lin.constant}`);
  };
  const work = (lin: Lin, e: number, d: number, coef: number): void => {
    for (let s = 0; s < S; s++) lin.add(xName(e, d, s), coef);
  };

  for (let e = 0; e < inst.employees.length; e++)
    for (let d = 0; d < H; d++)
      for (let s = 0; s < S; s++) {
        const n = xName(e, d, s);
        if (n) binaries.push(n);
      }

  // objective
  const obj = new Lin();
  let constant = 0;
  for (const w of inst.wishes) {
    const n = xName(w.employee, w.day, w.shift);
    if (w.kind === 'on') { constant += w.weight; obj.add(n, -w.weight); }
    else obj.add(n, w.weight);
  }
  inst.cover.forEach((c, i) => {
    obj.add(`u${i}`, c.underWeight);
    obj.add(`o${i}`, c.overWeight);
    const lin = new Lin();
    for (let e = 0; e < inst.employees.length; e++) lin.add(xName(e, c.day, c.shift), 1);
    lin.add(`u${i}`, 1);
    lin.add(`o${i}`, -1);
    row(lin, '=', c.requirement);
  });
  inst.competenceCover.forEach((c, i) => {
    const lin = new Lin();
    inst.employees.forEach((emp, e) => { if (hasAttributes(emp, c.attributes)) lin.add(xName(e, c.day, c.shift), 1); });
    lin.add(`q${i}`, 1);
    if (c.weight === null) bounds.push(` q${i} = 0`);
    else obj.add(`q${i}`, c.weight);
    row(lin, '>=', c.minimum);
  });

  inst.employees.forEach((emp, e) => {
    for (let d = 0; d < H; d++) {
      const one = new Lin();
      work(one, e, d, 1);
      if (one.terms.size > 1) row(one, '<=', 1);
      if (d + 1 < H) {
        for (let a = 0; a < S; a++) {
          const xa = xName(e, d, a);
          if (!xa) continue;
          const lin = new Lin();
          lin.add(xa, 1);
          for (const b of inst.forbiddenSuccessions[a]!) lin.add(xName(e, d + 1, b), 1);
          if (lin.terms.size > 1) row(lin, '<=', 1);
        }
      }
    }
    const minutes = new Lin();
    for (let s = 0; s < S; s++) {
      const lin = new Lin();
      for (let d = 0; d < H; d++) {
        lin.add(xName(e, d, s), 1);
        minutes.add(xName(e, d, s), inst.shiftTypes[s]!.lengthMinutes);
      }
      if (lin.terms.size > (emp.maxShiftsPerType[s] ?? 0)) row(lin, '<=', emp.maxShiftsPerType[s] ?? 0);
    }
    row(minutes, '<=', emp.maxTotalMinutes);
    if (emp.minTotalMinutes > 0) {
      if (minutes.terms.size === 0) { dummies.add(e); rows.push(` r${rowId++}: 0 dummy${e} >= ${emp.minTotalMinutes}`); }
      else row(minutes, '>=', emp.minTotalMinutes);
    }
    // max consecutive working days: every window of max+1 days has a day off
    const cmax = emp.maxConsecutiveWorkDays;
    for (let d = 0; d + cmax < H; d++) {
      const lin = new Lin();
      for (let j = d; j <= d + cmax; j++) work(lin, e, j, 1);
      row(lin, '<=', cmax);
    }
    const omax = emp.maxConsecutiveDaysOff;
    for (let d = 0; d + omax < H; d++) {
      const lin = new Lin();
      for (let j = d; j <= d + omax; j++) work(lin, e, j, 1);
      if (lin.terms.size === 0) { dummies.add(e); rows.push(` r${rowId++}: 0 dummy${e} >= 1`); }
      else row(lin, '>=', 1);
    }
    // min consecutive working days / days off for runs strictly inside the horizon:
    // forbid the pattern off, l×work, off (resp. work, l×off, work) for l below the minimum
    for (let l = 1; l < emp.minConsecutiveWorkDays; l++) {
      for (let d = 1; d + l <= H - 1; d++) {
        const lin = new Lin();
        work(lin, e, d - 1, -1);
        for (let j = d; j < d + l; j++) work(lin, e, j, 1);
        work(lin, e, d + l, -1);
        row(lin, '<=', l - 1);
      }
    }
    for (let l = 1; l < emp.minConsecutiveDaysOff; l++) {
      for (let d = 1; d + l <= H - 1; d++) {
        const lin = new Lin();
        work(lin, e, d - 1, 1);
        for (let j = d; j < d + l; j++) work(lin, e, j, -1);
        work(lin, e, d + l, 1);
        row(lin, '<=', 1);
      }
    }
    // weekends
    const weekends = new Map<number, number[]>();
    for (let d = 0; d < H; d++) {
      const w = weekendOfDay(d, inst.firstWeekday);
      if (w >= 0) weekends.set(w, [...(weekends.get(w) ?? []), d]);
    }
    if (emp.maxWeekends < weekends.size) {
      const total = new Lin();
      for (const [w, days] of weekends) {
        const k = `k${e}_${w}`;
        binaries.push(k);
        total.add(k, 1);
        for (const d of days) {
          const lin = new Lin();
          work(lin, e, d, 1);
          if (lin.terms.size === 0) continue;
          lin.add(k, -1);
          row(lin, '<=', 0);
        }
      }
      row(total, '<=', emp.maxWeekends);
    }
  });
  for (const e of dummies) bounds.push(` dummy${e} = 0`);

  const text = [
    'Minimize',
    ` obj: ${fmt(obj) || '0 zero'}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    ...(fmt(obj) ? [] : [' zero = 0']),
    'Binary',
    ...binaries.map((b) => ` ${b}`),
    'End',
    '',
  ].join('\n');
  return { text, constant, xName };
}
