// Change a draft plan's item: area, measure types, people, planned cost, priority, position
// within the priority, note, catalogue links. Both the plan's and the item's version must match.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findItem, touchPlan, updateItem } from '../../db/repositories/competence-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parsePlanInput, ZUpdateItemSchema } from './competence-plan.rules.ts';
import { checkItemReferences } from './item-writes.ts';
import { loadPlan, requireDraft } from './plan-access.ts';

export interface UpdatePlanItemOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  itemId: string;
  input: unknown;
  requestId?: string;
}

export async function updatePlanItem({ database, actor, planId, itemId, input, requestId }: UpdatePlanItemOptions): Promise<{ version: number; planVersion: number }> {
  authorize(actor, 'competencePlan.write', { tenantId: actor.tenantId });
  const { planVersion, version, ...fields } = parsePlanInput(ZUpdateItemSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    requireDraft(plan);
    const item = await findItem(tx, itemId);
    if (!item || item.planId !== plan.id) throw notFound();
    const bumped = await touchPlan(tx, plan.id, planVersion);
    if (bumped === null) throw staleVersion();
    await checkItemReferences(tx, fields);
    const saved = await updateItem(tx, item.id, version, fields);
    if (saved === null) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'competencePlan.item.update', subjectType: 'competence_plan_item', subjectId: item.id, requestId, details: { planId: plan.id } });
    return { version: saved, planVersion: bumped };
  });
}
