// The municipal competence plan: the needs of a wheel cycle's handed-in mapping forms, added up
// in the database by competence area, sector (service area) and term. Set-based: one grouped
// query for the figures and one for the measure mix, whatever the number of units.
// Everything runs inside withTenant (RLS confines it to one tenant).
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../client.ts';

export interface NeedAggregateRow {
  areaId: string;
  areaName: string;
  /** The service area (top-level unit below the municipality); null for needs of the municipality's own top unit. */
  sectorId: string | null;
  sectorName: string | null;
  term: 'short' | 'long';
  needs: number;
  units: number;
  people: number;
  costNok: number;
  substituteCostNok: number;
  /** People-weighted average priority (1 = high … 3 = low). */
  priority: number;
}

export interface NeedMixRow {
  areaId: string;
  measureType: string;
  /** People spread evenly over each need's preferred measure types. */
  weight: number;
}

// Forms that count: submitted and approved ones (drafts and returned forms are the unit's own business).
const HANDED_IN = sql`('submitted', 'approved')`;

/** Needs of the cycle's handed-in forms grouped by competence area, sector and term. */
export async function aggregateNeedsOfCycle(tx: Tx, cycleId: string): Promise<NeedAggregateRow[]> {
  return queryRows<NeedAggregateRow>(
    tx,
    sql`select a.id as "areaId", a.name as "areaName", s.id as "sectorId", s.name as "sectorName", n.term,
               count(*)::int as needs, count(distinct f.unit_id)::int as units,
               sum(n.people_count)::int as people, sum(n.cost_nok)::bigint::float8 as "costNok",
               sum(n.substitute_cost_nok)::bigint::float8 as "substituteCostNok",
               (sum(n.priority * n.people_count)::float8 / nullif(sum(n.people_count), 0)) as priority
          from mapping_forms f
          join mapping_needs n on n.form_id = f.id
          join competence_areas a on a.id = n.competence_area_id
          join org_units u on u.id = f.unit_id
          left join org_units s on s.id = nullif(split_part(u.path, '/', 2), '')::uuid
         where f.cycle_id = ${cycleId} and f.status in ${HANDED_IN}
         group by a.id, a.name, s.id, s.name, n.term`,
  );
}

/** Each area's measure mix: every need's people spread over its preferred measure types. */
export async function aggregateMixOfCycle(tx: Tx, cycleId: string): Promise<NeedMixRow[]> {
  return queryRows<NeedMixRow>(
    tx,
    sql`select n.competence_area_id as "areaId", t.type as "measureType",
               sum(n.people_count::float8 / cardinality(n.measure_types)) as weight
          from mapping_forms f
          join mapping_needs n on n.form_id = f.id
          cross join lateral unnest(n.measure_types) as t(type)
         where f.cycle_id = ${cycleId} and f.status in ${HANDED_IN}
         group by n.competence_area_id, t.type`,
  );
}

/** How many forms of the cycle are handed in (submitted or approved). */
export async function countHandedInForms(tx: Tx, cycleId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from mapping_forms where cycle_id = ${cycleId} and status in ${HANDED_IN}`);
  return row?.n ?? 0;
}
