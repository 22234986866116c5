// A person's profile: names, contact, birth year, employments with unit path names and
// STYRK-08 titles, and the units they lead. Every read is audited as person.read.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findUnitNames } from '../../db/repositories/org-unit.repository.ts';
import { findPerson, listEmploymentsOfPerson, listLedUnits } from '../../db/repositories/person.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { can } from '../shared/policy.ts';
import { refuseAndAudit } from './audit-denied.ts';
import { idsOnPaths, pathNames, personResource } from './people.rules.ts';

export interface GetPersonOptions {
  database: Database;
  actor: Actor;
  personId: string;
  requestId?: string;
}

export async function getPerson({ database, actor, personId, requestId }: GetPersonOptions) {
  if (!z.uuid().safeParse(personId).success) throw notFound();
  const result = await database.withTenant(actor.tenantId, async (tx) => {
    const person = await findPerson(tx, personId);
    if (!person) throw notFound();
    const employments = await listEmploymentsOfPerson(tx, personId);
    const resource = personResource(actor.tenantId, personId, employments.filter((e) => e.active).map((e) => e.unitPath));
    if (!can(actor, 'person.read', resource)) return null;
    const led = await listLedUnits(tx, personId);
    const names = await findUnitNames(tx, idsOnPaths([...employments.map((e) => e.unitPath), ...led.map((l) => l.path)]));
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'person.read', subjectType: 'person', subjectId: personId, requestId });
    return {
      person: {
        id: person.id,
        givenName: person.givenName,
        familyName: person.familyName,
        email: person.email,
        phone: person.phone,
        birthYear: person.birthYear,
        deactivated: person.deactivatedAt !== null,
        version: person.version,
      },
      employments: employments.map((e) => ({
        id: e.id,
        unitId: e.unitId,
        unitPathNames: pathNames(e.unitPath, names),
        employeeNumber: e.employeeNumber,
        positionTitle: e.positionTitle,
        ftePercent: e.ftePercent,
        styrk08: e.styrk08,
        occupationName: e.occupationName,
        ksJobCode: e.ksJobCode,
        occupationalGroup: e.occupationalGroup,
        startDate: e.startDate,
        endDate: e.endDate,
        active: Boolean(e.active),
        version: e.version,
      })),
      leads: led.map((l) => ({ unitId: l.unitId, name: l.name, pathNames: pathNames(l.path, names) })),
      isSelf: actor.kind === 'account' && actor.personId === personId,
      canEdit: can(actor, 'person.write', resource),
      canExport: can(actor, 'person.export', resource),
    };
  });
  return result ?? refuseAndAudit(database, actor, 'person.read', personId, requestId);
}

export type PersonProfile = Awaited<ReturnType<typeof getPerson>>;
