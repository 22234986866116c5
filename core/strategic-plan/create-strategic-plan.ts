// Start a strategic competence and staffing plan for the municipality or one service area.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findScopeUnit } from '../../db/repositories/staffing.repository.ts';
import { insertPlan } from '../../db/repositories/strategic-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parsePlanInput, ZCreatePlanSchema } from './strategic-plan.rules.ts';

export interface CreateStrategicPlanOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  requestId?: string;
}

export async function createStrategicPlan({ database, actor, input, requestId }: CreateStrategicPlanOptions): Promise<{ id: string }> {
  authorize(actor, 'strategicPlan.write', { tenantId: actor.tenantId });
  const values = parsePlanInput(ZCreatePlanSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    if (values.scopeUnitId && !(await findScopeUnit(tx, values.scopeUnitId))) throw validation([{ path: 'scopeUnitId', key: 'strategicPlan.errors.scopeMissing' }]);
    const row = await insertPlan(tx, { tenantId: actor.tenantId, title: values.title, startYear: values.startYear, horizonYears: values.horizonYears, scopeUnitId: values.scopeUnitId });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'strategicPlan.create', subjectType: 'strategic_plan', subjectId: row.id, requestId, details: { startYear: values.startYear, scoped: Boolean(values.scopeUnitId) } });
    return { id: row.id };
  });
}
