// Organisation units: the tree with subtree head counts, one unit with its neighbours and
// members, and the writes (create, update with optimistic lock, move a subtree, leaders,
// archive). Every function runs inside withTenant, so RLS confines it to one tenant.
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../client.ts';
import { employments, orgUnits, persons, unitLeaders } from '../schema/index.ts';

const ACTIVE = sql`(${employments.endDate} is null or ${employments.endDate} >= current_date)`;

export interface UnitCountRow {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  code: string;
  depth: number;
  path: string;
  headCount: number;
  fteSum: number;
}

/**
 * Every unit (not archived) of the tenant with the number of active employments and the sum
 * of their FTE in its whole subtree. Direct counts per unit (one pass over employments) are
 * attributed to every ancestor by unnesting the materialised path, so the cost is linear in
 * employments plus the sum of the units' depths — no self-join over the tree. The counts and
 * the unit list are two plain queries merged by id, which keeps the plans simple even when
 * the planner has no statistics yet (PGlite has no autovacuum).
 * With `withinPath`, only that unit and its descendants.
 */
export async function listUnitsWithCounts(tx: Tx, options: { withinPath?: string } = {}): Promise<UnitCountRow[]> {
  const p = options.withinPath;
  const inScope = p ? sql`and (u.path = ${p} or u.path like ${`${p}/%`})` : sql``;
  const units = await queryRows<{ id: string; parent_id: string | null; name: string; kind: string; code: string; depth: number; path: string }>(
      tx,
      sql`select u.id, u.parent_id, u.name, u.kind, u.code, u.depth, u.path from org_units u where u.archived_at is null ${inScope} order by u.depth, u.name`,
    );
  const counts = await queryRows<{ ancestor_id: string; n: number; fte: string | number }>(
      tx,
      sql`
        select a.ancestor_id, sum(d.n)::int as n, sum(d.fte) as fte
        from (
          select e.unit_id, count(*) as n, sum(e.fte_percent) as fte
          from employments e
          ${p ? sql`join org_units u on u.id = e.unit_id` : sql``}
          where (e.end_date is null or e.end_date >= current_date) ${inScope}
          group by e.unit_id
        ) d
        join org_units s on s.id = d.unit_id
        cross join lateral unnest(string_to_array(s.path, '/')) as a(ancestor_id)
        group by a.ancestor_id`,
    );
  const byUnit = new Map(counts.map((c) => [c.ancestor_id, c]));
  return units.map((r) => {
    const c = byUnit.get(r.id);
    return {
      id: r.id,
      parentId: r.parent_id,
      name: r.name,
      kind: r.kind,
      code: r.code,
      depth: Number(r.depth),
      path: r.path,
      headCount: Number(c?.n ?? 0),
      fteSum: Number(c?.fte ?? 0),
    };
  });
}

/** Units for selects: id, parent, name, kind, path, depth (not archived). */
export async function listUnitsCompact(tx: Tx) {
  return tx
    .select({ id: orgUnits.id, parentId: orgUnits.parentId, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path, depth: orgUnits.depth })
    .from(orgUnits)
    .where(isNull(orgUnits.archivedAt));
}

export async function findUnit(tx: Tx, id: string) {
  const rows = await tx.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1);
  return rows[0] ?? null;
}

/**
 * One unit with the names of its ancestors and its leaders, in one statement (the unit page's
 * first read). Ancestors come unordered; the caller orders them by the unit's path. Each leader
 * carries the paths of their own active employments (whether the reader may open the profile).
 */
export async function findUnitByCode(tx: Tx, code: string) {
  const rows = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function countRootUnits(tx: Tx): Promise<number> {
  const rows = await tx.select({ n: sql<number>`count(*)::int` }).from(orgUnits).where(and(isNull(orgUnits.parentId), isNull(orgUnits.archivedAt)));
  return Number(rows[0]?.n ?? 0);
}

/** Names of units by id (for breadcrumbs and unit path names). */
export async function findUnitNames(tx: Tx, ids: readonly string[]): Promise<Map<string, { name: string; kind: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits).where(inArray(orgUnits.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

export async function listLeaders(tx: Tx, unitId: string) {
  return tx
    .select({
      personId: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      email: persons.email,
      /** Paths of the leader's own active employments (to decide whether the reader may open their profile). */
      unitPaths: sql<string[]>`coalesce((select array_agg(ou.path) from employments le join org_units ou on ou.id = le.unit_id
        where le.person_id = persons.id and (le.end_date is null or le.end_date >= current_date)), '{}')`,
    })
    .from(unitLeaders)
    .innerJoin(persons, eq(persons.id, unitLeaders.personId))
    .where(eq(unitLeaders.unitId, unitId))
    .orderBy(asc(persons.familyName), asc(persons.givenName));
}

export type MemberSort = 'name' | 'title' | 'fte';

/** Active employments in one unit (not its descendants), one page, sorted; with the total. */
export interface UnitPageRead {
  unit: { id: string; tenantId: string; parentId: string | null; kind: string; name: string; code: string; path: string; depth: number; archived: boolean; version: number };
  ancestors: Map<string, { name: string; kind: string }>;
  leaders: Array<{ personId: string; givenName: string; familyName: string; unitPaths: string[] }>;
  /** Employments (active) in the unit's whole subtree, archived sub-units included, and their FTE sum. */
  headCount: number;
  fteSum: number;
  /** Direct, not archived sub-units, each with its subtree's active employments and FTE sum. */
  children: Array<{ id: string; name: string; kind: string; headCount: number; fteSum: number }>;
  members: { rows: Array<{ employmentId: string; personId: string; givenName: string; familyName: string; positionTitle: string; ftePercent: number; styrk08: string | null; occupationName: string | null }>; total: number };
}

/**
 * Everything the unit page shows, in ONE statement (one round trip, sent with the unit of work's
 * opening): the unit, its ancestors' names, its leaders (with the unit paths of their active
 * employments), the head count and FTE sum of its subtree and of each direct sub-unit's subtree,
 * and one page of its own members with their number. The subtree is walked by parent
 * (a recursive CTE over the parent index) from the unit's id, so no statement waits for the
 * unit's path.
 */
export async function readUnitPage(tx: Tx, unitId: string, options: { limit: number; offset: number; sort: MemberSort }): Promise<UnitPageRead | null> {
  const order =
    options.sort === 'title'
      ? sql`e.position_title, p.family_name, p.given_name`
      : options.sort === 'fte'
        ? sql`e.fte_percent desc, p.family_name, p.given_name`
        : sql`p.family_name, p.given_name, e.employee_number`;
  const rows = await queryRows<{
    id: string; tenant_id: string; parent_id: string | null; kind: string; name: string; code: string; path: string; depth: number; archived_at: Date | string | null; version: number;
    ancestors: Array<{ id: string; name: string; kind: string }>;
    leaders: UnitPageRead['leaders'];
    own_fte: string | number | null;
    children: Array<{ id: string; name: string; kind: string; archived: boolean; n: number; fte: number | null }>;
    members: Array<Omit<UnitPageRead['members']['rows'][number], 'ftePercent'> & { ftePercent: number | string; rn: number }>;
    member_count: number;
  }>(
    tx,
    sql`
      with recursive tree as (
        select c.id, c.id as child from org_units c where c.parent_id = ${unitId}
        union all
        -- By the parent index, one look-up per unit (OFFSET 0 keeps the planner from turning it into
        -- a scan of all units, which the walk's row estimate would otherwise make it choose).
        select g.id, t.child from tree t cross join lateral (select g.id from org_units g where g.parent_id = t.id offset 0) g
      ), counts as (
        -- Per unit of the subtree by its index (an aggregate in LATERAL is not flattened into a
        -- join): the recursive walk's row estimate is far too high for the planner to see that.
        select t.child, sum(x.n)::int as n, sum(x.fte) as fte
        from tree t cross join lateral (
          select count(*) as n, sum(e.fte_percent) as fte from employments e
          where e.unit_id = t.id and (e.end_date is null or e.end_date >= current_date)) x
        group by t.child
      )
      select u.id, u.tenant_id, u.parent_id, u.kind, u.name, u.code, u.path, u.depth, u.archived_at, u.version,
        coalesce((select json_agg(json_build_object('id', a.id, 'name', a.name, 'kind', a.kind)) from org_units a
                  where a.id = any(string_to_array(u.path, '/')::uuid[]) and a.id <> u.id), '[]'::json) as ancestors,
        coalesce((select json_agg(json_build_object('personId', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
                    'unitPaths', coalesce((select array_agg(ou.path) from employments le join org_units ou on ou.id = le.unit_id
                                           where le.person_id = p.id and (le.end_date is null or le.end_date >= current_date)), '{}'))
                    order by p.family_name, p.given_name)
                  from unit_leaders l join persons p on p.id = l.person_id where l.unit_id = u.id), '[]'::json) as leaders,
        (select count(*)::int from employments e where e.unit_id = u.id and (e.end_date is null or e.end_date >= current_date)) as member_count,
        (select sum(e.fte_percent) from employments e where e.unit_id = u.id and (e.end_date is null or e.end_date >= current_date)) as own_fte,
        coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name, 'kind', c.kind, 'archived', c.archived_at is not null, 'n', coalesce(k.n, 0), 'fte', k.fte))
                  from org_units c left join counts k on k.child = c.id where c.parent_id = u.id), '[]'::json) as children,
        coalesce((select json_agg(m order by m.rn) from (
                    select e.id as "employmentId", p.id as "personId", p.given_name as "givenName", p.family_name as "familyName",
                           e.position_title as "positionTitle", e.fte_percent as "ftePercent", e.styrk08, o.name as "occupationName",
                           row_number() over (order by ${order}) as rn
                    from employments e join persons p on p.id = e.person_id left join occupations o on o.code = e.styrk08
                    where e.unit_id = u.id and (e.end_date is null or e.end_date >= current_date)
                    order by ${order} limit ${options.limit} offset ${options.offset}) m), '[]'::json) as members
      from org_units u where u.id = ${unitId}`,
  );
  const r = rows[0];
  if (!r) return null;
  const childCounts = r.children.reduce((acc, c) => ({ n: acc.n + Number(c.n), fte: acc.fte + Number(c.fte ?? 0) }), { n: 0, fte: 0 });
  return {
    unit: { id: r.id, tenantId: r.tenant_id, parentId: r.parent_id, kind: r.kind, name: r.name, code: r.code, path: r.path, depth: Number(r.depth), archived: r.archived_at !== null, version: Number(r.version) },
    ancestors: new Map(r.ancestors.map((a) => [a.id, { name: a.name, kind: a.kind }])),
    leaders: r.leaders,
    headCount: Number(r.member_count) + childCounts.n,
    fteSum: Number(r.own_fte ?? 0) + childCounts.fte,
    children: r.children.filter((c) => !c.archived).map((c) => ({ id: c.id, name: c.name, kind: c.kind, headCount: Number(c.n), fteSum: Number(c.fte ?? 0) })),
    members: {
      rows: r.members.map(({ rn: _rn, ...m }) => ({ ...m, ftePercent: Number(m.ftePercent) })),
      total: Number(r.member_count),
    },
  };
}

/** Persons with an active employment in any of the given units (leader candidates). */
export async function listPersonsInUnits(tx: Tx, unitIds: readonly string[], limit: number) {
  if (unitIds.length === 0) return [];
  return tx
    .selectDistinct({ personId: persons.id, givenName: persons.givenName, familyName: persons.familyName })
    .from(employments)
    .innerJoin(persons, eq(persons.id, employments.personId))
    .where(and(inArray(employments.unitId, [...unitIds]), ACTIVE))
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(persons.id))
    .limit(limit);
}

export async function insertUnit(tx: Tx, values: typeof orgUnits.$inferInsert) {
  const [row] = await tx.insert(orgUnits).values(values).returning();
  return row!;
}

/** Update fields if the row still has `version`; bumps it. Null when someone else saved first. */
export async function updateUnitFields(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<Pick<typeof orgUnits.$inferInsert, 'name' | 'kind' | 'code' | 'parentId' | 'archivedAt'>>,
) {
  const rows = await tx
    .update(orgUnits)
    .set({ ...values, version: sql`${orgUnits.version} + 1`, updatedAt: new Date() })
    .where(and(eq(orgUnits.id, id), eq(orgUnits.version, version)))
    .returning();
  return rows[0] ?? null;
}

/** Re-root a subtree in one statement: every unit under `oldPath` gets `newPath` as prefix and its depth shifted. */
export async function moveSubtree(tx: Tx, oldPath: string, newPath: string, depthDelta: number): Promise<number> {
  const rows = await tx
    .update(orgUnits)
    .set({
      path: sql`${newPath} || substr(${orgUnits.path}, ${oldPath.length + 1})`,
      depth: sql`${orgUnits.depth} + ${depthDelta}`,
    })
    .where(or(eq(orgUnits.path, oldPath), sql`${orgUnits.path} like ${`${oldPath}/%`}`))
    .returning({ id: orgUnits.id });
  return rows.length;
}

/** Serialise structural changes (moves) within a tenant for the rest of the transaction. */
export async function lockTenantTree(tx: Tx, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`org-tree:${tenantId}`}))`);
}

export async function replaceLeaders(tx: Tx, tenantId: string, unitId: string, personIds: readonly string[]) {
  await tx.delete(unitLeaders).where(eq(unitLeaders.unitId, unitId));
  if (personIds.length) await tx.insert(unitLeaders).values([...new Set(personIds)].map((personId) => ({ tenantId, unitId, personId })));
}

/** What still hangs on a unit: sub-units not archived and active employments. */
export async function countUnitContents(tx: Tx, unitId: string) {
  const children = await tx.select({ n: sql<number>`count(*)::int` }).from(orgUnits).where(and(eq(orgUnits.parentId, unitId), isNull(orgUnits.archivedAt)));
  const active = await tx.select({ n: sql<number>`count(*)::int` }).from(employments).where(and(eq(employments.unitId, unitId), ACTIVE));
  return { children: Number(children[0]?.n ?? 0), activeEmployments: Number(active[0]?.n ?? 0) };
}
