// Start a server-side session for an account: a random token for the cookie (only its hash
// is stored), a CSRF token bound to the session, and the absolute expiry.
import type { Tx } from '../../db/client.ts';
import { insertSession } from '../../db/repositories/session.repository.ts';
import { hashSecret, newSecret } from './tokens.ts';

export interface StartSessionOptions {
  tenantId: string;
  accountId: string;
  now: Date;
  absoluteMinutes: number;
  userAgent?: string | null;
}

export async function startSession(tx: Tx, options: StartSessionOptions): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(options.now.getTime() + options.absoluteMinutes * 60_000);
  await insertSession(tx, {
    idHash: hashSecret(token),
    tenantId: options.tenantId,
    accountId: options.accountId,
    csrfToken,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}
