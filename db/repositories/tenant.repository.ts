// Tenants as the platform administration sees them: the list with counts across every
// tenant, creation, and the status switch (active | suspended) with optimistic locking.
// Everything here is cross-tenant and runs inside withPlatform.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { accounts, employments, orgUnits, persons, regions, roleAssignments, sessions, tenants } from '../schema/index.ts';

export type TenantStatus = 'active' | 'suspended';

export async function listTenantsWithCounts(tx: Tx) {
  return tx
    .select({
      id: tenants.id,
      name: tenants.name,
      slug: tenants.slug,
      municipalityNumber: tenants.municipalityNumber,
      regionId: tenants.regionId,
      regionName: regions.name,
      defaultLanguage: tenants.defaultLanguage,
      status: tenants.status,
      version: tenants.version,
      createdAt: tenants.createdAt,
      units: sql<number>`(select count(*)::int from ${orgUnits} u where u.tenant_id = ${tenants.id} and u.archived_at is null)`,
      people: sql<number>`(select count(distinct e.person_id)::int from ${employments} e join ${persons} p on p.id = e.person_id where e.tenant_id = ${tenants.id} and p.deactivated_at is null and (e.end_date is null or e.end_date >= current_date))`,
      accounts: sql<number>`(select count(*)::int from ${accounts} a where a.tenant_id = ${tenants.id} and a.disabled_at is null)`,
    })
    .from(tenants)
    .leftJoin(regions, eq(regions.id, tenants.regionId))
    .orderBy(asc(tenants.name));
}

export async function findTenantForPlatform(tx: Tx, tenantId: string) {
  const rows = await tx
    .select({ id: tenants.id, name: tenants.name, slug: tenants.slug, status: tenants.status, version: tenants.version })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .limit(1);
  return rows[0] ?? null;
}

export async function tenantSlugExists(tx: Tx, slug: string): Promise<boolean> {
  const rows = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return rows.length > 0;
}

export async function tenantMunicipalityNumberExists(tx: Tx, municipalityNumber: string): Promise<boolean> {
  const rows = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.municipalityNumber, municipalityNumber)).limit(1);
  return rows.length > 0;
}

/** Insert a tenant; null when the slug is taken (unique index). */
export async function insertTenant(tx: Tx, values: { name: string; slug: string; municipalityNumber: string; regionId: string | null; defaultLanguage: string }) {
  const [row] = await tx
    .insert(tenants)
    .values({ ...values, status: 'active' })
    .onConflictDoNothing({ target: tenants.slug })
    .returning({ id: tenants.id, slug: tenants.slug, name: tenants.name });
  return row ?? null;
}

/** The first administrator of a new tenant: an account without a password, and the tenant_admin role. */
export async function insertTenantAdminAccount(tx: Tx, values: { tenantId: string; email: string; displayName: string; language: string }) {
  const [account] = await tx
    .insert(accounts)
    .values({ tenantId: values.tenantId, email: values.email, displayName: values.displayName, language: values.language, passwordHash: null })
    .returning({ id: accounts.id, email: accounts.email });
  await tx.insert(roleAssignments).values({ tenantId: values.tenantId, accountId: account!.id, role: 'tenant_admin' });
  return account!;
}

export async function countTenants(tx: Tx): Promise<number> {
  const rows = await tx.select({ n: sql<number>`count(*)::int` }).from(tenants);
  return rows[0]?.n ?? 0;
}

export async function addRoleAssignment(tx: Tx, values: { tenantId: string; accountId: string; role: string }): Promise<void> {
  await tx.insert(roleAssignments).values(values);
}

/** Optimistic-locked status change; false when the version is stale. */
export async function updateTenantStatus(tx: Tx, tenantId: string, expectedVersion: number, status: TenantStatus): Promise<boolean> {
  const rows = await tx
    .update(tenants)
    .set({ status, version: sql`${tenants.version} + 1` })
    .where(and(eq(tenants.id, tenantId), eq(tenants.version, expectedVersion)))
    .returning({ id: tenants.id });
  return rows.length === 1;
}

/** End every session of a tenant (on suspension); returns how many were ended. */
export async function deleteSessionsOfTenant(tx: Tx, tenantId: string): Promise<number> {
  const rows = await tx.delete(sessions).where(eq(sessions.tenantId, tenantId)).returning({ idHash: sessions.idHash });
  return rows.length;
}
