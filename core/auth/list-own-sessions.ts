// The signed-in user's active sessions (ASVS 3.3.4: people can see where they are signed in),
// with the current one marked. User agents are shortened to a readable browser/system label.
import type { Database } from '../../db/client.ts';
import { listSessionsOfAccount } from '../../db/repositories/session.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { describeUserAgent } from './auth.rules.ts';

export interface OwnSession {
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  device: string;
}

export async function listOwnSessions(options: { database: Database; actor: AccountActor; currentIdHash: string }): Promise<OwnSession[]> {
  const rows = await options.database.withPlatform((tx) => listSessionsOfAccount(tx, options.actor.accountId));
  return rows.map((r) => ({ current: r.idHash === options.currentIdHash, createdAt: r.createdAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString(), device: describeUserAgent(r.userAgent) }));
}
