// The general rostering model: the problem the solver, the checker and the MIP formulation
// all work on. Instances from any source (the Curtois & Qu benchmark, the municipality's
// own data) are translated into this shape. Everything is index-based (employee i, shift
// type s, day d) so the solver can use typed arrays; string ids are kept for I/O.

/** A shift type, e.g. "D" (day), "A" (evening), "N" (night). */
export interface ShiftType {
  readonly id: string;
  /** Minutes after midnight the shift starts (only used to derive rest rules). */
  readonly startMinute: number;
  readonly lengthMinutes: number;
}

/**
 * A competence attribute: a generic string such as "group:sykepleiar",
 * "qualification:medisinhandtering" or (later) "ladder:3". Employees carry sets of them.
 */
export type Attribute = string;

/** One employee's contract: every field here is a hard constraint. */
export interface Employee {
  readonly id: string;
  /** Competence attributes (occupational group, qualifications, career-ladder level, ...). */
  readonly attributes: readonly Attribute[];
  /** Maximum number of assignments per shift type (index = shift type); 0 = never works it. */
  readonly maxShiftsPerType: readonly number[];
  readonly minTotalMinutes: number;
  readonly maxTotalMinutes: number;
  /** Runs of working days strictly inside the horizon must be at least this long. */
  readonly minConsecutiveWorkDays: number;
  /** No run of working days may be longer (anywhere). */
  readonly maxConsecutiveWorkDays: number;
  /** Runs of days off strictly inside the horizon must be at least this long. */
  readonly minConsecutiveDaysOff: number;
  /** No run of days off may be longer (anywhere); use the horizon length for "no limit". */
  readonly maxConsecutiveDaysOff: number;
  /** Weekends (Saturday or Sunday worked) at most. */
  readonly maxWeekends: number;
  /** Day indexes on which the employee must not work. */
  readonly fixedDaysOff: readonly number[];
}

/** A wish: kind "on" costs weight if the employee does NOT work shift on day; "off" if they do. */
export interface Wish {
  readonly employee: number;
  readonly day: number;
  readonly shift: number;
  readonly kind: 'on' | 'off';
  readonly weight: number;
}

/** Cover for (day, shift): penalty under·max(0, req−n) + over·max(0, n−req). */
export interface Cover {
  readonly day: number;
  readonly shift: number;
  readonly requirement: number;
  readonly underWeight: number;
  readonly overWeight: number;
}

/**
 * Competence cover: at least `minimum` employees having ALL of `attributes` work `shift` on
 * `day`. `weight` null means hard; otherwise weight per missing employee.
 */
export interface CompetenceCover {
  readonly day: number;
  readonly shift: number;
  readonly attributes: readonly Attribute[];
  readonly minimum: number;
  readonly weight: number | null;
}

export interface RosteringInstance {
  readonly name: string;
  readonly horizonDays: number;
  /** Weekday of day 0: 0 = Monday … 6 = Sunday. Saturday and Sunday form a weekend. */
  readonly firstWeekday: number;
  readonly shiftTypes: readonly ShiftType[];
  /** forbiddenSuccessions[a] lists shift types that may not be worked the day after a. */
  readonly forbiddenSuccessions: readonly (readonly number[])[];
  readonly employees: readonly Employee[];
  readonly wishes: readonly Wish[];
  readonly cover: readonly Cover[];
  readonly competenceCover: readonly CompetenceCover[];
}

/** A roster: roster[e][d] is the shift type index worked, or -1 for a day off. */
export type Roster = number[][];

export const OFF = -1;

/** Builds the forbidden-succession table from a minimum rest time between two shifts. */
export function forbiddenSuccessionsFromRest(
  shiftTypes: readonly ShiftType[],
  minRestMinutes: number,
): number[][] {
  return shiftTypes.map((a) => {
    const end = a.startMinute + a.lengthMinutes;
    const out: number[] = [];
    shiftTypes.forEach((b, j) => {
      const rest = 24 * 60 + b.startMinute - end;
      if (rest < minRestMinutes) out.push(j);
    });
    return out;
  });
}

/** Weekend index of a day (0-based) or -1 if the day is a weekday. */
export function weekendOfDay(day: number, firstWeekday: number): number {
  const weekday = (day + firstWeekday) % 7;
  if (weekday < 5) return -1;
  return Math.floor((day + firstWeekday) / 7);
}

/** Number of weekend slots needed to index every weekendOfDay of the horizon. */
export function weekendSlots(horizonDays: number, firstWeekday: number): number {
  return Math.floor((horizonDays - 1 + firstWeekday) / 7) + 1;
}

/** True if the employee has every attribute in `required`. */
export function hasAttributes(employee: Employee, required: readonly Attribute[]): boolean {
  return required.every((a) => employee.attributes.includes(a));
}
