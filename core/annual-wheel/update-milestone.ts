// Edit a milestone under the optimistic lock of its version.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findMilestone, listUnitsForTargets, updateMilestoneFields } from '../../db/repositories/wheel.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseWheelInput, targetColumns, ZMilestoneInputSchema, ZVersionSchema } from './annual-wheel.rules.ts';

export const ZUpdateMilestoneSchema = ZMilestoneInputSchema.and(z.object({ version: ZVersionSchema }));

export interface UpdateMilestoneOptions {
  database: Database;
  actor: Actor;
  milestoneId: string;
  input: unknown;
  requestId?: string;
}

export async function updateMilestone({ database, actor, milestoneId, input, requestId }: UpdateMilestoneOptions): Promise<{ version: number }> {
  authorize(actor, 'wheel.write', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(milestoneId).success) throw notFound();
  const values = parseWheelInput(ZUpdateMilestoneSchema, input);
  const targets = targetColumns(values);
  return database.withTenant(actor.tenantId, async (tx) => {
    const current = await findMilestone(tx, milestoneId);
    if (!current) throw notFound();
    // A copy of the region's shared milestone changes only through the region's (update-region-milestone).
    if (current.milestone.regionMilestoneId) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'wheel.errors.regionalCopy' });
    if (current.milestone.version !== values.version) throw staleVersion();
    if (targets.targetUnitIds.length) {
      const known = new Set((await listUnitsForTargets(tx)).map((u) => u.id));
      if (!targets.targetUnitIds.every((id) => known.has(id))) throw validation([{ path: 'targetUnitIds', key: 'wheel.errors.unitMissing' }]);
    }
    const updated = await updateMilestoneFields(tx, milestoneId, values.version, {
      title: values.title,
      description: values.description,
      deadline: values.deadline,
      ownerRole: values.ownerRole,
      concerns: values.concerns,
      ...targets,
      reminderOffsets: values.reminderOffsets,
      overdueEveryDays: values.overdueEveryDays,
      escalateAfterDays: values.escalateAfterDays,
    });
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'wheel.milestone.update', subjectType: 'wheel_milestone', subjectId: milestoneId, requestId });
    return { version: updated.version };
  });
}
