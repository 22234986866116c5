// The signed-in person's notifications (newest first) and their reminder settings.
import type { Database } from '../../db/client.ts';
import { countUnreadNotifications, findWheelSettings, listNotifications as listRows } from '../../db/repositories/wheel.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { osloDate, type TDelivery } from './annual-wheel.rules.ts';
import { wheelPermissions } from './wheel-access.ts';

export interface ListNotificationsOptions {
  database: Database;
  actor: AccountActor;
  limit?: number;
}

export async function listNotifications({ database, actor, limit = 100 }: ListNotificationsOptions) {
  authorize(actor, 'wheel.read', { tenantId: actor.tenantId });
  return database.withTenant(actor.tenantId, async (tx) => {
    const rows = await listRows(tx, actor.accountId, limit);
    const settings = await findWheelSettings(tx, actor.accountId);
    return {
      notifications: rows.map((n) => ({ id: n.id, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })),
      unread: await countUnreadNotifications(tx, actor.accountId),
      settings: { delivery: (settings?.delivery ?? 'single') as TDelivery, version: settings?.version ?? null, hasFeed: Boolean(settings?.feedTokenHash) },
      year: Number(osloDate(new Date()).slice(0, 4)),
      ...wheelPermissions(actor),
    };
  });
}
