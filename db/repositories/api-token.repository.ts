// Tenant API tokens: only the sha256 of a secret is stored. Authentication looks a token up
// by that hash under the platform role (the tenant is unknown until the token is found);
// administration (list, create, revoke with optimistic locking) runs inside withTenant.
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { accounts, apiTokens, tenants } from '../schema/index.ts';

/** The token with this hash and the facts about its tenant (platform role). */
export async function findApiTokenByHash(tx: Tx, tokenHash: string) {
  const rows = await tx
    .select({
      id: apiTokens.id,
      tenantId: apiTokens.tenantId,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name, status: tenants.status, defaultLanguage: tenants.defaultLanguage },
    })
    .from(apiTokens)
    .innerJoin(tenants, eq(tenants.id, apiTokens.tenantId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  return rows[0] ?? null;
}

/** Record use, at most once per `interval` (only when the stored value is older). */
export async function touchApiToken(tx: Tx, id: string, now: Date, olderThan: Date): Promise<void> {
  await tx
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, olderThan))));
}

export async function insertApiToken(tx: Tx, values: { tenantId: string; name: string; tokenHash: string; scopes: string[]; createdBy: string | null; createdAt: Date }) {
  const [row] = await tx.insert(apiTokens).values(values).returning({ id: apiTokens.id, name: apiTokens.name, scopes: apiTokens.scopes, createdAt: apiTokens.createdAt, version: apiTokens.version });
  return row!;
}

/** Every token of the tenant (never the hash), newest first, with the creator's name. */
export async function listApiTokens(tx: Tx) {
  return tx
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      createdByName: accounts.displayName,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      version: apiTokens.version,
    })
    .from(apiTokens)
    .leftJoin(accounts, eq(accounts.id, apiTokens.createdBy))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt), desc(apiTokens.id));
}

export async function findApiToken(tx: Tx, id: string) {
  const rows = await tx
    .select({ id: apiTokens.id, name: apiTokens.name, revokedAt: apiTokens.revokedAt, version: apiTokens.version })
    .from(apiTokens)
    .where(eq(apiTokens.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** Revoke if still unrevoked at `expectedVersion`; false when the lock or state check fails. */
export async function revokeApiToken(tx: Tx, id: string, expectedVersion: number, now: Date): Promise<boolean> {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: now, version: sql`${apiTokens.version} + 1` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.version, expectedVersion), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length === 1;
}
