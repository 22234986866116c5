// Accounts: lookups for sign-in (by e-mail or OIDC key), administration (list, create, roles,
// disable with optimistic locking), and the tenant facts sign-in needs (active tenants, OIDC
// settings). Sign-in lookups run under the platform role because the tenant is only known
// from the request; everything else runs inside withTenant.
import { and, asc, count, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { accounts, employments, persons, roleAssignments, tenants, type TenantOidcSettings } from '../schema/index.ts';

export type AccountRow = typeof accounts.$inferSelect;

export async function updateAccountLanguage(tx: Tx, accountId: string, language: string): Promise<void> {
  await tx.update(accounts).set({ language }).where(eq(accounts.id, accountId));
}

// --- tenants as sign-in sees them -------------------------------------------------------

export async function listActiveTenants(tx: Tx) {
  return tx
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.status, 'active'))
    .orderBy(asc(tenants.name));
}

export async function findActiveTenantBySlug(tx: Tx, slug: string) {
  const rows = await tx
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, defaultLanguage: tenants.defaultLanguage, oidc: tenants.oidc })
    .from(tenants)
    .where(and(eq(tenants.slug, slug), eq(tenants.status, 'active')))
    .limit(1);
  return rows[0] ?? null;
}

export async function findTenantById(tx: Tx, tenantId: string) {
  const rows = await tx
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, defaultLanguage: tenants.defaultLanguage, oidc: tenants.oidc, status: tenants.status, version: tenants.version })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .limit(1);
  return rows[0] ?? null;
}

/** Optimistic-locked update of a tenant's sign-in settings; false when the version is stale. */
export async function saveTenantSignInSettings(tx: Tx, tenantId: string, expectedVersion: number, values: { defaultLanguage: string; oidc: TenantOidcSettings | null }): Promise<boolean> {
  const rows = await tx
    .update(tenants)
    .set({ defaultLanguage: values.defaultLanguage, oidc: values.oidc, version: sql`${tenants.version} + 1` })
    .where(and(eq(tenants.id, tenantId), eq(tenants.version, expectedVersion)))
    .returning({ id: tenants.id });
  return rows.length === 1;
}

// --- sign-in lookups --------------------------------------------------------------------

export async function findAccountByEmail(tx: Tx, tenantId: string, email: string) {
  const rows = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), sql`lower(${accounts.email}) = ${email.toLowerCase()}`))
    .limit(1);
  return rows[0] ?? null;
}

export async function findAccountByOidcKey(tx: Tx, tenantId: string, issuer: string, subject: string) {
  const rows = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.oidcIssuer, issuer), eq(accounts.oidcSubject, subject)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findAccountById(tx: Tx, accountId: string) {
  const rows = await tx.select().from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return rows[0] ?? null;
}

export async function linkAccountToOidc(tx: Tx, accountId: string, issuer: string, subject: string): Promise<void> {
  await tx
    .update(accounts)
    .set({ oidcIssuer: issuer, oidcSubject: subject, version: sql`${accounts.version} + 1` })
    .where(eq(accounts.id, accountId));
}

export async function recordLogin(tx: Tx, accountId: string, at: Date): Promise<void> {
  await tx.update(accounts).set({ lastLoginAt: at }).where(eq(accounts.id, accountId));
}

export async function setAccountPasswordHash(tx: Tx, accountId: string, passwordHash: string): Promise<void> {
  await tx
    .update(accounts)
    .set({ passwordHash, version: sql`${accounts.version} + 1` })
    .where(eq(accounts.id, accountId));
}

// --- administration ---------------------------------------------------------------------

export async function searchAccounts(tx: Tx, options: { query?: string | undefined; limit: number; offset: number }) {
  const q = options.query?.trim();
  const where = q ? or(ilike(accounts.email, `%${escapeLike(q)}%`), ilike(accounts.displayName, `%${escapeLike(q)}%`)) : undefined;
  const [rows, total] = await Promise.all([
    tx
      .select({
        id: accounts.id,
        email: accounts.email,
        displayName: accounts.displayName,
        personId: accounts.personId,
        disabledAt: accounts.disabledAt,
        lastLoginAt: accounts.lastLoginAt,
        hasPassword: sql<boolean>`${accounts.passwordHash} is not null`,
        hasOidc: sql<boolean>`${accounts.oidcSubject} is not null`,
        roles: sql<string[]>`coalesce((select array_agg(distinct r.role order by r.role) from ${roleAssignments} r where r.account_id = ${accounts.id}), '{}')`,
      })
      .from(accounts)
      .where(where)
      .orderBy(asc(accounts.displayName), asc(accounts.email))
      .limit(options.limit)
      .offset(options.offset),
    tx.select({ n: count() }).from(accounts).where(where),
  ]);
  return { rows, total: total[0]?.n ?? 0 };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function insertAccount(tx: Tx, values: { tenantId: string; email: string; displayName: string; personId: string | null; language: string | null }) {
  const [row] = await tx
    .insert(accounts)
    .values({ ...values, passwordHash: null })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** A person of the tenant with this employee number, and whether an account already links to them. */
export async function findPersonByEmployeeNumber(tx: Tx, employeeNumber: string) {
  const rows = await tx
    .select({
      id: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      linkedAccountId: sql<string | null>`(select a.id from ${accounts} a where a.person_id = ${persons.id} limit 1)`,
    })
    .from(employments)
    .innerJoin(persons, eq(persons.id, employments.personId))
    .where(eq(employments.employeeNumber, employeeNumber))
    .limit(1);
  return rows[0] ?? null;
}

export async function findPersonName(tx: Tx, personId: string) {
  const rows = await tx.select({ givenName: persons.givenName, familyName: persons.familyName }).from(persons).where(eq(persons.id, personId)).limit(1);
  return rows[0] ?? null;
}

export async function listAccountRoles(tx: Tx, accountId: string) {
  return tx.select({ role: roleAssignments.role, unitId: roleAssignments.unitId }).from(roleAssignments).where(eq(roleAssignments.accountId, accountId));
}

/** Bump the account's version if it is still `expectedVersion` (the optimistic lock for any account edit). */
export async function bumpAccountVersion(tx: Tx, accountId: string, expectedVersion: number, changes: { disabledAt?: Date | null } = {}): Promise<boolean> {
  const rows = await tx
    .update(accounts)
    .set({ ...changes, version: sql`${accounts.version} + 1` })
    .where(and(eq(accounts.id, accountId), eq(accounts.version, expectedVersion)))
    .returning({ id: accounts.id });
  return rows.length === 1;
}

/** Replace the tenant-wide (unscoped) assignments among `managed` roles with `roles`. */
export async function replaceUnscopedRoles(tx: Tx, tenantId: string, accountId: string, managed: readonly string[], roles: readonly string[]): Promise<void> {
  await tx
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.accountId, accountId), isNull(roleAssignments.unitId), inArray(roleAssignments.role, [...managed])));
  if (roles.length) await tx.insert(roleAssignments).values(roles.map((role) => ({ tenantId, accountId, role })));
}

/** Whether the account holds `role` (tenant-wide or scoped). */
export async function accountHasRole(tx: Tx, accountId: string, role: string): Promise<boolean> {
  const rows = await tx
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.accountId, accountId), eq(roleAssignments.role, role)))
    .limit(1);
  return rows.length === 1;
}

/** Lower-cased e-mail addresses of the tenant's accounts that hold `role`. */
export async function emailsOfAccountsWithRole(tx: Tx, role: string): Promise<Set<string>> {
  const rows = await tx
    .selectDistinct({ email: sql<string>`lower(${accounts.email})` })
    .from(accounts)
    .innerJoin(roleAssignments, eq(roleAssignments.accountId, accounts.id))
    .where(eq(roleAssignments.role, role));
  return new Set(rows.map((r) => r.email));
}
