// Add an employment to a person: the actor must be allowed to write both the person and the
// unit the employment is in; the STYRK-08 code must be a known occupation (level 4) and the
// employee number unused in the tenant.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findActiveUnitPaths, findPerson, insertEmployment } from '../../db/repositories/person.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseInput, ZEmploymentInputSchema } from '../org/org.rules.ts';
import { checkEmploymentReferences } from './employment-checks.ts';
import { personResource } from './people.rules.ts';

export interface AddEmploymentOptions {
  database: Database;
  actor: Actor;
  personId: string;
  input: unknown;
  requestId?: string;
}

export async function addEmployment({ database, actor, personId, input, requestId }: AddEmploymentOptions): Promise<{ id: string }> {
  if (!z.uuid().safeParse(personId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const person = await findPerson(tx, personId);
    if (!person) throw notFound();
    const paths = await findActiveUnitPaths(tx, personId);
    const values = parseInput(ZEmploymentInputSchema, input);
    // A person without an active employment can only be (re-)employed by someone allowed in the target unit.
    if (paths.length > 0) authorize(actor, 'person.write', personResource(actor.tenantId, personId, paths));
    await checkEmploymentReferences(tx, actor, values);
    const row = await insertEmployment(tx, { tenantId: actor.tenantId, personId, ...values });
    await appendAudit(tx, {
      tenantId: actor.tenantId,
      actor: actorLabel(actor),
      action: 'employment.create',
      subjectType: 'person',
      subjectId: personId,
      requestId,
      details: { employmentId: row.id, fields: Object.keys(values).sort() },
    });
    return { id: row.id };
  });
}
