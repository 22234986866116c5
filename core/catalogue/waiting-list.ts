// Moving people up from the waiting list when places free up (a cancellation, a declined
// request). Runs inside the caller's transaction with the measure row already locked.
import type { Tx } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { listEnrolmentsOfMeasure, setEnrolmentStatus } from '../../db/repositories/catalogue.repository.ts';
import { noticeFor, type PendingMail } from './catalogue-access.ts';
import { toPromote } from './catalogue.rules.ts';

export async function promoteFromWaitingList(tx: Tx, options: { tenantId: string; actorLabel: string; measure: { id: string; title: string; capacity: number }; requestId?: string | undefined }): Promise<{ promoted: number; mails: PendingMail[] }> {
  const rows = await listEnrolmentsOfMeasure(tx, options.measure.id);
  const mails: PendingMail[] = [];
  let promoted = 0;
  for (const e of toPromote(rows.map((r) => r.enrolment), options.measure.capacity)) {
    const moved = await setEnrolmentStatus(tx, e.id, e.version, { status: 'requested' });
    if (!moved) continue;
    promoted += 1;
    await appendAudit(tx, { tenantId: options.tenantId, actor: options.actorLabel, action: 'catalogue.enrolment.promote', subjectType: 'enrolment', subjectId: e.id, requestId: options.requestId, details: { measureId: options.measure.id } });
    mails.push(...(await noticeFor(tx, { tenantId: options.tenantId, kind: 'promoted', personId: e.personId, measureId: options.measure.id, measureTitle: options.measure.title })));
    mails.push(...(await noticeFor(tx, { tenantId: options.tenantId, kind: 'toApprove', unitId: e.unitId, measureId: options.measure.id, measureTitle: options.measure.title })));
  }
  return { promoted, mails };
}
