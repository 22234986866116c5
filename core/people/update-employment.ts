// Edit an employment (number, title, FTE, STYRK-08, KS code, group, unit, dates) under its
// optimistic lock. Moving it to another unit needs write access to both units.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findUnit } from '../../db/repositories/org-unit.repository.ts';
import { findEmployment, updateEmploymentFields } from '../../db/repositories/person.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { changedFields, parseInput, ZEmploymentInputSchema, ZVersionSchema } from '../org/org.rules.ts';
import { checkEmploymentReferences } from './employment-checks.ts';

export interface UpdateEmploymentOptions {
  database: Database;
  actor: Actor;
  employmentId: string;
  input: unknown;
  requestId?: string;
}

export async function updateEmployment({ database, actor, employmentId, input, requestId }: UpdateEmploymentOptions): Promise<{ version: number; personId: string; fields: string[] }> {
  if (!z.uuid().safeParse(employmentId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const current = await findEmployment(tx, employmentId);
    if (!current) throw notFound();
    const currentUnit = await findUnit(tx, current.unitId);
    authorize(actor, 'person.write', { tenantId: actor.tenantId, personId: current.personId, unitPaths: currentUnit ? [currentUnit.path] : [] });
    const values = parseInput(ZEmploymentInputSchema.and(z.object({ version: ZVersionSchema })), input);
    if (current.version !== values.version) throw staleVersion();
    await checkEmploymentReferences(tx, actor, values, employmentId);
    const { version, ...next } = values;
    const fields = changedFields(current, next);
    const updated = await updateEmploymentFields(tx, employmentId, version, next);
    if (!updated) throw staleVersion();
    await appendAudit(tx, {
      tenantId: actor.tenantId,
      actor: actorLabel(actor),
      action: 'employment.update',
      subjectType: 'person',
      subjectId: current.personId,
      requestId,
      details: { employmentId, fields },
    });
    return { version: updated.version, personId: current.personId, fields };
  });
}
