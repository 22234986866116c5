// Change a plan's title, status and the retirement assumptions of its analysis.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { updatePlanFields } from '../../db/repositories/strategic-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadPlan } from './plan-access.ts';
import { parsePlanInput, ZPlanSettingsSchema } from './strategic-plan.rules.ts';

export interface UpdatePlanSettingsOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  input: unknown;
  requestId?: string;
}

export async function updatePlanSettings({ database, actor, planId, input, requestId }: UpdatePlanSettingsOptions): Promise<void> {
  authorize(actor, 'strategicPlan.write', { tenantId: actor.tenantId });
  const { version, ...fields } = parsePlanInput(ZPlanSettingsSchema, input);
  await database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    const saved = await updatePlanFields(tx, row.plan.id, version, fields);
    if (!saved) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'strategicPlan.update', subjectType: 'strategic_plan', subjectId: row.plan.id, requestId, details: { fields: Object.keys(fields) } });
  });
}
