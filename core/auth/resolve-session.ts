// Resolve a session cookie to the signed-in account and its actor, enforcing the idle and
// absolute timeouts and that neither the account nor the tenant is disabled.
import type { Database } from '../../db/client.ts';
import { deleteSession, findSessionWithAccount, touchSession } from '../../db/repositories/session.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { buildActor } from './build-actor.ts';
import { hashSecret } from './tokens.ts';

export interface ResolveSessionOptions {
  database: Database;
  token: string;
  now: Date;
  idleMinutes: number;
}

export interface ResolvedSession {
  idHash: string;
  csrfToken: string;
  actor: AccountActor;
  account: { id: string; email: string; displayName: string; personId: string | null; language: string | null };
  tenant: { id: string; slug: string; name: string; defaultLanguage: string };
  /** Unread in-app notifications of the account (the header badge). */
  unreadNotifications: number;
}

/** Touch last_seen at most once a minute to spare writes. */
const TOUCH_INTERVAL_MS = 60_000;

export async function resolveSession({ database, token, now, idleMinutes }: ResolveSessionOptions): Promise<ResolvedSession | null> {
  if (!token || token.length > 200) return null;
  const idHash = hashSecret(token);
  // The read is one round trip; the rare writes (end an expired session, note activity once a
  // minute) follow in their own unit of work.
  const row = await findSessionWithAccount(database, idHash);
  if (!row) return null;
  const idleDeadline = row.session.lastSeenAt.getTime() + idleMinutes * 60_000;
  if (row.account.disabledAt || row.tenant.status !== 'active' || now.getTime() > idleDeadline || now >= row.session.expiresAt) {
    await database.withPlatform((tx) => deleteSession(tx, idHash));
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await database.withPlatform((tx) => touchSession(tx, idHash, now));
  const { facts } = row;
  const actor = buildActor({
    tenantId: row.tenant.id,
    accountId: row.account.id,
    personId: row.account.personId,
    assignedRoles: facts.roles,
    leaderUnitPaths: facts.leaderUnitPaths,
    ownUnitPaths: facts.ownUnitPaths,
  });
  return {
    idHash,
    csrfToken: row.session.csrfToken,
    actor,
    account: { id: row.account.id, email: row.account.email, displayName: row.account.displayName, personId: row.account.personId, language: row.account.language },
    tenant: row.tenant,
    unreadNotifications: row.unreadNotifications,
  };
}
