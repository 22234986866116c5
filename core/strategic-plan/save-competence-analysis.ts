// Step 5, the qualitative part of KS's analysis: the competence the services require, the
// competence capital the staff have, and the competence needs that follow.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { updatePlanFields } from '../../db/repositories/strategic-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadPlan } from './plan-access.ts';
import { parsePlanInput, ZCompetenceAnalysisSchema } from './strategic-plan.rules.ts';

export interface SaveCompetenceAnalysisOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  input: unknown;
  requestId?: string;
}

export async function saveCompetenceAnalysis({ database, actor, planId, input, requestId }: SaveCompetenceAnalysisOptions): Promise<void> {
  authorize(actor, 'strategicPlan.write', { tenantId: actor.tenantId });
  const { version, ...fields } = parsePlanInput(ZCompetenceAnalysisSchema, input);
  await database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    if (!(await updatePlanFields(tx, row.plan.id, version, fields))) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'strategicPlan.update', subjectType: 'strategic_plan', subjectId: row.plan.id, requestId, details: { fields: Object.keys(fields) } });
  });
}
