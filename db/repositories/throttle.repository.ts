// Login throttling counters (login_throttle), shared by every app instance. A key is a
// fixed window: the first failure opens it, later failures inside it count up, and a failure
// after it has passed starts a new window. Platform table: used under withPlatform.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { loginThrottle } from '../schema/index.ts';

export async function readThrottle(tx: Tx, keys: string[]) {
  if (keys.length === 0) return [];
  return tx.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
}

/** Count one failure for `key`; returns the failures in the current window after counting. */
export async function addThrottleFailure(tx: Tx, key: string, now: Date, windowMinutes: number): Promise<{ failures: number; windowStart: Date }> {
  const windowOpenedAfter = new Date(now.getTime() - windowMinutes * 60_000);
  const [row] = await tx
    .insert(loginThrottle)
    .values({ key, windowStart: now, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStart} <= ${windowOpenedAfter} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} <= ${windowOpenedAfter} then ${now} else ${loginThrottle.windowStart} end`,
      },
    })
    .returning({ failures: loginThrottle.failures, windowStart: loginThrottle.windowStart });
  return row!;
}

/** Take back one counted attempt (a sign-in that succeeded was counted before it was checked). */
export async function forgiveThrottleFailure(tx: Tx, key: string): Promise<void> {
  await tx
    .update(loginThrottle)
    .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
    .where(eq(loginThrottle.key, key));
}

export async function clearThrottle(tx: Tx, key: string): Promise<void> {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

export async function deleteStaleThrottles(tx: Tx, before: Date): Promise<number> {
  const deleted = await tx.delete(loginThrottle).where(sql`${loginThrottle.windowStart} < ${before}`).returning({ key: loginThrottle.key });
  return deleted.length;
}
