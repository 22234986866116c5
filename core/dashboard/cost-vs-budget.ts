// The dashboard's "cost vs budget" panel: the budget frame of the year's competence plan
// (core/competence-plan) against the planned cost of its items. A year without a plan, or a plan
// without a frame, shows no figures — nothing is estimated or invented here.
import type { Tx } from '../../db/client.ts';
import { findPlanOfCycle, listItems } from '../../db/repositories/competence-plan.repository.ts';
import { findCycleByYear } from '../../db/repositories/wheel.repository.ts';

export interface CostVsBudget {
  year: number;
  /** The competence plan's budget for the year, whole NOK. */
  budgetNok: number;
  /** Planned cost of the plan's measures, whole NOK (course fees and substitute cost). */
  plannedNok: number;
}

/** Reads a year's budget and planned cost from the competence plan, inside the tenant's transaction; null when the tenant has no plan for the year. */
export type CostVsBudgetSource = (tx: Tx, year: number) => Promise<CostVsBudget | null>;

/** The competence plan of the year's wheel cycle: its budget frame and the sum of its items' planned cost. */
export const competencePlanCostVsBudget: CostVsBudgetSource = async (tx, year) => {
  const cycle = await findCycleByYear(tx, year);
  const plan = cycle ? await findPlanOfCycle(tx, cycle.id) : null;
  if (!plan || plan.budgetFrameNok === null) return null;
  const items = await listItems(tx, plan.id);
  return { year, budgetNok: Number(plan.budgetFrameNok), plannedNok: items.reduce((sum, item) => sum + item.plannedCostNok, 0) };
};

export const COST_VS_BUDGET_SOURCE: CostVsBudgetSource | null = competencePlanCostVsBudget;

export type CostVsBudgetPanel = { status: 'no_module' } | { status: 'no_plan'; year: number } | ({ status: 'ready' } & CostVsBudget);

export async function readCostVsBudget(tx: Tx, year: number, source: CostVsBudgetSource | null = COST_VS_BUDGET_SOURCE): Promise<CostVsBudgetPanel> {
  if (!source) return { status: 'no_module' };
  const figures = await source(tx, year);
  return figures ? { status: 'ready', ...figures } : { status: 'no_plan', year };
}
