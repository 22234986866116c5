// Fill a draft plan again from the data: the facts are read anew from the org data, and rows are
// added for needs of the unit's mapping form and catalogue measures that the plan does not have
// yet (nothing already written is changed or removed).
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { updateUnitPlan } from '../../db/repositories/unit-plan.repository.ts';
import type { Language } from '../../locales/index.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { appendPrefillRows, unitFacts } from './prefill.ts';
import { parseUnitPlanInput, ZVersionSchema } from './unit-plan.rules.ts';
import { loadUnitPlanContext, requireDraft, requireVisiblePlan, unitResource } from './unit-plan-access.ts';

export interface PrefillUnitPlanOptions {
  database: Database;
  actor: Actor;
  unitId: unknown;
  year: unknown;
  input: unknown;
  language: Language;
  requestId?: string;
}

export async function prefillUnitPlan({ database, actor, unitId, year, input, language, requestId }: PrefillUnitPlanOptions): Promise<{ version: number; added: number }> {
  const { version } = parseUnitPlanInput(ZVersionSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const ctx = await loadUnitPlanContext(tx, unitId, year);
    const plan = requireVisiblePlan(actor, ctx);
    authorize(actor, 'unitPlan.write', unitResource(actor, ctx.unit.path));
    requireDraft(plan);
    // Take the lock first, so that two prefills at once cannot both append.
    const saved = await updateUnitPlan(tx, plan.id, version, await unitFacts(tx, ctx.unit));
    if (saved === null) throw staleVersion();
    const added = await appendPrefillRows(tx, { tenantId: actor.tenantId, planId: plan.id, unitId: ctx.unit.id, cycleId: ctx.cycle.id, year: ctx.cycle.year, language });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'unitPlan.prefill', subjectType: 'unit_plan', subjectId: plan.id, requestId, details: { added } });
    return { version: saved, added };
  });
}
