// Bring a member municipality's copies of its region's milestones up to date, inside the
// tenant's own unit of work (withTenant): RLS shows only the tenant's region's milestones, and
// every copy is written under the tenant's own setting — no cross-tenant write anywhere.
// A missing copy is added to the tenant's cycle of that year (made when the year has none); a
// copy of an older region version is overwritten with the region's fields (the copy's statuses,
// which are the tenant's own rows keyed by the copy, stay). Runs when the tenant's wheel is
// shown, after a regional milestone is saved, and before the reminder job claims the tenant's
// reminders — so every member's unit leaders are reminded on the region's current dates.
// Idempotent and safe to run concurrently: the copy is unique per (tenant, region milestone),
// and an update only applies when the copy holds an older version.
import type { Tx } from '../../db/client.ts';
import { insertRegionalCopies, listRegionalCopies, listVisibleRegionMilestones, updateRegionalCopy } from '../../db/repositories/region-wheel.repository.ts';
import { findCycleByYear, insertCycle } from '../../db/repositories/wheel.repository.ts';
import { translate, type Language } from '../../locales/index.ts';

export async function syncRegionalMilestones(tx: Tx, { tenantId, language }: { tenantId: string; language: Language }): Promise<{ added: number; updated: number }> {
  const regional = await listVisibleRegionMilestones(tx);
  if (regional.length === 0) return { added: 0, updated: 0 };
  const copies = new Map((await listRegionalCopies(tx)).map((c) => [c.regionMilestoneId!, c]));
  const cycleIds = new Map<number, string>();
  const cycleOf = async (year: number) => {
    if (!cycleIds.has(year)) {
      const cycle = (await findCycleByYear(tx, year)) ?? (await insertCycle(tx, { tenantId, year, title: translate(language, 'wheel.cycle.defaultTitle', { year }) })) ?? (await findCycleByYear(tx, year));
      cycleIds.set(year, cycle!.id);
    }
    return cycleIds.get(year)!;
  };
  const toInsert = [];
  let updated = 0;
  for (const r of regional) {
    const fields = {
      title: r.title,
      description: r.description,
      deadline: r.deadline,
      ownerRole: r.ownerRole,
      concerns: r.concerns,
      targetKind: r.targetKind,
      reminderOffsets: r.reminderOffsets,
      overdueEveryDays: r.overdueEveryDays,
      escalateAfterDays: r.escalateAfterDays,
    };
    const copy = copies.get(r.id);
    if (!copy) toInsert.push({ tenantId, cycleId: await cycleOf(r.year), ...fields, targetUnitIds: [], regionMilestoneId: r.id, regionVersion: r.version });
    else if ((copy.regionVersion ?? 0) < r.version && (await updateRegionalCopy(tx, copy.id, r.version, fields))) updated++;
  }
  const added = (await insertRegionalCopies(tx, toInsert)).length;
  return { added, updated };
}
