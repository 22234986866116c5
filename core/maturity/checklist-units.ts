// Shared by the checklist use cases: the year's wheel cycle, the active items, and the units that
// answer the checklist (every active unit below the municipality itself), with what the actor may do.
import type { Tx } from '../../db/client.ts';
import { listChecklistItems } from '../../db/repositories/maturity.repository.ts';
import { findCycleByYear, listUnitsForTargets } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { can } from '../shared/policy.ts';

export interface ChecklistItemView {
  id: string;
  seedKey: string | null;
  text: string | null;
  version: number;
}

export interface ChecklistUnit {
  id: string;
  name: string;
  path: string;
  depth: number;
  canRead: boolean;
  canWrite: boolean;
}

export async function loadChecklistContext(tx: Tx, actor: Actor, year: number) {
  const cycle = await findCycleByYear(tx, year);
  const items: ChecklistItemView[] = (await listChecklistItems(tx, { includeArchived: false })).map((i) => ({ id: i.id, seedKey: i.seedKey, text: i.text, version: i.version }));
  const units: ChecklistUnit[] = (await listUnitsForTargets(tx))
    .filter((u) => u.depth > 0)
    .map((u) => ({
      id: u.id,
      name: u.name,
      path: u.path,
      depth: u.depth,
      canRead: can(actor, 'checklist.read', { tenantId: actor.tenantId, unitPaths: [u.path] }),
      canWrite: can(actor, 'checklist.write', { tenantId: actor.tenantId, unitPaths: [u.path] }),
    }));
  return { cycle, items, units };
}
