// End one session and record it in the audit log.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { deleteSession } from '../../db/repositories/session.repository.ts';
import type { ResolvedSession } from './resolve-session.ts';

export async function signOut(options: { database: Database; session: ResolvedSession; requestId?: string }): Promise<void> {
  const { session } = options;
  await options.database.withPlatform(async (tx) => {
    await deleteSession(tx, session.idHash);
    await appendAudit(tx, { tenantId: session.tenant.id, actor: session.account.id, action: 'auth.logout', subjectType: 'account', subjectId: session.account.id, requestId: options.requestId });
  });
}
