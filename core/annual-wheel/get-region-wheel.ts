// The region's shared milestones of a year (/wheel/region): the region's name, its milestones,
// the years that have any, and whether the actor may add and edit them. A municipality outside
// any region gets region: null and no milestones. Read under RLS: only the actor's own region.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findOwnRegion, findRegionMilestone, listRegionMilestonesOfYear, listRegionMilestoneYears } from '../../db/repositories/region-wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import { parseWheelYear } from './annual-wheel.rules.ts';
import { today, wheelPermissions } from './wheel-access.ts';

export interface GetRegionWheelOptions {
  database: Database;
  actor: Actor;
  year?: unknown;
  now?: Date;
}

export async function getRegionWheel({ database, actor, year: rawYear, now }: GetRegionWheelOptions) {
  authorize(actor, 'wheel.region.read', { tenantId: actor.tenantId });
  const year = parseWheelYear(rawYear, today(now).slice(0, 4));
  const canWriteRegion = can(actor, 'wheel.region.write', { tenantId: actor.tenantId });
  const permissions = wheelPermissions(actor);
  return database.withTenant(actor.tenantId, async (tx) => {
    const region = await findOwnRegion(tx, actor.tenantId);
    if (!region) return { year, region: null, years: [] as number[], milestones: [], canWriteRegion: false, ...permissions };
    const rows = await listRegionMilestonesOfYear(tx, year);
    return {
      year,
      region,
      years: await listRegionMilestoneYears(tx),
      milestones: rows.map((r) => ({
        id: r.id,
        title: r.title,
        description: r.description,
        deadline: r.deadline,
        ownerRole: r.ownerRole,
        concerns: r.concerns,
        targetKind: r.targetKind,
        reminderOffsets: r.reminderOffsets,
        overdueEveryDays: r.overdueEveryDays,
        escalateAfterDays: r.escalateAfterDays,
        version: r.version,
        byOwnMunicipality: r.updatedByTenantId === actor.tenantId,
      })),
      canWriteRegion,
      ...permissions,
    };
  });
}

/** One region milestone for its edit form (coordinators of a member municipality). */
export async function getRegionMilestone({ database, actor, regionMilestoneId }: { database: Database; actor: Actor; regionMilestoneId: string }) {
  authorize(actor, 'wheel.region.write', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(regionMilestoneId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const row = await findRegionMilestone(tx, regionMilestoneId);
    if (!row) throw notFound();
    const region = await findOwnRegion(tx, actor.tenantId);
    return { milestone: row, regionName: region?.name ?? '' };
  });
}
