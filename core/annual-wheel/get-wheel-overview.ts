// The wheel page's year at a glance: the cycle, its milestones with their summed-up status and
// the count of units per status, the public holidays, today, and the years that have a cycle.
// Unlike getWheelYear (the list and the board, which show every unit), the counts come from one
// set-based statement, so the page costs the same for 20 units or 2,000 (docs/benchmarks.md).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { countTargetStatusesOfCycle, findCycleByYear, listCycleYears, listMilestonesOfCycle } from '../../db/repositories/wheel.repository.ts';
import type { Language } from '../../locales/index.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { parseWheelInput, summarizeTargetCounts, ZYearSchema, type TShownStatus } from './annual-wheel.rules.ts';
import { findRegionNamesOfMilestones } from '../../db/repositories/region-wheel.repository.ts';
import { syncRegionalMilestones } from './sync-regional-milestones.ts';
import { publicHolidays, type PublicHoliday } from './holidays.ts';
import { today as todayOf, wheelPermissions, type WheelPermissions } from './wheel-access.ts';

export interface GetWheelOverviewOptions {
  database: Database;
  actor: Actor;
  /** The cycle's year; default: the current year. */
  year?: unknown;
  language: Language;
  now?: Date;
}

export interface MilestoneSummary {
  id: string;
  title: string;
  deadline: string;
  /** How many units the milestone is tracked for (1 for a whole-municipality milestone). */
  unitCount: number;
  counts: Record<TShownStatus, number>;
  shown: TShownStatus;
  /** The region's name when the milestone is the region's shared one (a copy), else null. */
  regionName: string | null;
}

export interface WheelOverview extends WheelPermissions {
  year: number;
  today: string;
  cycle: { id: string; title: string; status: string; template: string | null } | null;
  years: number[];
  milestones: MilestoneSummary[];
  holidays: PublicHoliday[];
}

export async function getWheelOverview({ database, actor, year: rawYear, language, now }: GetWheelOverviewOptions): Promise<WheelOverview> {
  authorize(actor, 'wheel.read', { tenantId: actor.tenantId });
  const today = todayOf(now);
  const { year } = parseWheelInput(z.object({ year: ZYearSchema }), { year: rawYear === undefined || rawYear === null || rawYear === '' ? today.slice(0, 4) : rawYear });
  return database.withTenant(actor.tenantId, async (tx) => {
    // The region's shared milestones join the tenant's own wheel (copies, tenant-owned).
    await syncRegionalMilestones(tx, { tenantId: actor.tenantId, language });
    const cycle = await findCycleByYear(tx, year);
    const years = await listCycleYears(tx);
    const rows = cycle ? await listMilestonesOfCycle(tx, cycle.id) : [];
    const regionNames = await findRegionNamesOfMilestones(tx, rows.flatMap((m) => (m.regionMilestoneId ? [m.regionMilestoneId] : [])));
    const counted = new Map(cycle && rows.length ? (await countTargetStatusesOfCycle(tx, cycle.id)).map((c) => [c.milestone_id, c]) : []);
    return {
      year,
      today,
      cycle: cycle ? { id: cycle.id, title: cycle.title, status: cycle.status, template: cycle.template } : null,
      years,
      milestones: rows.map((m) => {
        const c = counted.get(m.id);
        const units = c?.units ?? 0;
        return { id: m.id, title: m.title, deadline: m.deadline, unitCount: units, regionName: m.regionMilestoneId ? (regionNames.get(m.regionMilestoneId) ?? '') : null, ...summarizeTargetCounts(m.deadline, today, { units, done: c?.done ?? 0, inProgress: c?.in_progress ?? 0 }) };
      }),
      holidays: publicHolidays(year, language),
      ...wheelPermissions(actor),
    };
  });
}
