// Everything Rytme holds about a person, for the person themselves: profile, employments,
// units they lead, accounts (never password hashes), roles, and the audit entries about them.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findUnitNames } from '../../db/repositories/org-unit.repository.ts';
import {
  findPerson,
  listAccountsOfPerson,
  listAuditAboutPerson,
  listEmploymentsOfPerson,
  listLedUnits,
  listRolesOfAccounts,
} from '../../db/repositories/person.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { can } from '../shared/policy.ts';
import { refuseAndAudit } from './audit-denied.ts';
import { idsOnPaths, pathNames, personResource } from './people.rules.ts';

const AUDIT_LIMIT = 10_000;

export interface ExportPersonDataOptions {
  database: Database;
  actor: Actor;
  personId: string;
  requestId?: string;
  now?: Date;
}

export async function exportPersonData({ database, actor, personId, requestId, now = new Date() }: ExportPersonDataOptions) {
  if (!z.uuid().safeParse(personId).success) throw notFound();
  const result = await database.withTenant(actor.tenantId, async (tx) => {
    const person = await findPerson(tx, personId);
    if (!person) throw notFound();
    if (!can(actor, 'person.export', personResource(actor.tenantId, personId, []))) return null;
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'person.export', subjectType: 'person', subjectId: personId, requestId });
    const employments = await listEmploymentsOfPerson(tx, personId);
    const led = await listLedUnits(tx, personId);
    const accounts = await listAccountsOfPerson(tx, personId);
    const accountIds = accounts.map((a) => a.id);
    const roles = await listRolesOfAccounts(tx, accountIds);
    const audit = await listAuditAboutPerson(tx, personId, accountIds, AUDIT_LIMIT);
    const names = await findUnitNames(tx, idsOnPaths([...employments.map((e) => e.unitPath), ...led.map((l) => l.path)]));
    return {
      format: 'rytme.person-export.v1',
      exportedAt: now.toISOString(),
      person: {
        id: person.id,
        givenName: person.givenName,
        familyName: person.familyName,
        email: person.email,
        phone: person.phone,
        birthYear: person.birthYear,
        deactivatedAt: person.deactivatedAt?.toISOString() ?? null,
        createdAt: person.createdAt.toISOString(),
        updatedAt: person.updatedAt.toISOString(),
      },
      employments: employments.map((e) => ({
        id: e.id,
        unit: pathNames(e.unitPath, names).join(' / '),
        employeeNumber: e.employeeNumber,
        positionTitle: e.positionTitle,
        ftePercent: e.ftePercent,
        styrk08: e.styrk08,
        occupation: e.occupationName,
        ksJobCode: e.ksJobCode,
        occupationalGroup: e.occupationalGroup,
        startDate: e.startDate,
        endDate: e.endDate,
      })),
      leads: led.map((l) => ({ unit: pathNames(l.path, names).join(' / ') })),
      accounts: accounts.map((a) => ({
        id: a.id,
        email: a.email,
        displayName: a.displayName,
        signInWith: [...(a.hasPassword ? ['password'] : []), ...(a.oidcIssuer ? [a.oidcIssuer] : [])],
        language: a.language,
        disabledAt: a.disabledAt?.toISOString() ?? null,
        lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
        createdAt: a.createdAt.toISOString(),
        roles: roles.filter((r) => r.accountId === a.id).map((r) => ({ role: r.role, unitId: r.unitId, since: r.createdAt.toISOString() })),
      })),
      auditEntries: audit.map((e) => ({ at: e.at.toISOString(), action: e.action, by: e.actor, subjectType: e.subjectType, details: e.details })),
    };
  });
  return result ?? refuseAndAudit(database, actor, 'person.export', personId, requestId);
}

export type PersonExport = Awaited<ReturnType<typeof exportPersonData>>;
