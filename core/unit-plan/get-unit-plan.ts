// A unit's action and development plan of a year, as the page and the exports show it: the
// sections, the three tables, the 4-year sketch as year columns, totals, who approved, and what
// the actor may do. When the plan is not started or not visible to the actor (a draft, for an
// employee), `plan` is null and the page says there is no approved plan — the same answer in
// both cases, so nothing is revealed.
import type { Database } from '../../db/client.ts';
import { listUnitPlanRows } from '../../db/repositories/unit-plan.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { canMoveUnitPlan, OUTLOOK_YEARS, outlookByYear, actionCost, type OutlookYear, type TUnitPlanStatus } from './unit-plan.rules.ts';
import { canSeeUnitPlan, canUnitPlan, loadUnitPlanContext, type UnitPlanContext } from './unit-plan-access.ts';

export interface GetUnitPlanOptions {
  database: Database;
  actor: Actor;
  unitId: unknown;
  year: unknown;
}

export interface ActionRowView {
  title: string;
  competence: string;
  responsible: string;
  timing: string;
  costNok: number | null;
  catalogueMeasureId: string | null;
}

export interface OutlookRowView {
  year: number;
  title: string;
  competence: string;
  costNok: number | null;
}

export interface EvaluationRowView {
  title: string;
  competence: string;
  responsible: string;
}

export interface UnitPlanView {
  unit: UnitPlanContext['unit'];
  year: number;
  /** The years the 4-year sketch covers. */
  outlookYears: number[];
  plan: (Omit<NonNullable<UnitPlanContext['plan']>, 'status'> & { status: TUnitPlanStatus }) | null;
  actions: ActionRowView[];
  outlook: OutlookRowView[];
  outlookByYear: OutlookYear[];
  evaluations: EvaluationRowView[];
  actionCostNok: number;
  can: { create: boolean; edit: boolean; submit: boolean; approve: boolean; sendBack: boolean; reopen: boolean; export: boolean };
}

export async function getUnitPlan({ database, actor, unitId, year }: GetUnitPlanOptions): Promise<UnitPlanView> {
  return database.withTenant(actor.tenantId, async (tx) => {
    const ctx = await loadUnitPlanContext(tx, unitId, year);
    const path = ctx.unit.path;
    const visible = ctx.plan && canSeeUnitPlan(actor, path, ctx.plan.status) ? ctx.plan : null;
    const rows = visible ? await listUnitPlanRows(tx, visible.id) : [];
    const writer = canUnitPlan(actor, 'unitPlan.write', path);
    const approver = canUnitPlan(actor, 'unitPlan.approve', path) && canUnitPlan(actor, 'unitPlan.read', path);
    const status = visible?.status ?? null;
    const actions = rows.filter((r) => r.section === 'action').map((r) => ({ title: r.title, competence: r.competence, responsible: r.responsible, timing: r.timing, costNok: r.costNok, catalogueMeasureId: r.catalogueMeasureId }));
    const outlook = rows.filter((r) => r.section === 'outlook').map((r) => ({ year: r.year ?? ctx.cycle.year, title: r.title, competence: r.competence, costNok: r.costNok }));
    return {
      unit: ctx.unit,
      year: ctx.cycle.year,
      outlookYears: Array.from({ length: OUTLOOK_YEARS }, (_, i) => ctx.cycle.year + i),
      plan: visible,
      actions,
      outlook,
      outlookByYear: outlookByYear(outlook, ctx.cycle.year),
      evaluations: rows.filter((r) => r.section === 'evaluation').map((r) => ({ title: r.title, competence: r.competence, responsible: r.responsible })),
      actionCostNok: actionCost(actions),
      can: {
        create: writer && ctx.plan === null,
        edit: writer && status === 'draft',
        submit: writer && status !== null && canMoveUnitPlan(status, 'submitted'),
        approve: approver && status !== null && canMoveUnitPlan(status, 'approved'),
        sendBack: approver && status === 'submitted',
        reopen: approver && status === 'approved',
        export: visible !== null,
      },
    };
  });
}
