// The checklist overview of a year's wheel cycle: the units the actor may see with each unit's
// summary (yes / partly / no / not answered), and the municipality's summary per item. A unit
// leader sees the units they lead; coordinators, executives and tenant admins see all.
import type { Database } from '../../db/client.ts';
import { listChecklists } from '../../db/repositories/maturity.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { can } from '../shared/policy.ts';
import { loadChecklistContext, type ChecklistItemView } from './checklist-units.ts';
import { maturityPermissions, yearOf, type MaturityPermissions } from './maturity-access.ts';
import { summariseChecklist, summariseMunicipality, type ChecklistSummary, type MunicipalitySummary } from './maturity.rules.ts';

export interface GetChecklistOverviewOptions {
  database: Database;
  actor: Actor;
  year?: unknown;
  now?: Date;
}

export interface ChecklistOverview extends MaturityPermissions {
  year: number;
  hasCycle: boolean;
  items: ChecklistItemView[];
  units: Array<{ id: string; name: string; depth: number; canWrite: boolean; submitted: boolean; summary: ChecklistSummary }>;
  /** Over the units shown; null when the actor sees no unit. */
  municipality: MunicipalitySummary | null;
  tenantWide: boolean;
}

export async function getChecklistOverview({ database, actor, year: rawYear, now }: GetChecklistOverviewOptions): Promise<ChecklistOverview> {
  const year = yearOf(rawYear, now);
  const tenantWide = can(actor, 'checklist.read', { tenantId: actor.tenantId, unitPaths: [] }) || can(actor, 'maturity.manage', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    const { cycle, items, units } = await loadChecklistContext(tx, actor, year);
    const visible = units.filter((u) => u.canRead);
    if (!tenantWide && visible.length === 0) throw new AppError(AppErrorCode.FORBIDDEN, { params: { action: 'checklist.read' } });
    const itemIds = items.map((i) => i.id);
    const byUnit = new Map((cycle ? await listChecklists(tx, cycle.id) : []).map((c) => [c.unitId, c.answers]));
    const shown = visible.map((u) => ({ id: u.id, name: u.name, depth: u.depth, canWrite: u.canWrite && cycle !== null, submitted: byUnit.has(u.id), summary: summariseChecklist(itemIds, byUnit.get(u.id) ?? null) }));
    const submitted = visible.flatMap((u) => (byUnit.has(u.id) ? [byUnit.get(u.id)!] : []));
    return {
      year,
      hasCycle: cycle !== null,
      items,
      units: shown,
      municipality: visible.length === 0 ? null : summariseMunicipality(itemIds, visible.length, submitted),
      tenantWide,
      ...maturityPermissions(actor),
    };
  });
}
