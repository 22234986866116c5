// Housekeeping for sign-in data, run hourly by a job: sessions past their absolute or idle
// timeout, throttle windows long passed, and password links that expired over a week ago.
// Cross-tenant by nature, so it runs under the platform role.
import type { Database } from '../../db/client.ts';
import { deleteResetTokensExpiredBefore } from '../../db/repositories/password-reset.repository.ts';
import { deleteExpiredSessions } from '../../db/repositories/session.repository.ts';
import { deleteStaleThrottles } from '../../db/repositories/throttle.repository.ts';
import { THROTTLE_WINDOW_MINUTES } from './auth.rules.ts';

export interface PurgeSignInDataOptions {
  database: Database;
  now: Date;
  idleMinutes: number;
}

export async function purgeSignInData({ database, now, idleMinutes }: PurgeSignInDataOptions) {
  return database.withPlatform(async (tx) => ({
    sessions: await deleteExpiredSessions(tx, now, new Date(now.getTime() - idleMinutes * 60_000)),
    throttles: await deleteStaleThrottles(tx, new Date(now.getTime() - 2 * THROTTLE_WINDOW_MINUTES * 60_000)),
    resetTokens: await deleteResetTokensExpiredBefore(tx, new Date(now.getTime() - 7 * 24 * 60 * 60_000)),
  }));
}
