// The tenant's outgoing mails, newest first, for administrators (offline demo: the texts of
// mails that were stored instead of sent are shown, so links in them can be followed).
import type { Database } from '../../db/client.ts';
import { listOutboxMails } from '../../db/repositories/outbox.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';

export async function listOutbox(options: { database: Database; actor: AccountActor; limit?: number }) {
  const { actor } = options;
  authorize(actor, 'outbox.read', { tenantId: actor.tenantId });
  const rows = await options.database.withTenant(actor.tenantId, (tx) => listOutboxMails(tx, options.limit ?? 200));
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    status: r.status as 'queued' | 'sent' | 'stored' | 'failed',
    /** Only mails that never left the server show their text. */
    text: r.status === 'stored' ? r.textBody : null,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
