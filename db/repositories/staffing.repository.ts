// The staffing analysis of a strategic plan: set-based aggregates over employments, persons and
// the STYRK-08 reference list, within a unit subtree (a service area) or the whole tenant. Every
// query groups in SQL; what comes back is a few hundred aggregated rows whatever the tenant's
// size (50,000 employments answer in the same shape as 50). Runs inside withTenant.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../client.ts';

export interface StaffingScope {
  /** Materialised path of the scope unit; null = the whole tenant. */
  path: string | null;
  /** Depth of the scope unit (0 for the tenant's root). */
  depth: number;
  /** The reference date (YYYY-MM-DD): "now" of the analysis. */
  date: string;
}

const inScope = (s: StaffingScope): SQL => (s.path ? sql`and (u.path = ${s.path} or u.path like ${`${s.path}/%`})` : sql``);
const activeAt = (date: SQL | string): SQL => sql`e.start_date <= ${date}::date and (e.end_date is null or e.end_date >= ${date}::date)`;

export interface OccupationRow {
  styrk08: string | null;
  name: string | null;
  majorName: string | null;
  persons: number;
  fte: number;
}

/** Head count (distinct persons) and FTE (sum of percent / 100) per 4-digit STYRK-08 code, with names. */
export async function aggregateByOccupation(tx: Tx, scope: StaffingScope): Promise<OccupationRow[]> {
  const rows = await queryRows<{ styrk08: string | null; name: string | null; major_name: string | null; persons: number; fte: string | number }>(
    tx,
    sql`
      select d.styrk08, o.name, m.name as major_name, d.persons, d.fte
      from (
        select e.styrk08, count(distinct e.person_id)::int as persons, sum(e.fte_percent) / 100.0 as fte
        from employments e join org_units u on u.id = e.unit_id
        where ${activeAt(scope.date)} ${inScope(scope)}
        group by e.styrk08
      ) d
      left join occupations o on o.code = d.styrk08
      left join occupations m on m.code = left(d.styrk08, 1)
      order by d.persons desc, d.styrk08`,
  );
  return rows.map((r) => ({ styrk08: r.styrk08, name: r.name, majorName: r.major_name, persons: r.persons, fte: Number(r.fte) }));
}

export interface UnitRow {
  unitId: string;
  name: string;
  persons: number;
  fte: number;
}

/** Head count and FTE per unit directly below the scope (each with its whole subtree). */
export async function aggregateByUnit(tx: Tx, scope: StaffingScope): Promise<UnitRow[]> {
  const part = scope.depth + 2;
  const rows = await queryRows<{ unit_id: string; name: string; persons: number; fte: string | number }>(
    tx,
    sql`
      select d.unit_id, g.name, d.persons, d.fte
      from (
        select coalesce(nullif(split_part(u.path, '/', ${part}::int), ''), u.id::text)::uuid as unit_id,
               count(distinct e.person_id)::int as persons, sum(e.fte_percent) / 100.0 as fte
        from employments e join org_units u on u.id = e.unit_id
        where ${activeAt(scope.date)} ${inScope(scope)}
        group by 1
      ) d
      join org_units g on g.id = d.unit_id
      order by g.name`,
  );
  return rows.map((r) => ({ unitId: r.unit_id, name: r.name, persons: r.persons, fte: Number(r.fte) }));
}

export interface CohortRow {
  styrk08: string | null;
  birthYear: number;
  persons: number;
  fte: number;
}

/**
 * Persons and FTE per position type and birth year (persons without a birth year are left
 * out; `countMissingBirthYears` says how many). Age bands and retirements follow from these.
 */
export async function aggregateCohorts(tx: Tx, scope: StaffingScope): Promise<CohortRow[]> {
  const rows = await queryRows<{ styrk08: string | null; birth_year: number; persons: number; fte: string | number }>(
    tx,
    sql`
      select e.styrk08, p.birth_year, count(distinct e.person_id)::int as persons, sum(e.fte_percent) / 100.0 as fte
      from employments e
      join org_units u on u.id = e.unit_id
      join persons p on p.id = e.person_id
      where ${activeAt(scope.date)} and p.birth_year is not null ${inScope(scope)}
      group by e.styrk08, p.birth_year`,
  );
  return rows.map((r) => ({ styrk08: r.styrk08, birthYear: r.birth_year, persons: r.persons, fte: Number(r.fte) }));
}

export interface TotalsRow {
  persons: number;
  fte: number;
  missingBirthYear: number;
}

/** Distinct persons and FTE in scope, and how many of those persons have no birth year. */
export async function aggregateTotals(tx: Tx, scope: StaffingScope): Promise<TotalsRow> {
  const [row] = await queryRows<{ persons: number; fte: string | number | null; missing: number }>(
    tx,
    sql`
      select count(distinct e.person_id)::int as persons, coalesce(sum(e.fte_percent), 0) / 100.0 as fte,
             count(distinct e.person_id) filter (where p.birth_year is null)::int as missing
      from employments e
      join org_units u on u.id = e.unit_id
      join persons p on p.id = e.person_id
      where ${activeAt(scope.date)} ${inScope(scope)}`,
  );
  return { persons: row?.persons ?? 0, fte: Number(row?.fte ?? 0), missingBirthYear: row?.missing ?? 0 };
}

export interface TurnoverRow {
  styrk08: string | null;
  /** Persons in the position type a year before the reference date. */
  personsStart: number;
  /** Persons in it at the reference date. */
  personsEnd: number;
  /** Persons whose employment in it ended in the 12 months and who hold no other in it now. */
  leavers: number;
  /** Of the leavers, those younger than 62 in the year they left (not counted as retirement). */
  leaversBelow62: number;
}

/** Turnover per position type over the 12 months up to the reference date. */
export async function aggregateTurnover(tx: Tx, scope: StaffingScope): Promise<TurnoverRow[]> {
  const yearAgo = sql`(${scope.date}::date - interval '1 year')::date`;
  const rows = await queryRows<{ styrk08: string | null; persons_start: number; persons_end: number; leavers: number; leavers_below62: number }>(
    tx,
    sql`
      with scoped as (
        select e.person_id, e.styrk08, e.start_date, e.end_date, p.birth_year
        from employments e
        join org_units u on u.id = e.unit_id
        join persons p on p.id = e.person_id
        where e.start_date <= ${scope.date}::date and (e.end_date is null or e.end_date >= ${yearAgo}) ${inScope(scope)}
      ),
      stayers as (
        select distinct e.person_id, e.styrk08 from scoped e where ${activeAt(scope.date)}
      ),
      leavers as (
        select distinct on (e.person_id, e.styrk08) e.person_id, e.styrk08, e.end_date, e.birth_year
        from scoped e
        where e.end_date >= ${yearAgo} and e.end_date < ${scope.date}::date
          and not exists (select 1 from stayers s where s.person_id = e.person_id and s.styrk08 is not distinct from e.styrk08)
        order by e.person_id, e.styrk08, e.end_date desc
      ),
      starts as (
        select e.styrk08, count(distinct e.person_id)::int as n from scoped e where ${activeAt(yearAgo)} group by e.styrk08
      ),
      ends as (
        select s.styrk08, count(*)::int as n from stayers s group by s.styrk08
      ),
      gone as (
        select l.styrk08, count(*)::int as n,
               count(*) filter (where l.birth_year is null or extract(year from l.end_date)::int - l.birth_year < 62)::int as below62
        from leavers l group by l.styrk08
      ),
      keys as (select styrk08 from starts union select styrk08 from ends union select styrk08 from gone)
      select k.styrk08, coalesce(a.n, 0) as persons_start, coalesce(b.n, 0) as persons_end, coalesce(g.n, 0) as leavers, coalesce(g.below62, 0) as leavers_below62
      from keys k
      left join starts a on a.styrk08 is not distinct from k.styrk08
      left join ends b on b.styrk08 is not distinct from k.styrk08
      left join gone g on g.styrk08 is not distinct from k.styrk08`,
  );
  return rows.map((r) => ({ styrk08: r.styrk08, personsStart: r.persons_start, personsEnd: r.persons_end, leavers: r.leavers, leaversBelow62: r.leavers_below62 }));
}

/** The scope unit's path and depth (null when the unit does not exist or is archived). */
export async function findScopeUnit(tx: Tx, unitId: string): Promise<{ id: string; name: string; path: string; depth: number } | null> {
  const [row] = await queryRows<{ id: string; name: string; path: string; depth: number }>(
    tx,
    sql`select id, name, path, depth from org_units where id = ${unitId} and archived_at is null`,
  );
  return row ?? null;
}

/** Service areas: the units one level below the root (what a plan can be scoped to). */
export async function listServiceAreas(tx: Tx): Promise<Array<{ id: string; name: string }>> {
  return queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from org_units where archived_at is null and depth = (select min(depth) from org_units where archived_at is null) + 1 order by name`,
  );
}

export interface OccupationName {
  code: string;
  name: string;
}

/** Names of STYRK-08 codes (reference table). */
export async function findOccupationNames(tx: Tx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await queryRows<OccupationName>(tx, sql`select code, name from occupations where code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.code, r.name]));
}
