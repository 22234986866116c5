// Shared steps of the competence-plan use cases: load a plan by id (NOT_FOUND for bad ids and
// plans the actor may not see), and refuse changes to a plan that is no longer a draft.
import { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { findPlanById, type PlanRow } from '../../db/repositories/competence-plan.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { can } from '../shared/policy.ts';
import type { TPlanStatus } from './competence-plan.rules.ts';

/** The plan, when the actor may read it in its status (drafts and approved plans: readers; published: everyone). */
export async function loadPlan(tx: Tx, actor: Actor, planId: unknown): Promise<PlanRow> {
  if (!z.uuid().safeParse(planId).success) throw notFound();
  const plan = await findPlanById(tx, planId as string);
  if (!plan) throw notFound();
  const resource = { tenantId: actor.tenantId };
  const visible = can(actor, 'competencePlan.read', resource) || (plan.status === 'published' && can(actor, 'competencePlan.readPublished', resource));
  if (!visible) throw notFound();
  return plan;
}

/** Items and settings change only while the plan is a draft. */
export function requireDraft(plan: { status: string }): void {
  if ((plan.status as TPlanStatus) !== 'draft') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'competencePlan.errors.notDraft' });
}
