// Step 3: add an overall goal or guideline, with the document (municipal plan, employer
// strategy, ...) and the reference (chapter, page) it comes from.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertGoal } from '../../db/repositories/strategic-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { loadPlan } from './plan-access.ts';
import { parsePlanInput, ZGoalSchema } from './strategic-plan.rules.ts';

export interface AddPlanGoalOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  input: unknown;
  requestId?: string;
}

export async function addPlanGoal({ database, actor, planId, input, requestId }: AddPlanGoalOptions): Promise<{ id: string }> {
  authorize(actor, 'strategicPlan.write', { tenantId: actor.tenantId });
  const values = parsePlanInput(ZGoalSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    const goal = await insertGoal(tx, { tenantId: actor.tenantId, planId: row.plan.id, ...values });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'strategicPlan.goal.add', subjectType: 'strategic_plan', subjectId: row.plan.id, requestId, details: { source: values.source } });
    return { id: goal.id };
  });
}
