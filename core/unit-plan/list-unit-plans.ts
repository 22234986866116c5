// The units' plans of a year: for those who read drafts, every unit in their scope (the leader's
// units and those below them; coordinators, executives and tenant admins: all) with its plan's
// status or "not started"; for everyone else, the units whose plan is approved.
import type { Database } from '../../db/client.ts';
import { listCycleYears } from '../../db/repositories/wheel.repository.ts';
import { findCycleByYear } from '../../db/repositories/wheel.repository.ts';
import { listLiveUnits, listUnitPlansOfCycle } from '../../db/repositories/unit-plan.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { ZYearSchema, type TUnitPlanStatus } from './unit-plan.rules.ts';
import { canSeeUnitPlan, canUnitPlan } from './unit-plan-access.ts';

export interface ListUnitPlansOptions {
  database: Database;
  actor: Actor;
  /** The wheel year; default the current calendar year when it has a wheel, else the latest. */
  year?: unknown;
  now?: Date;
}

export interface UnitPlanListEntry {
  unitId: string;
  unitName: string;
  depth: number;
  status: TUnitPlanStatus | null;
  /** The actor may start the plan (it is not started and the unit is theirs). */
  canCreate: boolean;
}

export interface UnitPlanList {
  years: number[];
  year: number | null;
  entries: UnitPlanListEntry[];
}

export async function listUnitPlans({ database, actor, year, now }: ListUnitPlansOptions): Promise<UnitPlanList> {
  return database.withTenant(actor.tenantId, async (tx) => {
    const years = (await listCycleYears(tx)).sort((a, b) => b - a);
    const asked = ZYearSchema.safeParse(year);
    const thisYear = (now ?? new Date()).getFullYear();
    const chosen = asked.success && years.includes(asked.data) ? asked.data : years.includes(thisYear) ? thisYear : (years[0] ?? null);
    if (chosen === null) return { years, year: null, entries: [] };
    const cycle = await findCycleByYear(tx, chosen);
    if (!cycle) return { years, year: null, entries: [] };
    const plans = new Map((await listUnitPlansOfCycle(tx, cycle.id)).map((p) => [p.unitId, p]));
    const live = await listLiveUnits(tx);
    // Tree order by names: each unit sorts under its ancestors' names.
    const nameOf = new Map(live.map((u) => [u.id, u.name]));
    const key = (path: string) => path.split('/').map((id) => nameOf.get(id) ?? id).join('\u0000');
    const units = live.map((u) => ({ ...u, key: key(u.path) })).sort((a, b) => a.key.localeCompare(b.key, 'nb'));
    const entries: UnitPlanListEntry[] = [];
    for (const u of units) {
      const plan = plans.get(u.id);
      const status = (plan?.status ?? null) as TUnitPlanStatus | null;
      const reader = canUnitPlan(actor, 'unitPlan.read', u.path);
      if (!reader && !(status && canSeeUnitPlan(actor, u.path, status))) continue;
      entries.push({ unitId: u.id, unitName: u.name, depth: u.depth, status, canCreate: status === null && canUnitPlan(actor, 'unitPlan.write', u.path) });
    }
    return { years, year: chosen, entries };
  });
}
