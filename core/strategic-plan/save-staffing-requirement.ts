// Step 5: the required number of people (head count or FTE) of a position type in each plan year.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { replaceRequirements } from '../../db/repositories/strategic-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadPlan } from './plan-access.ts';
import { parsePlanInput, planYears, ZRequirementSchema } from './strategic-plan.rules.ts';

export interface SaveStaffingRequirementOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  input: unknown;
  requestId?: string;
}

export async function saveStaffingRequirement({ database, actor, planId, input, requestId }: SaveStaffingRequirementOptions): Promise<void> {
  authorize(actor, 'strategicPlan.write', { tenantId: actor.tenantId });
  const values = parsePlanInput(ZRequirementSchema, input);
  await database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    const years = planYears(row.plan.startYear, row.plan.horizonYears);
    if (values.values.length !== years.length) throw validation([{ path: 'values', key: 'errors.field.invalid' }]);
    const rows = years.flatMap((year, i) => {
      const v = values.values[i];
      return v === '' || v === undefined ? [] : [{ year, basis: values.basis, required: v }];
    });
    await replaceRequirements(tx, actor.tenantId, row.plan.id, values.styrk08, rows);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'strategicPlan.requirement.save', subjectType: 'strategic_plan', subjectId: row.plan.id, requestId, details: { styrk08: values.styrk08, years: rows.length } });
  });
}
