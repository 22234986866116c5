// Edit a person's names, contact and birth year under the optimistic lock of their version.
// The audit row names the changed fields, never their values.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findActiveUnitPaths, findPerson, updatePersonFields } from '../../db/repositories/person.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { changedFields, parseInput, personInputSchema, ZVersionSchema } from '../org/org.rules.ts';
import { personResource } from './people.rules.ts';

export interface UpdatePersonOptions {
  database: Database;
  actor: Actor;
  personId: string;
  input: unknown;
  requestId?: string;
  now?: Date;
}

export async function updatePerson({ database, actor, personId, input, requestId, now = new Date() }: UpdatePersonOptions): Promise<{ version: number; fields: string[] }> {
  if (!z.uuid().safeParse(personId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const current = await findPerson(tx, personId);
    if (!current) throw notFound();
    authorize(actor, 'person.write', personResource(actor.tenantId, personId, await findActiveUnitPaths(tx, personId)));
    const values = parseInput(personInputSchema(now.getFullYear()).extend({ version: ZVersionSchema }), input);
    if (current.version !== values.version) throw staleVersion();
    const next = { givenName: values.givenName, familyName: values.familyName, email: values.email, phone: values.phone, birthYear: values.birthYear };
    const fields = changedFields(current, next);
    const updated = await updatePersonFields(tx, personId, values.version, next);
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'person.update', subjectType: 'person', subjectId: personId, requestId, details: { fields } });
    return { version: updated.version, fields };
  });
}
