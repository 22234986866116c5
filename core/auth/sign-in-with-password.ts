// Sign in with e-mail and password. Throttled per account and per IP address (login_throttle,
// shared by all instances); one generic message for every wrong-credential case, with a dummy
// hash verified when the account does not exist so timing tells nothing. A success starts a
// fresh session (the pre-login one, if any, is ended: no session fixation).
import type { Database } from '../../db/client.ts';
import { findAccountByEmail, findActiveTenantBySlug, recordLogin } from '../../db/repositories/account.repository.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { deleteSession } from '../../db/repositories/session.repository.ts';
import { addThrottleFailure, clearThrottle, forgiveThrottleFailure } from '../../db/repositories/throttle.repository.ts';
import { AppError, AppErrorCode } from '../shared/app-error.ts';
import { ACCOUNT_FAILURE_LIMIT, IP_FAILURE_LIMIT, THROTTLE_WINDOW_MINUTES, accountThrottleKey, emailFingerprint, ipThrottleKey } from './auth.rules.ts';
import { dummyHash, verifyPassword } from './password.ts';
import { startSession } from './start-session.ts';
import { hashSecret } from './tokens.ts';

export interface SignInWithPasswordOptions {
  database: Database;
  tenantSlug: string;
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  now: Date;
  absoluteMinutes: number;
  /** The cookie of a session the client still holds; it is ended, never reused. */
  previousSessionToken?: string | null | undefined;
  requestId?: string | undefined;
}

export interface SignInResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  accountId: string;
  tenantSlug: string;
}

export const invalidCredentials = () => new AppError(AppErrorCode.UNAUTHENTICATED, { messageKey: 'auth.login.invalid' });

export async function signInWithPassword(options: SignInWithPasswordOptions): Promise<SignInResult> {
  const { database, now } = options;
  const tenant = await database.withPlatform((tx) => findActiveTenantBySlug(tx, options.tenantSlug));
  if (!tenant) {
    await verifyPassword(await dummyHash(), options.password);
    throw invalidCredentials();
  }

  const accountKey = accountThrottleKey(tenant.id, options.email);
  const ipKey = ipThrottleKey(options.ip);
  const emailHash = emailFingerprint(options.email);
  // Count the attempt before the password is checked (one atomic upsert per key), so a burst
  // of parallel guesses cannot all pass the limit check before any failure is recorded. A
  // success takes the count back.
  const counted = await database.withPlatform(async (tx) => ({
    a: await addThrottleFailure(tx, accountKey, now, THROTTLE_WINDOW_MINUTES),
    i: await addThrottleFailure(tx, ipKey, now, THROTTLE_WINDOW_MINUTES),
  }));
  const account = await database.withTenant(tenant.id, (tx) => findAccountByEmail(tx, tenant.id, options.email));
  const actor = account?.id ?? 'anonymous';

  if (counted.a.failures > ACCOUNT_FAILURE_LIMIT || counted.i.failures > IP_FAILURE_LIMIT) {
    await database.withPlatform((tx) =>
      appendAudit(tx, { tenantId: tenant.id, actor, action: 'auth.login_failed', subjectType: 'account', subjectId: account?.id, requestId: options.requestId, details: { reason: 'throttled', emailHash, ip: options.ip } }),
    );
    throw new AppError(AppErrorCode.RATE_LIMITED, { messageKey: 'auth.login.rateLimited', params: { minutes: THROTTLE_WINDOW_MINUTES } });
  }

  const usable = account && account.passwordHash && !account.disabledAt;
  const ok = usable ? await verifyPassword(account.passwordHash!, options.password) : (await verifyPassword(await dummyHash(), options.password), false);

  if (!ok || !account) {
    await database.withPlatform(async (tx) => {
      const { a, i } = counted;
      const reason = !account ? 'unknown_account' : account.disabledAt ? 'disabled' : !account.passwordHash ? 'no_password' : 'wrong_password';
      await appendAudit(tx, { tenantId: tenant.id, actor, action: 'auth.login_failed', subjectType: 'account', subjectId: account?.id, requestId: options.requestId, details: { reason, emailHash, ip: options.ip } });
      if (a.failures === ACCOUNT_FAILURE_LIMIT || i.failures === IP_FAILURE_LIMIT) {
        await appendAudit(tx, {
          tenantId: tenant.id,
          actor,
          action: 'auth.locked',
          subjectType: 'account',
          subjectId: account?.id,
          requestId: options.requestId,
          details: { scope: a.failures === ACCOUNT_FAILURE_LIMIT ? 'account' : 'ip', emailHash, ip: options.ip, minutes: THROTTLE_WINDOW_MINUTES },
        });
      }
    });
    throw invalidCredentials();
  }

  return database.withPlatform(async (tx) => {
    await clearThrottle(tx, accountKey);
    await forgiveThrottleFailure(tx, ipKey);
    if (options.previousSessionToken) await deleteSession(tx, hashSecret(options.previousSessionToken));
    const session = await startSession(tx, { tenantId: tenant.id, accountId: account.id, now, absoluteMinutes: options.absoluteMinutes, userAgent: options.userAgent });
    await recordLogin(tx, account.id, now);
    await appendAudit(tx, { tenantId: tenant.id, actor: account.id, action: 'auth.login', subjectType: 'account', subjectId: account.id, requestId: options.requestId, details: { method: 'password', ip: options.ip } });
    return { ...session, accountId: account.id, tenantSlug: tenant.slug };
  });
}
