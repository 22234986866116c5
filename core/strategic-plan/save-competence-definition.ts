// Step 4: the municipality's own definition of what competence is.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { updatePlanFields } from '../../db/repositories/strategic-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadPlan } from './plan-access.ts';
import { parsePlanInput, ZDefinitionSchema } from './strategic-plan.rules.ts';

export interface SaveCompetenceDefinitionOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  input: unknown;
  requestId?: string;
}

export async function saveCompetenceDefinition({ database, actor, planId, input, requestId }: SaveCompetenceDefinitionOptions): Promise<void> {
  authorize(actor, 'strategicPlan.write', { tenantId: actor.tenantId });
  const { version, competenceDefinition } = parsePlanInput(ZDefinitionSchema, input);
  await database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    if (!(await updatePlanFields(tx, row.plan.id, version, { competenceDefinition }))) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'strategicPlan.update', subjectType: 'strategic_plan', subjectId: row.plan.id, requestId, details: { fields: ['competenceDefinition'] } });
  });
}
