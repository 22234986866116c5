// A unit's basis for "why": its goals, service standards and user-survey findings (short
// entries), and whether the actor may edit them (the unit's leaders and coordinators).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { listBasisEntries } from '../../db/repositories/mapping.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import type { TBasisKind } from './mapping.rules.ts';
import { requireUnit, type UnitRef } from './mapping-context.ts';

export interface GetUnitBasisOptions {
  database: Database;
  actor: Actor;
  unitId: string;
}

export interface UnitBasis {
  unit: UnitRef;
  entries: Array<{ id: string; kind: TBasisKind; text: string; version: number }>;
  canWrite: boolean;
}

export async function getUnitBasis({ database, actor, unitId }: GetUnitBasisOptions): Promise<UnitBasis> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await requireUnit(tx, unitId);
    const entries = await listBasisEntries(tx, unit.id);
    return {
      unit,
      entries: entries.map((e) => ({ id: e.id, kind: e.kind as TBasisKind, text: e.text, version: e.version })),
      canWrite: can(actor, 'mapping.unit.write', { tenantId: actor.tenantId, unitPaths: [unit.path] }),
    };
  });
}
