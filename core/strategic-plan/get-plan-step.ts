// One step's guided page: the step's work (notes, participants, done), and what the step is
// about — goals (3), the definition of competence (4), the staffing analysis with required
// numbers (5, an audited read), strategies and their measures on the wheel (6).
import type { Database } from '../../db/client.ts';
import { listGoals, listMeasures, listRequirements, listSteps, listStrategies } from '../../db/repositories/strategic-plan.repository.ts';
import { listCycleYears } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import { readPlanAnalysis } from './get-staffing-analysis.ts';
import { canWritePlans, loadPlan, planView } from './plan-access.ts';
import { parseStep, PLAN_STEPS, planYears, stepProgress } from './strategic-plan.rules.ts';

export interface GetPlanStepOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  step: unknown;
  requestId?: string;
  now?: Date;
}

export async function getPlanStep({ database, actor, planId, step: rawStep, requestId, now }: GetPlanStepOptions) {
  authorize(actor, 'strategicPlan.read', { tenantId: actor.tenantId });
  const step = parseStep(rawStep);
  if (!step) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    const steps = await listSteps(tx, row.plan.id);
    const current = steps.find((s) => s.step === step) ?? null;
    const goals = step === 3 ? await listGoals(tx, row.plan.id) : [];
    const analysis = step === 5 ? await readPlanAnalysis(tx, actor, row, { requestId, now, purpose: 'step5' }) : null;
    const requirements = step === 5 ? await listRequirements(tx, row.plan.id) : [];
    const strategies = step === 6 || step === 7 ? await listStrategies(tx, row.plan.id) : [];
    const measures = step === 6 || step === 7 ? await listMeasures(tx, row.plan.id) : [];
    const cycleYears = step === 6 ? await listCycleYears(tx) : [];
    return {
      plan: planView(row),
      step,
      years: planYears(row.plan.startYear, row.plan.horizonYears),
      canWrite: canWritePlans(actor),
      canWriteWheel: can(actor, 'wheel.write', { tenantId: actor.tenantId }),
      progress: stepProgress(steps.filter((s) => s.doneAt).map((s) => s.step)),
      steps: PLAN_STEPS.map((s) => ({ step: s, done: Boolean(steps.find((x) => x.step === s)?.doneAt) })),
      work: { notes: current?.notes ?? '', participants: current?.participants ?? '', done: Boolean(current?.doneAt), version: current?.version ?? 0, doneAt: current?.doneAt?.toISOString() ?? null },
      goals: goals.map((g) => ({ id: g.id, source: g.source, document: g.document, reference: g.reference, text: g.text })),
      analysis,
      requirements: requirements.map((r) => ({ styrk08: r.styrk08, year: r.year, basis: r.basis, required: r.required })),
      strategies: strategies.map((s) => ({
        id: s.id,
        kind: s.kind,
        styrk08: s.styrk08,
        generalCompetence: s.generalCompetence,
        title: s.title,
        description: s.description,
        measures: measures.filter((m) => m.measure.strategyId === s.id).map((m) => ({ id: m.measure.id, title: m.measure.title, deadline: m.measure.deadline, milestoneId: m.measure.milestoneId, year: m.cycleYear })),
      })),
      cycleYears,
    };
  });
}
export type PlanStepPage = Awaited<ReturnType<typeof getPlanStep>>;
