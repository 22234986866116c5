// A leader's list: requested places awaiting their decision, and the places of their units'
// people on the waiting list or approved, with the substitute cost (vikarmidlar) it means.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { listEnrolmentsInSubtrees } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';

export interface ListEnrolmentApprovalsOptions {
  database: Database;
  actor: AccountActor;
  requestId?: string;
}

export async function listEnrolmentApprovals({ database, actor, requestId }: ListEnrolmentApprovalsOptions) {
  authorize(actor, 'catalogue.approve', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    // One's own enrolments are decided by the leader above, so they are left out here.
    const rows = (await listEnrolmentsInSubtrees(tx, actor.leaderUnitPaths, ['requested', 'waiting', 'approved'])).filter((r) => r.enrolment.personId !== actor.personId);
    const view = rows.map((r) => ({
      id: r.enrolment.id,
      version: r.enrolment.version,
      status: r.enrolment.status,
      personName: `${r.givenName} ${r.familyName}`,
      unitName: r.unitName,
      measureId: r.enrolment.measureId,
      measureTitle: r.measureTitle,
      startDate: r.startDate,
      endDate: r.endDate,
      costNok: r.costNok,
      substituteCostNok: r.substituteCostNok,
    }));
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.enrolments.read', subjectType: 'enrolment', requestId, details: { count: view.length, view: 'approvals' } });
    return {
      pending: view.filter((v) => v.status === 'requested'),
      others: view.filter((v) => v.status !== 'requested'),
      approvedSubstituteCostNok: view.filter((v) => v.status === 'approved').reduce((sum, v) => sum + v.substituteCostNok, 0),
    };
  });
}
