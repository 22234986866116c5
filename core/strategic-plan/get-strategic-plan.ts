// A plan's overview: its settings, the seven steps with who takes part and whether each is done.
import type { Database } from '../../db/client.ts';
import { listSteps } from '../../db/repositories/strategic-plan.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { canWritePlans, loadPlan, planView } from './plan-access.ts';
import { PLAN_STEPS, stepProgress } from './strategic-plan.rules.ts';

export interface GetStrategicPlanOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
}

export async function getStrategicPlan({ database, actor, planId }: GetStrategicPlanOptions) {
  authorize(actor, 'strategicPlan.read', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    const steps = await listSteps(tx, row.plan.id);
    const byStep = new Map(steps.map((s) => [s.step, s]));
    return {
      plan: planView(row),
      canWrite: canWritePlans(actor),
      progress: stepProgress(steps.filter((s) => s.doneAt).map((s) => s.step)),
      steps: PLAN_STEPS.map((step) => ({ step, done: Boolean(byStep.get(step)?.doneAt), started: byStep.has(step) })),
    };
  });
}
