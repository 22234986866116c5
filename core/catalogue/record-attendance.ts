// Record whether an approved participant attended (organiser, coordinators, the person's leader).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findEnrolment, findMeasure, setEnrolmentStatus } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound, staleVersion } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import { parseCatalogueInput, ZVersionSchema } from './catalogue.rules.ts';

export const ZRecordAttendanceSchema = z.object({ enrolmentId: z.uuid(), attended: z.enum(['yes', 'no']), version: ZVersionSchema });

export interface RecordAttendanceOptions {
  database: Database;
  actor: AccountActor;
  measureId: string;
  input: unknown;
  requestId?: string;
}

export async function recordAttendance({ database, actor, measureId, input, requestId }: RecordAttendanceOptions): Promise<{ version: number }> {
  if (!z.uuid().safeParse(measureId).success) throw notFound();
  const values = parseCatalogueInput(ZRecordAttendanceSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const measure = await findMeasure(tx, measureId);
    const found = await findEnrolment(tx, values.enrolmentId);
    if (!measure || !found || found.enrolment.measureId !== measureId) throw notFound();
    const organiser = measure.measure.organiserAccountId ?? undefined;
    const allowed = can(actor, 'catalogue.attendance', { tenantId: actor.tenantId, accountId: organiser, unitPaths: [] }) || can(actor, 'catalogue.attendance', { tenantId: actor.tenantId, unitPaths: [found.unitPath] });
    if (!allowed) authorize(actor, 'catalogue.attendance', { tenantId: actor.tenantId, unitPaths: [found.unitPath] });
    if (found.enrolment.status !== 'approved') throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'catalogue.errors.notApproved' });
    const updated = await setEnrolmentStatus(tx, found.enrolment.id, values.version, { attended: values.attended === 'yes' });
    if (!updated) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.attendance.record', subjectType: 'enrolment', subjectId: found.enrolment.id, requestId, details: { attended: values.attended } });
    return { version: updated.version };
  });
}
