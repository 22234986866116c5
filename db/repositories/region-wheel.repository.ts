// A region's shared milestones (region_milestones) and the member's copies of them in
// wheel_milestones. Runs inside withTenant: RLS on region_milestones shows rytme_app only the
// rows of the region the transaction's tenant belongs to, so none of these functions filters by
// region itself except where it names the region it writes.
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { regionMilestones, regions, tenants, wheelMilestones } from '../schema/index.ts';

/** The region of the transaction's tenant (its own row is the only one rytme_app sees). */
export async function findOwnRegion(tx: Tx, tenantId: string): Promise<{ id: string; name: string } | null> {
  const rows = await tx.select({ id: regions.id, name: regions.name }).from(tenants).innerJoin(regions, eq(regions.id, tenants.regionId)).where(eq(tenants.id, tenantId)).limit(1);
  return rows[0] ?? null;
}

export async function listRegionMilestonesOfYear(tx: Tx, year: number) {
  return tx.select().from(regionMilestones).where(eq(regionMilestones.year, year)).orderBy(asc(regionMilestones.deadline), asc(regionMilestones.title));
}

export async function listRegionMilestoneYears(tx: Tx): Promise<number[]> {
  const rows = await tx.selectDistinct({ year: regionMilestones.year }).from(regionMilestones).orderBy(asc(regionMilestones.year));
  return rows.map((r) => r.year);
}

/** Every region milestone the tenant can see (its region's), for the sync. */
export async function listVisibleRegionMilestones(tx: Tx) {
  return tx.select().from(regionMilestones);
}

export async function findRegionMilestone(tx: Tx, id: string) {
  const rows = await tx.select().from(regionMilestones).where(eq(regionMilestones.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertRegionMilestone(tx: Tx, values: typeof regionMilestones.$inferInsert) {
  const [row] = await tx.insert(regionMilestones).values(values).returning();
  return row!;
}

export type RegionMilestoneFields = Pick<
  typeof regionMilestones.$inferInsert,
  'title' | 'description' | 'deadline' | 'ownerRole' | 'concerns' | 'targetKind' | 'reminderOffsets' | 'overdueEveryDays' | 'escalateAfterDays' | 'updatedByTenantId'
>;

/** Update under the optimistic lock; null when the version did not match (or the row is not visible). */
export async function updateRegionMilestoneFields(tx: Tx, id: string, expectedVersion: number, fields: RegionMilestoneFields) {
  const rows = await tx
    .update(regionMilestones)
    .set({ ...fields, version: sql`${regionMilestones.version} + 1`, updatedAt: new Date() })
    .where(and(eq(regionMilestones.id, id), eq(regionMilestones.version, expectedVersion)))
    .returning({ version: regionMilestones.version });
  return rows[0] ?? null;
}

/** The tenant's copies of region milestones: region milestone id → copy id and the version copied. */
export async function listRegionalCopies(tx: Tx) {
  return tx
    .select({ id: wheelMilestones.id, regionMilestoneId: wheelMilestones.regionMilestoneId, regionVersion: wheelMilestones.regionVersion })
    .from(wheelMilestones)
    .where(isNotNull(wheelMilestones.regionMilestoneId));
}

/** Insert copies; a copy another run inserted first is skipped (unique tenant + region milestone). */
export async function insertRegionalCopies(tx: Tx, values: Array<typeof wheelMilestones.$inferInsert>) {
  if (values.length === 0) return [];
  return tx.insert(wheelMilestones).values(values).onConflictDoNothing().returning({ id: wheelMilestones.id });
}

/** Copy a newer region milestone version over; only when the copy holds an older one (so it runs once). */
export async function updateRegionalCopy(tx: Tx, copyId: string, regionVersion: number, fields: Omit<RegionMilestoneFields, 'updatedByTenantId'>) {
  const rows = await tx
    .update(wheelMilestones)
    .set({ ...fields, targetUnitIds: [], regionVersion, version: sql`${wheelMilestones.version} + 1`, updatedAt: new Date() })
    .where(and(eq(wheelMilestones.id, copyId), sql`coalesce(${wheelMilestones.regionVersion}, 0) < ${regionVersion}`))
    .returning({ id: wheelMilestones.id });
  return rows.length > 0;
}

/** Region names of copies, by region milestone id (for the "regional" mark on the wheel). */
export async function findRegionNamesOfMilestones(tx: Tx, regionMilestoneIds: readonly string[]): Promise<Map<string, string>> {
  if (regionMilestoneIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: regionMilestones.id, name: regions.name })
    .from(regionMilestones)
    .innerJoin(regions, eq(regions.id, regionMilestones.regionId))
    .where(inArray(regionMilestones.id, [...regionMilestoneIds]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
