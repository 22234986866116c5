// End an employment on a date (not before it started), under its optimistic lock.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findUnit } from '../../db/repositories/org-unit.repository.ts';
import { findEmployment, updateEmploymentFields } from '../../db/repositories/person.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseInput, ZEndEmploymentSchema, ZVersionSchema } from '../org/org.rules.ts';

export interface EndEmploymentOptions {
  database: Database;
  actor: Actor;
  employmentId: string;
  input: unknown;
  requestId?: string;
}

export async function endEmployment({ database, actor, employmentId, input, requestId }: EndEmploymentOptions): Promise<{ version: number; personId: string }> {
  if (!z.uuid().safeParse(employmentId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const current = await findEmployment(tx, employmentId);
    if (!current) throw notFound();
    const unit = await findUnit(tx, current.unitId);
    authorize(actor, 'person.write', { tenantId: actor.tenantId, personId: current.personId, unitPaths: unit ? [unit.path] : [] });
    const values = parseInput(ZEndEmploymentSchema.extend({ version: ZVersionSchema }), input);
    if (current.version !== values.version) throw staleVersion();
    if (values.endDate < current.startDate) throw validation([{ path: 'endDate', key: 'org.errors.endBeforeStart' }]);
    const updated = await updateEmploymentFields(tx, employmentId, values.version, { endDate: values.endDate });
    if (!updated) throw staleVersion();
    await appendAudit(tx, {
      tenantId: actor.tenantId,
      actor: actorLabel(actor),
      action: 'employment.end',
      subjectType: 'person',
      subjectId: current.personId,
      requestId,
      details: { employmentId, fields: ['endDate'] },
    });
    return { version: updated.version, personId: current.personId };
  });
}
