// Edit a region's shared milestone under the optimistic lock of its version. Every member's copy
// follows (sync-regional-milestones); the members' statuses on it are untouched.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findRegionMilestone, updateRegionMilestoneFields } from '../../db/repositories/region-wheel.repository.ts';
import type { Language } from '../../locales/index.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseWheelInput } from './annual-wheel.rules.ts';
import { regionTargetKind, ZUpdateRegionMilestoneSchema } from './region-wheel.rules.ts';
import { syncRegionalMilestones } from './sync-regional-milestones.ts';

export interface UpdateRegionMilestoneOptions {
  database: Database;
  actor: Actor;
  regionMilestoneId: string;
  input: unknown;
  language: Language;
  requestId?: string;
}

export async function updateRegionMilestone({ database, actor, regionMilestoneId, input, language, requestId }: UpdateRegionMilestoneOptions): Promise<{ version: number }> {
  authorize(actor, 'wheel.region.write', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(regionMilestoneId).success) throw notFound();
  const values = parseWheelInput(ZUpdateRegionMilestoneSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    // RLS: another region's milestone is invisible, so it is "not found", never editable.
    const current = await findRegionMilestone(tx, regionMilestoneId);
    if (!current) throw notFound();
    if (current.version !== values.version) throw staleVersion();
    const updated = await updateRegionMilestoneFields(tx, regionMilestoneId, values.version, {
      title: values.title,
      description: values.description,
      deadline: values.deadline,
      ownerRole: values.ownerRole,
      concerns: values.concerns,
      targetKind: regionTargetKind(values),
      reminderOffsets: values.reminderOffsets,
      overdueEveryDays: values.overdueEveryDays,
      escalateAfterDays: values.escalateAfterDays,
      updatedByTenantId: actor.tenantId,
    });
    if (!updated) throw staleVersion();
    await syncRegionalMilestones(tx, { tenantId: actor.tenantId, language });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'wheel.region.milestone.update', subjectType: 'region_milestone', subjectId: regionMilestoneId, requestId, details: { regionId: current.regionId } });
    return { version: updated.version };
  });
}
