// Factories that build test data through the same repositories the app uses. No test
// depends on demo seed rows; each builds what it needs.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { accounts, employments, enrolments, orgUnits, persons, roleAssignments, tenants, unitLeaders } from '../../db/schema/index.ts';
import { hashPassword } from '../../core/auth/password.ts';
import type { AccountActor, Role } from '../../core/shared/actor.ts';
import { buildActor } from '../../core/auth/build-actor.ts';
import { loadActorFacts } from '../../db/repositories/session.repository.ts';
import { AppError } from '../../core/shared/app-error.ts';
import { createMeasure } from '../../core/catalogue/create-measure.ts';
import { setMeasureStatus } from '../../core/catalogue/set-measure-status.ts';
import { publishCatalogue } from '../../core/catalogue/publish-catalogue.ts';
import { halfYearOf } from '../../core/catalogue/catalogue.rules.ts';

let counter = 0;
const next = () => ++counter;

export const TEST_PASSWORD = 'correct-horse-battery-staple';
let cachedHash: Promise<string> | null = null;
const testHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export async function createTenant(database: Database, values: Partial<typeof tenants.$inferInsert> = {}) {
  const n = next();
  const [row] = await database.withPlatform((tx) =>
    tx
      .insert(tenants)
      .values({ slug: `t${n}-${randomUUID().slice(0, 6)}`, name: `Testkommune ${n}`, ...values })
      .returning(),
  );
  return row!;
}

export interface UnitInput {
  parent?: { id: string; path: string; depth: number } | null;
  name?: string;
  kind?: string;
  code?: string;
}

export async function createUnit(database: Database, tenantId: string, input: UnitInput = {}) {
  const id = randomUUID();
  const parent = input.parent ?? null;
  const n = next();
  const [row] = await database.withTenant(tenantId, (tx) =>
    tx
      .insert(orgUnits)
      .values({
        id,
        tenantId,
        parentId: parent?.id ?? null,
        kind: input.kind ?? (parent ? 'eining' : 'kommune'),
        name: input.name ?? `Eining ${n}`,
        code: input.code ?? `U${n}`,
        path: parent ? `${parent.path}/${id}` : id,
        depth: parent ? parent.depth + 1 : 0,
      })
      .returning(),
  );
  return row!;
}

export interface PersonInput {
  unitId: string;
  givenName?: string;
  familyName?: string;
  employeeNumber?: string;
  /** null = no birth year recorded. */
  birthYear?: number | null;
  email?: string;
  ftePercent?: number;
  styrk08?: string;
  positionTitle?: string;
  startDate?: string;
  endDate?: string | null;
}

export async function createPerson(database: Database, tenantId: string, input: PersonInput) {
  const n = next();
  return database.withTenant(tenantId, async (tx) => {
    const [person] = await tx
      .insert(persons)
      .values({ tenantId, givenName: input.givenName ?? `Kari${n}`, familyName: input.familyName ?? 'Nordmann', email: input.email ?? `person${n}@example.no`, birthYear: input.birthYear === undefined ? 1980 : input.birthYear })
      .returning();
    const [employment] = await tx
      .insert(employments)
      .values({
        tenantId,
        personId: person!.id,
        unitId: input.unitId,
        employeeNumber: input.employeeNumber ?? `E${n}`,
        positionTitle: input.positionTitle ?? 'Sjukepleiar',
        ftePercent: input.ftePercent ?? 100,
        styrk08: input.styrk08 ?? '2223',
        startDate: input.startDate ?? '2020-01-01',
        endDate: input.endDate ?? null,
      })
      .returning();
    return { person: person!, employment: employment! };
  });
}

/** Another employment for an existing person (e.g. an earlier, ended one). */
export async function addEmploymentFor(database: Database, tenantId: string, personId: string, input: Omit<PersonInput, 'givenName' | 'familyName' | 'email' | 'birthYear'>) {
  const n = next();
  return database.withTenant(tenantId, async (tx) => {
    const [employment] = await tx
      .insert(employments)
      .values({
        tenantId,
        personId,
        unitId: input.unitId,
        employeeNumber: input.employeeNumber ?? `E${n}`,
        positionTitle: input.positionTitle ?? 'Sjukepleiar',
        ftePercent: input.ftePercent ?? 100,
        styrk08: input.styrk08 ?? '2223',
        startDate: input.startDate ?? '2020-01-01',
        endDate: input.endDate ?? null,
      })
      .returning();
    return employment!;
  });
}

export async function makeLeader(database: Database, tenantId: string, unitId: string, personId: string) {
  await database.withTenant(tenantId, (tx) => tx.insert(unitLeaders).values({ tenantId, unitId, personId }));
}

export interface AccountInput {
  email?: string;
  personId?: string | null;
  roles?: Role[];
  password?: string | null;
  displayName?: string;
}

export async function createAccount(database: Database, tenantId: string, input: AccountInput = {}) {
  const n = next();
  const passwordHash = input.password === null ? null : input.password ? await hashPassword(input.password) : await testHash();
  return database.withTenant(tenantId, async (tx) => {
    const [account] = await tx
      .insert(accounts)
      .values({ tenantId, email: input.email ?? `user${n}@example.no`, displayName: input.displayName ?? `Brukar ${n}`, personId: input.personId ?? null, passwordHash })
      .returning();
    const assignable = (input.roles ?? []).filter((r) => r !== 'employee' && r !== 'unit_leader');
    if (assignable.length) await tx.insert(roleAssignments).values(assignable.map((role) => ({ tenantId, accountId: account!.id, role })));
    return account!;
  });
}

/** The actor an account acts as, built from the same facts a session resolves. */
export async function actorFor(database: Database, tenantId: string, account: { id: string; personId: string | null }): Promise<AccountActor> {
  const facts = await database.withPlatform((tx) => loadActorFacts(tx, account.id, account.personId));
  return buildActor({ tenantId, accountId: account.id, personId: account.personId, assignedRoles: facts.roles, leaderUnitPaths: facts.leaderUnitPaths, ownUnitPaths: facts.ownUnitPaths });
}

/**
 * A published measure in a published half-year catalogue, made through the catalogue's use cases
 * as the system; `attendee` gets an approved place recorded as attended.
 */
export async function createPublishedMeasure(database: Database, tenantId: string, input: { title?: string; type?: string; startDate?: string; endDate?: string | null; capacity?: number; attendee?: { personId: string; unitId: string } } = {}) {
  const actor = { kind: 'system' as const, tenantId, purpose: 'test' };
  const startDate = input.startDate ?? '2025-03-01';
  const { id } = await createMeasure({
    database,
    actor,
    input: { type: input.type ?? 'study_group', title: input.title ?? `Tiltak ${next()}`, startDate, endDate: input.endDate === undefined ? '2025-03-02' : input.endDate, place: 'Kommunehuset', capacity: String(input.capacity ?? 10), costNok: '0', substituteCostNok: '1500' },
  });
  await setMeasureStatus({ database, actor, measureId: id, input: { status: 'published', version: 1 } });
  const { year, half } = halfYearOf(startDate);
  try {
    await publishCatalogue({ database, actor, input: { year, half, version: 1 } });
  } catch (error) {
    // Already published by an earlier measure of the same half-year.
    if (!AppError.is(error, 'CONFLICT')) throw error;
  }
  if (input.attendee) {
    const attendee = input.attendee;
    await database.withTenant(tenantId, (tx) => tx.insert(enrolments).values({ tenantId, measureId: id, personId: attendee.personId, unitId: attendee.unitId, status: 'approved', attended: true }));
  }
  return id;
}
