// The mails sign-in sends (password reset, "set your password" for a new account), written
// in the account's language. Core names only the shape of a mailer; server/mail.ts provides it.
import { isLanguage, translate, type Language } from '../../locales/index.ts';

export interface MailSender {
  send(message: { tenantId: string; to: string; subject: string; text: string }): Promise<{ id: string; status: 'sent' | 'stored' | 'failed' }>;
}

export function mailLanguage(accountLanguage: string | null, tenantLanguage: string): Language {
  return isLanguage(accountLanguage) ? accountLanguage : isLanguage(tenantLanguage) ? tenantLanguage : 'nn';
}

export function resetLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/password/reset/${token}`;
}

export function composeResetMail(options: { language: Language; kind: 'reset' | 'invite'; name: string; tenantName: string; link: string; minutes: number }) {
  const { language: l, kind } = options;
  const params = { name: options.name, tenant: options.tenantName, link: options.link, hours: Math.round(options.minutes / 60), minutes: options.minutes };
  return {
    subject: translate(l, `auth.mail.${kind}.subject`, params),
    text: [translate(l, `auth.mail.${kind}.greeting`, params), '', translate(l, `auth.mail.${kind}.body`, params), '', options.link, '', translate(l, `auth.mail.${kind}.expiry`, params), '', translate(l, 'auth.mail.ignore'), '', translate(l, 'auth.mail.signature', params)].join('\n'),
  };
}

/** The notice after a password was changed or reset: no link, only what to do if it was not them. */
export function composePasswordChangedMail(options: { language: Language; name: string; tenantName: string }) {
  const { language: l } = options;
  const params = { name: options.name, tenant: options.tenantName };
  return {
    subject: translate(l, 'auth.mail.changed.subject', params),
    text: [translate(l, 'auth.mail.reset.greeting', params), '', translate(l, 'auth.mail.changed.body', params), '', translate(l, 'auth.mail.changed.notYou', params), '', translate(l, 'auth.mail.signature', params)].join('\n'),
  };
}

/** Tell the account holder that their password changed (ASVS 2.5.5 / 2.2.3); delivery in the background when asked. */
export async function notifyPasswordChanged(
  mailer: MailSender | undefined,
  background: ((delivery: Promise<unknown>) => void) | undefined,
  mail: { tenantId: string; to: string; language: Language; name: string; tenantName: string },
): Promise<void> {
  if (!mailer) return;
  const delivery = mailer.send({ tenantId: mail.tenantId, to: mail.to, ...composePasswordChangedMail(mail) });
  if (background) background(delivery);
  // The password is already changed: a failed notice must not turn that into an error (the
  // outbox records the failure).
  else await delivery.catch(() => undefined);
}
