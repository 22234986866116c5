// The tenant's outgoing mails, newest first, for administrators (offline demo: the texts of
// mails that were stored instead of sent are shown, so links in them can be followed). The
// text of a mail to a platform administrator is shown only to platform administrators: a
// password link in it must not let a tenant administrator become one.
import type { Database } from '../../db/client.ts';
import { emailsOfAccountsWithRole } from '../../db/repositories/account.repository.ts';
import { listOutboxMails } from '../../db/repositories/outbox.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';

export async function listOutbox(options: { database: Database; actor: AccountActor; limit?: number }) {
  const { actor } = options;
  authorize(actor, 'outbox.read', { tenantId: actor.tenantId });
  const { rows, protectedAddresses } = await options.database.withTenant(actor.tenantId, async (tx) => ({
    rows: await listOutboxMails(tx, options.limit ?? 200),
    protectedAddresses: actor.roles.has('platform_admin') ? new Set<string>() : await emailsOfAccountsWithRole(tx, 'platform_admin'),
  }));
  return rows.map((r) => ({
    id: r.id,
    to: r.toAddress,
    subject: r.subject,
    status: r.status as 'queued' | 'sent' | 'stored' | 'failed',
    /** Only mails that never left the server show their text. */
    text: r.status === 'stored' && !protectedAddresses.has(r.toAddress.toLowerCase()) ? r.textBody : null,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
