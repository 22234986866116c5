// Move a plan along draft → approved → published (or an approved plan back to draft). Approval
// is the executive's or the coordinator's and records who and when; publishing (employees then
// see the plan) and sending back are the coordinator's.
import type { Database } from '../../db/client.ts';
import { findAccountById } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { updatePlan, type PlanFields } from '../../db/repositories/competence-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { accountIdOf } from '../mapping/mapping-context.ts';
import { canMovePlan, parsePlanInput, ZMovePlanSchema, type TPlanStatus } from './competence-plan.rules.ts';
import { loadPlan } from './plan-access.ts';

export interface MoveCompetencePlanOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  input: unknown;
  requestId?: string;
  now?: Date;
}

export async function moveCompetencePlan({ database, actor, planId, input, requestId, now }: MoveCompetencePlanOptions): Promise<{ version: number }> {
  const { version, to } = parsePlanInput(ZMovePlanSchema, input);
  authorize(actor, to === 'approved' ? 'competencePlan.approve' : 'competencePlan.write', { tenantId: actor.tenantId });
  const at = now ?? new Date();
  return database.withTenant(actor.tenantId, async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    if (!canMovePlan(plan.status as TPlanStatus, to)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'competencePlan.errors.wrongStatus' });
    const accountId = accountIdOf(actor);
    let fields: PlanFields = { status: to };
    if (to === 'approved') {
      const account = accountId ? await findAccountById(tx, accountId) : null;
      fields = { ...fields, approvedAt: at, approvedByAccountId: accountId, approvedByName: account?.displayName ?? actorLabel(actor) };
    } else if (to === 'published') {
      fields = { ...fields, publishedAt: at, publishedByAccountId: accountId };
    } else {
      fields = { ...fields, approvedAt: null, approvedByAccountId: null, approvedByName: null };
    }
    const saved = await updatePlan(tx, plan.id, version, fields);
    if (saved === null) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: `competencePlan.${to === 'draft' ? 'reopen' : to === 'approved' ? 'approve' : 'publish'}`, subjectType: 'competence_plan', subjectId: plan.id, requestId, details: { from: plan.status, to } });
    return { version: saved };
  });
}
