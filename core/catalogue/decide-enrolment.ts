// The leader of the employee's unit approves or declines a requested place. A declined request
// frees the place for the first on the waiting list, in the same transaction.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findEnrolment, lockMeasure, setEnrolmentStatus } from '../../db/repositories/catalogue.repository.ts';
import type { MailSender } from '../auth/auth-mail.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { noticeFor, sendMails, type PendingMail } from './catalogue-access.ts';
import { parseCatalogueInput, ZVersionSchema } from './catalogue.rules.ts';
import { promoteFromWaitingList } from './waiting-list.ts';

export const ZDecideEnrolmentSchema = z.object({ enrolmentId: z.uuid(), decision: z.enum(['approve', 'decline']), version: ZVersionSchema });

export interface DecideEnrolmentOptions {
  database: Database;
  actor: AccountActor;
  input: unknown;
  mailer?: MailSender;
  publicUrl?: string;
  now?: Date;
  requestId?: string;
}

export async function decideEnrolment({ database, actor, input, mailer, publicUrl, now = new Date(), requestId }: DecideEnrolmentOptions): Promise<{ status: 'approved' | 'declined' }> {
  authorize(actor, 'catalogue.approve', { tenantId: actor.tenantId });
  const values = parseCatalogueInput(ZDecideEnrolmentSchema, input);
  let mails: PendingMail[] = [];
  const result = await database.withTenant(actor.tenantId, async (tx) => {
    const first = await findEnrolment(tx, values.enrolmentId);
    if (!first) throw notFound();
    authorize(actor, 'catalogue.approve', { tenantId: actor.tenantId, unitPaths: [first.unitPath] });
    const measure = (await lockMeasure(tx, first.enrolment.measureId))!;
    const current = (await findEnrolment(tx, values.enrolmentId))!.enrolment;
    // Nobody approves their own place; a leader's enrolment goes to the leader of a unit above.
    if (actor.personId !== null && current.personId === actor.personId) throw new AppError(AppErrorCode.FORBIDDEN, { messageKey: 'catalogue.errors.ownEnrolment' });
    if (current.version !== values.version) throw staleVersion();
    if (current.status !== 'requested') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.notRequested' });
    const status = values.decision === 'approve' ? 'approved' : 'declined';
    const updated = await setEnrolmentStatus(tx, current.id, current.version, { status, decidedAt: now, decidedByAccountId: actor.accountId });
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: `catalogue.enrolment.${values.decision}`, subjectType: 'enrolment', subjectId: current.id, requestId, details: { measureId: measure.id } });
    mails = await noticeFor(tx, { tenantId: actor.tenantId, kind: status, personId: current.personId, measureId: measure.id, measureTitle: measure.title });
    if (status === 'declined') mails.push(...(await promoteFromWaitingList(tx, { tenantId: actor.tenantId, actorLabel: actorLabel(actor), measure, requestId })).mails);
    return { status } as const;
  });
  await sendMails(mailer, actor.tenantId, mails, publicUrl);
  return result;
}
