// Pure rules of the unit's action and development plan (handlings- og utviklingsplan): the
// status flow, the save input (blank rows dropped, amounts and FTE parsed), the 4-year sketch as
// four year columns, and the rows a plan is prefilled with from the unit's mapping needs and the
// catalogue measures aimed at it. No I/O.
import { z } from 'zod';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { issuesFromZod } from '../shared/zod.ts';

export const UNIT_PLAN_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type TUnitPlanStatus = (typeof UNIT_PLAN_STATUSES)[number];
export type TUnitPlanSection = 'action' | 'outlook' | 'evaluation';

/** The 4-year sketch covers the plan's year and the three after it (the economy plan's period). */
export const OUTLOOK_YEARS = 4;
export const MAX_ROWS = 60;

/**
 * draft → submitted (the unit hands it in), submitted → approved (the executive or a coordinator),
 * submitted → draft (sent back with a comment), approved → draft (reopened to change it).
 */
const MOVES: Record<TUnitPlanStatus, readonly TUnitPlanStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: ['draft'],
};

export function canMoveUnitPlan(from: TUnitPlanStatus, to: TUnitPlanStatus): boolean {
  return MOVES[from]?.includes(to) ?? false;
}

/** Who makes a move: handing in is the unit's (write); approving, sending back and reopening the approver's. */
export function moveAction(to: TUnitPlanStatus): 'unitPlan.write' | 'unitPlan.approve' {
  return to === 'submitted' ? 'unitPlan.write' : 'unitPlan.approve';
}

export function isUnitPlanStatus(value: string): value is TUnitPlanStatus {
  return (UNIT_PLAN_STATUSES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- input

const text = (max: number) => z.string().trim().max(max).default('');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** A number in range, or undefined (left empty); anything else is reported with our own message key. */
const numberOrEmpty = (max: number, messageKey: string) => z.custom<number | undefined>((v) => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max), { message: messageKey });
/** Whole NOK, spaces and thousands separators allowed ("45 000"). */
const amount = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const s = v.replace(/[\s\u00a0\u202f.]/g, '').replace(/kr$/i, '');
  return s === '' ? undefined : /^\d+$/.test(s) ? Number(s) : v;
}, numberOrEmpty(2_000_000_000, 'unitPlan.errors.amount'));
const wholeNumber = (max: number) => z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : /^\d+$/.test(v.trim()) ? Number(v.trim()) : v) : v), numberOrEmpty(max, 'unitPlan.errors.wholeNumber'));
/** FTE with comma or point ("12,5"), stored in hundredths. */
const fte = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const s = v.trim().replace(',', '.');
  return s === '' ? undefined : /^\d+(\.\d{1,2})?$/.test(s) ? Math.round(Number(s) * 100) : v;
}, numberOrEmpty(100_000_000, 'unitPlan.errors.fte'));

const ZActionRow = z.object({
  title: z.string().trim().min(1).max(300),
  competence: text(1000),
  responsible: text(200),
  timing: text(100),
  costNok: amount,
  catalogueMeasureId: z.preprocess(blankToUndefined, z.uuid().optional()),
});
const ZOutlookRow = z.object({
  year: z.preprocess((v) => (typeof v === 'string' && /^\d{4}$/.test(v.trim()) ? Number(v.trim()) : v), z.number().int()),
  title: z.string().trim().min(1).max(300),
  competence: text(1000),
  costNok: amount,
});
const ZEvaluationRow = z.object({
  title: z.string().trim().min(1).max(300),
  competence: text(1000),
  responsible: text(200),
});

export const ZSaveUnitPlanSchema = z.object({
  version: z.coerce.number().int().min(1),
  developmentTrends: text(8000),
  budgetFrameNok: amount,
  competenceBudgetNok: amount,
  economyNote: text(2000),
  serviceStandards: text(8000),
  headCount: wholeNumber(1_000_000),
  fte,
  factsNote: text(4000),
  actions: z.array(ZActionRow).max(MAX_ROWS).default([]),
  outlook: z.array(ZOutlookRow).max(MAX_ROWS).default([]),
  evaluations: z.array(ZEvaluationRow).max(MAX_ROWS).default([]),
});
export type TSaveUnitPlan = z.output<typeof ZSaveUnitPlanSchema>;

export const ZMoveUnitPlanSchema = z.object({
  version: z.coerce.number().int().min(1),
  to: z.enum(UNIT_PLAN_STATUSES),
  comment: text(2000),
});
export type TMoveUnitPlan = z.output<typeof ZMoveUnitPlanSchema>;

export const ZVersionSchema = z.object({ version: z.coerce.number().int().min(1) });

export const ZYearSchema = z.coerce.number().int().min(2000).max(2100);

/** A row whose text fields are all blank is an unused line of the form: left out, not an error. */
function isBlankRow(row: unknown): boolean {
  if (!row || typeof row !== 'object') return false;
  return Object.entries(row as Record<string, unknown>).every(([key, v]) => key === 'year' || key === 'catalogueMeasureId' || v === undefined || v === null || (typeof v === 'string' && v.trim() === ''));
}

/**
 * Parse a save: blank rows are dropped first, then every field is validated (issues keyed by
 * field path, e.g. `actions.2.title`), and every outlook row's year must lie within the plan's
 * four years.
 */
export function parseUnitPlanSave(input: unknown, planYear: number): TSaveUnitPlan {
  const raw = input && typeof input === 'object' ? { ...(input as Record<string, unknown>) } : {};
  // Issue paths name the row as it was sent (before blank rows were dropped).
  const sentIndex: Record<string, number[]> = {};
  for (const key of ['actions', 'outlook', 'evaluations'] as const) {
    if (!Array.isArray(raw[key])) continue;
    const rows = raw[key] as unknown[];
    sentIndex[key] = rows.flatMap((r, i) => (isBlankRow(r) ? [] : [i]));
    raw[key] = rows.filter((r) => !isBlankRow(r));
  }
  const remap = (path: string) => path.replace(/^(actions|outlook|evaluations)\.(\d+)/, (_m, key: string, k: string) => `${key}.${sentIndex[key]?.[Number(k)] ?? k}`);
  const result = ZSaveUnitPlanSchema.safeParse(raw);
  if (!result.success) throw new AppError(AppErrorCode.VALIDATION, { issues: ownKeys(result.error).map((i) => ({ ...i, path: remap(i.path) })) });
  const issues = result.data.outlook.flatMap((r, i) => (r.year < planYear || r.year >= planYear + OUTLOOK_YEARS ? [{ path: remap(`outlook.${i}.year`), key: 'unitPlan.errors.outlookYear', params: { from: planYear, to: planYear + OUTLOOK_YEARS - 1 } }] : []));
  if (issues.length > 0) throw new AppError(AppErrorCode.VALIDATION, { issues });
  return result.data;
}

export function parseUnitPlanInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError(AppErrorCode.VALIDATION, { issues: ownKeys(result.error) });
  return result.data;
}

/** Issues with the shared field keys, except our own message keys (unitPlan.errors.*), reported as they are. */
function ownKeys(error: z.ZodError) {
  return issuesFromZod(error).map((issue, i) => {
    const message = error.issues[i]?.message ?? '';
    return message.startsWith('unitPlan.errors.') ? { path: issue.path, key: message } : issue;
  });
}

// ---------------------------------------------------------------- the 4-year sketch

export interface OutlookItem {
  title: string;
  competence: string;
  costNok: number | null;
}

export interface OutlookYear {
  year: number;
  items: OutlookItem[];
  costNok: number;
}

/** The sketch as four year columns (plan year first), each with its items and their cost; rows outside the period are left out. */
export function outlookByYear(rows: ReadonlyArray<{ year: number | null; title: string; competence: string; costNok: number | null }>, planYear: number): OutlookYear[] {
  return Array.from({ length: OUTLOOK_YEARS }, (_, i) => {
    const year = planYear + i;
    const items = rows.filter((r) => r.year === year).map((r) => ({ title: r.title, competence: r.competence, costNok: r.costNok }));
    return { year, items, costNok: items.reduce((s, r) => s + (r.costNok ?? 0), 0) };
  });
}

// ---------------------------------------------------------------- prefill

export interface PrefillNeed {
  areaName: string;
  term: string;
  description: string;
  peopleCount: number;
  costNok: number;
  substituteCostNok: number;
}

export interface PrefillMeasure {
  id: string;
  title: string;
  startDate: string;
  endDate: string | null;
  areaName: string | null;
  providerName: string | null;
}

export interface PrefillRow {
  section: TUnitPlanSection;
  year: number | null;
  title: string;
  competence: string;
  responsible: string;
  timing: string;
  costNok: number | null;
  catalogueMeasureId: string | null;
}

/**
 * Rows made from the data the municipality already has: each short-term need of the unit's
 * mapping form becomes an action row of the year (competence development = the area and the
 * people, cost = measures + substitutes); each long-term need a row of the 4-year sketch for the
 * next year; each catalogue measure aimed at the unit an action row linked to it (when = its
 * dates). Rows already in the plan (same section and title, or the same measure) are skipped.
 */
export function prefillRows(
  values: { planYear: number; needs: readonly PrefillNeed[]; measures: readonly PrefillMeasure[]; existing: ReadonlyArray<{ section: string; title: string; catalogueMeasureId: string | null }> },
  labels: { people: (n: number) => string; needTitle: (area: string) => string },
): PrefillRow[] {
  const seen = new Set(values.existing.map((r) => `${r.section}|${r.title.trim().toLowerCase()}`));
  const seenMeasures = new Set(values.existing.flatMap((r) => (r.catalogueMeasureId ? [r.catalogueMeasureId] : [])));
  const out: PrefillRow[] = [];
  const push = (row: PrefillRow) => {
    const key = `${row.section}|${row.title.trim().toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(row);
  };
  for (const m of values.measures) {
    if (seenMeasures.has(m.id)) continue;
    seenMeasures.add(m.id);
    push({ section: 'action', year: null, title: m.title, competence: [m.areaName, m.providerName].filter(Boolean).join(' – '), responsible: '', timing: m.endDate && m.endDate !== m.startDate ? `${m.startDate} – ${m.endDate}` : m.startDate, costNok: null, catalogueMeasureId: m.id });
  }
  for (const n of values.needs) {
    const title = (n.description.trim() || labels.needTitle(n.areaName)).slice(0, 300);
    const competence = `${n.areaName} (${labels.people(n.peopleCount)})`;
    const cost = n.costNok + n.substituteCostNok;
    if (n.term === 'long') push({ section: 'outlook', year: values.planYear + 1, title, competence, responsible: '', timing: '', costNok: cost || null, catalogueMeasureId: null });
    else push({ section: 'action', year: null, title, competence, responsible: '', timing: '', costNok: cost || null, catalogueMeasureId: null });
  }
  return out;
}

/** Sum of the action programme's costs. */
export function actionCost(rows: ReadonlyArray<{ costNok: number | null }>): number {
  return rows.reduce((s, r) => s + (r.costNok ?? 0), 0);
}
