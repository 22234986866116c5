// Pure rules of needs mapping (kartlegging): the form's statuses and who moves them, the wheel
// status a form gives its milestone, lateness, cost sums and the measure mix of a form, the
// roll-over copy of last cycle's needs, the default cycle, the overview's counts, and the
// validation schemas of every input. No database, no clock: callers pass `today`.
import { z } from 'zod';
import { MEASURE_TYPES, measureMix, type MeasureMix, type MeasureType } from '../shared/measure-types.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { issuesFromZod } from '../shared/zod.ts';
import type { TUnitStatus } from '../annual-wheel/annual-wheel.rules.ts';

export const FORM_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type TFormStatus = (typeof FORM_STATUSES)[number];
export const NEED_TERMS = ['short', 'long'] as const;
export type TNeedTerm = (typeof NEED_TERMS)[number];
/** 1 = high, 2 = medium, 3 = low. */
export const PRIORITIES = [1, 2, 3] as const;
export const AREA_STATUSES = ['active', 'proposed', 'archived', 'merged'] as const;
export type TAreaStatus = (typeof AREA_STATUSES)[number];
export const BASIS_KINDS = ['goal', 'service_standard', 'user_survey'] as const;
export type TBasisKind = (typeof BASIS_KINDS)[number];
export const OFFER_KINDS = ['instructor', 'programme'] as const;
export type TOfferKind = (typeof OFFER_KINDS)[number];

/** At most this many needs on one form: one page, in plain language. */
export const MAX_NEEDS = 30;

// ---------------------------------------------------------------- the 4-year outlook

/** The plan's outlook covers the cycle's year and the three after it (Flora's 4-year programme). */
export const OUTLOOK_YEARS = 4;

/** The years a long-term need can be expected in: the three years after the cycle's year. */
export function longTermYears(cycleYear: number): number[] {
  return Array.from({ length: OUTLOOK_YEARS - 1 }, (_, i) => cycleYear + 1 + i);
}

/**
 * The year a need is counted in. A short-term need belongs to the cycle's year (an empty year is
 * that year; another year is an error). A long-term need is expected in one of the three years
 * after it; empty means next year. Returns the year, or the message key of the problem.
 */
export function resolveNeedYear(term: TNeedTerm, year: number | null, cycleYear: number): { year: number } | { key: string } {
  if (term === 'short') return year === null || year === cycleYear ? { year: cycleYear } : { key: 'mapping.errors.shortTermYear' };
  if (year === null) return { year: cycleYear + 1 };
  return longTermYears(cycleYear).includes(year) ? { year } : { key: 'mapping.errors.yearOutOfRange' };
}

/**
 * Where a carried-over need lands in the new cycle: a need whose year has come (or passed) is now
 * short-term in the cycle's year; one still ahead stays long-term in its year (at most three
 * years ahead, so a need from an older form never lands beyond the outlook).
 */
export function rollOverYear(year: number, cycleYear: number): { term: TNeedTerm; year: number } {
  if (year <= cycleYear) return { term: 'short', year: cycleYear };
  return { term: 'long', year: Math.min(year, cycleYear + OUTLOOK_YEARS - 1) };
}

// ---------------------------------------------------------------- statuses

export type TFormTransition = 'submit' | 'return' | 'approve';

/** The status a transition leads to from `from`, or null when the transition is not allowed. */
export function nextStatus(from: TFormStatus, transition: TFormTransition): TFormStatus | null {
  switch (transition) {
    case 'submit':
      return from === 'draft' || from === 'returned' ? 'submitted' : null;
    case 'return':
      return from === 'submitted' || from === 'approved' ? 'returned' : null;
    case 'approve':
      return from === 'submitted' ? 'approved' : null;
  }
}

/** The unit's leaders change the content only while the form is with them. */
export function isEditable(status: TFormStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** Submitted and approved forms are the unit's word; drafts and returned forms are work in progress. */
export function isPublished(status: TFormStatus): boolean {
  return status === 'submitted' || status === 'approved';
}

/** The status a form gives its unit on the cycle's mapping_form milestone. */
export function wheelStatusFor(status: TFormStatus): TUnitStatus {
  return isPublished(status) ? 'done' : 'in_progress';
}

// ---------------------------------------------------------------- lateness

export type TLateness = 'no_deadline' | 'on_time' | 'late' | 'submitted_late';

/**
 * Whether a form is late against its milestone's deadline (YYYY-MM-DD): a form not handed in
 * (missing, draft, returned) is late once today is past the deadline; a handed-in form was late
 * when it was submitted after the deadline. `submittedOn` is the (Norwegian) day of submission.
 */
export function lateness(deadline: string | null, status: TFormStatus | 'missing', submittedOn: string | null, today: string): TLateness {
  if (!deadline) return 'no_deadline';
  if (status === 'submitted' || status === 'approved') return submittedOn !== null && submittedOn > deadline ? 'submitted_late' : 'on_time';
  return today > deadline ? 'late' : 'on_time';
}

/** The overview's category of a unit: missing (no form), draft (draft or returned), submitted, approved; late overrides missing and draft once past the deadline. */
export type TOverviewCategory = 'approved' | 'submitted' | 'draft' | 'late' | 'missing';
export const OVERVIEW_CATEGORIES: readonly TOverviewCategory[] = ['approved', 'submitted', 'draft', 'late', 'missing'];

export function overviewCategory(deadline: string | null, status: TFormStatus | 'missing', today: string): TOverviewCategory {
  if (status === 'approved' || status === 'submitted') return status;
  if (deadline && today > deadline) return 'late';
  return status === 'missing' ? 'missing' : 'draft';
}

export function countCategories(categories: Iterable<TOverviewCategory>): Record<TOverviewCategory, number> {
  const out: Record<TOverviewCategory, number> = { approved: 0, submitted: 0, draft: 0, late: 0, missing: 0 };
  for (const c of categories) out[c] += 1;
  return out;
}

// ---------------------------------------------------------------- sums

export interface NeedFigures {
  term: TNeedTerm;
  peopleCount: number;
  measureTypes: readonly MeasureType[];
  costNok: number;
  substituteCostNok: number;
}

export interface CostSums {
  costNok: number;
  substituteCostNok: number;
  totalNok: number;
}

export function costSums(needs: Iterable<Pick<NeedFigures, 'costNok' | 'substituteCostNok'>>): CostSums {
  let cost = 0;
  let substitute = 0;
  for (const n of needs) {
    cost += n.costNok;
    substitute += n.substituteCostNok;
  }
  return { costNok: cost, substituteCostNok: substitute, totalNok: cost + substitute };
}

export interface FormSummary {
  short: CostSums & { needs: number; people: number };
  long: CostSums & { needs: number; people: number };
  total: CostSums & { needs: number; people: number };
  /** Preferred measure types weighted by people: course-like vs learning at work. */
  mix: MeasureMix;
}

export function summariseNeeds(needs: readonly NeedFigures[]): FormSummary {
  const part = (list: readonly NeedFigures[]) => ({ ...costSums(list), needs: list.length, people: list.reduce((s, n) => s + n.peopleCount, 0) });
  return {
    short: part(needs.filter((n) => n.term === 'short')),
    long: part(needs.filter((n) => n.term === 'long')),
    total: part(needs),
    // Each need's people are spread over its preferred types, so a need counts once however many types it lists.
    mix: measureMix(needs.flatMap((n) => n.measureTypes.map((type) => ({ type, weight: n.peopleCount / n.measureTypes.length })))),
  };
}

// ---------------------------------------------------------------- roll-over

export interface StoredNeed extends NeedFigures {
  /** The year the need is expected in (see resolveNeedYear). */
  year: number;
  competenceAreaId: string;
  description: string;
  basisEntryId: string | null;
  whyText: string;
  priority: number;
}

/**
 * This cycle's starting needs from last cycle's form: every need copied and marked as carried
 * over, in the same order. Its year moves with the calendar (rollOverYear): a long-term need
 * whose year is the new cycle's becomes short-term. Areas merged since are replaced by the area they were merged into;
 * a "why" entry that has been archived (or belongs to no live entry) keeps its text but loses
 * the link.
 */
export function rollOverNeeds(previous: readonly StoredNeed[], options: { cycleYear: number; mergedInto: ReadonlyMap<string, string>; liveBasisIds: ReadonlySet<string> }): Array<StoredNeed & { carriedOver: true; position: number }> {
  return previous.map((n, i) => ({
    ...rollOverYear(n.year, options.cycleYear),
    description: n.description,
    whyText: n.whyText,
    peopleCount: n.peopleCount,
    priority: n.priority,
    costNok: n.costNok,
    substituteCostNok: n.substituteCostNok,
    measureTypes: [...n.measureTypes],
    competenceAreaId: options.mergedInto.get(n.competenceAreaId) ?? n.competenceAreaId,
    basisEntryId: n.basisEntryId !== null && options.liveBasisIds.has(n.basisEntryId) ? n.basisEntryId : null,
    carriedOver: true,
    position: i,
  }));
}

// ---------------------------------------------------------------- cycles

/**
 * The cycle a mapping page opens on: the latest cycle whose year is at most next year (the forms
 * for next year are filled in the autumn before), else the earliest one; null without cycles.
 */
export function defaultCycleYear(years: readonly number[], today: string): number | null {
  if (years.length === 0) return null;
  const limit = Number(today.slice(0, 4)) + 1;
  const sorted = [...years].sort((a, b) => a - b);
  const candidates = sorted.filter((y) => y <= limit);
  return candidates.at(-1) ?? sorted[0]!;
}

/** The mapping-form milestone a unit's form counts for: the earliest of the cycle's mapping_form milestones that target the unit. */
export function pickFormMilestone<M extends { id: string; deadline: string; concerns: string }>(milestones: readonly M[], targetsUnit: (m: M) => boolean): M | null {
  const candidates = milestones.filter((m) => m.concerns === 'mapping_form' && targetsUnit(m)).sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
  return candidates[0] ?? null;
}

// ---------------------------------------------------------------- validation

const trimmed = (max: number) => z.preprocess((v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v.trim() : v), z.string().max(max));
const required = (max: number) => z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v), z.string().min(1).max(max));
const list = <T extends z.ZodType>(item: T, max: number) => z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));
const nok = z.preprocess((v) => (v === '' || v === undefined || v === null ? 0 : typeof v === 'string' ? Number(v.replace(/[\s\u00a0]/g, '').replace(',', '.')) : v), z.number().int().min(0).max(100_000_000));
const optionalUuid = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.uuid().nullable());

export const ZVersionSchema = z.coerce.number().int().min(1);

export const ZNeedInputSchema = z.object({
  term: z.enum(NEED_TERMS),
  /** The year the need is expected in; checked against the form's cycle by resolveNeedYear. Empty = the term's default. */
  year: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v.trim()) : v), z.number().int().min(2000).max(2200).nullable()),
  competenceAreaId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid()),
  description: trimmed(500),
  basisEntryId: optionalUuid,
  whyText: trimmed(500),
  peopleCount: z.preprocess((v) => (v === '' || v === undefined ? undefined : typeof v === 'string' ? Number(v.trim()) : v), z.number().int().min(1).max(10_000)),
  measureTypes: list(z.enum(MEASURE_TYPES), MEASURE_TYPES.length).refine((v) => new Set(v).size === v.length, 'mapping.errors.duplicateMeasure'),
  priority: z.coerce.number().int().min(1).max(3),
  costNok: nok,
  substituteCostNok: nok,
  carriedOver: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
});
export type TNeedInput = z.infer<typeof ZNeedInputSchema>;

export const ZFormContentSchema = z.object({
  version: ZVersionSchema,
  discussionDate: z.preprocess((v) => (v === '' || v === undefined ? null : typeof v === 'string' ? v.trim() : v), z.iso.date().nullable()),
  participantsText: trimmed(1000),
  participantPersonIds: list(z.uuid(), 200),
  needs: z.array(ZNeedInputSchema).max(MAX_NEEDS),
});
export type TFormContent = z.infer<typeof ZFormContentSchema>;

/** A need row of the HTML form is blank when nothing that matters was filled in; blank rows are dropped. */
export function isBlankNeedRow(row: Record<string, unknown>): boolean {
  const filled = (k: string) => {
    const v = row[k];
    return Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' && v.trim() !== '0' : v !== undefined && v !== null;
  };
  return !['competenceAreaId', 'description', 'whyText', 'peopleCount', 'measureTypes', 'costNok', 'substituteCostNok', 'basisEntryId'].some(filled);
}

/** What a form needs before it can be handed in: the joint discussion (date and who took part) and at least one need. */
export function submitIssues(content: Pick<TFormContent, 'discussionDate' | 'participantsText' | 'participantPersonIds'> & { needCount: number }, today: string): Array<{ path: string; key: string }> {
  const issues: Array<{ path: string; key: string }> = [];
  if (!content.discussionDate) issues.push({ path: 'discussionDate', key: 'mapping.errors.discussionRequired' });
  else if (content.discussionDate > today) issues.push({ path: 'discussionDate', key: 'mapping.errors.discussionInFuture' });
  if (content.participantsText === '' && content.participantPersonIds.length === 0) issues.push({ path: 'participants', key: 'mapping.errors.participantsRequired' });
  if (content.needCount === 0) issues.push({ path: 'needs', key: 'mapping.errors.needsRequired' });
  return issues;
}

export const ZReturnSchema = z.object({ version: ZVersionSchema, comment: required(2000) });
export const ZDecideSchema = z.object({ version: ZVersionSchema });

export const ZAreaNameSchema = z.object({ name: required(120) });
export const ZAreaRenameSchema = z.object({ name: required(120), version: ZVersionSchema });
export const ZAreaMergeSchema = z.object({ intoId: z.uuid(), version: ZVersionSchema }); // version of the area being merged away
export const ZAreaVersionSchema = z.object({ version: ZVersionSchema });

export const ZBasisEntrySchema = z.object({ kind: z.enum(BASIS_KINDS), text: required(500) });
export const ZBasisUpdateSchema = z.object({ text: required(500), version: ZVersionSchema });

export const ZOfferSchema = z
  .object({
    kind: z.enum(OFFER_KINDS),
    personId: optionalUuid,
    title: required(200),
    description: trimmed(2000),
    competenceAreaId: optionalUuid,
    capacity: z.preprocess((v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v.trim()) : v), z.number().int().min(1).max(10_000).nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'instructor' && !v.personId) ctx.addIssue({ code: 'custom', path: ['personId'], message: 'mapping.errors.instructorRequired' });
  });
export type TOfferInput = z.infer<typeof ZOfferSchema>;

/** Normalised for comparing names: trimmed, single spaces, lower case (like the unique index). */
export function areaNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Parse or throw AppError(VALIDATION); our refinements carry `mapping.errors.*` keys. */
export function parseMappingInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error).map((issue, i) => {
    const message = result.error.issues[i]?.message ?? '';
    return message.startsWith('mapping.errors.') ? { path: issue.path, key: message } : issue;
  });
  throw new AppError(AppErrorCode.VALIDATION, { issues });
}
