// Set a new password with a reset link: the token is consumed (single use, conditional update),
// the password hashed with argon2id, every session of the account ended, and it is audited.
import type { Database } from '../../db/client.ts';
import { findAccountById, findTenantById, setAccountPasswordHash } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { consumeResetToken, findResetToken } from '../../db/repositories/password-reset.repository.ts';
import { deleteSessionsOfAccount } from '../../db/repositories/session.repository.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { mailLanguage, notifyPasswordChanged, type MailSender } from './auth-mail.ts';
import { resetTokenStatus } from './check-reset-token.ts';
import { PASSWORD_MIN_LENGTH, hashPassword } from './password.ts';
import { hashSecret } from './tokens.ts';

export interface ResetPasswordOptions {
  database: Database;
  token: string;
  password: string;
  now: Date;
  requestId?: string | undefined;
  /** Sends the account holder a notice that the password changed. */
  mailer?: MailSender | undefined;
  background?: ((delivery: Promise<unknown>) => void) | undefined;
  /** The argon2id hash of the new password; a seam so a test can count the costly calls. */
  hash?: ((password: string) => Promise<string>) | undefined;
}

export async function resetPassword(options: ResetPasswordOptions): Promise<{ tenantId: string }> {
  assertPasswordStrength(options.password, 'password');
  const tokenHash = hashSecret(options.token);
  // Refuse a bad link before the costly argon2 hash, so made-up links cannot burn CPU and memory.
  const before = resetTokenStatus(await options.database.withPlatform((tx) => findResetToken(tx, tokenHash)), options.now);
  if (before !== 'valid') throw new AppError(AppErrorCode.CONFLICT, { messageKey: `auth.reset.${before}` });
  const passwordHash = await (options.hash ?? hashPassword)(options.password);
  const done = await options.database.withPlatform(async (tx) => {
    const row = await findResetToken(tx, tokenHash);
    const status = resetTokenStatus(row, options.now);
    if (status !== 'valid' || !row) throw new AppError(AppErrorCode.CONFLICT, { messageKey: `auth.reset.${status === 'valid' ? 'invalid' : status}` });
    if (!(await consumeResetToken(tx, tokenHash, options.now))) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'auth.reset.used' });
    const account = await findAccountById(tx, row.accountId);
    await setAccountPasswordHash(tx, row.accountId, passwordHash);
    const ended = await deleteSessionsOfAccount(tx, row.accountId);
    await appendAudit(tx, { tenantId: row.tenantId, actor: row.accountId, action: 'auth.password_reset', subjectType: 'account', subjectId: row.accountId, requestId: options.requestId, details: { sessionsEnded: ended } });
    // A first password (from an invitation) is no change to warn about.
    return { tenantId: row.tenantId, account: account?.passwordHash ? account : null, tenant: await findTenantById(tx, row.tenantId) };
  });
  if (done.account && done.tenant) {
    const { account, tenant } = done;
    await notifyPasswordChanged(options.mailer, options.background, { tenantId: tenant.id, to: account.email, language: mailLanguage(account.language, tenant.defaultLanguage), name: account.displayName, tenantName: tenant.name });
  }
  return { tenantId: done.tenantId };
}

export function assertPasswordStrength(password: string, field: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: field, key: 'errors.field.tooShort', params: { min: PASSWORD_MIN_LENGTH } }] });
  }
  if (password.length > 200) throw new AppError(AppErrorCode.VALIDATION, { issues: [{ path: field, key: 'errors.field.tooLong', params: { max: 200 } }] });
}
