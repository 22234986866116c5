// One unit's checklist for a year: the active items with the unit's answers and comments, the
// row's version, and whether the actor may edit it.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findChecklist } from '../../db/repositories/maturity.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { loadChecklistContext, type ChecklistItemView } from './checklist-units.ts';
import { maturityPermissions, yearOf, type MaturityPermissions } from './maturity-access.ts';
import type { ChecklistEntry } from './maturity.rules.ts';

export interface GetChecklistFormOptions {
  database: Database;
  actor: Actor;
  year?: unknown;
  unitId: string;
  now?: Date;
}

export interface ChecklistForm extends MaturityPermissions {
  year: number;
  hasCycle: boolean;
  unit: { id: string; name: string };
  items: ChecklistItemView[];
  answers: Record<string, ChecklistEntry>;
  version: number | null;
  canWrite: boolean;
}

export async function getChecklistForm({ database, actor, year: rawYear, unitId, now }: GetChecklistFormOptions): Promise<ChecklistForm> {
  const year = yearOf(rawYear, now);
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const { cycle, items, units } = await loadChecklistContext(tx, actor, year);
    const unit = units.find((u) => u.id === unitId);
    if (!unit) throw notFound();
    authorize(actor, 'checklist.read', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    const row = cycle ? await findChecklist(tx, cycle.id, unit.id) : null;
    return {
      year,
      hasCycle: cycle !== null,
      unit: { id: unit.id, name: unit.name },
      items,
      answers: (row?.answers ?? {}) as Record<string, ChecklistEntry>,
      version: row?.version ?? null,
      canWrite: unit.canWrite && cycle !== null,
      ...maturityPermissions(actor),
    };
  });
}
