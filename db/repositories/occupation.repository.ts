// STYRK-08 occupations (platform reference data, readable by every tenant).
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { occupations } from '../schema/index.ts';

/** The occupation with this code at the given level (4 = occupation, the level employments use), or null. */
export async function findOccupation(tx: Tx, code: string, level = 4) {
  const rows = await tx.select().from(occupations).where(and(eq(occupations.code, code), eq(occupations.level, level))).limit(1);
  return rows[0] ?? null;
}

export async function listOccupations(tx: Tx, level = 4) {
  return tx.select({ code: occupations.code, name: occupations.name }).from(occupations).where(eq(occupations.level, level)).orderBy(asc(occupations.code));
}
