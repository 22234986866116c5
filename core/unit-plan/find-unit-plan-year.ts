// Which year's plan to open for a unit when no year is given (the link from the unit page): the
// current calendar year when the annual wheel has it, else the next year the wheel has, else its
// latest; null when there is no wheel at all. NOT_FOUND for a unit the actor's tenant does not have.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findUnit } from '../../db/repositories/org-unit.repository.ts';
import { listCycleYears } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';

export interface FindUnitPlanYearOptions {
  database: Database;
  actor: Actor;
  unitId: unknown;
  now?: Date;
}

export function pickPlanYear(years: readonly number[], thisYear: number): number | null {
  if (years.includes(thisYear)) return thisYear;
  const later = years.filter((y) => y > thisYear).sort((a, b) => a - b);
  if (later.length > 0) return later[0]!;
  return years.length > 0 ? Math.max(...years) : null;
}

export async function findUnitPlanYear({ database, actor, unitId, now }: FindUnitPlanYearOptions): Promise<{ unitId: string; year: number | null }> {
  authorize(actor, 'unitPlan.readApproved', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await findUnit(tx, unitId as string);
    if (!unit || unit.archivedAt) throw notFound();
    return { unitId: unit.id, year: pickPlanYear(await listCycleYears(tx), (now ?? new Date()).getFullYear()) };
  });
}
