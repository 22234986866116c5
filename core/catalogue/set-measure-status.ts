// Move a measure along draft → published → closed, or cancel it (draft or published). Cancelling
// ends every live enrolment and tells each person (notification + mail).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { listEnrolmentsOfMeasure, lockMeasure, setEnrolmentStatus, updateMeasureFields } from '../../db/repositories/catalogue.repository.ts';
import type { MailSender } from '../auth/auth-mail.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { noticeFor, sendMails, type PendingMail } from './catalogue-access.ts';
import { canTransition, MEASURE_STATUSES, parseCatalogueInput, ZVersionSchema, type TMeasureStatus } from './catalogue.rules.ts';

export const ZSetMeasureStatusSchema = z.object({ status: z.enum(MEASURE_STATUSES), version: ZVersionSchema });

export interface SetMeasureStatusOptions {
  database: Database;
  actor: Actor;
  measureId: string;
  input: unknown;
  mailer?: MailSender;
  publicUrl?: string;
  requestId?: string;
}

export async function setMeasureStatus({ database, actor, measureId, input, mailer, publicUrl, requestId }: SetMeasureStatusOptions): Promise<{ version: number }> {
  authorize(actor, 'catalogue.write', { tenantId: actor.tenantId });
  if (!z.uuid().safeParse(measureId).success) throw notFound();
  const values = parseCatalogueInput(ZSetMeasureStatusSchema, input);
  let mails: PendingMail[] = [];
  const result = await database.withTenant(actor.tenantId, async (tx) => {
    const current = await lockMeasure(tx, measureId);
    if (!current) throw notFound();
    if (current.version !== values.version) throw staleVersion();
    if (!canTransition(current.status as TMeasureStatus, values.status)) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.transition' });
    const updated = await updateMeasureFields(tx, measureId, values.version, { status: values.status });
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.measure.status', subjectType: 'measure', subjectId: measureId, requestId, details: { from: current.status, to: values.status } });
    if (values.status === 'cancelled') {
      for (const { enrolment } of await listEnrolmentsOfMeasure(tx, measureId)) {
        if (!['requested', 'approved', 'waiting'].includes(enrolment.status)) continue;
        await setEnrolmentStatus(tx, enrolment.id, enrolment.version, { status: 'cancelled' });
        await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.enrolment.cancel', subjectType: 'enrolment', subjectId: enrolment.id, requestId, details: { measureId, from: enrolment.status, reason: 'measure_cancelled' } });
        mails.push(...(await noticeFor(tx, { tenantId: actor.tenantId, kind: 'measureCancelled', personId: enrolment.personId, measureId, measureTitle: current.title })));
      }
    }
    return { version: updated.version };
  });
  await sendMails(mailer, actor.tenantId, mails, publicUrl);
  return result;
}
