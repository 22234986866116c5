// What the person edit page needs: the person and employments (with versions), the units the
// actor may place an employment in, and the STYRK-08 occupations. Audited as a read.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findUnitNames, listUnitsCompact } from '../../db/repositories/org-unit.repository.ts';
import { listOccupations } from '../../db/repositories/occupation.repository.ts';
import { findPerson, listEmploymentsOfPerson } from '../../db/repositories/person.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import { buildTree, flattenTree } from '../org/org.rules.ts';
import { idsOnPaths, pathNames, personResource } from './people.rules.ts';

export interface GetPersonFormOptions {
  database: Database;
  actor: Actor;
  personId: string;
  requestId?: string;
}

export async function getPersonForm({ database, actor, personId, requestId }: GetPersonFormOptions) {
  if (!z.uuid().safeParse(personId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const person = await findPerson(tx, personId);
    if (!person) throw notFound();
    const employments = await listEmploymentsOfPerson(tx, personId);
    authorize(actor, 'person.write', personResource(actor.tenantId, personId, employments.filter((e) => e.active).map((e) => e.unitPath)));
    const units = await listUnitsCompact(tx);
    const occupations = await listOccupations(tx);
    const names = await findUnitNames(tx, idsOnPaths(employments.map((e) => e.unitPath)));
    const allowedUnits = units.filter((u) => can(actor, 'person.write', { tenantId: actor.tenantId, unitPaths: [u.path] }));
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'person.read', subjectType: 'person', subjectId: personId, requestId, details: { purpose: 'edit' } });
    return {
      person: { id: person.id, givenName: person.givenName, familyName: person.familyName, email: person.email, phone: person.phone, birthYear: person.birthYear, version: person.version },
      employments: employments.map((e) => ({
        id: e.id,
        unitId: e.unitId,
        unitPathNames: pathNames(e.unitPath, names),
        employeeNumber: e.employeeNumber,
        positionTitle: e.positionTitle,
        ftePercent: e.ftePercent,
        styrk08: e.styrk08,
        ksJobCode: e.ksJobCode,
        occupationalGroup: e.occupationalGroup,
        startDate: e.startDate,
        endDate: e.endDate,
        active: Boolean(e.active),
        version: e.version,
        canEdit: can(actor, 'person.write', { tenantId: actor.tenantId, unitPaths: [e.unitPath] }),
      })),
      unitOptions: flattenTree(buildTree(allowedUnits)).map((u) => ({ id: u.id, name: u.name, depth: u.depth })),
      occupations,
    };
  });
}

export type PersonForm = Awaited<ReturnType<typeof getPersonForm>>;
