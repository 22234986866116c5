// What the unit form needs: the unit (when editing), the units it may be placed under (not
// itself or its descendants), its leaders and people who could lead it.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { findUnit, listLeaders, listPersonsInUnits, listUnitsCompact } from '../../db/repositories/org-unit.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { buildTree, flattenTree, isInSubtree } from './org.rules.ts';

const LEADER_CANDIDATES = 300;

export interface GetUnitFormOptions {
  database: Database;
  actor: Actor;
  /** Editing this unit; absent for a new unit. */
  unitId?: string;
}

export async function getUnitForm({ database, actor, unitId }: GetUnitFormOptions) {
  authorize(actor, 'org.write', { tenantId: actor.tenantId });
  if (unitId !== undefined && !z.uuid().safeParse(unitId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = unitId ? await findUnit(tx, unitId) : null;
    if (unitId && (!unit || unit.archivedAt)) throw notFound();
    const all = await listUnitsCompact(tx);
    const allowed = unit ? all.filter((u) => !isInSubtree(u.path, unit.path)) : all;
    const parentOptions = flattenTree(buildTree(allowed)).map((u) => ({ id: u.id, name: u.name, kind: u.kind, depth: u.depth }));
    if (!unit) return { unit: null, parentOptions, leaders: [], leaderCandidates: [], isRoot: false, hasUnits: all.length > 0 };
    const leaders = await listLeaders(tx, unit.id);
    const candidates = await listPersonsInUnits(tx, unit.parentId ? [unit.id, unit.parentId] : [unit.id], LEADER_CANDIDATES);
    const leaderIds = new Set(leaders.map((l) => l.personId));
    return {
      unit: { id: unit.id, name: unit.name, kind: unit.kind, code: unit.code, parentId: unit.parentId, version: unit.version },
      parentOptions,
      leaders: leaders.map((l) => ({ personId: l.personId, name: `${l.familyName}, ${l.givenName}` })),
      leaderCandidates: candidates.filter((c) => !leaderIds.has(c.personId)).map((c) => ({ personId: c.personId, name: `${c.familyName}, ${c.givenName}` })),
      isRoot: unit.parentId === null,
      hasUnits: true,
    };
  });
}

export type UnitForm = Awaited<ReturnType<typeof getUnitForm>>;
