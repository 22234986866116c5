// The mail outbox: a record of every message sent or stored.
import { desc, eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { outboxMails } from '../schema/index.ts';

export async function insertOutboxMail(tx: Tx, values: typeof outboxMails.$inferInsert): Promise<string> {
  const [row] = await tx.insert(outboxMails).values(values).returning({ id: outboxMails.id });
  return row!.id;
}

export async function markOutboxMail(tx: Tx, id: string, status: 'sent' | 'failed', error: string | null): Promise<void> {
  await tx.update(outboxMails).set({ status, error, sentAt: status === 'sent' ? new Date() : null }).where(eq(outboxMails.id, id));
}

export async function listOutboxMails(tx: Tx, limit: number) {
  return tx.select().from(outboxMails).orderBy(desc(outboxMails.createdAt)).limit(limit);
}
