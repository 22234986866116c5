// Sign-in housekeeping removes exactly what has expired: sessions past the absolute or idle
// timeout, passed throttle windows, password links that expired over a week ago.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { purgeSignInData } from '../../core/auth/purge-sign-in-data.ts';
import { startSession } from '../../core/auth/start-session.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { createAccount, createTenant } from '../support/factories.ts';

describe('sign-in housekeeping', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.close());

  it('purges expired sessions, stale throttles and old reset links, and nothing else', async () => {
    const db = t.database;
    const tenant = await createTenant(db);
    const account = await createAccount(db, tenant.id, {});
    const now = new Date();
    const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
    const fresh = await db.withPlatform((tx) => startSession(tx, { tenantId: tenant.id, accountId: account.id, now, absoluteMinutes: 60 }));
    await db.withPlatform((tx) => startSession(tx, { tenantId: tenant.id, accountId: account.id, now: minutesAgo(120), absoluteMinutes: 60 }));
    await db.withPlatform((tx) => startSession(tx, { tenantId: tenant.id, accountId: account.id, now: minutesAgo(45), absoluteMinutes: 600 }));
    await db.withPlatform(async (tx) => {
      await tx.execute(sql`insert into login_throttle (key, window_start, failures) values ('ip:old', ${minutesAgo(60)}, 3), ('ip:new', ${minutesAgo(5)}, 2)`);
      await tx.execute(sql`insert into password_reset_tokens (token_hash, tenant_id, account_id, expires_at) values ('old', ${tenant.id}, ${account.id}, ${minutesAgo(8 * 24 * 60)}), ('recent', ${tenant.id}, ${account.id}, ${minutesAgo(60)})`);
    });
    const purged = await purgeSignInData({ database: db, now, idleMinutes: 30 });
    assert.deepEqual(purged, { sessions: 2, throttles: 1, resetTokens: 1 });
    const left = await db.withPlatform(async (tx) => ({
      sessions: await queryRows<{ csrf_token: string }>(tx, sql`select csrf_token from sessions`),
      throttles: await queryRows<{ key: string }>(tx, sql`select key from login_throttle`),
      tokens: await queryRows<{ token_hash: string }>(tx, sql`select token_hash from password_reset_tokens`),
    }));
    assert.deepEqual(left.sessions.map((s) => s.csrf_token), [fresh.csrfToken]);
    assert.deepEqual(left.throttles.map((r) => r.key), ['ip:new']);
    assert.deepEqual(left.tokens.map((r) => r.token_hash), ['recent']);
  });
});
