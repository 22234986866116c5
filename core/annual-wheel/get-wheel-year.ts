// One year of the wheel: the cycle, its milestones with their summed-up status, the public
// holidays of the year, today, and the years that have a cycle. Feeds /wheel, the milestone
// list and the status board.
import type { Database } from '../../db/client.ts';
import { findCycleByYear, listCycleYears, listMilestonesOfCycle } from '../../db/repositories/wheel.repository.ts';
import type { Language } from '../../locales/index.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { parseWheelYear } from './annual-wheel.rules.ts';
import { syncRegionalMilestones } from './sync-regional-milestones.ts';
import { publicHolidays, type PublicHoliday } from './holidays.ts';
import { loadMilestoneViews, type MilestoneView } from './milestone-status.ts';
import { today as todayOf, wheelPermissions, type WheelPermissions } from './wheel-access.ts';

export interface GetWheelYearOptions {
  database: Database;
  actor: Actor;
  /** The cycle's year; default: the current year. */
  year?: unknown;
  language: Language;
  now?: Date;
}

export interface WheelYear extends WheelPermissions {
  year: number;
  today: string;
  cycle: { id: string; title: string; status: string; template: string | null } | null;
  years: number[];
  milestones: MilestoneView[];
  holidays: PublicHoliday[];
  /** Units that are the target of at least one milestone, by depth then name (the board's rows). */
  boardUnits: Array<{ id: string; name: string; depth: number }>;
}

export async function getWheelYear({ database, actor, year: rawYear, language, now }: GetWheelYearOptions): Promise<WheelYear> {
  authorize(actor, 'wheel.read', { tenantId: actor.tenantId });
  const today = todayOf(now);
  const year = parseWheelYear(rawYear, today.slice(0, 4));
  return database.withTenant(actor.tenantId, async (tx) => {
    // The region's shared milestones join the tenant's own wheel (copies, tenant-owned).
    await syncRegionalMilestones(tx, { tenantId: actor.tenantId, language });
    const cycle = await findCycleByYear(tx, year);
    const years = await listCycleYears(tx);
    const rows = cycle ? await listMilestonesOfCycle(tx, cycle.id) : [];
    const { views, units } = await loadMilestoneViews(tx, rows, today);
    const targeted = new Set(views.flatMap((m) => m.units.map((u) => u.unitId)));
    return {
      year,
      today,
      cycle: cycle ? { id: cycle.id, title: cycle.title, status: cycle.status, template: cycle.template } : null,
      years,
      milestones: views,
      holidays: publicHolidays(year, language),
      boardUnits: units.filter((u) => targeted.has(u.id)).map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
      ...wheelPermissions(actor),
    };
  });
}
