// The attendance list of a measure: approved participants, for the organiser and coordinators
// (everyone) or a leader (their own units' people only).
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findMeasure, listEnrolmentsOfMeasure } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';

export interface GetAttendanceOptions {
  database: Database;
  actor: AccountActor;
  measureId: string;
  requestId?: string;
}

export async function getAttendance({ database, actor, measureId, requestId }: GetAttendanceOptions) {
  if (!z.uuid().safeParse(measureId).success) throw notFound();
  return database.withTenant(actor.tenantId, async (tx) => {
    const found = await findMeasure(tx, measureId);
    if (!found) throw notFound();
    const organiser = found.measure.organiserAccountId ?? undefined;
    authorize(actor, 'catalogue.attendance', { tenantId: actor.tenantId, accountId: organiser });
    const all = can(actor, 'catalogue.attendance', { tenantId: actor.tenantId, accountId: organiser, unitPaths: [] });
    const rows = (await listEnrolmentsOfMeasure(tx, measureId)).filter((r) => r.enrolment.status === 'approved' && (all || can(actor, 'catalogue.attendance', { tenantId: actor.tenantId, unitPaths: [r.unitPath] })));
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.enrolments.read', subjectType: 'measure', subjectId: measureId, requestId, details: { count: rows.length, view: 'attendance' } });
    return {
      measure: { id: found.measure.id, title: found.measure.title, startDate: found.measure.startDate, endDate: found.measure.endDate },
      rows: rows.map((r) => ({ id: r.enrolment.id, version: r.enrolment.version, personName: `${r.givenName} ${r.familyName}`, unitName: r.unitName, attended: r.enrolment.attended })),
    };
  });
}
