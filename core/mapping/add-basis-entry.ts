// Add a goal, service standard or user-survey finding to a unit's basis (its leaders and coordinators).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertBasisEntry } from '../../db/repositories/mapping.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseMappingInput, ZBasisEntrySchema } from './mapping.rules.ts';
import { requireUnit } from './mapping-context.ts';

export interface AddBasisEntryOptions {
  database: Database;
  actor: Actor;
  unitId: string;
  input: unknown;
  requestId?: string;
}

export async function addBasisEntry({ database, actor, unitId, input, requestId }: AddBasisEntryOptions): Promise<{ id: string }> {
  authorize(actor, 'mapping.read', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  const values = parseMappingInput(ZBasisEntrySchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await requireUnit(tx, unitId);
    authorize(actor, 'mapping.unit.write', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    const row = await insertBasisEntry(tx, { tenantId: actor.tenantId, unitId: unit.id, kind: values.kind, text: values.text });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'mapping.basis.add', subjectType: 'org_unit', subjectId: unit.id, requestId, details: { kind: values.kind } });
    return { id: row.id };
  });
}
