// Pure rules of the combined catalogue: half-years, measure status transitions, places and the
// waiting list, who may give feedback, provider ratings, and the validation schemas.
import { z } from 'zod';
import { MEASURE_TYPES, measureMix, type MeasureMix, type MeasureType } from '../shared/measure-types.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { issuesFromZod } from '../shared/zod.ts';

export const HALVES = ['spring', 'autumn'] as const;
export type THalf = (typeof HALVES)[number];
export const PROVIDER_KINDS = ['own_unit', 'municipality', 'university_college', 'private'] as const;
export type TProviderKind = (typeof PROVIDER_KINDS)[number];
export const MEASURE_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const;
export type TMeasureStatus = (typeof MEASURE_STATUSES)[number];
export const ENROLMENT_STATUSES = ['requested', 'approved', 'declined', 'waiting', 'cancelled'] as const;
export type TEnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ORDERING_DECISIONS = ['pending', 'order', 'reject'] as const;

// ---------------------------------------------------------------- half-years

export interface HalfYear {
  year: number;
  half: THalf;
}

/** The half-year a date (YYYY-MM-DD) falls in: January–June is spring, July–December autumn. */
export function halfYearOf(date: string): HalfYear {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, half: month <= 6 ? 'spring' : 'autumn' };
}

/** First and last day of a half-year. */
export function halfYearRange({ year, half }: HalfYear): { from: string; to: string } {
  return half === 'spring' ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

// ---------------------------------------------------------------- measure status

const TRANSITIONS: Readonly<Record<TMeasureStatus, readonly TMeasureStatus[]>> = {
  draft: ['published', 'cancelled'],
  published: ['closed', 'cancelled'],
  closed: [],
  cancelled: [],
};

export function canTransition(from: TMeasureStatus, to: TMeasureStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: TMeasureStatus): readonly TMeasureStatus[] {
  return TRANSITIONS[from];
}

/** A measure has ended when its end date (or, if ongoing, never) lies before today. */
export function hasEnded(measure: { endDate: string | null }, today: string): boolean {
  return measure.endDate !== null && measure.endDate < today;
}

// ---------------------------------------------------------------- places and waiting list

/** Statuses that hold one of the measure's places. */
export const HOLDS_PLACE: readonly TEnrolmentStatus[] = ['requested', 'approved'];

export function holdsPlace(status: string): boolean {
  return (HOLDS_PLACE as readonly string[]).includes(status);
}

/** A new enrolment gets a place while there is one, else joins the waiting list. */
export function statusForNewEnrolment(capacity: number, placesTaken: number): 'requested' | 'waiting' {
  return placesTaken < capacity ? 'requested' : 'waiting';
}

/**
 * Who moves up when places are free: the earliest on the waiting list first (first come,
 * first served), as many as there are free places.
 */
export function toPromote<E extends { status: string; requestedAt: Date }>(enrolments: readonly E[], capacity: number): E[] {
  const taken = enrolments.filter((e) => holdsPlace(e.status)).length;
  const free = Math.max(0, capacity - taken);
  return enrolments
    .filter((e) => e.status === 'waiting')
    .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime())
    .slice(0, free);
}

/** Position on the waiting list (1-based), or null when not waiting. */
export function waitingPosition<E extends { id: string; status: string; requestedAt: Date }>(enrolments: readonly E[], id: string): number | null {
  const waiting = enrolments.filter((e) => e.status === 'waiting').sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  const i = waiting.findIndex((e) => e.id === id);
  return i < 0 ? null : i + 1;
}

// ---------------------------------------------------------------- feedback

export type FeedbackRefusal = 'notAttendee' | 'notEnded' | 'alreadyGiven';

/** Only someone recorded as attending may answer, only after the measure ended, and once. */
export function feedbackRefusal(input: { attended: boolean | null; status: string; ended: boolean; alreadyGiven: boolean }): FeedbackRefusal | null {
  if (input.status !== 'approved' || input.attended !== true) return 'notAttendee';
  if (!input.ended) return 'notEnded';
  if (input.alreadyGiven) return 'alreadyGiven';
  return null;
}

// ---------------------------------------------------------------- ratings

export interface Rating {
  /** Mean score 1–5 rounded to one decimal, or null without evaluations. */
  average: number | null;
  count: number;
}

/** A provider's rating: the mean of participants' usefulness and leaders' year-end ratings (each 1–5). */
export function aggregateRating(scores: Iterable<number>): Rating {
  let sum = 0;
  let count = 0;
  for (const s of scores) {
    if (!Number.isInteger(s) || s < 1 || s > 5) continue;
    sum += s;
    count += 1;
  }
  return { average: count === 0 ? null : Math.round((sum / count) * 10) / 10, count };
}

/** The mix of measure types in a list of measures. */
export function catalogueMix(list: ReadonlyArray<{ type: string }>): MeasureMix {
  return measureMix(list.filter((m): m is { type: MeasureType } => (MEASURE_TYPES as readonly string[]).includes(m.type)).map((m) => ({ type: m.type })));
}

// ---------------------------------------------------------------- validation

export function parseCatalogueInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error).map((issue, i) => {
    const message = result.error.issues[i]?.message ?? '';
    return message.startsWith('catalogue.errors.') ? { path: issue.path, key: message } : issue;
  });
  throw new AppError(AppErrorCode.VALIDATION, { issues });
}

const blankToNull = (v: unknown) => (v === '' || v === undefined || v === null ? null : v);
const ZDate = z.iso.date();
const ZNok = z.coerce.number().int().min(0).max(10_000_000);
const ZIds = z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).max(200));
const ZScore = z.preprocess(blankToNull, z.coerce.number().int().min(1).max(5).nullable());

export const ZVersionSchema = z.coerce.number().int().min(1);
export const ZHalfYearSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100), half: z.enum(HALVES) });

export const ZProviderInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(PROVIDER_KINDS),
  contact: z.string().trim().max(500).default(''),
});

export const ZMeasureInputSchema = z
  .object({
    type: z.enum(MEASURE_TYPES),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(5000).default(''),
    providerId: z.preprocess(blankToNull, z.uuid().nullable()),
    startDate: ZDate,
    endDate: z.preprocess(blankToNull, ZDate.nullable()),
    place: z.string().trim().max(200).default(''),
    online: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
    capacity: z.coerce.number().int().min(1).max(10_000),
    costNok: ZNok,
    substituteCostNok: ZNok,
    targetUnitIds: ZIds,
    targetGroups: z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : (v ?? [])), z.array(z.string().max(100)).max(50)),
    competenceAreaId: z.preprocess(blankToNull, z.uuid().nullable()),
    needIds: ZIds,
  })
  .refine((v) => v.endDate === null || v.endDate >= v.startDate, { path: ['endDate'], message: 'catalogue.errors.endBeforeStart' })
  .refine((v) => v.online || v.place.length > 0, { path: ['place'], message: 'catalogue.errors.placeOrOnline' });
export type TMeasureInput = z.output<typeof ZMeasureInputSchema>;

const ZAssessment = z.object({ score: ZScore, note: z.string().trim().max(2000).default('') });
export const ZOrderingSchema = z.object({
  requirements: z.string().trim().max(5000).default(''),
  price: ZAssessment,
  quality: ZAssessment,
  time: ZAssessment,
  decision: z.enum(ORDERING_DECISIONS).default('pending'),
  decisionNote: z.string().trim().max(2000).default(''),
});

export const ZFeedbackSchema = z.object({
  learned: z.string().trim().min(1).max(5000),
  usefulness: z.coerce.number().int().min(1).max(5),
  sharing: z.string().trim().min(1).max(5000),
});

export const ZEvaluationSchema = z.object({
  measureId: z.uuid(),
  unitId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
  rating: z.coerce.number().int().min(1).max(5),
  text: z.string().trim().max(5000).default(''),
  version: z.preprocess(blankToNull, z.coerce.number().int().min(1).nullable()),
});

export const ZReportBackSchema = z.object({
  enrolmentId: z.uuid(),
  reportBackDate: ZDate,
  reportBackHow: z.string().trim().min(1).max(2000),
  version: ZVersionSchema,
});
