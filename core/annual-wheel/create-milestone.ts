// Add a milestone to a year's cycle (the cycle is created when the year has none yet).
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findCycleByYear, insertCycle, insertMilestones, listUnitsForTargets } from '../../db/repositories/wheel.repository.ts';
import { translate, type Language } from '../../locales/index.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseWheelInput, parseWheelYear, targetColumns, ZMilestoneInputSchema } from './annual-wheel.rules.ts';

export interface CreateMilestoneOptions {
  database: Database;
  actor: Actor;
  year: unknown;
  input: unknown;
  language: Language;
  requestId?: string;
}

export async function createMilestone({ database, actor, year: rawYear, input, language, requestId }: CreateMilestoneOptions): Promise<{ id: string }> {
  authorize(actor, 'wheel.write', { tenantId: actor.tenantId });
  const year = parseWheelYear(rawYear);
  const values = parseWheelInput(ZMilestoneInputSchema, input);
  const targets = targetColumns(values);
  return database.withTenant(actor.tenantId, async (tx) => {
    if (targets.targetUnitIds.length) {
      const known = new Set((await listUnitsForTargets(tx)).map((u) => u.id));
      if (!targets.targetUnitIds.every((id) => known.has(id))) throw validation([{ path: 'targetUnitIds', key: 'wheel.errors.unitMissing' }]);
    }
    const cycle =
      (await findCycleByYear(tx, year)) ??
      (await insertCycle(tx, { tenantId: actor.tenantId, year, title: translate(language, 'wheel.cycle.defaultTitle', { year }) })) ??
      (await findCycleByYear(tx, year));
    const [row] = await insertMilestones(tx, [
      {
        tenantId: actor.tenantId,
        cycleId: cycle!.id,
        title: values.title,
        description: values.description,
        deadline: values.deadline,
        ownerRole: values.ownerRole,
        concerns: values.concerns,
        ...targets,
        reminderOffsets: values.reminderOffsets,
        overdueEveryDays: values.overdueEveryDays,
        escalateAfterDays: values.escalateAfterDays,
      },
    ]);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'wheel.milestone.create', subjectType: 'wheel_milestone', subjectId: row!.id, requestId, details: { year } });
    return { id: row!.id };
  });
}
