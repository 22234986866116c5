// The number behind the header badge: unread notifications of the signed-in account.
import type { Database } from '../../db/client.ts';
import { countUnreadNotifications as countRows } from '../../db/repositories/wheel.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { can } from '../shared/policy.ts';

export async function countUnreadNotifications({ database, actor }: { database: Database; actor: AccountActor }): Promise<number> {
  if (!can(actor, 'wheel.read', { tenantId: actor.tenantId })) return 0;
  return database.withTenant(actor.tenantId, (tx) => countRows(tx, actor.accountId));
}
