// A coordinator of a member municipality adds a milestone to the region's shared wheel. It is
// stored once for the region and copied into every member's own wheel (sync-regional-milestones):
// at once into the actor's municipality, and into each other member when its wheel is next shown
// or its reminders are next claimed (at most 15 minutes).
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findOwnRegion, insertRegionMilestone } from '../../db/repositories/region-wheel.repository.ts';
import type { Language } from '../../locales/index.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseWheelInput } from './annual-wheel.rules.ts';
import { regionTargetKind, ZCreateRegionMilestoneSchema } from './region-wheel.rules.ts';
import { syncRegionalMilestones } from './sync-regional-milestones.ts';

export interface CreateRegionMilestoneOptions {
  database: Database;
  actor: Actor;
  input: unknown;
  language: Language;
  requestId?: string;
}

export async function createRegionMilestone({ database, actor, input, language, requestId }: CreateRegionMilestoneOptions): Promise<{ id: string }> {
  authorize(actor, 'wheel.region.write', { tenantId: actor.tenantId });
  const values = parseWheelInput(ZCreateRegionMilestoneSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const region = await findOwnRegion(tx, actor.tenantId);
    if (!region) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'wheel.errors.noRegion' });
    const row = await insertRegionMilestone(tx, {
      regionId: region.id,
      year: values.year,
      title: values.title,
      description: values.description,
      deadline: values.deadline,
      ownerRole: values.ownerRole,
      concerns: values.concerns,
      targetKind: regionTargetKind(values),
      reminderOffsets: values.reminderOffsets,
      overdueEveryDays: values.overdueEveryDays,
      escalateAfterDays: values.escalateAfterDays,
      createdByTenantId: actor.tenantId,
      updatedByTenantId: actor.tenantId,
    });
    await syncRegionalMilestones(tx, { tenantId: actor.tenantId, language });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'wheel.region.milestone.create', subjectType: 'region_milestone', subjectId: row.id, requestId, details: { regionId: region.id, year: values.year } });
    return { id: row.id };
  });
}
