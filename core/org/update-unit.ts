// Rename a unit, change its kind or code, move it (with its whole subtree) under another
// parent, and optionally set its leaders — all under the optimistic lock of the unit's version.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findUnit, findUnitByCode, lockTenantTree, moveSubtree, replaceLeaders, updateUnitFields } from '../../db/repositories/org-unit.repository.ts';
import { findPersonsByIds } from '../../db/repositories/person.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { changedFields, childPath, depthOfPath, parseInput, wouldCreateCycle, ZUnitInputSchema, ZVersionSchema } from './org.rules.ts';

export const ZUpdateUnitSchema = ZUnitInputSchema.extend({
  version: ZVersionSchema,
  /** When present, the complete new list of leaders. */
  leaderPersonIds: z.array(z.uuid()).max(20).optional(),
});

export interface UpdateUnitOptions {
  database: Database;
  actor: Actor;
  unitId: string;
  input: unknown;
  requestId?: string;
}

export async function updateUnit({ database, actor, unitId, input, requestId }: UpdateUnitOptions): Promise<{ version: number; moved: boolean }> {
  authorize(actor, 'org.write', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  const values = parseInput(ZUpdateUnitSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const current = await findUnit(tx, unitId);
    if (!current || current.archivedAt) throw notFound();
    if (current.version !== values.version) throw staleVersion();
    const moving = (values.parentId ?? null) !== (current.parentId ?? null);
    let newPath = current.path;
    if (moving) {
      // Moves are serialised per tenant so two concurrent moves cannot build a cycle together.
      await lockTenantTree(tx, actor.tenantId);
      const fresh = await findUnit(tx, unitId);
      if (!fresh || fresh.version !== values.version) throw staleVersion();
      if (!values.parentId) throw validation([{ path: 'parentId', key: 'errors.field.required' }]);
      const parent = await findUnit(tx, values.parentId);
      if (!parent || parent.archivedAt) throw validation([{ path: 'parentId', key: 'org.errors.parentMissing' }]);
      if (wouldCreateCycle(fresh.path, parent.path)) throw validation([{ path: 'parentId', key: 'org.errors.cycle' }]);
      newPath = childPath(parent.path, unitId);
    }
    if (values.code !== current.code) {
      const other = await findUnitByCode(tx, values.code);
      if (other && other.id !== unitId) throw validation([{ path: 'code', key: 'org.errors.codeTaken' }]);
    }
    if (values.leaderPersonIds) {
      const found = await findPersonsByIds(tx, values.leaderPersonIds);
      if (found.length !== new Set(values.leaderPersonIds).size) throw validation([{ path: 'leaderPersonIds', key: 'org.errors.leaderMissing' }]);
    }
    const fields = changedFields(current, { name: values.name, kind: values.kind, code: values.code, parentId: values.parentId });
    const updated = await updateUnitFields(tx, unitId, values.version, { name: values.name, kind: values.kind, code: values.code, parentId: values.parentId });
    if (!updated) throw staleVersion();
    if (moving) await moveSubtree(tx, current.path, newPath, depthOfPath(newPath) - current.depth);
    if (values.leaderPersonIds) {
      await replaceLeaders(tx, actor.tenantId, unitId, values.leaderPersonIds);
      fields.push('leaders');
    }
    await appendAudit(tx, {
      tenantId: actor.tenantId,
      actor: actorLabel(actor),
      action: 'unit.update',
      subjectType: 'unit',
      subjectId: unitId,
      requestId,
      details: { fields, moved: moving },
    });
    return { version: updated.version, moved: moving };
  });
}
