// Accounts of the tenant for the administration page: search by name or e-mail, paged.
import type { Database } from '../../db/client.ts';
import { searchAccounts } from '../../db/repositories/account.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';

export const ACCOUNTS_PAGE_SIZE = 50;

export async function listAccounts(options: { database: Database; actor: AccountActor; query?: string | undefined; page: number }) {
  const { actor } = options;
  authorize(actor, 'account.manage', { tenantId: actor.tenantId });
  const page = Math.max(1, Math.floor(options.page));
  const result = await options.database.withTenant(actor.tenantId, (tx) => searchAccounts(tx, { query: options.query, limit: ACCOUNTS_PAGE_SIZE, offset: (page - 1) * ACCOUNTS_PAGE_SIZE }));
  return {
    page,
    pageCount: Math.max(1, Math.ceil(result.total / ACCOUNTS_PAGE_SIZE)),
    total: result.total,
    accounts: result.rows.map((r) => ({ ...r, disabledAt: r.disabledAt?.toISOString() ?? null, lastLoginAt: r.lastLoginAt?.toISOString() ?? null })),
  };
}
