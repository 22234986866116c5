// Single-use password-reset (and "set your password") tokens. Only the sha256 of a token is
// stored; a token is looked up by that hash under the platform role (the tenant is unknown
// until the token is found) and consumed with a conditional update, so two concurrent uses
// cannot both succeed.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { accounts, passwordResetTokens } from '../schema/index.ts';

export async function insertResetToken(tx: Tx, values: { tokenHash: string; tenantId: string; accountId: string; expiresAt: Date; createdAt: Date }): Promise<void> {
  await tx.insert(passwordResetTokens).values(values);
}

export async function findResetToken(tx: Tx, tokenHash: string) {
  const rows = await tx
    .select({
      tokenHash: passwordResetTokens.tokenHash,
      tenantId: passwordResetTokens.tenantId,
      accountId: passwordResetTokens.accountId,
      expiresAt: passwordResetTokens.expiresAt,
      usedAt: passwordResetTokens.usedAt,
      accountDisabledAt: accounts.disabledAt,
      accountEmail: accounts.email,
    })
    .from(passwordResetTokens)
    .innerJoin(accounts, eq(accounts.id, passwordResetTokens.accountId))
    .where(eq(passwordResetTokens.tokenHash, tokenHash))
    .limit(1);
  return rows[0] ?? null;
}

/** Mark the token used if it is still unused and unexpired; false when someone got there first. */
export async function consumeResetToken(tx: Tx, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .returning({ tokenHash: passwordResetTokens.tokenHash });
  return rows.length === 1;
}

/** A new link makes older unused links of the same account worthless. */
export async function invalidateOpenResetTokens(tx: Tx, accountId: string, now: Date): Promise<void> {
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.accountId, accountId), isNull(passwordResetTokens.usedAt)));
}

export async function countRecentResetTokens(tx: Tx, accountId: string, since: Date): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.accountId, accountId), gt(passwordResetTokens.createdAt, since)));
  return rows[0]?.n ?? 0;
}

/** Housekeeping: tokens that expired before `before` are of no further use. */
export async function deleteResetTokensExpiredBefore(tx: Tx, before: Date): Promise<number> {
  const rows = await tx.delete(passwordResetTokens).where(sql`${passwordResetTokens.expiresAt} < ${before}`).returning({ tokenHash: passwordResetTokens.tokenHash });
  return rows.length;
}
