// The leader records how an attendee reported back to the unit what they learned (date, how).
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findEnrolment, setEnrolmentStatus } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseCatalogueInput, ZReportBackSchema } from './catalogue.rules.ts';

export interface RecordReportBackOptions {
  database: Database;
  actor: AccountActor;
  input: unknown;
  requestId?: string;
}

export async function recordReportBack({ database, actor, input, requestId }: RecordReportBackOptions): Promise<{ version: number }> {
  authorize(actor, 'catalogue.evaluate', { tenantId: actor.tenantId });
  const values = parseCatalogueInput(ZReportBackSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const found = await findEnrolment(tx, values.enrolmentId);
    if (!found) throw notFound();
    authorize(actor, 'catalogue.evaluate', { tenantId: actor.tenantId, unitPaths: [found.unitPath] });
    if (found.enrolment.status !== 'approved' || found.enrolment.attended !== true) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.notAttended' });
    const updated = await setEnrolmentStatus(tx, found.enrolment.id, values.version, { reportBackDate: values.reportBackDate, reportBackHow: values.reportBackHow });
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.reportBack.record', subjectType: 'enrolment', subjectId: found.enrolment.id, requestId });
    return { version: updated.version };
  });
}
