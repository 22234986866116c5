// Database housekeeping that needs the owning connection rather than a tenant or platform
// role: refreshing planner statistics after bulk writes. PGlite never runs autovacuum, so
// without this the planner keeps guessing from an empty table after a large import.
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';

export async function analyzeOrganisationTables(database: Database): Promise<void> {
  await database.db.execute(sql`analyze org_units, persons, employments, unit_leaders`);
}
