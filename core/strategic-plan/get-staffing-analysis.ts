// The staffing analysis of a plan (aggregates only; small groups suppressed), as step 5 and
// the printed plan show it. Reading it is audited: it is derived from personnel data.
import type { Database, Tx } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { listRequirements } from '../../db/repositories/strategic-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { loadPlan, planView, scopeOf, todayIn, type LoadedPlan } from './plan-access.ts';
import { computeStaffingAnalysis, type StaffingAnalysis } from './staffing-analysis.ts';

export interface GetStaffingAnalysisOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  requestId?: string;
  now?: Date;
}

/** Inside an open transaction: compute the plan's analysis and audit the read. */
export async function readPlanAnalysis(tx: Tx, actor: Actor, row: LoadedPlan, options: { requestId?: string | undefined; now?: Date | undefined; purpose: string }): Promise<StaffingAnalysis> {
  const requirements = await listRequirements(tx, row.plan.id);
  const analysis = await computeStaffingAnalysis(tx, scopeOf(row, todayIn(options.now)), row.plan, requirements);
  await appendAudit(tx, {
    tenantId: actor.tenantId,
    actor: actorLabel(actor),
    action: 'strategicPlan.analysis.read',
    subjectType: 'strategic_plan',
    subjectId: row.plan.id,
    requestId: options.requestId,
    details: { purpose: options.purpose, persons: analysis.totals.persons },
  });
  return analysis;
}

export async function getStaffingAnalysis({ database, actor, planId, requestId, now }: GetStaffingAnalysisOptions) {
  authorize(actor, 'strategicPlan.read', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    return { plan: planView(row), analysis: await readPlanAnalysis(tx, actor, row, { requestId, now, purpose: 'analysis' }) };
  });
}
