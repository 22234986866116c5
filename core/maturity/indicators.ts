// The indicators of real use behind the measured stage, as one clean interface: each indicator
// has a source that measures it for a year inside the tenant's transaction, or none yet.
//
// Sources: `mappingOnTime` (the annual wheel's per-unit status of mapping-form milestones),
// `needsLinkedToGoals` (needs mapping: needs on handed-in forms pointing to a unit basis entry)
// `measuresEvaluated` (catalogue: ended measures with a year-end evaluation or feedback)
// and `planLinkedToBudget` (competence plan: items of the approved plan costed within its budget
// frame). An indicator without data is shown as "not measured yet", never as a made-up value.
import type { Tx } from '../../db/client.ts';
import { findCycleByYear, listMilestonesOfCycle } from '../../db/repositories/wheel.repository.ts';
import { findPlanOfCycle, listItems } from '../../db/repositories/competence-plan.repository.ts';
import { planBudgetLink, type TPlanStatus } from '../competence-plan/competence-plan.rules.ts';
import { osloDate } from '../annual-wheel/annual-wheel.rules.ts';
import { loadMilestoneViews } from '../annual-wheel/milestone-status.ts';
import { listHandedInNeedLinks } from '../../db/repositories/mapping.repository.ts';
import { listMeasuresOfYearWithEvaluation } from '../../db/repositories/catalogue.repository.ts';
import { INDICATOR_KEYS, mappingOnTime, measuresEvaluated, needsLinkedToGoals, type IndicatorValue, type TIndicatorKey } from './maturity.rules.ts';

export interface IndicatorContext {
  year: number;
  /** Today's Norwegian date (YYYY-MM-DD). */
  today: string;
}

/** Measures one indicator: a share as numerator / denominator, or not measured. */
export type IndicatorSource = (tx: Tx, context: IndicatorContext) => Promise<IndicatorValue>;

/** Share of target units whose mapping form was marked done on or before the deadline, over the year's passed mapping deadlines. */
export const measureMappingOnTime: IndicatorSource = async (tx, { year, today }) => {
  const cycle = await findCycleByYear(tx, year);
  if (!cycle) return { key: 'mappingOnTime', status: 'not_measured', reason: 'nothing_yet' };
  const rows = (await listMilestonesOfCycle(tx, cycle.id)).filter((m) => m.concerns === 'mapping_form');
  const { views } = await loadMilestoneViews(tx, rows, today);
  return mappingOnTime(
    views.map((m) => ({
      deadline: m.deadline,
      units: m.units.map((u) => ({ unitId: u.unitId, status: u.version === null ? null : u.status, setOn: u.setAt === null ? null : osloDate(new Date(u.setAt)) })),
    })),
    today,
  );
};

/** Share of needs on the year's cycle's handed-in mapping forms that point to a unit goal, service standard or user-survey finding. */
export const measureNeedsLinkedToGoals: IndicatorSource = async (tx, { year }) => {
  const cycle = await findCycleByYear(tx, year);
  if (!cycle) return { key: 'needsLinkedToGoals', status: 'not_measured', reason: 'nothing_yet' };
  return needsLinkedToGoals(await listHandedInNeedLinks(tx, cycle.id));
};

/** Share of the year's ended measures (published or closed, starting in the year) with a year-end evaluation or participant feedback. */
export const measureMeasuresEvaluated: IndicatorSource = async (tx, { year, today }) => measuresEvaluated(await listMeasuresOfYearWithEvaluation(tx, year), today);

/** Share of the items of the year's approved competence plan that are costed within its budget frame (core/competence-plan). */
export const measurePlanLinkedToBudget: IndicatorSource = async (tx, { year }) => {
  const cycle = await findCycleByYear(tx, year);
  const plan = cycle ? await findPlanOfCycle(tx, cycle.id) : null;
  const items = plan ? await listItems(tx, plan.id) : [];
  const link = planBudgetLink(plan ? { status: plan.status as TPlanStatus, budgetFrameNok: plan.budgetFrameNok } : null, items);
  if (!link) return { key: 'planLinkedToBudget', status: 'not_measured', reason: 'nothing_yet' };
  return { key: 'planLinkedToBudget', status: 'measured', ...link };
};

/** Where each indicator comes from; null = no module measures it yet. */
export const INDICATOR_SOURCES: Record<TIndicatorKey, IndicatorSource | null> = {
  mappingOnTime: measureMappingOnTime,
  needsLinkedToGoals: measureNeedsLinkedToGoals,
  measuresEvaluated: measureMeasuresEvaluated,
  planLinkedToBudget: measurePlanLinkedToBudget,
};

export async function measureIndicators(tx: Tx, context: IndicatorContext, sources: Record<TIndicatorKey, IndicatorSource | null> = INDICATOR_SOURCES): Promise<IndicatorValue[]> {
  const out: IndicatorValue[] = [];
  for (const key of INDICATOR_KEYS) {
    const source = sources[key];
    out.push(source ? await source(tx, context) : { key, status: 'not_measured', reason: 'no_source' });
  }
  return out;
}
