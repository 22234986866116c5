// A competence plan with its items in priority order, the cumulative cost against the budget
// frame (where the money runs out), the planned measure mix, and — for those who may see the
// cycle's aggregate — the units' needs by area and sector the plan is made from; and the 4-year
// outlook per area and year. Employees and
// leaders see a plan only once it is published (NOT_FOUND before).
import type { Database } from '../../db/client.ts';
import { aggregateMixOfCycle, aggregateNeedsByYear, aggregateNeedsOfCycle, findCatalogueMeasures, listItems, listOutlook, type PlanRow } from '../../db/repositories/competence-plan.repository.ts';
import { listAreas } from '../../db/repositories/mapping.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { can } from '../shared/policy.ts';
import { isMeasureType, measureMix, type MeasureMix, type MeasureType } from '../shared/measure-types.ts';
import { applyBudgetFrame, canMovePlan, OUTLOOK_YEARS, shapeAggregate, shapeOutlook, type FrameResult, type PlanAggregate, type PlanOutlook, type TPlanStatus } from './competence-plan.rules.ts';
import { loadPlan } from './plan-access.ts';

export interface GetCompetencePlanOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
}

export interface PlanItemView {
  id: string;
  version: number;
  competenceAreaId: string;
  areaName: string;
  measureTypes: MeasureType[];
  peopleCount: number;
  plannedCostNok: number;
  priority: number;
  position: number;
  note: string;
  catalogueMeasures: Array<{ id: string; title: string }>;
}

export interface CompetencePlanView {
  plan: Omit<PlanRow, 'status'> & { status: TPlanStatus };
  framed: FrameResult<PlanItemView>;
  /** The planned items' mix of courses and learning at work (people spread over each item's types). */
  mix: MeasureMix;
  /** The units' needs of the plan's cycle; null for those who see only the published plan. */
  aggregate: PlanAggregate | null;
  /** The 4-year outlook per area and year: planned (items, then the coordinator's outlook), and for readers the units' needs. */
  outlook: PlanOutlook;
  /** Live competence areas to choose from (editors only). */
  areas: Array<{ id: string; name: string }>;
  can: { edit: boolean; approve: boolean; publish: boolean; reopen: boolean };
}

export async function getCompetencePlan({ database, actor, planId }: GetCompetencePlanOptions): Promise<CompetencePlanView> {
  return database.withTenant(actor.tenantId, async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    const status = plan.status as TPlanStatus;
    const resource = { tenantId: actor.tenantId };
    const reader = can(actor, 'competencePlan.read', resource);
    const writer = can(actor, 'competencePlan.write', resource);
    const rows = await listItems(tx, plan.id);
    const allAreas = await listAreas(tx);
    const areaName = new Map(allAreas.map((a) => [a.id, a.name]));
    const measures = new Map((await findCatalogueMeasures(tx, rows.flatMap((r) => r.catalogueMeasureIds))).map((m) => [m.id, m]));
    const items: PlanItemView[] = rows.map((r) => ({
      id: r.id,
      version: r.version,
      competenceAreaId: r.competenceAreaId,
      areaName: areaName.get(r.competenceAreaId) ?? '',
      measureTypes: r.measureTypes.filter(isMeasureType),
      peopleCount: r.peopleCount,
      plannedCostNok: r.plannedCostNok,
      priority: r.priority,
      position: r.position,
      note: r.note,
      catalogueMeasures: r.catalogueMeasureIds.flatMap((id) => (measures.has(id) ? [{ id, title: measures.get(id)!.title }] : [])),
    }));
    const lastYear = plan.year + OUTLOOK_YEARS - 1;
    const outlook = shapeOutlook({
      planYear: plan.year,
      needs: reader ? await aggregateNeedsByYear(tx, plan.cycleId, plan.year, lastYear) : null,
      items,
      planned: await listOutlook(tx, plan.id),
      areaNames: areaName,
    });
    const aggregate = reader ? shapeAggregate(await aggregateNeedsOfCycle(tx, plan.cycleId), await aggregateMixOfCycle(tx, plan.cycleId)) : null;
    return {
      plan: { ...plan, status },
      framed: applyBudgetFrame(items, plan.budgetFrameNok),
      mix: measureMix(items.flatMap((i) => i.measureTypes.map((type) => ({ type, weight: (i.peopleCount || 1) / i.measureTypes.length })))),
      aggregate,
      outlook,
      areas: writer && status === 'draft' ? allAreas.filter((a) => a.status === 'active' || a.status === 'proposed').map((a) => ({ id: a.id, name: a.name })) : [],
      can: {
        edit: writer && status === 'draft',
        approve: can(actor, 'competencePlan.approve', resource) && canMovePlan(status, 'approved'),
        publish: writer && canMovePlan(status, 'published'),
        reopen: writer && canMovePlan(status, 'draft'),
      },
    };
  });
}
