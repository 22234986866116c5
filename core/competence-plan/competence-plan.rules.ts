// Pure rules of the municipal competence plan: shaping the database's grouped needs into areas
// with their sectors and totals, and ordering plan items by priority against a budget frame
// (where the money runs out). No I/O.
import { z } from 'zod';
import { isMeasureType, MEASURE_TYPES, measureMix, type MeasureMix, type MeasureType } from '../shared/measure-types.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { issuesFromZod } from '../shared/zod.ts';

export type TNeedTerm = 'short' | 'long';

export interface AggregateFigures {
  needs: number;
  units: number;
  people: number;
  costNok: number;
  substituteCostNok: number;
  /** costNok + substituteCostNok */
  totalNok: number;
}

export interface NeedGroupRow {
  areaId: string;
  areaName: string;
  sectorId: string | null;
  sectorName: string | null;
  term: TNeedTerm;
  needs: number;
  units: number;
  people: number;
  costNok: number;
  substituteCostNok: number;
  priority: number;
}

export interface SectorFigures extends AggregateFigures {
  sectorId: string | null;
  sectorName: string | null;
}

export interface AreaAggregate {
  areaId: string;
  areaName: string;
  total: AggregateFigures;
  short: AggregateFigures;
  long: AggregateFigures;
  /** People-weighted average priority over the area's needs (1 = high … 3 = low). */
  priority: number;
  sectors: SectorFigures[];
  mix: MeasureMix;
}

export interface PlanAggregate {
  areas: AreaAggregate[];
  /** One row per sector with the sum over all areas. */
  sectors: SectorFigures[];
  total: AggregateFigures;
  mix: MeasureMix;
}

const zero = (): AggregateFigures => ({ needs: 0, units: 0, people: 0, costNok: 0, substituteCostNok: 0, totalNok: 0 });

/**
 * Add a row's figures to a sum. `units` adds up as well: a unit with needs in both terms (or in
 * several areas) is counted in each, so at area/total level it means "unit-needs", documented as such.
 */
function add(sum: AggregateFigures, row: Pick<NeedGroupRow, 'needs' | 'units' | 'people' | 'costNok' | 'substituteCostNok'>): void {
  sum.needs += row.needs;
  sum.units += row.units;
  sum.people += row.people;
  sum.costNok += row.costNok;
  sum.substituteCostNok += row.substituteCostNok;
  sum.totalNok += row.costNok + row.substituteCostNok;
}

const sectorOrder = (a: { sectorName: string | null }, b: { sectorName: string | null }) => (a.sectorName ?? '\uffff').localeCompare(b.sectorName ?? '\uffff', 'nb');

/**
 * Areas with per-term and per-sector sums, most costly first (ties: higher priority, then name);
 * sectors by name, the municipality's own top unit (no sector) last. Mix rows give each area's
 * people per measure type; unknown type codes are left out.
 */
export function shapeAggregate(rows: readonly NeedGroupRow[], mixRows: ReadonlyArray<{ areaId: string; measureType: string; weight: number }>): PlanAggregate {
  const areas = new Map<string, AreaAggregate & { prioritySum: number }>();
  const sectors = new Map<string, SectorFigures>();
  const total = zero();
  for (const row of rows) {
    const area = areas.get(row.areaId) ?? { areaId: row.areaId, areaName: row.areaName, total: zero(), short: zero(), long: zero(), priority: 0, prioritySum: 0, sectors: [], mix: measureMix([]) };
    add(area.total, row);
    add(area[row.term], row);
    area.prioritySum += row.priority * row.people;
    let sector = area.sectors.find((s) => s.sectorId === row.sectorId);
    if (!sector) {
      sector = { sectorId: row.sectorId, sectorName: row.sectorName, ...zero() };
      area.sectors.push(sector);
    }
    add(sector, row);
    const key = row.sectorId ?? '-';
    const all = sectors.get(key) ?? { sectorId: row.sectorId, sectorName: row.sectorName, ...zero() };
    add(all, row);
    sectors.set(key, all);
    add(total, row);
    areas.set(row.areaId, area);
  }
  const choices: Array<{ type: MeasureType; weight: number }> = [];
  const byArea = new Map<string, Array<{ type: MeasureType; weight: number }>>();
  for (const m of mixRows) {
    if (!isMeasureType(m.measureType)) continue;
    const c = { type: m.measureType, weight: m.weight };
    choices.push(c);
    byArea.set(m.areaId, [...(byArea.get(m.areaId) ?? []), c]);
  }
  const list = [...areas.values()].map(({ prioritySum, ...a }) => ({
    ...a,
    priority: a.total.people === 0 ? 3 : prioritySum / a.total.people,
    sectors: a.sectors.sort(sectorOrder),
    mix: measureMix(byArea.get(a.areaId) ?? []),
  }));
  list.sort((a, b) => b.total.totalNok - a.total.totalNok || a.priority - b.priority || a.areaName.localeCompare(b.areaName, 'nb'));
  return { areas: list, sectors: [...sectors.values()].sort(sectorOrder), total, mix: measureMix(choices) };
}

// ---------------------------------------------------------------- budget frame

export interface CostedItem {
  id: string;
  /** 1 = high … 3 = low */
  priority: number;
  /** The coordinator's own order within a priority (lower first). */
  position: number;
  plannedCostNok: number;
}

export type FramedItem<T extends CostedItem> = T & {
  /** Sum of this item's and every earlier item's planned cost. */
  cumulativeNok: number;
  /** True when the cumulative cost is within the frame. */
  withinFrame: boolean;
};

export interface FrameResult<T extends CostedItem> {
  items: Array<FramedItem<T>>;
  frameNok: number | null;
  totalNok: number;
  /** Index of the first item that no longer fits (the line is drawn before it); null when all fit or there is no frame. */
  cutIndex: number | null;
  /** frame − total; negative when the plan costs more than the frame. Null without a frame. */
  remainingNok: number | null;
}

/** Items in priority order (priority, then position) with the cumulative cost and where the frame runs out. */
export function applyBudgetFrame<T extends CostedItem>(items: readonly T[], frameNok: number | null): FrameResult<T> {
  const ordered = [...items].sort((a, b) => a.priority - b.priority || a.position - b.position);
  let cumulative = 0;
  let cutIndex: number | null = null;
  const out = ordered.map((item, i) => {
    cumulative += item.plannedCostNok;
    const withinFrame = frameNok === null || cumulative <= frameNok;
    if (!withinFrame && cutIndex === null) cutIndex = i;
    return { ...item, cumulativeNok: cumulative, withinFrame };
  });
  return { items: out, frameNok, totalNok: cumulative, cutIndex, remainingNok: frameNok === null ? null : frameNok - cumulative };
}

// ---------------------------------------------------------------- status

export const PLAN_STATUSES = ['draft', 'approved', 'published'] as const;
export type TPlanStatus = (typeof PLAN_STATUSES)[number];

const NEXT: Readonly<Record<TPlanStatus, readonly TPlanStatus[]>> = {
  draft: ['approved'],
  // An approved plan can be sent back to draft (changes after approval) or published.
  approved: ['published', 'draft'],
  published: [],
};

/** Whether a plan may move from one status to another: draft → approved → published, approved → draft. */
export function canMovePlan(from: TPlanStatus, to: TPlanStatus): boolean {
  return NEXT[from].includes(to);
}

/** Employees see a plan only once it is published. */
export function visibleToEmployees(status: TPlanStatus): boolean {
  return status === 'published';
}

// ---------------------------------------------------------------- maturity indicator

/**
 * "Plan linked to budget" for the measured stage: once the year's plan is approved (or
 * published), the share of its items that are costed within a set budget frame. Without a frame
 * nothing is linked (0 of the items); an approved plan without items counts as 0 of 1. Null while
 * there is no approved plan yet (nothing to measure).
 */
export function planBudgetLink(plan: { status: TPlanStatus; budgetFrameNok: number | null } | null, items: readonly CostedItem[]): { numerator: number; denominator: number } | null {
  if (!plan || plan.status === 'draft') return null;
  if (items.length === 0) return { numerator: 0, denominator: 1 };
  if (plan.budgetFrameNok === null) return { numerator: 0, denominator: items.length };
  const framed = applyBudgetFrame(items, plan.budgetFrameNok);
  return { numerator: framed.items.filter((i) => i.plannedCostNok > 0 && i.withinFrame).length, denominator: items.length };
}

// ---------------------------------------------------------------- validation

const trimmed = (max: number) => z.preprocess((v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v.trim() : v), z.string().max(max));
const required = (max: number) => z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v), z.string().min(1).max(max));
const list = <T extends z.ZodType>(item: T, max: number) => z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));
const toNumber = (v: unknown) => (typeof v === 'string' ? Number(v.replace(/[\s\u00a0]/g, '').replace(',', '.')) : v);
const nok = (max: number) => z.preprocess((v) => (v === '' || v === undefined || v === null ? 0 : toNumber(v)), z.number().int().min(0).max(max));
/** Empty = no frame yet. */
const optionalFrame = z.preprocess((v) => (v === '' || v === undefined || v === null ? null : toNumber(v)), z.number().int().min(0).max(100_000_000_000).nullable());

export const ZVersionSchema = z.coerce.number().int().min(1);

export const ZCreatePlanSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  title: required(200),
  budgetFrameNok: optionalFrame,
});

export const ZPlanSettingsSchema = z.object({
  version: ZVersionSchema,
  title: required(200),
  budgetFrameNok: optionalFrame,
  summary: trimmed(10_000),
});

const itemFields = {
  competenceAreaId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid()),
  measureTypes: list(z.enum(MEASURE_TYPES), MEASURE_TYPES.length)
    .refine((v) => v.length > 0, 'competencePlan.errors.measureRequired')
    .refine((v) => new Set(v).size === v.length, 'competencePlan.errors.duplicateMeasure'),
  peopleCount: z.preprocess((v) => (v === '' || v === undefined ? 0 : toNumber(v)), z.number().int().min(0).max(100_000)),
  plannedCostNok: nok(1_000_000_000),
  priority: z.coerce.number().int().min(1).max(3),
  note: trimmed(2000),
  catalogueMeasureIds: list(z.uuid(), 50),
};

/** A new item; `planVersion` is the plan's version the coordinator saw. */
export const ZAddItemSchema = z.object({ planVersion: ZVersionSchema, ...itemFields });

export const ZUpdateItemSchema = z.object({ planVersion: ZVersionSchema, version: ZVersionSchema, position: z.coerce.number().int().min(0).max(100_000), ...itemFields });

export const ZRemoveItemSchema = z.object({ planVersion: ZVersionSchema, version: ZVersionSchema });

export const ZMovePlanSchema = z.object({ version: ZVersionSchema, to: z.enum(PLAN_STATUSES) });

/** Parse, reporting our own message keys (competencePlan.errors.*) as they are. */
export function parsePlanInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error).map((issue, i) => {
    const message = result.error.issues[i]?.message ?? '';
    return message.startsWith('competencePlan.errors.') ? { path: issue.path, key: message } : issue;
  });
  throw new AppError(AppErrorCode.VALIDATION, { issues });
}

// ---------------------------------------------------------------- the 4-year outlook

/** The outlook covers the plan's year and the three after it (Flora's 4-year programme). */
export const OUTLOOK_YEARS = 4;

/** The handed-in needs of one area expected in one year (the database's grouping). */
export interface OutlookNeedRow {
  areaId: string;
  areaName: string;
  year: number;
  needs: number;
  people: number;
  /** Cost and substitute cost together. */
  totalNok: number;
}

/** The plan's own decided amount for an area in a year after the plan's year. */
export interface OutlookPlannedRow {
  competenceAreaId: string;
  year: number;
  plannedCostNok: number;
  peopleCount: number | null;
}

export interface OutlookCell {
  year: number;
  /** What the units asked for (null for those who see only the published plan). */
  needPeople: number | null;
  needNok: number | null;
  /** What the plan says: year 1 the plan's items, later years the coordinator's outlook; null = not decided. */
  plannedPeople: number | null;
  plannedNok: number | null;
}

export interface OutlookArea {
  areaId: string;
  areaName: string;
  /** One cell per year of the outlook, in order. */
  cells: OutlookCell[];
}

export interface PlanOutlook {
  years: number[];
  areas: OutlookArea[];
  /** The sum over all areas, one cell per year. */
  totals: OutlookCell[];
  /** Whether the units' needs are part of it (readers of the aggregate). */
  withNeeds: boolean;
}

const addNullable = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);

/**
 * The plan's 4-year outlook per competence area and year. Needs: every handed-in need counts in
 * the year it is expected in — year 1 the short-term needs, years 2–4 the long-term ones by
 * their year; needs outside the four years are left out. Planned: year 1 the sum of the plan's
 * items for the area, years 2–4 the coordinator's recorded outlook (rows for year 1 or outside the
 * outlook are ignored). Areas come from all three sources, the costliest (needs over the four
 * years, then planned) first, ties by name. `needs` null = shown without the units' needs.
 */
export function shapeOutlook(input: {
  planYear: number;
  needs: readonly OutlookNeedRow[] | null;
  items: ReadonlyArray<{ competenceAreaId: string; areaName: string; peopleCount: number; plannedCostNok: number }>;
  planned: readonly OutlookPlannedRow[];
  areaNames: ReadonlyMap<string, string>;
}): PlanOutlook {
  const years = Array.from({ length: OUTLOOK_YEARS }, (_, i) => input.planYear + i);
  const withNeeds = input.needs !== null;
  const emptyCell = (year: number): OutlookCell => ({ year, needPeople: withNeeds ? 0 : null, needNok: withNeeds ? 0 : null, plannedPeople: null, plannedNok: null });
  const areas = new Map<string, OutlookArea>();
  const areaOf = (id: string, name: string | undefined) => {
    let a = areas.get(id);
    if (!a) {
      a = { areaId: id, areaName: name ?? input.areaNames.get(id) ?? '–', cells: years.map(emptyCell) };
      areas.set(id, a);
    }
    return a;
  };
  const index = (year: number) => year - input.planYear;
  for (const row of input.needs ?? []) {
    const i = index(row.year);
    if (i < 0 || i >= OUTLOOK_YEARS) continue;
    const cell = areaOf(row.areaId, row.areaName).cells[i]!;
    cell.needPeople = (cell.needPeople ?? 0) + row.people;
    cell.needNok = (cell.needNok ?? 0) + row.totalNok;
  }
  for (const item of input.items) {
    const cell = areaOf(item.competenceAreaId, item.areaName).cells[0]!;
    cell.plannedPeople = (cell.plannedPeople ?? 0) + item.peopleCount;
    cell.plannedNok = (cell.plannedNok ?? 0) + item.plannedCostNok;
  }
  for (const row of input.planned) {
    const i = index(row.year);
    if (i < 1 || i >= OUTLOOK_YEARS) continue;
    const cell = areaOf(row.competenceAreaId, undefined).cells[i]!;
    cell.plannedNok = addNullable(cell.plannedNok, row.plannedCostNok);
    cell.plannedPeople = addNullable(cell.plannedPeople, row.peopleCount);
  }
  const sum = (a: OutlookArea, key: 'needNok' | 'plannedNok') => a.cells.reduce((s, c) => s + (c[key] ?? 0), 0);
  const list = [...areas.values()].sort((a, b) => sum(b, 'needNok') - sum(a, 'needNok') || sum(b, 'plannedNok') - sum(a, 'plannedNok') || a.areaName.localeCompare(b.areaName, 'nb'));
  const totals = years.map((year, i) => {
    const total = emptyCell(year);
    for (const a of list) {
      const c = a.cells[i]!;
      total.needPeople = withNeeds ? (total.needPeople ?? 0) + (c.needPeople ?? 0) : null;
      total.needNok = withNeeds ? (total.needNok ?? 0) + (c.needNok ?? 0) : null;
      total.plannedPeople = addNullable(total.plannedPeople, c.plannedPeople);
      total.plannedNok = addNullable(total.plannedNok, c.plannedNok);
    }
    return total;
  });
  return { years, areas: list, totals, withNeeds };
}

const optionalAmount = (max: number) => z.preprocess((v) => (v === '' || v === undefined || v === null ? null : toNumber(v)), z.number().int().min(0).max(max).nullable());

/** The coordinator's outlook for the years after the plan's year: one entry per area and year; an entry without an amount is "not decided". */
export const ZPlanOutlookSchema = z.object({
  planVersion: ZVersionSchema,
  entries: z
    .array(
      z.object({
        competenceAreaId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid()),
        year: z.coerce.number().int().min(2000).max(2200),
        plannedCostNok: optionalAmount(1_000_000_000),
        peopleCount: optionalAmount(100_000),
      }),
    )
    .max(2000),
});
export type TPlanOutlookInput = z.infer<typeof ZPlanOutlookSchema>;

/**
 * What is wrong with an outlook for a plan of `planYear`: a year outside the three years after it,
 * an area and year given twice, or people without an amount. Entries without amount and people
 * are dropped (not decided). Returns the entries to keep and the issues.
 */
export function checkOutlook(entries: TPlanOutlookInput['entries'], planYear: number): { keep: Array<{ competenceAreaId: string; year: number; plannedCostNok: number; peopleCount: number | null }>; issues: Array<{ path: string; key: string; params?: Record<string, number> }> } {
  const issues: Array<{ path: string; key: string; params?: Record<string, number> }> = [];
  const keep: Array<{ competenceAreaId: string; year: number; plannedCostNok: number; peopleCount: number | null }> = [];
  const seen = new Set<string>();
  for (const [i, e] of entries.entries()) {
    if (e.year <= planYear || e.year >= planYear + OUTLOOK_YEARS) {
      issues.push({ path: `entries.${i}.year`, key: 'competencePlan.errors.outlookYear', params: { from: planYear + 1, to: planYear + OUTLOOK_YEARS - 1 } });
      continue;
    }
    const key = `${e.competenceAreaId}:${e.year}`;
    if (seen.has(key)) {
      issues.push({ path: `entries.${i}.plannedCostNok`, key: 'competencePlan.errors.outlookDuplicate' });
      continue;
    }
    seen.add(key);
    if (e.plannedCostNok === null) {
      if (e.peopleCount !== null) issues.push({ path: `entries.${i}.plannedCostNok`, key: 'competencePlan.errors.outlookAmountRequired' });
      continue;
    }
    keep.push({ competenceAreaId: e.competenceAreaId, year: e.year, plannedCostNok: e.plannedCostNok, peopleCount: e.peopleCount });
  }
  return { keep, issues };
}
