// One milestone: its fields, every target unit's status with who set it and when, which units
// the actor may mark, and (for the edit form) the units and kinds to choose targets from.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findAccountNames, findMilestone } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import { loadMilestoneViews, type MilestoneView } from './milestone-status.ts';
import { today as todayOf, wheelPermissions, type WheelPermissions } from './wheel-access.ts';

export interface GetMilestoneOptions {
  database: Database;
  actor: Actor;
  milestoneId: string;
  now?: Date;
}

export interface MilestoneDetail extends WheelPermissions {
  today: string;
  cycle: { id: string; year: number; title: string };
  milestone: MilestoneView;
  /** Unit ids the actor may set the status of. */
  markable: string[];
  setByNames: Record<string, string>;
  unitOptions: Array<{ id: string; name: string; kind: string; depth: number }>;
}

export async function getMilestone({ database, actor, milestoneId, now }: GetMilestoneOptions): Promise<MilestoneDetail> {
  authorize(actor, 'wheel.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(milestoneId).success) throw notFound();
  const today = todayOf(now);
  return database.withTenant(actor.tenantId, async (tx) => {
    const found = await findMilestone(tx, milestoneId);
    if (!found) throw notFound();
    const { views, units } = await loadMilestoneViews(tx, [found.milestone], today);
    const milestone = views[0]!;
    const names = await findAccountNames(tx, [...new Set(milestone.units.map((u) => u.setByAccountId).filter((id): id is string => id !== null))]);
    return {
      today,
      cycle: { id: found.cycle.id, year: found.cycle.year, title: found.cycle.title },
      milestone,
      markable: milestone.units.filter((u) => can(actor, 'wheel.status', { tenantId: actor.tenantId, unitPaths: [u.unitPath] })).map((u) => u.unitId),
      setByNames: Object.fromEntries(names),
      unitOptions: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, depth: u.depth })),
      ...wheelPermissions(actor),
    };
  });
}
