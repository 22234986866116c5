// The signed-in user's own account, for the account page.
import type { Database } from '../../db/client.ts';
import { findAccountById } from '../../db/repositories/account.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';

export async function getOwnAccount(options: { database: Database; actor: AccountActor }) {
  const account = await options.database.withTenant(options.actor.tenantId, (tx) => findAccountById(tx, options.actor.accountId));
  if (!account) throw new AppError(AppErrorCode.UNAUTHENTICATED);
  return {
    email: account.email,
    displayName: account.displayName,
    language: account.language,
    hasPassword: account.passwordHash !== null,
    hasOidc: account.oidcSubject !== null,
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
  };
}
