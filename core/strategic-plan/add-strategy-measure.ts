// Step 6 → 7: a measure of a strategy becomes a milestone on the annual wheel, in the cycle of
// the deadline's year (through the wheel's repository, as create-milestone does). When that
// year has no wheel yet, nothing is saved and the coordinator is sent to the templates page.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findStrategy, insertMeasure } from '../../db/repositories/strategic-plan.repository.ts';
import { findCycleByYear, insertMilestones } from '../../db/repositories/wheel.repository.ts';
import { translate, type Language } from '../../locales/index.ts';
import { DEFAULT_OVERDUE_EVERY_DAYS, DEFAULT_REMINDER_OFFSETS } from '../annual-wheel/annual-wheel.rules.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadPlan } from './plan-access.ts';
import { parsePlanInput, ZMeasureSchema } from './strategic-plan.rules.ts';

export interface AddStrategyMeasureOptions {
  database: Database;
  actor: Actor;
  planId: unknown;
  strategyId: unknown;
  input: unknown;
  language: Language;
  requestId?: string;
}

export async function addStrategyMeasure({ database, actor, planId, strategyId, input, language, requestId }: AddStrategyMeasureOptions): Promise<{ id: string; milestoneId: string }> {
  authorize(actor, 'strategicPlan.write', { tenantId: actor.tenantId });
  authorize(actor, 'wheel.write', { tenantId: actor.tenantId });
  const v = parsePlanInput(ZMeasureSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const row = await loadPlan(tx, planId);
    const strategy = typeof strategyId === 'string' && /^[0-9a-f-]{36}$/i.test(strategyId) ? await findStrategy(tx, strategyId) : null;
    if (!strategy || strategy.planId !== row.plan.id) throw notFound();
    const year = Number(v.deadline.slice(0, 4));
    const cycle = await findCycleByYear(tx, year);
    if (!cycle) throw validation([{ path: 'deadline', key: 'strategicPlan.errors.noCycle', params: { year } }]);
    const [milestone] = await insertMilestones(tx, [
      {
        tenantId: actor.tenantId,
        cycleId: cycle.id,
        title: v.title,
        description: translate(language, 'strategicPlan.measure.milestoneDescription', { plan: row.plan.title, strategy: strategy.title }),
        deadline: v.deadline,
        ownerRole: 'coordinator',
        concerns: 'other',
        targetKind: null,
        targetUnitIds: [],
        reminderOffsets: [...DEFAULT_REMINDER_OFFSETS],
        overdueEveryDays: DEFAULT_OVERDUE_EVERY_DAYS,
        escalateAfterDays: null,
      },
    ]);
    const measure = await insertMeasure(tx, { tenantId: actor.tenantId, strategyId: strategy.id, title: v.title, deadline: v.deadline, milestoneId: milestone!.id });
    await appendAudit(tx, [
      { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'strategicPlan.measure.add', subjectType: 'strategic_plan', subjectId: row.plan.id, requestId, details: { strategyId: strategy.id } },
      { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'wheel.milestone.create', subjectType: 'wheel_milestone', subjectId: milestone!.id, requestId, details: { year } },
    ]);
    return { id: measure.id, milestoneId: milestone!.id };
  });
}
