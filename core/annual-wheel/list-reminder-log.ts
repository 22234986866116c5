// The log of wheel reminders: who was reminded of what, when, and whether the mail went out.
import type { Database } from '../../db/client.ts';
import { findUnitNames } from '../../db/repositories/org-unit.repository.ts';
import { listReminderLog as listRows } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';

export async function listReminderLog({ database, actor, limit = 300 }: { database: Database; actor: Actor; limit?: number }) {
  authorize(actor, 'wheel.log', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    const rows = await listRows(tx, limit);
    const units = await findUnitNames(tx, [...new Set(rows.map((r) => r.unitKey))]);
    return rows.map((r) => ({
      id: r.id,
      milestoneId: r.milestoneId,
      milestoneTitle: r.milestoneTitle,
      unitName: units.get(r.unitKey)?.name ?? '–',
      recipient: r.recipient,
      step: r.step,
      stepDate: r.stepDate,
      status: r.status,
      delivery: r.delivery,
      attempts: r.attempts,
      failed: r.error !== null,
      claimedAt: r.claimedAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    }));
  });
}
