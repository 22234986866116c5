// Is a password-reset link still good? For the reset page to show the form or a clear message.
import type { Database } from '../../db/client.ts';
import { findResetToken } from '../../db/repositories/password-reset.repository.ts';
import { hashSecret } from './tokens.ts';

export type ResetTokenStatus = 'valid' | 'expired' | 'used' | 'invalid';

export async function checkResetToken(options: { database: Database; token: string; now: Date }): Promise<ResetTokenStatus> {
  if (!/^[\w-]{20,100}$/.test(options.token)) return 'invalid';
  const row = await options.database.withPlatform((tx) => findResetToken(tx, hashSecret(options.token)));
  return resetTokenStatus(row, options.now);
}

export function resetTokenStatus(row: { usedAt: Date | null; expiresAt: Date; accountDisabledAt: Date | null } | null, now: Date): ResetTokenStatus {
  if (!row || row.accountDisabledAt) return 'invalid';
  if (row.usedAt) return 'used';
  if (row.expiresAt <= now) return 'expired';
  return 'valid';
}
