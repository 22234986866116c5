// Record the plan's own 4-year outlook on a draft plan: the amount (and optionally people) the
// municipality plans per competence area for each of the three years after the plan's year, so
// that the 4-year programme is a decision and not just the sum of the units' needs. Year 1 is the
// plan's items. The whole outlook is saved at once under the plan's version.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { replaceOutlook, touchPlan } from '../../db/repositories/competence-plan.repository.ts';
import { findAreasByIds } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { staleVersion, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { checkOutlook, parsePlanInput, ZPlanOutlookSchema } from './competence-plan.rules.ts';
import { loadPlan, requireDraft } from './plan-access.ts';

export interface SavePlanOutlookOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  input: unknown;
  requestId?: string;
}

export async function savePlanOutlook({ database, actor, planId, input, requestId }: SavePlanOutlookOptions): Promise<{ planVersion: number; entries: number }> {
  authorize(actor, 'competencePlan.write', { tenantId: actor.tenantId });
  const { planVersion, entries } = parsePlanInput(ZPlanOutlookSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    requireDraft(plan);
    const { keep, issues } = checkOutlook(entries, plan.year);
    const areas = new Map((await findAreasByIds(tx, entries.map((e) => e.competenceAreaId))).map((a) => [a.id, a]));
    for (const [i, e] of entries.entries()) {
      const area = areas.get(e.competenceAreaId);
      if (!area || area.status === 'merged') issues.push({ path: `entries.${i}.competenceAreaId`, key: 'competencePlan.errors.areaUnknown' });
    }
    if (issues.length) throw validation(issues);
    const bumped = await touchPlan(tx, plan.id, planVersion);
    if (bumped === null) throw staleVersion();
    await replaceOutlook(tx, actor.tenantId, plan.id, keep);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'competencePlan.outlook.save', subjectType: 'competence_plan', subjectId: plan.id, requestId, details: { entries: keep.length } });
    return { planVersion: bumped, entries: keep.length };
  });
}
