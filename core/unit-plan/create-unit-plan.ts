// Start a unit's action and development plan for a year of the annual wheel (one per unit and
// year), prefilled from what the municipality knows: the facts from the org data, action rows
// from the unit's mapping form and the catalogue measures aimed at it.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertUnitPlan, updateUnitPlan } from '../../db/repositories/unit-plan.repository.ts';
import type { Language } from '../../locales/index.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { appendPrefillRows, unitFacts } from './prefill.ts';
import { loadUnitPlanContext, unitResource } from './unit-plan-access.ts';

export interface CreateUnitPlanOptions {
  database: Database;
  actor: Actor;
  unitId: unknown;
  year: unknown;
  /** The language of the prefilled texts. */
  language: Language;
  requestId?: string;
}

export async function createUnitPlan({ database, actor, unitId, year, language, requestId }: CreateUnitPlanOptions): Promise<{ id: string; version: number; prefilled: number }> {
  return database.withTenant(actor.tenantId, async (tx) => {
    const ctx = await loadUnitPlanContext(tx, unitId, year);
    authorize(actor, 'unitPlan.write', unitResource(actor, ctx.unit.path));
    if (ctx.plan) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'unitPlan.errors.planExists' });
    const facts = await unitFacts(tx, ctx.unit);
    const plan = await insertUnitPlan(tx, { tenantId: actor.tenantId, unitId: ctx.unit.id, cycleId: ctx.cycle.id, ...facts });
    if (!plan) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'unitPlan.errors.planExists' });
    const prefilled = await appendPrefillRows(tx, { tenantId: actor.tenantId, planId: plan.id, unitId: ctx.unit.id, cycleId: ctx.cycle.id, year: ctx.cycle.year, language });
    const version = prefilled > 0 ? await updateUnitPlan(tx, plan.id, plan.version, {}) : plan.version;
    if (version === null) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'unitPlan.create', subjectType: 'unit_plan', subjectId: plan.id, requestId, details: { unitId: ctx.unit.id, year: ctx.cycle.year, prefilled } });
    return { id: plan.id, version, prefilled };
  });
}
