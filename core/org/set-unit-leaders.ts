// Replace the leaders of a unit (optimistic lock on the unit's version, which it bumps).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findUnit, replaceLeaders, updateUnitFields } from '../../db/repositories/org-unit.repository.ts';
import { findPersonsByIds } from '../../db/repositories/person.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseInput, ZVersionSchema } from './org.rules.ts';

export const ZSetUnitLeadersSchema = z.object({ version: ZVersionSchema, personIds: z.array(z.uuid()).max(20) });

export interface SetUnitLeadersOptions {
  database: Database;
  actor: Actor;
  unitId: string;
  input: unknown;
  requestId?: string;
}

export async function setUnitLeaders({ database, actor, unitId, input, requestId }: SetUnitLeadersOptions): Promise<{ version: number }> {
  authorize(actor, 'org.write', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  const values = parseInput(ZSetUnitLeadersSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await findUnit(tx, unitId);
    if (!unit || unit.archivedAt) throw notFound();
    const found = await findPersonsByIds(tx, values.personIds);
    if (found.length !== new Set(values.personIds).size) throw validation([{ path: 'personIds', key: 'org.errors.leaderMissing' }]);
    const updated = await updateUnitFields(tx, unitId, values.version, {});
    if (!updated) throw staleVersion();
    await replaceLeaders(tx, actor.tenantId, unitId, values.personIds);
    await appendAudit(tx, {
      tenantId: actor.tenantId,
      actor: actorLabel(actor),
      action: 'unit.leaders.set',
      subjectType: 'unit',
      subjectId: unitId,
      requestId,
      details: { count: new Set(values.personIds).size },
    });
    return { version: updated.version };
  });
}
