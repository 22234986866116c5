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
