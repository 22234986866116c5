// Remove an item from a draft plan.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { deleteItem, findItem, touchPlan } from '../../db/repositories/competence-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parsePlanInput, ZRemoveItemSchema } from './competence-plan.rules.ts';
import { loadPlan, requireDraft } from './plan-access.ts';

export interface RemovePlanItemOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  itemId: string;
  input: unknown;
  requestId?: string;
}

export async function removePlanItem({ database, actor, planId, itemId, input, requestId }: RemovePlanItemOptions): Promise<{ planVersion: number }> {
  authorize(actor, 'competencePlan.write', { tenantId: actor.tenantId });
  const { planVersion, version } = parsePlanInput(ZRemoveItemSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    requireDraft(plan);
    const item = await findItem(tx, itemId);
    if (!item || item.planId !== plan.id) throw notFound();
    const bumped = await touchPlan(tx, plan.id, planVersion);
    if (bumped === null || !(await deleteItem(tx, item.id, version))) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'competencePlan.item.remove', subjectType: 'competence_plan_item', subjectId: item.id, requestId, details: { planId: plan.id } });
    return { planVersion: bumped };
  });
}
