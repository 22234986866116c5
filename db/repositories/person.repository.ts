// Persons and their employments: profile reads, optimistic-lock updates, search within a
// scope, and the reads behind a person's own data export.
import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { accounts, auditLog, employments, occupations, orgUnits, persons, roleAssignments, unitLeaders } from '../schema/index.ts';

const ACTIVE = sql`(${employments.endDate} is null or ${employments.endDate} >= current_date)`;

export async function findPerson(tx: Tx, id: string) {
  const rows = await tx.select().from(persons).where(eq(persons.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Unit paths of a person's active employments (the person's place in the policy's scope). */
export async function findActiveUnitPaths(tx: Tx, personId: string): Promise<string[]> {
  const rows = await tx
    .select({ path: orgUnits.path })
    .from(employments)
    .innerJoin(orgUnits, eq(orgUnits.id, employments.unitId))
    .where(and(eq(employments.personId, personId), ACTIVE));
  return [...new Set(rows.map((r) => r.path))];
}

/** Every employment of a person (active first, newest first) with unit and occupation names. */
export async function listEmploymentsOfPerson(tx: Tx, personId: string) {
  return tx
    .select({
      id: employments.id,
      unitId: employments.unitId,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      employeeNumber: employments.employeeNumber,
      positionTitle: employments.positionTitle,
      ftePercent: employments.ftePercent,
      styrk08: employments.styrk08,
      occupationName: occupations.name,
      ksJobCode: employments.ksJobCode,
      occupationalGroup: employments.occupationalGroup,
      startDate: employments.startDate,
      endDate: employments.endDate,
      active: sql<boolean>`${ACTIVE}`,
      version: employments.version,
    })
    .from(employments)
    .innerJoin(orgUnits, eq(orgUnits.id, employments.unitId))
    .leftJoin(occupations, eq(occupations.code, employments.styrk08))
    .where(eq(employments.personId, personId))
    .orderBy(sql`${ACTIVE} desc`, desc(employments.startDate), asc(employments.employeeNumber));
}

/** Units the person leads. */
export async function listLedUnits(tx: Tx, personId: string) {
  return tx
    .select({ unitId: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
    .from(unitLeaders)
    .innerJoin(orgUnits, eq(orgUnits.id, unitLeaders.unitId))
    .where(eq(unitLeaders.personId, personId))
    .orderBy(asc(orgUnits.name));
}

export async function findPersonsByIds(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: persons.id, givenName: persons.givenName, familyName: persons.familyName }).from(persons).where(inArray(persons.id, [...new Set(ids)]));
}

export async function updatePersonFields(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<Pick<typeof persons.$inferInsert, 'givenName' | 'familyName' | 'email' | 'phone' | 'birthYear'>>,
) {
  const rows = await tx
    .update(persons)
    .set({ ...values, version: sql`${persons.version} + 1`, updatedAt: new Date() })
    .where(and(eq(persons.id, id), eq(persons.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function findEmployment(tx: Tx, id: string) {
  const rows = await tx.select().from(employments).where(eq(employments.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Another employment with this employee number (the number is unique per tenant). */
export async function employeeNumberTaken(tx: Tx, employeeNumber: string, exceptEmploymentId?: string): Promise<boolean> {
  const where = exceptEmploymentId
    ? and(eq(employments.employeeNumber, employeeNumber), ne(employments.id, exceptEmploymentId))
    : eq(employments.employeeNumber, employeeNumber);
  const rows = await tx.select({ id: employments.id }).from(employments).where(where).limit(1);
  return rows.length > 0;
}

export async function insertEmployment(tx: Tx, values: typeof employments.$inferInsert) {
  const [row] = await tx.insert(employments).values(values).returning();
  return row!;
}

export async function updateEmploymentFields(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<Omit<typeof employments.$inferInsert, 'id' | 'tenantId' | 'personId' | 'version' | 'createdAt' | 'updatedAt'>>,
) {
  const rows = await tx
    .update(employments)
    .set({ ...values, version: sql`${employments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(employments.id, id), eq(employments.version, version)))
    .returning();
  return rows[0] ?? null;
}

export type PersonSearchScope = { kind: 'all' } | { kind: 'units'; paths: readonly string[] } | { kind: 'self'; personId: string };

/**
 * Persons matching a name or employee-number query within a scope, with one active
 * employment each for display (title and unit). The scope is applied in SQL so a leader never
 * receives rows outside their units.
 */
export async function searchPersons(tx: Tx, options: { query: string; scope: PersonSearchScope; limit: number }) {
  const q = options.query.trim();
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const terms = q.split(/\s+/).filter(Boolean);
  const nameMatch: SQL =
    terms.length > 1
      ? and(...terms.map((t) => {
          const l = `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          return or(ilike(persons.givenName, l), ilike(persons.familyName, l))!;
        }))!
      : or(ilike(persons.givenName, like), ilike(persons.familyName, like))!;
  // Exact employee number first (unique index), then names; one plain condition each keeps the plan cheap.
  const byNumber = await tx.select({ personId: employments.personId }).from(employments).where(eq(employments.employeeNumber, q)).limit(5);
  const where: SQL[] = [byNumber.length ? or(nameMatch, inArray(persons.id, byNumber.map((r) => r.personId)))! : nameMatch];
  if (options.scope.kind === 'self') where.push(eq(persons.id, options.scope.personId));
  if (options.scope.kind === 'units') {
    const paths = [...options.scope.paths];
    if (paths.length === 0) return [];
    const within = sql.join(
      paths.map((p) => sql`(u.path = ${p} or u.path like ${`${p}/%`})`),
      sql` or `,
    );
    where.push(sql`exists (select 1 from employments es join org_units u on u.id = es.unit_id
      where es.person_id = persons.id and (es.end_date is null or es.end_date >= current_date) and (${within}))`);
  }
  const rows = await tx
    .select({
      id: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      positionTitle: sql<string | null>`(select e.position_title from employments e where e.person_id = persons.id and (e.end_date is null or e.end_date >= current_date) order by e.fte_percent desc, e.start_date limit 1)`,
      unitName: sql<string | null>`(select u.name from employments e join org_units u on u.id = e.unit_id where e.person_id = persons.id and (e.end_date is null or e.end_date >= current_date) order by e.fte_percent desc, e.start_date limit 1)`,
    })
    .from(persons)
    .where(and(...where))
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(persons.id))
    .limit(options.limit);
  return rows;
}

// ---------------------------------------------------------------- data export

export async function listAccountsOfPerson(tx: Tx, personId: string) {
  return tx
    .select({
      id: accounts.id,
      email: accounts.email,
      displayName: accounts.displayName,
      oidcIssuer: accounts.oidcIssuer,
      language: accounts.language,
      disabledAt: accounts.disabledAt,
      lastLoginAt: accounts.lastLoginAt,
      createdAt: accounts.createdAt,
      hasPassword: sql<boolean>`${accounts.passwordHash} is not null`,
    })
    .from(accounts)
    .where(eq(accounts.personId, personId));
}

export async function listRolesOfAccounts(tx: Tx, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  return tx
    .select({ accountId: roleAssignments.accountId, role: roleAssignments.role, unitId: roleAssignments.unitId, createdAt: roleAssignments.createdAt })
    .from(roleAssignments)
    .where(inArray(roleAssignments.accountId, [...accountIds]));
}

/** Audit entries about the person or about one of their accounts (never entries about others). */
export async function listAuditAboutPerson(tx: Tx, personId: string, accountIds: readonly string[], limit: number) {
  const about = and(eq(auditLog.subjectType, 'person'), eq(auditLog.subjectId, personId))!;
  const where = accountIds.length ? or(about, and(eq(auditLog.subjectType, 'account'), inArray(auditLog.subjectId, [...accountIds])))! : about;
  return tx
    .select({ at: auditLog.at, actor: auditLog.actor, action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId, details: auditLog.details })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
