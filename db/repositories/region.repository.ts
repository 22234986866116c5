// Regions (interkommunalt samarbeid) group tenants; platform tables, used under withPlatform.
import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { regions } from '../schema/index.ts';

export async function listRegions(tx: Tx) {
  return tx
    .select({
      id: regions.id,
      name: regions.name,
      createdAt: regions.createdAt,
      // Written out in full: drizzle leaves columns unqualified in a single-table select, which
      // inside the subquery would name the inner table's id.
      tenantNames: sql<string[]>`coalesce((select array_agg(t.name order by t.name) from tenants t where t.region_id = "regions"."id"), '{}')`,
    })
    .from(regions)
    .orderBy(asc(regions.name));
}

export async function findRegion(tx: Tx, regionId: string) {
  const rows = await tx.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.id, regionId)).limit(1);
  return rows[0] ?? null;
}

export async function regionNameExists(tx: Tx, name: string): Promise<boolean> {
  const rows = await tx
    .select({ id: regions.id })
    .from(regions)
    .where(sql`lower(${regions.name}) = ${name.toLowerCase()}`)
    .limit(1);
  return rows.length > 0;
}

export async function insertRegion(tx: Tx, name: string) {
  const [row] = await tx.insert(regions).values({ name }).returning({ id: regions.id, name: regions.name });
  return row!;
}
