// The adapter between the roster module and the general rostering model
// (core/rostering/model.ts): builds a RosteringInstance from a unit's period setup, rule set,
// employees, unavailability and wishes, and reads a solver roster back as a grid of shift
// codes. What the model cannot express (weekly rest, hours per calendar week) is checked by
// validateRoster afterwards.
import { forbiddenSuccessionsFromRest, type RosteringInstance, type Roster, OFF } from '../rostering/model.ts';
import { dateOfDay, maxWeekends, minutesOf, targetMinutes, weekdayOf, type RosterContext, type RosterGrid, type RosterWish } from './roster.rules.ts';

/** Weights of the objective: a missing employee on a shift costs more than any single wish. */
export const COVER_UNDER_WEIGHT = 100;
export const COVER_OVER_WEIGHT = 10;
export const COMPETENCE_WEIGHT = 60;
/** A wish of weight w (1–5) costs WISH_WEIGHT·w when not granted. */
export const WISH_WEIGHT = 4;

export function buildInstance(ctx: RosterContext, wishes: ReadonlyMap<string, readonly RosterWish[]>, name = 'roster'): RosteringInstance {
  const shiftTypes = ctx.shiftTypes.map((s) => ({ id: s.code, startMinute: minutesOf(s.start), lengthMinutes: s.lengthMinutes }));
  const codeIndex = new Map(ctx.shiftTypes.map((s, i) => [s.code, i]));
  const weeks = ctx.days / 7;
  const firstWeekday = weekdayOf(ctx.startDate);
  const employees = ctx.employees.map((e) => {
    const hours = targetMinutes(e.ftePercent, weeks, ctx.rules);
    return {
      id: e.personId,
      attributes: [...e.attributes],
      maxShiftsPerType: ctx.shiftTypes.map((s) => (s.lengthMinutes > ctx.rules.maxDailyMinutes ? 0 : ctx.days)),
      minTotalMinutes: hours.min,
      maxTotalMinutes: hours.max,
      minConsecutiveWorkDays: 1,
      maxConsecutiveWorkDays: ctx.rules.maxConsecutiveWorkDays,
      // Proxy for the weekly rest the model cannot express: days off come at least two at a time
      // (two days off always give ≥ 35 h); the validator and the repair check the real rule.
      minConsecutiveDaysOff: 2,
      maxConsecutiveDaysOff: ctx.days,
      maxWeekends: maxWeekends(Math.ceil(weeks), ctx.rules),
      fixedDaysOff: [...e.unavailable].filter((d) => d >= 0 && d < ctx.days).sort((a, b) => a - b),
    };
  });
  const cover: RosteringInstance['cover'][number][] = [];
  const competenceCover: RosteringInstance['competenceCover'][number][] = [];
  for (let day = 0; day < ctx.days; day++) {
    const weekday = weekdayOf(dateOfDay(ctx.startDate, day));
    // Every (day, shift) has a cover entry, so a shift nobody asked for costs as over-cover.
    const counted = new Set<number>();
    for (const need of ctx.staffing) {
      const shift = codeIndex.get(need.shift);
      if (need.weekday !== weekday || shift === undefined || counted.has(shift)) continue;
      counted.add(shift);
      cover.push({ day, shift, requirement: need.count, underWeight: COVER_UNDER_WEIGHT, overWeight: COVER_OVER_WEIGHT });
      for (const c of need.competence) {
        if (c.minimum > 0) competenceCover.push({ day, shift, attributes: [c.attribute], minimum: c.minimum, weight: COMPETENCE_WEIGHT });
      }
    }
    ctx.shiftTypes.forEach((_, shift) => {
      if (!counted.has(shift)) cover.push({ day, shift, requirement: 0, underWeight: COVER_UNDER_WEIGHT, overWeight: COVER_OVER_WEIGHT });
    });
  }
  const modelWishes: RosteringInstance['wishes'][number][] = [];
  ctx.employees.forEach((e, employee) => {
    for (const w of wishes.get(e.personId) ?? []) {
      if (w.day < 0 || w.day >= ctx.days) continue;
      const weight = WISH_WEIGHT * w.weight;
      if (w.kind === 'dayoff') {
        ctx.shiftTypes.forEach((_, shift) => modelWishes.push({ employee, day: w.day, shift, kind: 'off', weight }));
        continue;
      }
      const shift = w.shift === null ? undefined : codeIndex.get(w.shift);
      if (shift === undefined) continue;
      modelWishes.push({ employee, day: w.day, shift, kind: w.kind === 'shift' ? 'on' : 'off', weight });
    }
  });
  return {
    name,
    horizonDays: ctx.days,
    firstWeekday,
    shiftTypes,
    forbiddenSuccessions: forbiddenSuccessionsFromRest(shiftTypes, ctx.rules.dailyRestMinutes),
    employees,
    wishes: modelWishes,
    cover,
    competenceCover,
  };
}

/** Reads a solver roster back as shift codes per person. */
export function gridFromRoster(ctx: RosterContext, roster: Roster): RosterGrid {
  const grid: RosterGrid = {};
  ctx.employees.forEach((e, i) => {
    const row = roster[i] ?? [];
    grid[e.personId] = Array.from({ length: ctx.days }, (_, d) => {
      const s = row[d] ?? OFF;
      return s === OFF ? null : (ctx.shiftTypes[s]?.code ?? null);
    });
  });
  return grid;
}

/** The grid as solver assignments (employee = person id, shift = code), for the independent checker. */
export function assignmentsFromGrid(ctx: RosterContext, grid: RosterGrid): { employee: string; day: number; shift: string }[] {
  const out: { employee: string; day: number; shift: string }[] = [];
  for (const e of ctx.employees) {
    (grid[e.personId] ?? []).forEach((code, day) => {
      if (code !== null) out.push({ employee: e.personId, day, shift: code });
    });
  }
  return out;
}

export function emptyGrid(ctx: RosterContext): RosterGrid {
  return Object.fromEntries(ctx.employees.map((e) => [e.personId, Array.from({ length: ctx.days }, () => null)]));
}
