// "Forgot password": when the address belongs to an active account of the tenant, mail it a
// single-use link (only the token's hash is stored; 60 minutes; older open links stop working).
// The caller always answers the same, whether or not the account exists.
import type { Database } from '../../db/client.ts';
import { findAccountByEmail, findActiveTenantBySlug } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { countRecentResetTokens, insertResetToken, invalidateOpenResetTokens } from '../../db/repositories/password-reset.repository.ts';
import { composeResetMail, mailLanguage, resetLink, type MailSender } from './auth-mail.ts';
import { RESET_MAILS_PER_HOUR, RESET_TOKEN_MINUTES, emailFingerprint } from './auth.rules.ts';
import { hashSecret, newSecret } from './tokens.ts';

export interface RequestPasswordResetOptions {
  database: Database;
  mailer: MailSender;
  tenantSlug: string;
  email: string;
  publicUrl: string;
  now: Date;
  requestId?: string | undefined;
  /**
   * Hand the mail delivery to the caller to run in the background, so the answer takes as
   * long whether or not a mail was sent. Without it the delivery is awaited.
   */
  background?: ((delivery: Promise<unknown>) => void) | undefined;
}

export async function requestPasswordReset(options: RequestPasswordResetOptions): Promise<void> {
  const { database, now } = options;
  const tenant = await database.withPlatform((tx) => findActiveTenantBySlug(tx, options.tenantSlug));
  if (!tenant) return;
  const mail = await database.withTenant(tenant.id, async (tx) => {
    const account = await findAccountByEmail(tx, tenant.id, options.email);
    if (!account || account.disabledAt) {
      await appendAudit(tx, { tenantId: tenant.id, actor: 'anonymous', action: 'auth.password_reset_requested', requestId: options.requestId, details: { emailHash: emailFingerprint(options.email), sent: false } });
      return null;
    }
    const recent = await countRecentResetTokens(tx, account.id, new Date(now.getTime() - 60 * 60_000));
    if (recent >= RESET_MAILS_PER_HOUR) {
      await appendAudit(tx, { tenantId: tenant.id, actor: 'anonymous', action: 'auth.password_reset_requested', subjectType: 'account', subjectId: account.id, requestId: options.requestId, details: { sent: false, reason: 'too_many' } });
      return null;
    }
    const token = newSecret();
    await invalidateOpenResetTokens(tx, account.id, now);
    await insertResetToken(tx, { tokenHash: hashSecret(token), tenantId: tenant.id, accountId: account.id, expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000), createdAt: now });
    await appendAudit(tx, { tenantId: tenant.id, actor: 'anonymous', action: 'auth.password_reset_requested', subjectType: 'account', subjectId: account.id, requestId: options.requestId, details: { sent: true } });
    const content = composeResetMail({
      language: mailLanguage(account.language, tenant.defaultLanguage),
      kind: 'reset',
      name: account.displayName,
      tenantName: tenant.name,
      link: resetLink(options.publicUrl, token),
      minutes: RESET_TOKEN_MINUTES,
    });
    return { tenantId: tenant.id, to: account.email, ...content };
  });
  if (!mail) return;
  const delivery = options.mailer.send(mail);
  if (options.background) options.background(delivery);
  else await delivery;
}
