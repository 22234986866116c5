// Mark all of the signed-in account's notifications as read.
import type { Database } from '../../db/client.ts';
import { markNotificationsRead as markRows } from '../../db/repositories/wheel.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';

export async function markNotificationsRead({ database, actor, now }: { database: Database; actor: AccountActor; now?: Date }): Promise<number> {
  authorize(actor, 'wheel.read', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, (tx) => markRows(tx, actor.accountId, now ?? new Date()));
}
