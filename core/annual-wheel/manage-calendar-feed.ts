// The personal calendar feed link: create (or replace) it — the secret is shown once and only
// its sha256 is stored, like reset links and API tokens — or turn it off.
import type { Database } from '../../db/client.ts';
import { findWheelSettings, saveWheelSettings } from '../../db/repositories/wheel.repository.ts';
import type { AccountActor } from '../shared/actor.ts';
import { staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';

export const FEED_PREFIX = 'rytmecal_';

export async function createCalendarFeed({ database, actor }: { database: Database; actor: AccountActor }): Promise<{ token: string }> {
  authorize(actor, 'wheel.read', { tenantId: actor.tenantId });
  const token = `${FEED_PREFIX}${newSecret(32)}`;
  await saveFeedHash(database, actor, hashSecret(token));
  return { token };
}

export async function revokeCalendarFeed({ database, actor }: { database: Database; actor: AccountActor }): Promise<void> {
  authorize(actor, 'wheel.read', { tenantId: actor.tenantId });
  await saveFeedHash(database, actor, null);
}

async function saveFeedHash(database: Database, actor: AccountActor, hash: string | null): Promise<void> {
  const version = await database.withTenant(actor.tenantId, async (tx) => {
    const current = await findWheelSettings(tx, actor.accountId);
    return saveWheelSettings(tx, { tenantId: actor.tenantId, accountId: actor.accountId, expectedVersion: current?.version ?? null, feedTokenHash: hash });
  });
  if (version === null) throw staleVersion();
}
