// The wheel page's year at a glance: the cycle, its milestones with their summed-up status and
// the count of units per status, the public holidays, today, and the years that have a cycle.
// Unlike getWheelYear (the list and the board, which show every unit), the counts come from one
// set-based statement, so the page costs the same for 20 units or 2,000; everything comes in one
// read-only statement, one round trip (docs/benchmarks.md).
import type { Database } from '../../db/client.ts';
import { readWheelOverview } from '../../db/repositories/wheel.repository.ts';
import type { Language } from '../../locales/index.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { parseWheelYear, summarizeTargetCounts, type TShownStatus } from './annual-wheel.rules.ts';
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
  const year = parseWheelYear(rawYear, today.slice(0, 4));
  // One read-only statement (one round trip on a server): the page writes nothing — unless the
  // region's shared milestones have changed since this municipality's copies were made; then the
  // copies are brought up to date (a write, in the tenant's own unit of work) and read again.
  let overview = await readWheelOverview(database, actor.tenantId, year);
  if (overview.regionalStale) {
    await database.withTenant(actor.tenantId, (tx) => syncRegionalMilestones(tx, { tenantId: actor.tenantId, language }));
    overview = await readWheelOverview(database, actor.tenantId, year);
  }
  const { cycle, years, milestones } = overview;
  return {
    year,
    today,
    cycle,
    years,
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      deadline: m.deadline,
      unitCount: m.units,
      regionName: m.region_name,
      ...summarizeTargetCounts(m.deadline, today, { units: m.units, done: m.done, inProgress: m.in_progress }),
    })),
    holidays: publicHolidays(year, language),
    ...wheelPermissions(actor),
  };
}
