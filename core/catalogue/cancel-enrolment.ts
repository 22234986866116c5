// An employee cancels their own enrolment (or place on the waiting list). A freed place goes to
// the first on the waiting list in the same transaction.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findEnrolment, lockMeasure, setEnrolmentStatus } from '../../db/repositories/catalogue.repository.ts';
import type { MailSender } from '../auth/auth-mail.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { sendMails, type PendingMail } from './catalogue-access.ts';
import { holdsPlace } from './catalogue.rules.ts';
import { promoteFromWaitingList } from './waiting-list.ts';

export interface CancelEnrolmentOptions {
  database: Database;
  actor: AccountActor;
  enrolmentId: string;
  mailer?: MailSender;
  publicUrl?: string;
  requestId?: string;
}

export async function cancelEnrolment({ database, actor, enrolmentId, mailer, publicUrl, requestId }: CancelEnrolmentOptions): Promise<{ promoted: number }> {
  if (!z.uuid().safeParse(enrolmentId).success) throw notFound();
  let mails: PendingMail[] = [];
  const result = await database.withTenant(actor.tenantId, async (tx) => {
    const first = await findEnrolment(tx, enrolmentId);
    if (!first) throw notFound();
    authorize(actor, 'catalogue.enrol', { tenantId: actor.tenantId, personId: first.enrolment.personId });
    const measure = await lockMeasure(tx, first.enrolment.measureId);
    // Read again under the measure's lock: a concurrent decision may have changed it.
    const current = (await findEnrolment(tx, enrolmentId))!.enrolment;
    if (!['requested', 'approved', 'waiting'].includes(current.status)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.notLive' });
    const updated = await setEnrolmentStatus(tx, current.id, current.version, { status: 'cancelled' });
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.enrolment.cancel', subjectType: 'enrolment', subjectId: current.id, requestId, details: { measureId: current.measureId, from: current.status } });
    if (!holdsPlace(current.status)) return { promoted: 0 };
    const moved = await promoteFromWaitingList(tx, { tenantId: actor.tenantId, actorLabel: actorLabel(actor), measure: measure!, requestId });
    mails = moved.mails;
    return { promoted: moved.promoted };
  });
  await sendMails(mailer, actor.tenantId, mails, publicUrl);
  return result;
}
