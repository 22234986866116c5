// Reads behind the JSON API's paginated lists: units as a flat list, persons with their
// employee numbers (filtered by a unit subtree or an employee number), and STYRK-08 lookup.
// Keyset pagination on id: each page continues after the last id of the previous one.
import { and, asc, eq, gt, ilike, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { employments, occupations, orgUnits, persons } from '../schema/index.ts';

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listUnitsAfter(tx: Tx, options: { after: string | null; limit: number; includeArchived: boolean }) {
  const where: SQL[] = [];
  if (options.after) where.push(gt(orgUnits.id, options.after));
  if (!options.includeArchived) where.push(isNull(orgUnits.archivedAt));
  return tx
    .select({
      id: orgUnits.id,
      parentId: orgUnits.parentId,
      name: orgUnits.name,
      kind: orgUnits.kind,
      code: orgUnits.code,
      depth: orgUnits.depth,
      archivedAt: orgUnits.archivedAt,
      version: orgUnits.version,
    })
    .from(orgUnits)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(orgUnits.id))
    .limit(options.limit);
}

export async function findUnitPath(tx: Tx, unitId: string): Promise<string | null> {
  const rows = await tx.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, unitId)).limit(1);
  return rows[0]?.path ?? null;
}

export async function listPersonsAfter(tx: Tx, options: { after: string | null; limit: number; unitPath: string | null; employeeNumber: string | null }) {
  const where: SQL[] = [];
  if (options.after) where.push(gt(persons.id, options.after));
  if (options.unitPath) {
    const path = options.unitPath;
    where.push(
      sql`exists (select 1 from ${employments} e join ${orgUnits} u on u.id = e.unit_id
        where e.person_id = ${persons.id} and (e.end_date is null or e.end_date >= current_date)
          and (u.path = ${path} or u.path like ${`${escapeLike(path)}/%`}))`,
    );
  }
  if (options.employeeNumber) where.push(sql`exists (select 1 from ${employments} e where e.person_id = ${persons.id} and e.employee_number = ${options.employeeNumber})`);
  return tx
    .select({
      id: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      email: persons.email,
      deactivatedAt: persons.deactivatedAt,
      version: persons.version,
      // Qualified by hand: inside select() drizzle leaves single-table columns unqualified.
      employeeNumbers: sql<string[]>`coalesce((select array_agg(e.employee_number order by e.employee_number) from ${employments} e where e.person_id = "persons"."id" and (e.end_date is null or e.end_date >= current_date)), '{}')`,
    })
    .from(persons)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(persons.id))
    .limit(options.limit);
}

export async function searchOccupations(tx: Tx, query: string, limit: number) {
  const q = escapeLike(query);
  return tx
    .select({ code: occupations.code, name: occupations.name, level: occupations.level, parentCode: occupations.parentCode })
    .from(occupations)
    .where(or(like(occupations.code, `${q}%`), ilike(occupations.name, `%${q}%`)))
    .orderBy(sql`${occupations.level} desc`, asc(occupations.code))
    .limit(limit);
}
