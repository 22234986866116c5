// Change one's own password: the current password must be right (wrong guesses count towards
// the same per-account throttle as sign-in); the new one is hashed with argon2id; every other
// session of the account is ended (this one stays); audited.
import type { Database } from '../../db/client.ts';
import { findAccountById, findTenantById, setAccountPasswordHash } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { deleteOtherSessionsOfAccount } from '../../db/repositories/session.repository.ts';
import { addThrottleFailure, clearThrottle } from '../../db/repositories/throttle.repository.ts';
import { ACCOUNT_FAILURE_LIMIT, THROTTLE_WINDOW_MINUTES, accountThrottleKey } from './auth.rules.ts';
import type { AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { mailLanguage, notifyPasswordChanged, type MailSender } from './auth-mail.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertPasswordStrength } from './reset-password.ts';

export interface ChangePasswordOptions {
  database: Database;
  actor: AccountActor;
  sessionIdHash: string;
  currentPassword: string;
  newPassword: string;
  now: Date;
  requestId?: string | undefined;
  /** Sends the account holder a notice that the password changed. */
  mailer?: MailSender | undefined;
  background?: ((delivery: Promise<unknown>) => void) | undefined;
}

export async function changePassword(options: ChangePasswordOptions): Promise<void> {
  const { database, actor } = options;
  assertPasswordStrength(options.newPassword, 'newPassword');
  const account = await database.withTenant(actor.tenantId, (tx) => findAccountById(tx, actor.accountId));
  if (!account) throw new AppError(AppErrorCode.UNAUTHENTICATED);
  const throttleKey = accountThrottleKey(actor.tenantId, account.email);
  // Counted before the check, so parallel guesses cannot all pass the limit (see sign-in).
  const counted = await database.withPlatform((tx) => addThrottleFailure(tx, throttleKey, options.now, THROTTLE_WINDOW_MINUTES));
  if (counted.failures > ACCOUNT_FAILURE_LIMIT) throw new AppError(AppErrorCode.RATE_LIMITED, { messageKey: 'auth.login.rateLimited', params: { minutes: THROTTLE_WINDOW_MINUTES } });
  if (!account.passwordHash || !(await verifyPassword(account.passwordHash, options.currentPassword))) {
    await database.withPlatform(async (tx) => {
      await appendAudit(tx, { tenantId: actor.tenantId, actor: actor.accountId, action: 'auth.password_change_failed', subjectType: 'account', subjectId: actor.accountId, requestId: options.requestId });
    });
    throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: 'currentPassword', key: 'auth.account.password.wrongCurrent' }] });
  }
  await database.withPlatform((tx) => clearThrottle(tx, throttleKey));
  const passwordHash = await hashPassword(options.newPassword);
  await database.withTenant(actor.tenantId, async (tx) => {
    await setAccountPasswordHash(tx, actor.accountId, passwordHash);
    const ended = await deleteOtherSessionsOfAccount(tx, actor.accountId, options.sessionIdHash);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actor.accountId, action: 'auth.password_changed', subjectType: 'account', subjectId: actor.accountId, requestId: options.requestId, details: { otherSessionsEnded: ended } });
  });
  const tenant = await database.withPlatform((tx) => findTenantById(tx, actor.tenantId));
  if (tenant) {
    await notifyPasswordChanged(options.mailer, options.background, { tenantId: tenant.id, to: account.email, language: mailLanguage(account.language, tenant.defaultLanguage), name: account.displayName, tenantName: tenant.name });
  }
}
