// Mail an account a link to set its password (a new account's invitation, or an
// administrator's "send a new link"). Same single-use token as the password reset.
import type { Database, Tx } from '../../db/client.ts';
import { findAccountById, findTenantById } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { insertResetToken, invalidateOpenResetTokens } from '../../db/repositories/password-reset.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { composeResetMail, mailLanguage, resetLink, type MailSender } from './auth-mail.ts';
import { INVITE_TOKEN_MINUTES } from './auth.rules.ts';
import { hashSecret, newSecret } from './tokens.ts';
import { assertMayManage } from './get-account-for-admin.ts';

export interface SendPasswordLinkOptions {
  database: Database;
  mailer: MailSender;
  actor: AccountActor;
  accountId: string;
  publicUrl: string;
  now: Date;
  requestId?: string | undefined;
}

export async function sendPasswordLink(options: SendPasswordLinkOptions): Promise<void> {
  const { actor } = options;
  authorize(actor, 'account.manage', { tenantId: actor.tenantId });
  const mail = await options.database.withTenant(actor.tenantId, (tx) => preparePasswordLink(tx, options));
  await options.mailer.send(mail);
}

/** Inside the caller's transaction: a fresh token (older open ones die), the audit row, and the mail to send after commit. */
export async function preparePasswordLink(tx: Tx, options: Omit<SendPasswordLinkOptions, 'database' | 'mailer'>) {
  const { actor, now } = options;
  const account = await findAccountById(tx, options.accountId);
  if (!account) throw notFound();
  await assertMayManage(tx, actor, account.id);
  if (account.disabledAt) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'auth.admin.disabledNoLink' });
  const tenant = await findTenantById(tx, actor.tenantId);
  if (!tenant) throw notFound();
  const token = newSecret();
  await invalidateOpenResetTokens(tx, account.id, now);
  await insertResetToken(tx, { tokenHash: hashSecret(token), tenantId: actor.tenantId, accountId: account.id, expiresAt: new Date(now.getTime() + INVITE_TOKEN_MINUTES * 60_000), createdAt: now });
  await appendAudit(tx, { tenantId: actor.tenantId, actor: actor.accountId, action: 'account.password_link_sent', subjectType: 'account', subjectId: account.id, requestId: options.requestId });
  const content = composeResetMail({
    language: mailLanguage(account.language, tenant.defaultLanguage),
    kind: 'invite',
    name: account.displayName,
    tenantName: tenant.name,
    link: resetLink(options.publicUrl, token),
    minutes: INVITE_TOKEN_MINUTES,
  });
  return { tenantId: actor.tenantId, to: account.email, ...content };
}
