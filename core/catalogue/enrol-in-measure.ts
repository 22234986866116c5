// An employee enrols themself in a published measure. The measure row is locked while the places
// are counted, so concurrent enrolments never take more places than the capacity: the first get
// a place (awaiting their leader's approval), the rest join the waiting list in order.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { countPlacesTaken, findCatalogueById, findLiveEnrolment, insertEnrolment, listPersonUnits, lockMeasure } from '../../db/repositories/catalogue.repository.ts';
import type { MailSender } from '../auth/auth-mail.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { noticeFor, sendMails, today, type PendingMail } from './catalogue-access.ts';
import { hasEnded, statusForNewEnrolment } from './catalogue.rules.ts';

export interface EnrolInMeasureOptions {
  database: Database;
  actor: AccountActor;
  measureId: string;
  mailer?: MailSender;
  publicUrl?: string;
  now?: Date;
  requestId?: string;
}

export async function enrolInMeasure({ database, actor, measureId, mailer, publicUrl, now, requestId }: EnrolInMeasureOptions): Promise<{ id: string; status: 'requested' | 'waiting' }> {
  if (!actor.personId) throw new AppError(AppErrorCode.FORBIDDEN, { messageKey: 'catalogue.errors.noPerson' });
  authorize(actor, 'catalogue.enrol', { tenantId: actor.tenantId, personId: actor.personId });
  if (!z.uuid().safeParse(measureId).success) throw notFound();
  const personId = actor.personId;
  const day = today(now);
  let mails: PendingMail[] = [];
  const result = await database.withTenant(actor.tenantId, async (tx) => {
    const measure = await lockMeasure(tx, measureId);
    if (!measure) throw notFound();
    const catalogue = await findCatalogueById(tx, measure.catalogueId);
    if (measure.status === 'draft' || catalogue?.status !== 'published') throw notFound();
    if (measure.status !== 'published' || hasEnded(measure, day)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.notOpen' });
    if (await findLiveEnrolment(tx, measureId, personId)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.alreadyEnrolled' });
    const [unit] = await listPersonUnits(tx, personId, day);
    if (!unit) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.noUnit' });
    const status = statusForNewEnrolment(measure.capacity, await countPlacesTaken(tx, measureId));
    const row = await insertEnrolment(tx, { tenantId: actor.tenantId, measureId, personId, unitId: unit.id, status, ...(now ? { requestedAt: now } : {}) });
    if (!row) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.alreadyEnrolled' });
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.enrol', subjectType: 'enrolment', subjectId: row.id, requestId, details: { measureId, status } });
    mails = await noticeFor(tx, { tenantId: actor.tenantId, kind: status, personId, measureId, measureTitle: measure.title });
    if (status === 'requested') mails.push(...(await noticeFor(tx, { tenantId: actor.tenantId, kind: 'toApprove', unitId: unit.id, measureId, measureTitle: measure.title })));
    return { id: row.id, status };
  });
  await sendMails(mailer, actor.tenantId, mails, publicUrl);
  return result;
}
