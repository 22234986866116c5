// The coordinator's starting point for the municipal competence plan: every unit's needs from the
// cycle's handed-in (submitted and approved) mapping forms, added up by competence area across
// sectors, with totals of people, cost and substitute cost and the measure mix, and per area and
// year over the 4-year outlook. Unit-level
// figures only (no person), so nothing here is audited.
import type { Database } from '../../db/client.ts';
import { aggregateMixOfCycle, aggregateNeedsByYear, aggregateNeedsOfCycle, countHandedInForms } from '../../db/repositories/competence-plan.repository.ts';
import { findCycleByYear, listCycleYears } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { defaultCycleYear } from '../mapping/mapping.rules.ts';
import { today as todayOf } from '../mapping/mapping-context.ts';
import { OUTLOOK_YEARS, shapeAggregate, shapeOutlook, type PlanAggregate, type PlanOutlook } from './competence-plan.rules.ts';

export interface GetPlanAggregateOptions {
  database: Database;
  actor: Actor;
  /** The cycle's year; the current (or next) cycle when empty. */
  year?: string | null;
  now?: Date;
}

export interface PlanAggregateView {
  years: number[];
  cycle: { id: string; year: number; title: string } | null;
  /** Handed-in forms the figures come from. */
  forms: number;
  aggregate: PlanAggregate;
  /** The needs per area and year over the cycle's 4-year outlook (no plan: nothing planned); null without a cycle. */
  outlook: PlanOutlook | null;
}

export async function getPlanAggregate({ database, actor, year, now }: GetPlanAggregateOptions): Promise<PlanAggregateView> {
  authorize(actor, 'competencePlan.read', { tenantId: actor.tenantId });
  const today = todayOf(now);
  return database.withTenant(actor.tenantId, async (tx) => {
    const years = await listCycleYears(tx);
    const requested = year ? Number(year) : defaultCycleYear(years, today);
    const cycle = requested !== null && Number.isInteger(requested) ? await findCycleByYear(tx, requested) : null;
    if (year && !cycle) throw notFound();
    if (!cycle) return { years, cycle: null, forms: 0, aggregate: shapeAggregate([], []), outlook: null };
    const rows = await aggregateNeedsOfCycle(tx, cycle.id);
    const mix = await aggregateMixOfCycle(tx, cycle.id);
    const forms = await countHandedInForms(tx, cycle.id);
    const byYear = await aggregateNeedsByYear(tx, cycle.id, cycle.year, cycle.year + OUTLOOK_YEARS - 1);
    const outlook = shapeOutlook({ planYear: cycle.year, needs: byYear, items: [], planned: [], areaNames: new Map() });
    return { years, cycle: { id: cycle.id, year: cycle.year, title: cycle.title }, forms, aggregate: shapeAggregate(rows, mix), outlook };
  });
}
