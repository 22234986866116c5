// Step 6: add a strategy (develop, recruit, mobilise, restructure) for a position type or a
// general competence (digital skills, cooperation, ...).
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertStrategy } from '../../db/repositories/strategic-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { loadPlan } from './plan-access.ts';
import { parsePlanInput, ZStrategySchema } from './strategic-plan.rules.ts';

export interface AddPlanStrategyOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  input: unknown;
  requestId?: string;
}

export async function addPlanStrategy({ database, actor, planId, input, requestId }: AddPlanStrategyOptions): Promise<{ id: string }> {
  authorize(actor, 'strategicPlan.write', { tenantId: actor.tenantId });
  const v = parsePlanInput(ZStrategySchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    const strategy = await insertStrategy(tx, {
      tenantId: actor.tenantId,
      planId: row.plan.id,
      kind: v.kind,
      styrk08: v.target === 'position_type' ? v.styrk08 : null,
      generalCompetence: v.target === 'general' ? v.generalCompetence : null,
      title: v.title,
      description: v.description,
    });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'strategicPlan.strategy.add', subjectType: 'strategic_plan', subjectId: row.plan.id, requestId, details: { kind: v.kind } });
    return { id: strategy.id };
  });
}
