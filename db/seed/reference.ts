// Reference data every installation needs: the STYRK-08 occupation classification
// (db/seed/data/styrk08.json, see STYRK08_SOURCES.md for source and licence).
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { occupations } from '../schema/index.ts';

interface StyrkItem {
  code: string;
  parentCode: string | null;
  level: number;
  name: string;
}

export async function loadStyrk08(): Promise<StyrkItem[]> {
  const raw = JSON.parse(await readFile(new URL('./data/styrk08.json', import.meta.url), 'utf8')) as { items: StyrkItem[] };
  return raw.items;
}

export async function ensureReferenceData(database: Database): Promise<void> {
  const items = await loadStyrk08();
  await database.withPlatform(async (tx) => {
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(occupations);
    if ((row?.n ?? 0) >= items.length) return;
    for (let i = 0; i < items.length; i += 500) {
      await tx
        .insert(occupations)
        .values(items.slice(i, i + 500).map((it) => ({ code: it.code, parentCode: it.parentCode, level: it.level, name: it.name })))
        .onConflictDoNothing();
    }
  });
}
