// The plans the actor may see (readers: every status; everyone else: published only), newest
// year first, and for editors the cycle years that have no plan yet.
import type { Database } from '../../db/client.ts';
import { listPlans } from '../../db/repositories/competence-plan.repository.ts';
import { listCycleYears } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize, can } from '../shared/policy.ts';
import type { TPlanStatus } from './competence-plan.rules.ts';

export interface PlanListEntry {
  id: string;
  year: number;
  title: string;
  status: TPlanStatus;
  budgetFrameNok: number | null;
  approvedAt: Date | null;
  approvedByName: string | null;
}

export async function listCompetencePlans({ database, actor }: { database: Database; actor: Actor }): Promise<{ plans: PlanListEntry[]; yearsWithoutPlan: number[]; canCreate: boolean }> {
  authorize(actor, 'competencePlan.readPublished', { tenantId: actor.tenantId });
  const resource = { tenantId: actor.tenantId };
  const reader = can(actor, 'competencePlan.read', resource);
  const canCreate = can(actor, 'competencePlan.write', resource);
  return database.withTenant(actor.tenantId, async (tx) => {
    const rows = await listPlans(tx, reader ? undefined : ['published']);
    const plans = rows.map((p) => ({ id: p.id, year: p.year, title: p.title, status: p.status as TPlanStatus, budgetFrameNok: p.budgetFrameNok, approvedAt: p.approvedAt, approvedByName: p.approvedByName }));
    const taken = new Set(plans.map((p) => p.year));
    const yearsWithoutPlan = canCreate ? (await listCycleYears(tx)).filter((y) => !taken.has(y)) : [];
    return { plans, yearsWithoutPlan, canCreate };
  });
}
