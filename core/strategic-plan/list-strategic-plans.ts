// The tenant's strategic plans with their progress through the seven steps, and the service
// areas a new plan can cover.
import type { Database } from '../../db/client.ts';
import { listServiceAreas } from '../../db/repositories/staffing.repository.ts';
import { listPlans } from '../../db/repositories/strategic-plan.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { canWritePlans, todayIn } from './plan-access.ts';
import { PLAN_STEPS } from './strategic-plan.rules.ts';

export interface ListStrategicPlansOptions {
  database: Database;
  actor: Actor;
  now?: Date;
}

export async function listStrategicPlans({ database, actor, now }: ListStrategicPlansOptions) {
  authorize(actor, 'strategicPlan.read', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    const rows = await listPlans(tx);
    const serviceAreas = await listServiceAreas(tx);
    return {
      canWrite: canWritePlans(actor),
      currentYear: Number(todayIn(now).slice(0, 4)),
      serviceAreas,
      plans: rows.map((r) => ({
        id: r.plan.id,
        title: r.plan.title,
        startYear: r.plan.startYear,
        endYear: r.plan.startYear + r.plan.horizonYears - 1,
        status: r.plan.status,
        scopeName: r.scopeName,
        doneSteps: r.doneSteps,
        totalSteps: PLAN_STEPS.length,
      })),
    };
  });
}
