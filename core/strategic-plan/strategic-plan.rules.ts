// Pure rules of the strategic competence and staffing plan (KS method): the seven steps and
// progress through them, validation schemas, the plan years, expected retirements from birth
// years, turnover, the projection of staff over the horizon and the gap to what is required,
// age bands, and the suppression of small groups that protects individuals in breakdowns.
import { z } from 'zod';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { issuesFromZod } from '../shared/zod.ts';

export const PLAN_STEPS = [1, 2, 3, 4, 5, 6, 7] as const;
export type TPlanStep = (typeof PLAN_STEPS)[number];
export const PLAN_STATUSES = ['draft', 'adopted', 'archived'] as const;
export const GOAL_SOURCES = ['municipal_plan', 'employer_strategy', 'economy_plan', 'national_reform', 'demography'] as const;
export const STRATEGY_KINDS = ['develop', 'recruit', 'mobilise', 'restructure'] as const;
export const REQUIREMENT_BASES = ['headcount', 'fte'] as const;
export type TRequirementBasis = (typeof REQUIREMENT_BASES)[number];

export const DEFAULT_HORIZON_YEARS = 4;
export const DEFAULT_RETIREMENT_AGE = 67;
/** The earliest age of the contractual early pension (AFP) in the municipal sector. */
export const EARLY_RETIREMENT_AGE = 62;
/** Groups smaller than this are not shown in age and retirement breakdowns. */
export const MIN_GROUP_SIZE = 5;

/** Age bands of the age structure: [from, to] inclusive; the last is open-ended. */
export const AGE_BANDS = [
  { key: 'under30', from: 0, to: 29 },
  { key: '30to39', from: 30, to: 39 },
  { key: '40to49', from: 40, to: 49 },
  { key: '50to59', from: 50, to: 59 },
  { key: '60to61', from: 60, to: 61 },
  { key: '62to66', from: 62, to: 66 },
  { key: '67plus', from: 67, to: 200 },
] as const;
export type TAgeBand = (typeof AGE_BANDS)[number]['key'];

// ---------------------------------------------------------------- validation

const text = (max: number) => z.string().trim().max(max);
const year = z.coerce.number().int().min(2000).max(2100);

export const ZCreatePlanSchema = z.object({
  title: text(200).min(1),
  startYear: year,
  horizonYears: z.coerce.number().int().min(1).max(12).default(DEFAULT_HORIZON_YEARS),
  scopeUnitId: z.preprocess((v) => (v === '' ? null : v), z.uuid().nullable().default(null)),
});
export type TCreatePlan = z.output<typeof ZCreatePlanSchema>;

export const ZPlanSettingsSchema = z.object({
  version: z.coerce.number().int().min(1),
  title: text(200).min(1),
  status: z.enum(PLAN_STATUSES),
  retirementAge: z.coerce.number().int().min(EARLY_RETIREMENT_AGE).max(75),
  earlyRetirementPercent: z.coerce.number().int().min(0).max(100),
});

export const ZCompetenceAnalysisSchema = z.object({
  version: z.coerce.number().int().min(1),
  competenceRequirements: text(10_000),
  competenceCapital: text(10_000),
  competenceNeeds: text(10_000),
});

export const ZDefinitionSchema = z.object({ version: z.coerce.number().int().min(1), competenceDefinition: text(5000) });

export const ZStepInputSchema = z.object({
  version: z.coerce.number().int().min(0),
  notes: text(10_000),
  participants: text(2000),
  done: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
});
export type TStepInput = z.output<typeof ZStepInputSchema>;

export const ZGoalSchema = z.object({
  source: z.enum(GOAL_SOURCES),
  document: text(300).min(1),
  reference: text(300),
  text: text(2000).min(1),
});

export const ZStyrkSchema = z.string().trim().regex(/^\d{4}$/, 'strategicPlan.errors.styrk');

export const ZRequirementSchema = z.object({
  styrk08: ZStyrkSchema,
  basis: z.enum(REQUIREMENT_BASES),
  /** One value per plan year, in order; empty = not set. */
  values: z.array(z.union([z.literal(''), z.coerce.number().min(0).max(1_000_000)])),
});

export const ZStrategySchema = z
  .object({
    kind: z.enum(STRATEGY_KINDS),
    target: z.enum(['position_type', 'general']),
    styrk08: z.string().trim().max(4),
    generalCompetence: text(200),
    title: text(200).min(1),
    description: text(4000),
  })
  .superRefine((v, ctx) => {
    if (v.target === 'position_type' && !/^\d{4}$/.test(v.styrk08)) ctx.addIssue({ code: 'custom', path: ['styrk08'], message: 'strategicPlan.errors.styrk' });
    if (v.target === 'general' && !v.generalCompetence) ctx.addIssue({ code: 'custom', path: ['generalCompetence'], message: 'strategicPlan.errors.generalCompetence' });
  });

export const ZMeasureSchema = z.object({ title: text(200).min(1), deadline: z.iso.date() });

/** Parse input or throw VALIDATION; custom messages under strategicPlan.errors are kept as keys. */
export function parsePlanInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error).map((issue, i) => {
    const message = result.error.issues[i]?.message ?? '';
    const path = issue.path.split('.')[0] ?? issue.path;
    return message.startsWith('strategicPlan.errors.') ? { path, key: message } : { ...issue, path };
  });
  throw new AppError(AppErrorCode.VALIDATION, { issues });
}

// ---------------------------------------------------------------- steps

export function parseStep(raw: unknown): TPlanStep | null {
  const n = Number(raw);
  return (PLAN_STEPS as readonly number[]).includes(n) ? (n as TPlanStep) : null;
}

export interface StepProgress {
  done: number;
  total: number;
  /** The first step not done, or null when all are done. */
  next: TPlanStep | null;
  percent: number;
}

export function stepProgress(doneSteps: readonly number[]): StepProgress {
  const done = new Set(doneSteps.filter((s) => (PLAN_STEPS as readonly number[]).includes(s)));
  const next = PLAN_STEPS.find((s) => !done.has(s)) ?? null;
  return { done: done.size, total: PLAN_STEPS.length, next, percent: Math.round((done.size / PLAN_STEPS.length) * 100) };
}

export function planYears(startYear: number, horizonYears: number): number[] {
  return Array.from({ length: horizonYears }, (_, i) => startYear + i);
}

// ---------------------------------------------------------------- retirements and turnover

export interface RetirementAssumption {
  retirementAge: number;
  /** Percent (0–100) of a cohort assumed to retire at 62 instead. */
  earlyRetirementPercent: number;
}

/**
 * The year a person born in `birthYear` is expected to retire: the year they reach the
 * retirement age, or the first plan year if they have already passed it and still work.
 */
export function retirementYear(birthYear: number, retirementAge: number, firstYear: number): number {
  return Math.max(birthYear + retirementAge, firstYear);
}

export interface Cohort {
  birthYear: number;
  persons: number;
  fte: number;
}

export interface YearAmount {
  year: number;
  persons: number;
  fte: number;
}

/**
 * Expected retirements per plan year from birth-year cohorts. A share `earlyRetirementPercent`
 * of each cohort that has not turned 62 before the first plan year retires the year it turns
 * 62; the rest the year it reaches the retirement age. Those already 62 or older keep working
 * to the retirement age (they did not take the early pension), and those past it retire in the
 * first plan year. Years outside the horizon are dropped.
 */
export function expectedRetirements(cohorts: readonly Cohort[], years: readonly number[], assumption: RetirementAssumption): YearAmount[] {
  const first = years[0] ?? 0;
  const byYear = new Map(years.map((y) => [y, { year: y, persons: 0, fte: 0 }]));
  const add = (y: number, share: number, c: Cohort) => {
    const slot = byYear.get(y);
    if (!slot) return;
    slot.persons += c.persons * share;
    slot.fte += c.fte * share;
  };
  const early = Math.min(100, Math.max(0, assumption.earlyRetirementPercent)) / 100;
  for (const c of cohorts) {
    const canRetireEarly = early > 0 && c.birthYear + EARLY_RETIREMENT_AGE >= first && EARLY_RETIREMENT_AGE < assumption.retirementAge;
    if (canRetireEarly) add(c.birthYear + EARLY_RETIREMENT_AGE, early, c);
    add(retirementYear(c.birthYear, assumption.retirementAge, first), canRetireEarly ? 1 - early : 1, c);
  }
  return [...byYear.values()];
}

/** Turnover: leavers over the average head count (at the start and end of the period); null without staff. */
export function turnoverRate(leavers: number, headcountStart: number, headcountEnd: number): number | null {
  const average = (headcountStart + headcountEnd) / 2;
  if (average <= 0) return null;
  return leavers / average;
}

export interface ProjectionYear {
  year: number;
  required: number | null;
  expected: number;
  /** required − expected; positive = a shortfall to recruit, develop or restructure for. */
  gap: number | null;
}

/**
 * Staff expected at the end of each plan year without new hiring: last year's number minus
 * that year's expected retirements, minus the yearly leaving rate (turnover other than
 * retirement) of what is left; never below zero. The gap is what is required minus that.
 */
export function projectStaffing(current: number, retirements: readonly number[], leavingRate: number, years: readonly number[], required: ReadonlyMap<number, number>): ProjectionYear[] {
  let level = current;
  return years.map((year, i) => {
    level = Math.max(0, level - (retirements[i] ?? 0) - level * Math.max(0, leavingRate));
    const req = required.get(year);
    return { year, required: req ?? null, expected: level, gap: req === undefined ? null : req - level };
  });
}

// ---------------------------------------------------------------- age bands and suppression

export function ageBand(age: number): TAgeBand {
  return (AGE_BANDS.find((b) => age >= b.from && age <= b.to) ?? AGE_BANDS[AGE_BANDS.length - 1]!).key;
}

/** Persons per age band from cohorts, at the reference year. */
export function ageBands(cohorts: readonly Cohort[], referenceYear: number): number[] {
  const counts = AGE_BANDS.map(() => 0);
  for (const c of cohorts) {
    const i = AGE_BANDS.findIndex((b) => b.key === ageBand(referenceYear - c.birthYear));
    counts[i] = (counts[i] ?? 0) + c.persons;
  }
  return counts;
}

/**
 * Hide small groups: a cell counting 1–4 persons becomes null. When exactly one cell of a row
 * is hidden its value could be worked out from the row total, so the next smallest non-zero
 * cell is hidden too. Zero stays zero (it identifies nobody).
 */
export function suppressSmallCells(cells: readonly number[], min = MIN_GROUP_SIZE): Array<number | null> {
  const out: Array<number | null> = cells.map((n) => (n > 0 && n < min ? null : n));
  const hidden = out.filter((v) => v === null).length;
  if (hidden === 1) {
    let smallest = -1;
    out.forEach((v, i) => {
      if (v !== null && v > 0 && (smallest < 0 || v < (out[smallest] as number))) smallest = i;
    });
    if (smallest >= 0) out[smallest] = null;
  }
  return out;
}

/** A row (position type) is shown in a breakdown only when it has at least `min` persons. */
export function groupShown(persons: number, min = MIN_GROUP_SIZE): boolean {
  return persons >= min;
}

/** The STYRK-08 major group (1 digit) and sub-major group (2 digits) of a 4-digit code. */
export function styrkGroups(code: string): { major: string; subMajor: string } {
  return { major: code.slice(0, 1), subMajor: code.slice(0, 2) };
}
