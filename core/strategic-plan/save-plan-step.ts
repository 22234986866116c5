// Save a step's notes and participants, and mark it done (or not done).
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { saveStep } from '../../db/repositories/strategic-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadPlan } from './plan-access.ts';
import { parsePlanInput, parseStep, ZStepInputSchema } from './strategic-plan.rules.ts';

export interface SavePlanStepOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  step: unknown;
  input: unknown;
  requestId?: string;
  now?: Date;
}

export async function savePlanStep({ database, actor, planId, step: rawStep, input, requestId, now }: SavePlanStepOptions): Promise<void> {
  authorize(actor, 'strategicPlan.write', { tenantId: actor.tenantId });
  const step = parseStep(rawStep);
  if (!step) throw notFound();
  const values = parsePlanInput(ZStepInputSchema, input);
  await database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    const accountId = actor.kind === 'account' ? actor.accountId : null;
    const saved = await saveStep(
      tx,
      { tenantId: actor.tenantId, planId: row.plan.id, step, notes: values.notes, participants: values.participants, doneAt: values.done ? (now ?? new Date()) : null, doneBy: values.done ? accountId : null },
      values.version,
    );
    if (!saved) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'strategicPlan.step.save', subjectType: 'strategic_plan', subjectId: row.plan.id, requestId, details: { step, done: values.done } });
  });
}
