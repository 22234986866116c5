// The seam for the dashboard's "cost vs budget" panel. The competence plan and its budget are
// built in core/competence-plan (a separate module); when it is in place it provides a source of
// this type and sets COST_VS_BUDGET_SOURCE. Until then the panel says so and shows no figures —
// nothing is estimated or invented here.
import type { Tx } from '../../db/client.ts';

export interface CostVsBudget {
  year: number;
  /** The competence plan's budget for the year, whole NOK. */
  budgetNok: number;
  /** Planned cost of the plan's measures, whole NOK (course fees and substitute cost). */
  plannedNok: number;
}

/** Reads a year's budget and planned cost from the competence plan, inside the tenant's transaction; null when the tenant has no plan for the year. */
export type CostVsBudgetSource = (tx: Tx, year: number) => Promise<CostVsBudget | null>;

/** Null until the competence plan module provides its source. */
export const COST_VS_BUDGET_SOURCE: CostVsBudgetSource | null = null;

export type CostVsBudgetPanel = { status: 'no_module' } | { status: 'no_plan'; year: number } | ({ status: 'ready' } & CostVsBudget);

export async function readCostVsBudget(tx: Tx, year: number, source: CostVsBudgetSource | null = COST_VS_BUDGET_SOURCE): Promise<CostVsBudgetPanel> {
  if (!source) return { status: 'no_module' };
  const figures = await source(tx, year);
  return figures ? { status: 'ready', ...figures } : { status: 'no_plan', year };
}
