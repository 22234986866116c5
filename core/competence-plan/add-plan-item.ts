// Add an item to a draft plan: a competence area with chosen measure types, planned cost
// (substitute costs included) and priority, optionally linked to catalogue measures. It goes
// last within its priority.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertItem, nextItemPosition, touchPlan } from '../../db/repositories/competence-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parsePlanInput, ZAddItemSchema } from './competence-plan.rules.ts';
import { checkItemReferences } from './item-writes.ts';
import { loadPlan, requireDraft } from './plan-access.ts';

export interface AddPlanItemOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  input: unknown;
  requestId?: string;
}

export async function addPlanItem({ database, actor, planId, input, requestId }: AddPlanItemOptions): Promise<{ id: string; planVersion: number }> {
  authorize(actor, 'competencePlan.write', { tenantId: actor.tenantId });
  const { planVersion, ...fields } = parsePlanInput(ZAddItemSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    requireDraft(plan);
    const bumped = await touchPlan(tx, plan.id, planVersion);
    if (bumped === null) throw staleVersion();
    await checkItemReferences(tx, fields);
    const item = await insertItem(tx, { tenantId: actor.tenantId, planId: plan.id, ...fields, position: await nextItemPosition(tx, plan.id) });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'competencePlan.item.add', subjectType: 'competence_plan_item', subjectId: item.id, requestId, details: { planId: plan.id } });
    return { id: item.id, planVersion: bumped };
  });
}
