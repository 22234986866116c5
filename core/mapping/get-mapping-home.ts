// The mapping start page: the units the actor leads with the state of each one's form in the
// current cycle, and which of the mapping pages the actor may open.
import type { Database } from '../../db/client.ts';
import { listFormsOfCycle } from '../../db/repositories/mapping.repository.ts';
import { findCycleByYear, listCycleYears, listUnitsForTargets } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize, can } from '../shared/policy.ts';
import { defaultCycleYear, type TFormStatus } from './mapping.rules.ts';
import { today as todayOf } from './mapping-context.ts';

export interface GetMappingHomeOptions {
  database: Database;
  actor: Actor;
  now?: Date;
}

export interface MappingHome {
  year: number | null;
  units: Array<{ id: string; name: string; status: TFormStatus | 'missing' }>;
  canOverview: boolean;
  canManageAreas: boolean;
}

export async function getMappingHome({ database, actor, now }: GetMappingHomeOptions): Promise<MappingHome> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  const led = new Set(actor.kind === 'account' ? actor.leaderUnitPaths : []);
  return database.withTenant(actor.tenantId, async (tx) => {
    const year = defaultCycleYear(await listCycleYears(tx), todayOf(now));
    const cycle = year === null ? null : await findCycleByYear(tx, year);
    const forms = cycle ? await listFormsOfCycle(tx, cycle.id) : [];
    const status = new Map(forms.map((f) => [f.unitId, f.status as TFormStatus]));
    const units = (await listUnitsForTargets(tx)).filter((u) => led.has(u.path));
    return {
      year,
      units: units.map((u) => ({ id: u.id, name: u.name, status: status.get(u.id) ?? 'missing' })),
      canOverview: can(actor, 'mapping.overview', { tenantId: actor.tenantId }),
      canManageAreas: can(actor, 'mapping.vocabulary', { tenantId: actor.tenantId }),
    };
  });
}
