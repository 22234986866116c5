// Move a unit's plan along draft → submitted → approved: the unit (its leader, or a coordinator)
// hands the draft in; the executive or a coordinator approves it (who and when are recorded and
// printed) or sends it back with a comment; an approved plan can be reopened as a draft.
import type { Database } from '../../db/client.ts';
import { findAccountById } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { updateUnitPlan, type UnitPlanFields } from '../../db/repositories/unit-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { accountIdOf } from '../mapping/mapping-context.ts';
import { canMoveUnitPlan, moveAction, parseUnitPlanInput, ZMoveUnitPlanSchema } from './unit-plan.rules.ts';
import { loadUnitPlanContext, requireVisiblePlan, unitResource } from './unit-plan-access.ts';

export interface MoveUnitPlanOptions {
  database: Database;
  actor: Actor;
  unitId: unknown;
  year: unknown;
  input: unknown;
  requestId?: string;
  now?: Date;
}

export async function moveUnitPlan({ database, actor, unitId, year, input, requestId, now }: MoveUnitPlanOptions): Promise<{ version: number }> {
  const { version, to, comment } = parseUnitPlanInput(ZMoveUnitPlanSchema, input);
  const at = now ?? new Date();
  return database.withTenant(actor.tenantId, async (tx) => {
    const ctx = await loadUnitPlanContext(tx, unitId, year);
    const plan = requireVisiblePlan(actor, ctx);
    authorize(actor, moveAction(to), unitResource(actor, ctx.unit.path));
    if (!canMoveUnitPlan(plan.status, to)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'unitPlan.errors.wrongStatus' });
    const accountId = accountIdOf(actor);
    let fields: UnitPlanFields = { status: to };
    let action: string;
    if (to === 'submitted') {
      fields = { ...fields, submittedAt: at, submittedByAccountId: accountId, returnComment: null };
      action = 'unitPlan.submit';
    } else if (to === 'approved') {
      const account = accountId ? await findAccountById(tx, accountId) : null;
      fields = { ...fields, approvedAt: at, approvedByAccountId: accountId, approvedByName: account?.displayName ?? actorLabel(actor), returnComment: null };
      action = 'unitPlan.approve';
    } else {
      // Back to draft: sent back from submitted (with the comment) or reopened after approval.
      fields = { ...fields, approvedAt: null, approvedByAccountId: null, approvedByName: null, returnComment: comment || null };
      action = plan.status === 'submitted' ? 'unitPlan.return' : 'unitPlan.reopen';
    }
    const saved = await updateUnitPlan(tx, plan.id, version, fields);
    if (saved === null) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action, subjectType: 'unit_plan', subjectId: plan.id, requestId, details: { from: plan.status, to } });
    return { version: saved };
  });
}
