// Load a cycle's milestones with the status of every target unit (shown status: overdue when
// past the deadline and not done). Used by the wheel, the list, the board and the detail page.
import type { Tx } from '../../db/client.ts';
import { findRegionNamesOfMilestones } from '../../db/repositories/region-wheel.repository.ts';
import { listMilestonesOfCycle, listStatuses, listUnitsForTargets } from '../../db/repositories/wheel.repository.ts';
import { aggregateStatus, shownStatus, targetUnits, type TShownStatus, type TUnitStatus } from './annual-wheel.rules.ts';

export interface UnitStatusView {
  unitId: string;
  unitName: string;
  unitPath: string;
  status: TUnitStatus;
  shown: TShownStatus;
  /** Row version (null before the first status is set). */
  version: number | null;
  setByAccountId: string | null;
  setAt: string | null;
  source: string | null;
}

export interface MilestoneView {
  id: string;
  title: string;
  description: string;
  deadline: string;
  ownerRole: string;
  concerns: string;
  targetKind: string | null;
  targetUnitIds: string[];
  reminderOffsets: number[];
  overdueEveryDays: number;
  escalateAfterDays: number | null;
  version: number;
  /** A copy of the region's shared milestone: the region milestone's id, and the region's name (else null). */
  regionMilestoneId: string | null;
  regionName: string | null;
  wholeMunicipality: boolean;
  units: UnitStatusView[];
  shown: TShownStatus;
  counts: Record<TShownStatus, number>;
}

type MilestoneRow = Awaited<ReturnType<typeof listMilestonesOfCycle>>[number];

export async function loadMilestoneViews(tx: Tx, milestones: MilestoneRow[], today: string): Promise<{ views: MilestoneView[]; units: Awaited<ReturnType<typeof listUnitsForTargets>> }> {
  const units = await listUnitsForTargets(tx);
  const statuses = await listStatuses(tx, milestones.map((m) => m.id));
  const byKey = new Map(statuses.map((s) => [`${s.milestoneId}/${s.unitId}`, s]));
  const regionNames = await findRegionNamesOfMilestones(tx, milestones.flatMap((m) => (m.regionMilestoneId ? [m.regionMilestoneId] : [])));
  const views = milestones.map((m): MilestoneView => {
    const targets = targetUnits(m, units);
    const unitViews = targets.units.map((u): UnitStatusView => {
      const row = byKey.get(`${m.id}/${u.id}`);
      const status = (row?.status ?? 'not_started') as TUnitStatus;
      return {
        unitId: u.id,
        unitName: u.name,
        unitPath: u.path,
        status,
        shown: shownStatus(m.deadline, status, today),
        version: row?.version ?? null,
        setByAccountId: row?.setByAccountId ?? null,
        setAt: row?.setAt.toISOString() ?? null,
        source: row?.source ?? null,
      };
    });
    const counts: Record<TShownStatus, number> = { not_started: 0, in_progress: 0, done: 0, overdue: 0 };
    for (const u of unitViews) counts[u.shown]++;
    return {
      id: m.id,
      title: m.title,
      description: m.description,
      deadline: m.deadline,
      ownerRole: m.ownerRole,
      concerns: m.concerns,
      targetKind: m.targetKind,
      targetUnitIds: m.targetUnitIds,
      reminderOffsets: m.reminderOffsets,
      overdueEveryDays: m.overdueEveryDays,
      escalateAfterDays: m.escalateAfterDays,
      version: m.version,
      regionMilestoneId: m.regionMilestoneId,
      regionName: m.regionMilestoneId ? (regionNames.get(m.regionMilestoneId) ?? '') : null,
      wholeMunicipality: targets.wholeMunicipality,
      units: unitViews,
      shown: aggregateStatus(unitViews.map((u) => u.shown)),
      counts,
    };
  });
  return { views, units };
}
