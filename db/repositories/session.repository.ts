// Server-side sessions, looked up by the sha256 of the cookie token (cross-tenant, so under
// the platform role), and the facts needed to build an actor for an account.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { accounts, employments, orgUnits, roleAssignments, sessions, tenants, unitLeaders } from '../schema/index.ts';

export async function findSessionWithAccount(tx: Tx, idHash: string) {
  const rows = await tx
    .select({
      session: sessions,
      account: {
        id: accounts.id,
        tenantId: accounts.tenantId,
        email: accounts.email,
        displayName: accounts.displayName,
        personId: accounts.personId,
        language: accounts.language,
        disabledAt: accounts.disabledAt,
      },
      tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name, defaultLanguage: tenants.defaultLanguage, status: tenants.status },
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .where(eq(sessions.idHash, idHash))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertSession(tx: Tx, values: typeof sessions.$inferInsert) {
  await tx.insert(sessions).values(values);
}

export async function touchSession(tx: Tx, idHash: string, at: Date) {
  await tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
}

export async function deleteSession(tx: Tx, idHash: string) {
  await tx.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteSessionsOfAccount(tx: Tx, accountId: string) {
  const deleted = await tx.delete(sessions).where(eq(sessions.accountId, accountId)).returning({ idHash: sessions.idHash });
  return deleted.length;
}

export async function deleteExpiredSessions(tx: Tx, now: Date, idleSince?: Date) {
  const expired = idleSince ? sql`${sessions.expiresAt} < ${now} or ${sessions.lastSeenAt} < ${idleSince}` : sql`${sessions.expiresAt} < ${now}`;
  const deleted = await tx.delete(sessions).where(expired).returning({ idHash: sessions.idHash });
  return deleted.length;
}

/** Roles explicitly assigned, paths of units the account's person leads, and of units they work in. */
export async function loadActorFacts(tx: Tx, accountId: string, personId: string | null) {
  const roles = await tx.select({ role: roleAssignments.role }).from(roleAssignments).where(eq(roleAssignments.accountId, accountId));
  let leaderUnitPaths: string[] = [];
  let ownUnitPaths: string[] = [];
  if (personId) {
    const led = await tx
      .select({ path: orgUnits.path })
      .from(unitLeaders)
      .innerJoin(orgUnits, eq(orgUnits.id, unitLeaders.unitId))
      .where(and(eq(unitLeaders.personId, personId), isNull(orgUnits.archivedAt)));
    leaderUnitPaths = led.map((r) => r.path);
    const own = await tx
      .select({ path: orgUnits.path })
      .from(employments)
      .innerJoin(orgUnits, eq(orgUnits.id, employments.unitId))
      .where(and(eq(employments.personId, personId), sql`(${employments.endDate} is null or ${employments.endDate} >= current_date)`));
    ownUnitPaths = own.map((r) => r.path);
  }
  return { roles: roles.map((r) => r.role), leaderUnitPaths, ownUnitPaths };
}

export async function findActiveAccount(tx: Tx, accountId: string) {
  const rows = await tx.select().from(accounts).where(and(eq(accounts.id, accountId), isNull(accounts.disabledAt))).limit(1);
  return rows[0] ?? null;
}


/** End every session of an account except the one given (after a password change). */
export async function deleteOtherSessionsOfAccount(tx: Tx, accountId: string, keepIdHash: string) {
  const deleted = await tx
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), sql`${sessions.idHash} <> ${keepIdHash}`))
    .returning({ idHash: sessions.idHash });
  return deleted.length;
}
