// Change a draft plan's title, budget frame (NOK, substitute costs included) and summary.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { updatePlan } from '../../db/repositories/competence-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parsePlanInput, ZPlanSettingsSchema } from './competence-plan.rules.ts';
import { loadPlan, requireDraft } from './plan-access.ts';

export interface UpdateCompetencePlanOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  input: unknown;
  requestId?: string;
}

export async function updateCompetencePlan({ database, actor, planId, input, requestId }: UpdateCompetencePlanOptions): Promise<{ version: number }> {
  authorize(actor, 'competencePlan.write', { tenantId: actor.tenantId });
  const { version, ...fields } = parsePlanInput(ZPlanSettingsSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    requireDraft(plan);
    const saved = await updatePlan(tx, plan.id, version, fields);
    if (saved === null) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'competencePlan.update', subjectType: 'competence_plan', subjectId: plan.id, requestId, details: { fields: Object.keys(fields) } });
    return { version: saved };
  });
}
