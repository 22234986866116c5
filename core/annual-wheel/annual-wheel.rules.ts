// Pure rules of the annual wheel (årshjul): dates in Norwegian time, the reminder steps of a
// milestone and which of them are due on a day, derived status (overdue), the templates from
// the seeds (Gloppen, Flora) for a given year, validation schemas, and the iCalendar feed.
import { z } from 'zod';
import { UNIT_KINDS } from '../org/unit-kinds.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { issuesFromZod } from '../shared/zod.ts';

export const MILESTONE_CONCERNS = ['mapping_form', 'unit_plan', 'municipal_plan', 'economy_plan', 'evaluation', 'other'] as const;
export type TMilestoneConcern = (typeof MILESTONE_CONCERNS)[number];
export const OWNER_ROLES = ['unit_leader', 'coordinator', 'executive'] as const;
export type TOwnerRole = (typeof OWNER_ROLES)[number];
export const UNIT_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type TUnitStatus = (typeof UNIT_STATUSES)[number];
/** What a person sees: the stored status, or overdue when past the deadline and not done. */
export type TShownStatus = TUnitStatus | 'overdue';
export const DELIVERIES = ['single', 'digest'] as const;
export type TDelivery = (typeof DELIVERIES)[number];
export const TEMPLATE_IDS = ['gloppen', 'flora'] as const;
export type TTemplateId = (typeof TEMPLATE_IDS)[number];

export const DEFAULT_REMINDER_OFFSETS = [14, 3, 0] as const;
export const DEFAULT_OVERDUE_EVERY_DAYS = 7;
export const DEFAULT_ESCALATE_AFTER_DAYS = 14;
/** Overdue reminders stop after this many repeats (the escalation has gone out long before). */
export const MAX_OVERDUE_REPEATS = 8;

// ---------------------------------------------------------------- dates

// Building an Intl formatter with a time zone costs far more than using one (about a millisecond
// under load, on every wheel request): each is built once per process.
// en-CA formats as YYYY-MM-DD.
const OSLO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
const OSLO_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' });

/** The calendar date (YYYY-MM-DD) in Norway at instant `now`. */
export function osloDate(now: Date): string {
  return OSLO_DATE.format(now);
}

/** Reminders of a day go out from this hour, Norwegian time — in the morning, not at midnight. */
export const REMINDER_HOUR = 7;

/** The hour (0–23) in Norway at instant `now`. */
export function osloHour(now: Date): number {
  return Number(OSLO_HOUR.format(now));
}

/** The day whose reminder steps are due at `now`: today from REMINDER_HOUR, yesterday before it. */
export function reminderDay(now: Date): string {
  const today = osloDate(now);
  return osloHour(now) >= REMINDER_HOUR ? today : addDays(today, -1);
}

/** `date` (YYYY-MM-DD) plus `days` (may be negative), in the proleptic Gregorian calendar. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Position of a date in its year, 0 (1 Jan 00:00) to just under 1 (31 Dec), for drawing the wheel. */
export function yearFraction(date: string): number {
  const year = Number(date.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const length = Date.UTC(year + 1, 0, 1) - start;
  return (Date.parse(`${date}T12:00:00Z`) - start) / length;
}

// ---------------------------------------------------------------- reminder steps

export interface ReminderPlan {
  deadline: string;
  reminderOffsets: readonly number[];
  overdueEveryDays: number;
  escalateAfterDays: number | null;
}

export interface ReminderStep {
  /** before:<days> | due | overdue:<days> | escalation */
  step: string;
  kind: 'before' | 'due' | 'overdue' | 'escalation';
  date: string;
  /** Days relative to the deadline (negative before). */
  offset: number;
}

/** Every reminder step of a milestone in date order (escalation last among equal dates). */
export function reminderSteps(plan: ReminderPlan): ReminderStep[] {
  const steps: ReminderStep[] = [];
  for (const days of [...new Set(plan.reminderOffsets)].sort((a, b) => b - a)) {
    if (days < 0) continue;
    steps.push(days === 0 ? { step: 'due', kind: 'due', date: plan.deadline, offset: 0 } : { step: `before:${days}`, kind: 'before', date: addDays(plan.deadline, -days), offset: -days });
  }
  if (plan.overdueEveryDays > 0) {
    for (let i = 1; i <= MAX_OVERDUE_REPEATS; i++) {
      const days = i * plan.overdueEveryDays;
      steps.push({ step: `overdue:${days}`, kind: 'overdue', date: addDays(plan.deadline, days), offset: days });
    }
  }
  if (plan.escalateAfterDays !== null && plan.escalateAfterDays >= 0) {
    steps.push({ step: 'escalation', kind: 'escalation', date: addDays(plan.deadline, plan.escalateAfterDays), offset: plan.escalateAfterDays });
  }
  return steps.sort((a, b) => (a.date === b.date ? (a.kind === 'escalation' ? 1 : b.kind === 'escalation' ? -1 : 0) : a.date < b.date ? -1 : 1));
}

/**
 * The steps due on `today` for a unit whose status is `status`: the most recent reminder step
 * on or before today (so a job that did not run for some days sends the latest step, not a
 * backlog), and the escalation once its day has come. Nothing for a done unit. Steps already
 * sent are filtered by the reminder outbox's unique claim, not here.
 */
export function dueSteps(plan: ReminderPlan, status: TUnitStatus, today: string): { reminder: ReminderStep | null; escalation: ReminderStep | null } {
  if (status === 'done') return { reminder: null, escalation: null };
  const steps = reminderSteps(plan).filter((s) => s.date <= today);
  const reminders = steps.filter((s) => s.kind !== 'escalation');
  return { reminder: reminders.at(-1) ?? null, escalation: steps.find((s) => s.kind === 'escalation') ?? null };
}

export function isOverdue(deadline: string, status: TUnitStatus, today: string): boolean {
  return status !== 'done' && today > deadline;
}

export function shownStatus(deadline: string, status: TUnitStatus, today: string): TShownStatus {
  return isOverdue(deadline, status, today) ? 'overdue' : status;
}

/** One status for a milestone over all its units: done when all are, overdue when any is, else the furthest along. */
export function aggregateStatus(statuses: readonly TShownStatus[]): TShownStatus {
  if (statuses.length === 0) return 'not_started';
  if (statuses.every((s) => s === 'done')) return 'done';
  if (statuses.includes('overdue')) return 'overdue';
  return statuses.some((s) => s === 'in_progress' || s === 'done') ? 'in_progress' : 'not_started';
}

/** How many of a milestone's target units are done and in progress (the rest: not started), counted in SQL. */
export interface TargetStatusCounts {
  units: number;
  done: number;
  inProgress: number;
}

/**
 * The shown-status counts and the milestone's summed-up status from counts alone — the same
 * result as `shownStatus` per unit and `aggregateStatus` over them, without a row per unit.
 */
export function summarizeTargetCounts(deadline: string, today: string, c: TargetStatusCounts): { counts: Record<TShownStatus, number>; shown: TShownStatus } {
  const counts: Record<TShownStatus, number> = { not_started: 0, in_progress: 0, done: 0, overdue: 0 };
  counts[shownStatus(deadline, 'done', today)] += c.done;
  counts[shownStatus(deadline, 'in_progress', today)] += c.inProgress;
  counts[shownStatus(deadline, 'not_started', today)] += Math.max(0, c.units - c.done - c.inProgress);
  const present = (Object.keys(counts) as TShownStatus[]).filter((k) => counts[k] > 0);
  return { counts, shown: aggregateStatus(present) };
}

// ---------------------------------------------------------------- targets

export interface TargetSpec {
  targetKind: string | null;
  targetUnitIds: readonly string[];
}

/**
 * The units a milestone is tracked for, from the tenant's (non-archived) units: every unit of
 * the target kind, or the chosen units; a milestone without target units is tracked once, on
 * the municipality as a whole (the root unit), and its owner role answers for it.
 */
export function targetUnits<U extends { id: string; kind: string; depth: number }>(spec: TargetSpec, units: readonly U[]): { units: U[]; wholeMunicipality: boolean } {
  if (spec.targetKind) return { units: units.filter((u) => u.kind === spec.targetKind), wholeMunicipality: false };
  if (spec.targetUnitIds.length > 0) {
    const chosen = new Set(spec.targetUnitIds);
    return { units: units.filter((u) => chosen.has(u.id)), wholeMunicipality: false };
  }
  const root = units.find((u) => u.depth === 0);
  return { units: root ? [root] : [], wholeMunicipality: true };
}

// ---------------------------------------------------------------- templates

export interface TemplateMilestone {
  key: string;
  deadline: string;
  ownerRole: TOwnerRole;
  concerns: TMilestoneConcern;
  targetKind: 'eining' | null;
  escalateAfterDays: number | null;
}

const md = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * The milestones of a template for the cycle of plan year `year`. A cycle is named after the
 * year its plans cover; the work that feeds them starts in the autumn before, so the first
 * deadlines fall in `year - 1` (Gloppen's 1 November is before the 15 January it feeds).
 * Titles and descriptions are message keys `wheel.templates.<id>.<key>.title|description`.
 */
export function templateMilestones(template: TTemplateId, year: number): TemplateMilestone[] {
  if (template === 'gloppen') {
    return [
      { key: 'mappingForms', deadline: md(year - 1, 11, 1), ownerRole: 'unit_leader', concerns: 'mapping_form', targetKind: 'eining', escalateAfterDays: DEFAULT_ESCALATE_AFTER_DAYS },
      { key: 'springPlan', deadline: md(year, 1, 15), ownerRole: 'coordinator', concerns: 'municipal_plan', targetKind: null, escalateAfterDays: DEFAULT_ESCALATE_AFTER_DAYS },
      { key: 'rollover', deadline: md(year, 4, 1), ownerRole: 'unit_leader', concerns: 'mapping_form', targetKind: 'eining', escalateAfterDays: DEFAULT_ESCALATE_AFTER_DAYS },
      { key: 'autumnPlan', deadline: md(year, 5, 15), ownerRole: 'coordinator', concerns: 'municipal_plan', targetKind: null, escalateAfterDays: DEFAULT_ESCALATE_AFTER_DAYS },
    ];
  }
  return [
    { key: 'programmeInput', deadline: md(year - 1, 6, 1), ownerRole: 'unit_leader', concerns: 'unit_plan', targetKind: 'eining', escalateAfterDays: DEFAULT_ESCALATE_AFTER_DAYS },
    { key: 'economyPlanDraft', deadline: md(year - 1, 10, 15), ownerRole: 'coordinator', concerns: 'economy_plan', targetKind: null, escalateAfterDays: null },
    { key: 'economyPlanAdopted', deadline: md(year - 1, 12, 15), ownerRole: 'executive', concerns: 'economy_plan', targetKind: null, escalateAfterDays: null },
    { key: 'unitPlan', deadline: md(year, 1, 31), ownerRole: 'unit_leader', concerns: 'unit_plan', targetKind: 'eining', escalateAfterDays: DEFAULT_ESCALATE_AFTER_DAYS },
    { key: 'evaluation', deadline: md(year, 12, 1), ownerRole: 'unit_leader', concerns: 'evaluation', targetKind: 'eining', escalateAfterDays: DEFAULT_ESCALATE_AFTER_DAYS },
  ];
}

// ---------------------------------------------------------------- validation

/** Required form text: trimmed; blank counts as missing (so the message says "required"). */
const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v), z.string().min(1).max(max));
const optionalText = (max: number) => z.preprocess((v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v.trim() : v), z.string().max(max));
const intList = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? [] : v.split(/[\s,;]+/).filter(Boolean).map(Number)) : v),
  z.array(z.number().int().min(0).max(365)).max(10),
);
const optionalInt = (max: number) =>
  z.preprocess((v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v.trim()) : v), z.number().int().min(0).max(max).nullable());

export const ZMilestoneInputSchema = z
  .object({
    title: text(200),
    description: optionalText(4000),
    deadline: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.iso.date()),
    ownerRole: z.enum(OWNER_ROLES),
    concerns: z.enum(MILESTONE_CONCERNS),
    /** 'kind:<unit kind>' or 'units' (then targetUnitIds) or 'none'. */
    target: z.preprocess((v) => (v === '' || v === undefined ? 'none' : v), z.union([z.literal('none'), z.literal('units'), z.templateLiteral(['kind:', z.enum(UNIT_KINDS)])])),
    targetUnitIds: z.preprocess((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v), z.array(z.uuid()).max(500)),
    reminderOffsets: intList,
    overdueEveryDays: z.preprocess((v) => (v === '' || v === undefined ? 0 : typeof v === 'string' ? Number(v.trim()) : v), z.number().int().min(0).max(90)),
    escalateAfterDays: optionalInt(365),
  })
  .superRefine((value, ctx) => {
    if (value.target === 'units' && value.targetUnitIds.length === 0) ctx.addIssue({ code: 'custom', path: ['targetUnitIds'], message: 'wheel.errors.unitsRequired' });
    if (value.ownerRole === 'unit_leader' && value.target === 'none') ctx.addIssue({ code: 'custom', path: ['target'], message: 'wheel.errors.leaderNeedsUnits' });
  });
export type TMilestoneInput = z.infer<typeof ZMilestoneInputSchema>;

export const ZYearSchema = z.coerce.number().int().min(2000).max(2100);
const ZWheelYearInput = z.object({ year: ZYearSchema });

/**
 * The wheel year asked for (a query value, a form field) — with a `fallback`, that when none was
 * given; a validation error on the `year` field for anything else. The schema is built once.
 */
export function parseWheelYear(raw: unknown, fallback?: string | number): number {
  const missing = raw === undefined || raw === null || raw === '';
  return parseWheelInput(ZWheelYearInput, { year: fallback !== undefined && missing ? fallback : raw }).year;
}
export const ZVersionSchema = z.coerce.number().int().min(1);

/** The stored target columns for a parsed input. */
export function targetColumns(input: Pick<TMilestoneInput, 'target' | 'targetUnitIds'>): { targetKind: string | null; targetUnitIds: string[] } {
  if (input.target.startsWith('kind:')) return { targetKind: input.target.slice(5), targetUnitIds: [] };
  if (input.target === 'units') return { targetKind: null, targetUnitIds: [...new Set(input.targetUnitIds)] };
  return { targetKind: null, targetUnitIds: [] };
}

/** Parse or throw AppError(VALIDATION); our refinements carry `wheel.errors.*` keys. */
export function parseWheelInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error).map((issue, i) => {
    const message = result.error.issues[i]?.message ?? '';
    // Report list items on the list's field (reminderOffsets.1 → reminderOffsets), where the form shows it.
    const path = issue.path.split('.')[0] ?? issue.path;
    return message.startsWith('wheel.errors.') ? { path, key: message } : { ...issue, path };
  });
  throw new AppError(AppErrorCode.VALIDATION, { issues });
}

// ---------------------------------------------------------------- iCalendar (RFC 5545)

export interface CalendarEvent {
  uid: string;
  date: string;
  summary: string;
  description: string;
  url?: string;
}

/** Escape a TEXT value (RFC 5545 3.3.11). */
export function icsEscape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
export function icsFold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compact = (date: string) => date.replaceAll('-', '');

/** A VCALENDAR of all-day events, CRLF line endings, folded. */
export function buildIcs(options: { name: string; events: readonly CalendarEvent[]; now: Date }): string {
  const stamp = options.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rytme//Annual wheel//NN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsEscape(options.name)}`];
  for (const e of options.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(e.date)}`,
      `DTEND;VALUE=DATE:${compact(addDays(e.date, 1))}`,
      `SUMMARY:${icsEscape(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${icsEscape(e.description)}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(icsFold).join('\r\n')}\r\n`;
}
