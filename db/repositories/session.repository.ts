// Server-side sessions, looked up by the sha256 of the cookie token (cross-tenant, so under
// the platform role), and the facts needed to build an actor for an account.
import { and, eq, isNull, sql, type SQLWrapper } from 'drizzle-orm';
import type { Database, Tx } from '../client.ts';
import { accounts, sessions, tenants } from '../schema/index.ts';

// The facts an actor is built from, as correlated subqueries so a session is resolved in
// one statement: explicitly assigned roles, paths of the units the person leads (each covers
// its subtree), and paths of the units the person works in (active employments).
// Each names the tenant as well, so the (tenant_id, …) indexes serve them: under the platform
// role no RLS predicate adds it, and without it these become scans of the whole table.
const rolesOf = (tenantId: SQLWrapper | string, accountId: SQLWrapper | string) =>
  sql<string[]>`array(select ra.role from role_assignments ra where ra.tenant_id = ${tenantId} and ra.account_id = ${accountId})`;
const leaderPathsOf = (tenantId: SQLWrapper | string, personId: SQLWrapper | string) =>
  sql<string[]>`array(select u.path from unit_leaders l join org_units u on u.id = l.unit_id where l.tenant_id = ${tenantId} and l.person_id = ${personId} and u.archived_at is null)`;
const ownPathsOf = (tenantId: SQLWrapper | string, personId: SQLWrapper | string) =>
  sql<string[]>`array(select u.path from employments e join org_units u on u.id = e.unit_id where e.tenant_id = ${tenantId} and e.person_id = ${personId} and (e.end_date is null or e.end_date >= current_date))`;

/**
 * The session, its account and tenant, and the account's actor facts: one statement, sent in a
 * single round trip (every request makes it), under the platform role since the tenant is
 * unknown until the session is found.
 */
export async function findSessionWithAccount(database: Pick<Database, 'readAsPlatform'>, idHash: string) {
  const rows = await database.readAsPlatform<SessionRow>('session_lookup', sessionQuery(idHash));
  return rows[0] ? mapSessionRow(rows[0]) : null;
}

interface SessionRow {
  roles: string[];
  leader_unit_paths: string[];
  own_unit_paths: string[];
  id_hash: string;
  csrf_token: string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  account_id: string;
  account_tenant_id: string;
  email: string;
  display_name: string;
  person_id: string | null;
  language: string | null;
  disabled_at: Date | string | null;
  tenant_id: string;
  slug: string;
  tenant_name: string;
  default_language: string;
  status: string;
  unread_notifications: number;
}

const sessionQuery = (idHash: string) => sql`
  select ${rolesOf(sql`a.tenant_id`, sql`a.id`)} as roles,
         ${leaderPathsOf(sql`a.tenant_id`, sql`a.person_id`)} as leader_unit_paths,
         ${ownPathsOf(sql`a.tenant_id`, sql`a.person_id`)} as own_unit_paths,
         s.id_hash, s.csrf_token, s.last_seen_at, s.expires_at,
         a.id as account_id, a.tenant_id as account_tenant_id, a.email, a.display_name, a.person_id, a.language, a.disabled_at,
         t.id as tenant_id, t.slug, t.name as tenant_name, t.default_language, t.status,
         (select count(*)::int from notifications n where n.tenant_id = a.tenant_id and n.account_id = a.id and n.read_at is null) as unread_notifications
  from sessions s
  join accounts a on a.id = s.account_id
  join tenants t on t.id = s.tenant_id
  where s.id_hash = ${idHash}
  limit 1`;

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

function mapSessionRow(r: SessionRow) {
  return {
    facts: { roles: r.roles, leaderUnitPaths: r.leader_unit_paths, ownUnitPaths: r.own_unit_paths },
    session: { idHash: r.id_hash, csrfToken: r.csrf_token, lastSeenAt: toDate(r.last_seen_at), expiresAt: toDate(r.expires_at) },
    account: { id: r.account_id, tenantId: r.account_tenant_id, email: r.email, displayName: r.display_name, personId: r.person_id, language: r.language, disabledAt: r.disabled_at === null ? null : toDate(r.disabled_at) },
    tenant: { id: r.tenant_id, slug: r.slug, name: r.tenant_name, defaultLanguage: r.default_language, status: r.status },
    /** The header badge's number, read here so a page costs no extra round trip for it. */
    unreadNotifications: Number(r.unread_notifications),
  };
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
  // Qualified by hand: in a one-table select drizzle leaves columns unqualified, which the
  // subqueries' own tenant_id columns would make ambiguous.
  const tenant = sql`"accounts"."tenant_id"`;
  const [row] = await tx
    .select({
      roles: rolesOf(tenant, sql`"accounts"."id"`),
      leaderUnitPaths: personId ? leaderPathsOf(tenant, personId) : sql<string[]>`'{}'::text[]`,
      ownUnitPaths: personId ? ownPathsOf(tenant, personId) : sql<string[]>`'{}'::text[]`,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return { roles: row?.roles ?? [], leaderUnitPaths: row?.leaderUnitPaths ?? [], ownUnitPaths: row?.ownUnitPaths ?? [] };
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

/** The account's sessions, newest activity first (no secrets: the hash identifies, the token never leaves the browser). */
export async function listSessionsOfAccount(tx: Tx, accountId: string) {
  return tx
    .select({ idHash: sessions.idHash, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.accountId, accountId))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}
