// Shared pieces of the catalogue's use cases: today's date, the actor's permissions as flags for
// the pages, and the in-app notification + mail of an enrolment change (reusing the wheel's
// notifications table and the mailer every use case gets).
import type { Tx } from '../../db/client.ts';
import { listAccountsOfPerson, listLeaderAccountsOfUnit } from '../../db/repositories/catalogue.repository.ts';
import { insertNotifications } from '../../db/repositories/wheel.repository.ts';
import { isLanguage, translate, type Language, type MessageKey } from '../../locales/index.ts';
import type { MailSender } from '../auth/auth-mail.ts';
import { osloDate } from '../annual-wheel/annual-wheel.rules.ts';
import type { Actor } from '../shared/actor.ts';
import { can } from '../shared/policy.ts';

export function today(now: Date | undefined): string {
  return osloDate(now ?? new Date());
}

export function canWriteCatalogue(actor: Actor): boolean {
  return can(actor, 'catalogue.write', { tenantId: actor.tenantId });
}

export interface PendingMail {
  to: string;
  subject: string;
  text: string;
}

export type NoticeKind = 'requested' | 'waiting' | 'approved' | 'declined' | 'promoted' | 'measureCancelled' | 'toApprove';

/**
 * Tell a person (kind ≠ toApprove) or a unit's leaders (toApprove) about an enrolment change:
 * an in-app notification in the same transaction, and a mail to send after commit.
 */
export async function noticeFor(tx: Tx, options: { tenantId: string; kind: NoticeKind; personId?: string; unitId?: string; measureId: string; measureTitle: string; personName?: string }): Promise<PendingMail[]> {
  const recipients = options.kind === 'toApprove' ? await listLeaderAccountsOfUnit(tx, options.unitId!) : await listAccountsOfPerson(tx, options.personId!);
  const link = options.kind === 'toApprove' ? '/catalogue/approvals' : `/catalogue/measures/${options.measureId}`;
  const mails: PendingMail[] = [];
  const rows = recipients.map((r) => {
    const language: Language = isLanguage(r.language) ? r.language : 'nn';
    const params = { title: options.measureTitle, name: options.personName ?? '' };
    const title = translate(language, `catalogue.notice.${options.kind}.title` as MessageKey, params);
    const body = translate(language, `catalogue.notice.${options.kind}.body` as MessageKey, params);
    mails.push({ to: r.email, subject: title, text: `${translate(language, 'catalogue.notice.greeting', { name: r.displayName })}\n\n${body}\n\n${link}` });
    return { tenantId: options.tenantId, accountId: r.accountId, kind: `catalogue.${options.kind}`, title, body, link };
  });
  await insertNotifications(tx, rows);
  return mails;
}

/** Send the mails of a committed change; a failed mail never undoes the change (the notification stays). */
export async function sendMails(mailer: MailSender | undefined, tenantId: string, mails: readonly PendingMail[], publicUrl = ''): Promise<void> {
  if (!mailer) return;
  for (const m of mails) {
    const text = publicUrl ? m.text.replace(/\n(\/catalogue\/\S*)$/, `\n${publicUrl.replace(/\/+$/, '')}$1`) : m.text;
    await mailer.send({ tenantId, to: m.to, subject: m.subject, text }).catch(() => undefined);
  }
}

export interface CataloguePermissions {
  canWrite: boolean;
  canApprove: boolean;
  canEvaluate: boolean;
}

/** What the catalogue's sub-navigation shows the actor. */
export function cataloguePermissions(actor: Actor): CataloguePermissions {
  return { canWrite: canWriteCatalogue(actor), canApprove: can(actor, 'catalogue.approve', { tenantId: actor.tenantId }), canEvaluate: can(actor, 'catalogue.evaluate', { tenantId: actor.tenantId }) };
}
