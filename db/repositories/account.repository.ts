// Accounts: lookups for sign-in and administration.
import { eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { accounts } from '../schema/index.ts';

export async function updateAccountLanguage(tx: Tx, accountId: string, language: string): Promise<void> {
  await tx.update(accounts).set({ language }).where(eq(accounts.id, accountId));
}
