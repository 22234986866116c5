// Pure rules of the roster module (turnus): the period's setup (shift types, staffing with a
// competence mix, rule set from the Working Environment Act), dates of the rotation, the
// validator every roster is checked against (after solving, on every manual edit and swap),
// the status workflow, and the explanation of unmet wishes. No database, no clock.
import { z } from 'zod';
import { forbiddenSuccessionsFromRest, weekendOfDay } from '../rostering/model.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { issuesFromZod } from '../shared/zod.ts';

// ---------------------------------------------------------------------------------------------
// Setup

export interface ShiftTypeDef {
  /** Short code shown in the grid, e.g. "D". */
  code: string;
  name: string;
  /** "HH:MM" local time (Europe/Oslo). */
  start: string;
  lengthMinutes: number;
}

/** Staffing for one shift type on one weekday (0 = Monday). */
export interface StaffingNeed {
  shift: string;
  weekday: number;
  count: number;
  /** Competence mix: at least `minimum` of those working must have `attribute` (e.g. group:sykepleiar). */
  competence: { attribute: string; minimum: number }[];
}

export interface RuleSet {
  /** Daily rest (døgnhvile), minutes between two shifts: AML § 10-8 (1), 11 h. */
  dailyRestMinutes: number;
  /** Weekly rest (ukehvile), continuous minutes in every calendar week: AML § 10-8 (2), 35 h. */
  weeklyRestMinutes: number;
  /** Longest shift: AML § 10-5 allows averaging up to 12.5 h. */
  maxDailyMinutes: number;
  /** Most minutes in one calendar week: AML § 10-5 (2), 48 h. */
  maxWeeklyMinutes: number;
  /** Full-time weekly hours for this kind of rota (35.5 h for three-shift rotas). */
  fullTimeWeeklyMinutes: number;
  /** How far the period total may deviate from FTE × full time × weeks, in percent. */
  hoursTolerancePercent: number;
  /** Every n-th weekend worked (3 = every third weekend). */
  weekendEvery: number;
  maxConsecutiveWorkDays: number;
}

export const DEFAULT_RULES: RuleSet = {
  dailyRestMinutes: 11 * 60,
  weeklyRestMinutes: 35 * 60,
  maxDailyMinutes: 12 * 60 + 30,
  maxWeeklyMinutes: 48 * 60,
  fullTimeWeeklyMinutes: 35 * 60 + 30,
  hoursTolerancePercent: 10,
  weekendEvery: 3,
  maxConsecutiveWorkDays: 5,
};

export const DEFAULT_SHIFT_TYPES: ShiftTypeDef[] = [
  { code: 'D', name: 'Dagvakt', start: '07:00', lengthMinutes: 8 * 60 },
  { code: 'A', name: 'Kveldsvakt', start: '15:00', lengthMinutes: 7 * 60 + 30 },
  { code: 'N', name: 'Nattevakt', start: '22:15', lengthMinutes: 9 * 60 },
  { code: 'L', name: 'Langvakt', start: '08:00', lengthMinutes: 12 * 60 + 30 },
];

export const SYKEPLEIAR = 'group:sykepleiar';

/** Sensible demo staffing: D 2 / A 2 (one sykepleiar) / N 1 on weekdays, one less by day at weekends; no long days. */
export function defaultStaffing(): StaffingNeed[] {
  const out: StaffingNeed[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    const weekend = weekday >= 5;
    out.push({ shift: 'D', weekday, count: weekend ? 1 : 2, competence: [] });
    out.push({ shift: 'A', weekday, count: weekend ? 1 : 2, competence: [{ attribute: SYKEPLEIAR, minimum: 1 }] });
    out.push({ shift: 'N', weekday, count: 1, competence: [] });
  }
  return out;
}

export const ROSTER_STATUSES = ['draft', 'submitted', 'approved', 'returned', 'published', 'locked'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

export const WISH_KINDS = ['shift', 'avoid', 'dayoff'] as const;
export type WishKind = (typeof WISH_KINDS)[number];

/** A wish: work `shift` on `day` (shift), not work `shift` on `day` (avoid), or a whole day off (dayoff). */
export interface RosterWish {
  day: number;
  kind: WishKind;
  shift: string | null;
  /** 1 (nice to have) … 5 (important). */
  weight: number;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const ZShiftTypeSchema = z.object({
  code: z.string().trim().regex(/^[A-ZÆØÅ][A-ZÆØÅ0-9]{0,2}$/, { message: 'roster.errors.shiftCode' }),
  name: z.string().trim().min(1, { message: 'errors.field.required' }).max(60),
  start: z.string().regex(HHMM, { message: 'roster.errors.time' }),
  lengthMinutes: z.coerce.number().int().min(60, { message: 'roster.errors.shiftLength' }).max(16 * 60, { message: 'roster.errors.shiftLength' }),
});

export const ZRuleSetSchema = z.object({
  dailyRestMinutes: z.coerce.number().int().min(8 * 60, { message: 'roster.errors.dailyRestMin' }).max(24 * 60),
  weeklyRestMinutes: z.coerce.number().int().min(24 * 60, { message: 'roster.errors.weeklyRestMin' }).max(72 * 60),
  maxDailyMinutes: z.coerce.number().int().min(4 * 60).max(16 * 60),
  maxWeeklyMinutes: z.coerce.number().int().min(20 * 60).max(60 * 60),
  fullTimeWeeklyMinutes: z.coerce.number().int().min(30 * 60).max(40 * 60),
  hoursTolerancePercent: z.coerce.number().int().min(0).max(50),
  weekendEvery: z.coerce.number().int().min(1).max(6),
  maxConsecutiveWorkDays: z.coerce.number().int().min(1).max(14),
});

export const ZStaffingSchema = z.array(
  z.object({
    shift: z.string(),
    weekday: z.number().int().min(0).max(6),
    count: z.coerce.number().int().min(0).max(50),
    competence: z.array(z.object({ attribute: z.string().regex(/^[a-z]+:[\p{L}0-9_.-]+$/u), minimum: z.coerce.number().int().min(0).max(50) })).max(5),
  }),
);

export const ZWishSchema = z.object({
  day: z.coerce.number().int().min(0),
  kind: z.enum(WISH_KINDS),
  shift: z.string().nullable(),
  weight: z.coerce.number().int().min(1).max(5),
});

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}` : `${h}:${String(m).padStart(2, '0')}`;
}

/** Setup problems that make a roster impossible by definition (not by the data). */
export function setupIssues(shiftTypes: readonly ShiftTypeDef[], staffing: readonly StaffingNeed[], rules: RuleSet): { path: string; key: string; params?: Record<string, string | number> }[] {
  const issues: { path: string; key: string; params?: Record<string, string | number> }[] = [];
  const codes = new Set<string>();
  shiftTypes.forEach((s, i) => {
    if (codes.has(s.code)) issues.push({ path: `shiftTypes.${i}.code`, key: 'roster.errors.shiftCodeTwice', params: { code: s.code } });
    codes.add(s.code);
    if (s.lengthMinutes > rules.maxDailyMinutes) issues.push({ path: `shiftTypes.${i}.lengthMinutes`, key: 'roster.rules.maxDaily', params: { code: s.code, hours: formatMinutes(rules.maxDailyMinutes) } });
  });
  if (shiftTypes.length === 0) issues.push({ path: 'shiftTypes', key: 'roster.errors.noShiftTypes' });
  const needs = new Set<string>();
  staffing.forEach((n, i) => {
    if (!codes.has(n.shift)) issues.push({ path: `staffing.${i}.shift`, key: 'roster.errors.unknownShift', params: { code: n.shift } });
    if (needs.has(`${n.shift}|${n.weekday}`)) issues.push({ path: `staffing.${i}`, key: 'roster.errors.staffingTwice', params: { code: n.shift } });
    needs.add(`${n.shift}|${n.weekday}`);
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Dates of the rotation

const DAY_MS = 86_400_000;

export function parseIsoDate(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date of day index `day` of a period starting on `startDate`. */
export function dateOfDay(startDate: string, day: number): string {
  return isoDate(parseIsoDate(startDate) + day * DAY_MS);
}

/** Day index of a date in the period, or null when outside [0, days). */
export function dayOfDate(startDate: string, date: string, days: number): number | null {
  const d = Math.round((parseIsoDate(date) - parseIsoDate(startDate)) / DAY_MS);
  return d >= 0 && d < days ? d : null;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(iso: string): number {
  return (new Date(parseIsoDate(iso)).getUTCDay() + 6) % 7;
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((parseIsoDate(toIso) - parseIsoDate(fromIso)) / DAY_MS);
}

// ---------------------------------------------------------------------------------------------
// Employees, hours and competence

/** Period total in minutes an employee should work, and the accepted range around it. */
export function targetMinutes(ftePercent: number, weeks: number, rules: RuleSet): { target: number; min: number; max: number } {
  const target = Math.round((rules.fullTimeWeeklyMinutes * weeks * ftePercent) / 100);
  const slack = Math.round((target * rules.hoursTolerancePercent) / 100);
  return { target, min: Math.max(0, target - slack), max: target + slack };
}

/** Weekends (Saturday or Sunday worked) allowed in the period for "every n-th weekend". */
export function maxWeekends(weeks: number, rules: RuleSet): number {
  return Math.max(1, Math.ceil(weeks / rules.weekendEvery));
}

const STYRK_GROUP: Record<string, string> = {
  '2221': 'sykepleiar',
  '2222': 'sykepleiar',
  '2223': 'sykepleiar',
  '3221': 'sykepleiar',
  '5321': 'helsefagarbeidar',
  '5322': 'helsefagarbeidar',
  '5329': 'assistent',
  '2635': 'vernepleiar',
  '3412': 'vernepleiar',
};

function slug(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}0-9_.-]/gu, '');
}

/**
 * Competence attributes of an employment: the occupational group (`group:…`, from the
 * employment's occupational group or derived from the STYRK-08 code) and `styrk:<code>`.
 * Career-ladder levels plug in later as `ladder:<n>`.
 */
export function competenceAttributes(employment: { styrk08: string | null; occupationalGroup: string | null }): string[] {
  const out = new Set<string>();
  if (employment.styrk08) {
    out.add(`styrk:${employment.styrk08}`);
    const group = STYRK_GROUP[employment.styrk08];
    if (group) out.add(`group:${group}`);
  }
  if (employment.occupationalGroup) {
    const s = slug(employment.occupationalGroup);
    if (s) out.add(`group:${s}`);
  }
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------------
// The validator

export interface RosterContext {
  startDate: string;
  days: number;
  shiftTypes: readonly ShiftTypeDef[];
  staffing: readonly StaffingNeed[];
  rules: RuleSet;
  employees: readonly { personId: string; name: string; ftePercent: number; attributes: readonly string[]; unavailable: readonly number[] }[];
}

/** roster[personId][day] = shift code or null (off). */
export type RosterGrid = Record<string, (string | null)[]>;

export type RuleCode = 'dailyRest' | 'weeklyRest' | 'maxDaily' | 'maxWeekly' | 'totalHours' | 'weekends' | 'consecutiveDays' | 'unavailable' | 'unknownShift' | 'cover' | 'competence';

export interface RosterIssue {
  rule: RuleCode;
  /** hard: the roster breaks the law or a fixed day off; soft: cover/competence short. */
  severity: 'hard' | 'soft';
  personId: string | null;
  day: number | null;
  /** Message key under roster.rules.* and its parameters. */
  key: string;
  params: Record<string, string | number>;
}

interface Interval {
  start: number;
  end: number;
}

function shiftIndex(ctx: RosterContext): Map<string, ShiftTypeDef> {
  return new Map(ctx.shiftTypes.map((s) => [s.code, s]));
}

/** Absolute minute intervals (from the period start) worked by one employee. */
function workIntervals(ctx: RosterContext, row: readonly (string | null)[]): Interval[] {
  const types = shiftIndex(ctx);
  const out: Interval[] = [];
  row.forEach((code, day) => {
    if (!code) return;
    const t = types.get(code);
    if (!t) return;
    const start = day * 1440 + minutesOf(t.start);
    out.push({ start, end: start + t.lengthMinutes });
  });
  return out;
}

/** Every rule and the cover, for the whole roster (or only the rows in `onlyPersons`). */
export function validateRoster(ctx: RosterContext, grid: RosterGrid, options: { onlyPersons?: readonly string[] } = {}): RosterIssue[] {
  const issues: RosterIssue[] = [];
  const types = shiftIndex(ctx);
  const r = ctx.rules;
  const firstWeekday = weekdayOf(ctx.startDate);
  const weeks = Math.ceil(ctx.days / 7);
  const only = options.onlyPersons ? new Set(options.onlyPersons) : null;
  for (const e of ctx.employees) {
    if (only && !only.has(e.personId)) continue;
    const row = grid[e.personId] ?? [];
    const hard = (rule: RuleCode, day: number | null, key: string, params: Record<string, string | number> = {}) =>
      issues.push({ rule, severity: 'hard', personId: e.personId, day, key, params: { name: e.name, ...(day !== null ? { date: dateOfDay(ctx.startDate, day) } : {}), ...params } });
    for (let day = 0; day < ctx.days; day++) {
      const code = row[day] ?? null;
      if (!code) continue;
      const t = types.get(code);
      if (!t) {
        hard('unknownShift', day, 'roster.rules.unknownShift', { code });
        continue;
      }
      if (e.unavailable.includes(day)) hard('unavailable', day, 'roster.rules.unavailable');
      if (t.lengthMinutes > r.maxDailyMinutes) hard('maxDaily', day, 'roster.rules.maxDaily', { code, hours: formatMinutes(r.maxDailyMinutes) });
    }
    const intervals = workIntervals(ctx, row);
    // Daily rest between consecutive shifts (also catches overlapping shifts).
    for (let i = 1; i < intervals.length; i++) {
      const rest = intervals[i]!.start - intervals[i - 1]!.end;
      if (rest < r.dailyRestMinutes) {
        const day = Math.floor(intervals[i]!.start / 1440);
        hard('dailyRest', day, 'roster.rules.dailyRest', { hours: formatMinutes(r.dailyRestMinutes), rest: formatMinutes(Math.max(0, rest)), previous: row[day - 1] ?? '?', code: row[day] ?? '?' });
      }
    }
    // Weekly rest and weekly hours per calendar week (Monday–Sunday) lying wholly inside the period.
    const firstMonday = (7 - firstWeekday) % 7;
    for (let weekStart = firstMonday, w = 1; weekStart + 7 <= ctx.days; weekStart += 7, w++) {
      const from = weekStart * 1440;
      const to = from + 7 * 1440;
      const inWeek = intervals.filter((iv) => iv.end > from && iv.start < to);
      let longest = 0;
      let cursor = from;
      // A shift before the week may reach into it.
      for (const iv of intervals) if (iv.start < from && iv.end > cursor) cursor = iv.end;
      for (const iv of inWeek) {
        longest = Math.max(longest, iv.start - cursor);
        cursor = Math.max(cursor, iv.end);
      }
      longest = Math.max(longest, to - cursor);
      if (longest < r.weeklyRestMinutes) hard('weeklyRest', weekStart, 'roster.rules.weeklyRest', { hours: formatMinutes(r.weeklyRestMinutes), longest: formatMinutes(Math.max(0, longest)), week: w });
      const worked = inWeek.reduce((sum, iv) => sum + Math.min(iv.end, to) - Math.max(iv.start, from), 0);
      if (worked > r.maxWeeklyMinutes) hard('maxWeekly', weekStart, 'roster.rules.maxWeekly', { hours: formatMinutes(r.maxWeeklyMinutes), worked: formatMinutes(worked), week: w });
    }
    // Average weekly hours over the period, for the FTE.
    const total = intervals.reduce((s, iv) => s + iv.end - iv.start, 0);
    const target = targetMinutes(e.ftePercent, ctx.days / 7, r);
    if (total < target.min || total > target.max)
      hard('totalHours', null, 'roster.rules.totalHours', { worked: formatMinutes(total), min: formatMinutes(target.min), max: formatMinutes(target.max), fte: e.ftePercent });
    // Weekends.
    const weekends = new Set<number>();
    row.forEach((code, day) => {
      if (code && types.has(code)) {
        const wk = weekendOfDay(day, firstWeekday);
        if (wk >= 0) weekends.add(wk);
      }
    });
    const allowed = maxWeekends(weeks, r);
    if (weekends.size > allowed) hard('weekends', null, 'roster.rules.weekends', { worked: weekends.size, max: allowed, every: r.weekendEvery });
    // Consecutive working days.
    let run = 0;
    for (let day = 0; day < ctx.days; day++) {
      run = row[day] ? run + 1 : 0;
      if (run === r.maxConsecutiveWorkDays + 1) hard('consecutiveDays', day, 'roster.rules.consecutiveDays', { max: r.maxConsecutiveWorkDays });
    }
  }
  if (!only) issues.push(...coverIssues(ctx, grid));
  return issues;
}

/** Cover and competence mix per day and shift: soft (shown as warnings). */
export function coverIssues(ctx: RosterContext, grid: RosterGrid, onlyDays?: readonly number[]): RosterIssue[] {
  const out: RosterIssue[] = [];
  const days = onlyDays ?? Array.from({ length: ctx.days }, (_, d) => d);
  for (const day of days) {
    const weekday = weekdayOf(dateOfDay(ctx.startDate, day));
    for (const need of ctx.staffing) {
      if (need.weekday !== weekday) continue;
      const working = ctx.employees.filter((e) => grid[e.personId]?.[day] === need.shift);
      const date = dateOfDay(ctx.startDate, day);
      if (working.length < need.count)
        out.push({ rule: 'cover', severity: 'soft', personId: null, day, key: 'roster.rules.cover', params: { date, code: need.shift, have: working.length, need: need.count } });
      for (const c of need.competence) {
        const have = working.filter((e) => e.attributes.includes(c.attribute)).length;
        if (have < c.minimum)
          out.push({ rule: 'competence', severity: 'soft', personId: null, day, key: 'roster.rules.competence', params: { date, code: need.shift, attribute: c.attribute, have, need: c.minimum } });
      }
    }
  }
  return out;
}

export function hardIssues(issues: readonly RosterIssue[]): RosterIssue[] {
  return issues.filter((i) => i.severity === 'hard');
}

/** Issues an edit of (personId, day) newly introduces, compared with the roster before it. */
export function newIssues(before: readonly RosterIssue[], after: readonly RosterIssue[]): RosterIssue[] {
  const key = (i: RosterIssue) => `${i.rule}|${i.personId}|${i.day}|${i.key}|${JSON.stringify(i.params)}`;
  const seen = new Set(before.map(key));
  const ruleSeen = new Set(before.map((i) => `${i.rule}|${i.personId}|${i.day}`));
  return after.filter((i) => !seen.has(key(i)) && !ruleSeen.has(`${i.rule}|${i.personId}|${i.day}`));
}

/** The forbidden successions the daily-rest rule implies, by shift code (for the solver model). */
export function forbiddenSuccessionCodes(shiftTypes: readonly ShiftTypeDef[], rules: RuleSet): Record<string, string[]> {
  const model = shiftTypes.map((s) => ({ id: s.code, startMinute: minutesOf(s.start), lengthMinutes: s.lengthMinutes }));
  const table = forbiddenSuccessionsFromRest(model, rules.dailyRestMinutes);
  return Object.fromEntries(shiftTypes.map((s, i) => [s.code, (table[i] ?? []).map((j) => shiftTypes[j]!.code)]));
}

// ---------------------------------------------------------------------------------------------
// Wishes: met or not, and why not

export function wishMet(wish: RosterWish, cell: string | null): boolean {
  switch (wish.kind) {
    case 'shift':
      return cell === wish.shift;
    case 'avoid':
      return cell !== wish.shift;
    case 'dayoff':
      return cell === null;
  }
}

export interface WishOutcome {
  wish: RosterWish;
  met: boolean;
  /** For an unmet wish: the rules (hard) or cover needs (soft) that granting it would break; empty = traded off against other wishes and cover. */
  reasons: RosterIssue[];
}

/**
 * Best-effort explanation: grant the wish alone (the cell becomes the wished shift, or off) and
 * see what the validator says about that employee and that day's cover that it did not say
 * before. Granting an "avoid" wish makes the day off. When nothing new breaks, the honest
 * answer is that the solver weighed it against other wishes and the cover as a whole.
 */
export function explainWishes(ctx: RosterContext, grid: RosterGrid, personId: string, wishes: readonly RosterWish[]): WishOutcome[] {
  const row = grid[personId] ?? Array.from({ length: ctx.days }, () => null);
  const before = [...validateRoster(ctx, grid, { onlyPersons: [personId] })];
  return wishes.map((wish) => {
    const cell = row[wish.day] ?? null;
    if (wishMet(wish, cell)) return { wish, met: true, reasons: [] };
    const granted = wish.kind === 'shift' ? wish.shift : null;
    const trial: RosterGrid = { ...grid, [personId]: row.map((c, d) => (d === wish.day ? granted : c)) };
    const days = [wish.day];
    const after = [...validateRoster(ctx, trial, { onlyPersons: [personId] })];
    const hardNew = newIssues(before, after).filter((i) => i.severity === 'hard');
    const coverBefore = coverIssues(ctx, grid, days);
    const coverNew = newIssues(coverBefore, coverIssues(ctx, trial, days));
    return { wish, met: false, reasons: [...hardNew, ...coverNew] };
  });
}

// ---------------------------------------------------------------------------------------------
// Status workflow (ønsketurnus → forhandlingsturnus → approved → published → locked)

export type RosterTransition = 'submit' | 'approve' | 'return' | 'publish' | 'lock';

const FROM: Record<RosterTransition, readonly RosterStatus[]> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  publish: ['approved'],
  lock: ['published'],
};
const TO: Record<RosterTransition, RosterStatus> = { submit: 'submitted', approve: 'approved', return: 'returned', publish: 'published', lock: 'locked' };

export function nextStatus(current: RosterStatus, transition: RosterTransition): RosterStatus | null {
  return FROM[transition].includes(current) ? TO[transition] : null;
}

/** The roster may be edited (solved, cells changed) only while draft or returned. */
export function isEditable(status: RosterStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Publishing must happen at least `leadDays` before the period starts. */
export function publishDeadline(startDate: string, leadDays: number): string {
  return isoDate(parseIsoDate(startDate) - leadDays * DAY_MS);
}

export function canPublishOn(today: string, startDate: string, leadDays: number): boolean {
  return today <= publishDeadline(startDate, leadDays);
}

/** Wishes can be changed until the end of the deadline day. */
export function wishesOpen(today: string, wishDeadline: string): boolean {
  return today <= wishDeadline;
}

// ---------------------------------------------------------------------------------------------
// Input parsing: zod issues → message keys (roster.* messages kept, the rest as everywhere)

export function parseRosterInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error).map((issue, i) => {
    const message = result.error.issues[i]?.message ?? '';
    return message.startsWith('roster.') ? { ...issue, key: message } : issue;
  });
  throw new AppError(AppErrorCode.VALIDATION, { issues });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ZIsoDateSchema = z
  .string()
  .regex(ISO_DATE, { message: 'roster.errors.date' })
  .refine((v) => isoDate(parseIsoDate(v)) === v, { message: 'roster.errors.date' });

// ---------------------------------------------------------------- wish reminders

export const DEFAULT_WISH_REMINDER_DAYS: readonly number[] = [7, 1];
export const MAX_WISH_REMINDER_DAYS = 60;

/** "7, 1" (or an array) → distinct whole days 0–60, largest first, at most five. */
export const ZWishReminderDaysSchema = z
  .union([z.string().max(100), z.array(z.coerce.number())])
  .transform((v, ctx) => {
    const tokens = typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v.map(String);
    const days = tokens.map((t) => (/^\d{1,3}$/.test(t) ? Number(t) : NaN));
    if (days.some((d) => !Number.isInteger(d) || d < 0 || d > MAX_WISH_REMINDER_DAYS) || new Set(days).size > 5) {
      ctx.addIssue({ code: 'custom', message: 'roster.errors.reminderDays' });
      return z.NEVER;
    }
    return [...new Set(days)].sort((a, b) => b - a);
  });

export interface WishReminderStep {
  /** 'wish:<days before the deadline>' — part of the claim's unique key. */
  step: string;
  date: string;
  daysBefore: number;
}

/**
 * The wish reminder due on `today` (a reminder day, see reminderDay): the latest step whose date has
 * come, while wishes are still open. Steps missed while the system was down collapse into the
 * latest one, as on the wheel; after the deadline nothing is due.
 */
export function dueWishReminder(wishDeadline: string, reminderDays: readonly number[], today: string): WishReminderStep | null {
  if (!wishesOpen(today, wishDeadline)) return null;
  const steps = [...new Set(reminderDays)]
    .filter((d) => Number.isInteger(d) && d >= 0)
    .map((d) => ({ step: `wish:${d}`, date: isoDate(parseIsoDate(wishDeadline) - d * 86_400_000), daysBefore: d }))
    .filter((s) => s.date <= today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return steps.at(-1) ?? null;
}

export const ZPeriodInputSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'errors.field.required' }).max(100),
    startDate: ZIsoDateSchema.refine((v) => weekdayOf(v) === 0, { message: 'roster.errors.startMonday' }),
    weeks: z.coerce.number().int().min(1).max(52),
    wishDeadline: ZIsoDateSchema,
    publishLeadDays: z.coerce.number().int().min(0).max(180),
    /** Days before the wish deadline to remind employees with no wish ("7, 1"; empty = no reminders). Left out = unchanged (new period: 7 and 1). */
    wishReminderDays: ZWishReminderDaysSchema.optional(),
  })
  .refine((v) => v.wishDeadline < v.startDate, { path: ['wishDeadline'], message: 'roster.errors.deadlineAfterStart' });

/**
 * Unavailable days from text: ISO dates and ranges ("2027-01-05, 2027-01-10..2027-01-12"),
 * separated by commas, semicolons or spaces. Dates outside the period are an error.
 */
export function parseDayList(text: string, startDate: string, days: number): { days: number[]; invalid: string[] } {
  const out = new Set<number>();
  const invalid: string[] = [];
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const [from, to = from] = token.split('..');
    const a = from && ISO_DATE.test(from) ? dayOfDate(startDate, from, days) : null;
    const b = to && ISO_DATE.test(to) ? dayOfDate(startDate, to, days) : null;
    if (a === null || b === null || b < a) {
      invalid.push(token);
      continue;
    }
    for (let d = a; d <= b; d++) out.add(d);
  }
  return { days: [...out].sort((x, y) => x - y), invalid };
}

/** Day indexes back to compact text: runs of three or more as ranges. */
export function formatDayList(dayList: readonly number[], startDate: string): string {
  const sorted = [...new Set(dayList)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const from = dateOfDay(startDate, sorted[i]!);
    if (j - i >= 2) parts.push(`${from}..${dateOfDay(startDate, sorted[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(dateOfDay(startDate, sorted[k]!));
    i = j + 1;
  }
  return parts.join(', ');
}

/** "11", "12,5", "12.5" or "7:30" hours → minutes; NaN when not a number. */
export function hoursToMinutes(text: string): number {
  const t = text.trim();
  const colon = /^(\d{1,2}):([0-5]\d)$/.exec(t);
  if (colon) return Number(colon[1]) * 60 + Number(colon[2]);
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(t)) return Number.NaN;
  return Math.round(Number(t.replace(',', '.')) * 60);
}

// ---------------------------------------------------------------------------------------------
// Repair: the solver's model cannot express weekly rest or hours per calendar week, so its
// roster may break them. A greedy pass over single cells and same-day swaps between two
// employees removes such breaches where it can, never adding a hard breach, preferring moves
// that keep the cover. Whatever remains is shown to the leader as broken rules.

function personHard(ctx: RosterContext, grid: RosterGrid, personId: string): number {
  return validateRoster(ctx, grid, { onlyPersons: [personId] }).filter((i) => i.severity === 'hard').length;
}

export function repairRoster(ctx: RosterContext, input: RosterGrid, maxMoves = 200): { grid: RosterGrid; moves: number } {
  let grid: RosterGrid = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, [...v]]));
  const options: (string | null)[] = [null, ...ctx.shiftTypes.map((s) => s.code)];
  let moves = 0;
  for (; moves < maxMoves; moves++) {
    const broken = ctx.employees.map((e) => ({ id: e.personId, hard: personHard(ctx, grid, e.personId) })).filter((x) => x.hard > 0);
    if (broken.length === 0) break;
    let best: { grid: RosterGrid; gain: number; coverLoss: number } | null = null;
    for (const { id, hard } of broken) {
      const row = grid[id]!;
      for (let day = 0; day < ctx.days; day++) {
        const coverBefore = coverIssues(ctx, grid, [day]).length;
        // Swap the day's cell with a colleague: cover stays the same (competence may change).
        for (const other of ctx.employees) {
          if (other.personId === id || grid[other.personId]![day] === row[day]) continue;
          const a = [...row];
          const b = [...grid[other.personId]!];
          [a[day], b[day]] = [b[day]!, a[day]!];
          const trial = { ...grid, [id]: a, [other.personId]: b };
          const gain = hard - personHard(ctx, trial, id) + personHard(ctx, grid, other.personId) - personHard(ctx, trial, other.personId);
          if (gain <= 0) continue;
          const coverLoss = coverIssues(ctx, trial, [day]).length - coverBefore;
          if (!best || gain - coverLoss > best.gain - best.coverLoss) best = { grid: trial, gain, coverLoss };
        }
        for (const code of options) {
          if (code === row[day]) continue;
          const a = [...row];
          a[day] = code;
          const trial = { ...grid, [id]: a };
          const gain = hard - personHard(ctx, trial, id);
          if (gain <= 0) continue;
          const coverLoss = coverIssues(ctx, trial, [day]).length - coverBefore;
          if (!best || gain - coverLoss > best.gain - best.coverLoss) best = { grid: trial, gain, coverLoss };
        }
      }
    }
    if (!best) break;
    grid = best.grid;
  }
  return { grid, moves };
}

// ---------------------------------------------------------------------------------------------
// Swaps after publication (vaktbyte): two employees exchange what they have on one day.

/** Rosters in these statuses take swaps (the only change a published or locked roster accepts). */
export function acceptsSwaps(status: RosterStatus): boolean {
  return status === 'published' || status === 'locked';
}

/** The grid with the two employees' cells on `day` exchanged. */
export function swapCells(grid: RosterGrid, a: string, b: string, day: number): RosterGrid {
  const rowA = [...(grid[a] ?? [])];
  const rowB = [...(grid[b] ?? [])];
  [rowA[day], rowB[day]] = [rowB[day] ?? null, rowA[day] ?? null];
  return { ...grid, [a]: rowA, [b]: rowB };
}

/** Hard rules a swap would newly break, for both employees (cover does not change by a swap; competence may). */
export function swapIssues(ctx: RosterContext, grid: RosterGrid, a: string, b: string, day: number): { hard: RosterIssue[]; soft: RosterIssue[] } {
  const next = swapCells(grid, a, b, day);
  const before = validateRoster(ctx, grid, { onlyPersons: [a, b] });
  const after = validateRoster(ctx, next, { onlyPersons: [a, b] });
  const soft = newIssues(coverIssues(ctx, grid, [day]), coverIssues(ctx, next, [day]));
  return { hard: newIssues(before, after).filter((i) => i.severity === 'hard'), soft };
}
