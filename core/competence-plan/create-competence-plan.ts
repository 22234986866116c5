// Start the municipal competence plan of a wheel cycle (one per cycle), optionally with its budget frame.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertPlan } from '../../db/repositories/competence-plan.repository.ts';
import { findCycleByYear } from '../../db/repositories/wheel.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parsePlanInput, ZCreatePlanSchema } from './competence-plan.rules.ts';

export interface CreateCompetencePlanOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  requestId?: string;
}

export async function createCompetencePlan({ database, actor, input, requestId }: CreateCompetencePlanOptions): Promise<{ id: string }> {
  authorize(actor, 'competencePlan.write', { tenantId: actor.tenantId });
  const values = parsePlanInput(ZCreatePlanSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const cycle = await findCycleByYear(tx, values.year);
    if (!cycle) throw notFound();
    const plan = await insertPlan(tx, { tenantId: actor.tenantId, cycleId: cycle.id, title: values.title, budgetFrameNok: values.budgetFrameNok });
    if (!plan) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'competencePlan.errors.planExists' });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'competencePlan.create', subjectType: 'competence_plan', subjectId: plan.id, requestId, details: { year: values.year } });
    return { id: plan.id };
  });
}
