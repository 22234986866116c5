// The multi-year plan as one printable document: settings, the work of every step, goals, the
// definition of competence, the staffing analysis (audited read), gaps, strategies and measures.
import type { Database } from '../../db/client.ts';
import { listGoals, listMeasures, listSteps, listStrategies } from '../../db/repositories/strategic-plan.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { readPlanAnalysis } from './get-staffing-analysis.ts';
import { loadPlan, planView } from './plan-access.ts';
import { PLAN_STEPS, stepProgress } from './strategic-plan.rules.ts';

export interface GetPlanDocumentOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  requestId?: string;
  now?: Date;
}

export async function getPlanDocument({ database, actor, planId, requestId, now }: GetPlanDocumentOptions) {
  authorize(actor, 'strategicPlan.read', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    const steps = await listSteps(tx, row.plan.id);
    const goals = await listGoals(tx, row.plan.id);
    const strategies = await listStrategies(tx, row.plan.id);
    const measures = await listMeasures(tx, row.plan.id);
    const analysis = await readPlanAnalysis(tx, actor, row, { requestId, now, purpose: 'print' });
    return {
      plan: planView(row),
      progress: stepProgress(steps.filter((s) => s.doneAt).map((s) => s.step)),
      steps: PLAN_STEPS.map((step) => {
        const s = steps.find((x) => x.step === step);
        return { step, notes: s?.notes ?? '', participants: s?.participants ?? '', done: Boolean(s?.doneAt) };
      }),
      goals: goals.map((g) => ({ id: g.id, source: g.source, document: g.document, reference: g.reference, text: g.text })),
      analysis,
      strategies: strategies.map((s) => ({
        id: s.id,
        kind: s.kind,
        styrk08: s.styrk08,
        generalCompetence: s.generalCompetence,
        title: s.title,
        description: s.description,
        measures: measures.filter((m) => m.measure.strategyId === s.id).map((m) => ({ id: m.measure.id, title: m.measure.title, deadline: m.measure.deadline, milestoneId: m.measure.milestoneId })),
      })),
    };
  });
}
