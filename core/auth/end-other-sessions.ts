// "Sign out everywhere else": end every session of the signed-in account but the current one.
// Audited.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { deleteOtherSessionsOfAccount } from '../../db/repositories/session.repository.ts';
import type { AccountActor } from '../shared/actor.ts';

export async function endOtherSessions(options: { database: Database; actor: AccountActor; currentIdHash: string; requestId?: string }): Promise<number> {
  const { actor } = options;
  return options.database.withPlatform(async (tx) => {
    const ended = await deleteOtherSessionsOfAccount(tx, actor.accountId, options.currentIdHash);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actor.accountId, action: 'auth.sessions_ended', subjectType: 'account', subjectId: actor.accountId, requestId: options.requestId, details: { ended } });
    return ended;
  });
}
