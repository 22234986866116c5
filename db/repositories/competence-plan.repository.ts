// The municipal competence plan: the needs of a wheel cycle's handed-in mapping forms, added up
// in the database by competence area, sector (service area) and term. Set-based: one grouped
// query for the figures and one for the measure mix, whatever the number of units.
// Everything runs inside withTenant (RLS confines it to one tenant).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../client.ts';
import { competencePlanItems, competencePlanOutlook, competencePlans, measures, wheelCycles } from '../schema/index.ts';

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

export interface NeedYearRow {
  areaId: string;
  areaName: string;
  /** The year the needs are expected in. */
  year: number;
  needs: number;
  people: number;
  /** Cost and substitute cost together. */
  totalNok: number;
}

/** Needs of the cycle's handed-in forms expected in the years from..to, grouped by competence area and year (the 4-year outlook). */
export async function aggregateNeedsByYear(tx: Tx, cycleId: string, fromYear: number, toYear: number): Promise<NeedYearRow[]> {
  return queryRows<NeedYearRow>(
    tx,
    sql`select a.id as "areaId", a.name as "areaName", n.year, count(*)::int as needs,
               sum(n.people_count)::int as people, sum(n.cost_nok + n.substitute_cost_nok)::bigint::float8 as "totalNok"
          from mapping_forms f
          join mapping_needs n on n.form_id = f.id
          join competence_areas a on a.id = n.competence_area_id
         where f.cycle_id = ${cycleId} and f.status in ${HANDED_IN} and n.year between ${fromYear} and ${toYear}
         group by a.id, a.name, n.year`,
  );
}

export interface UnitCostRow {
  unitId: string;
  unitName: string;
  sectorName: string | null;
  needs: number;
  people: number;
  costNok: number;
  substituteCostNok: number;
}

/** Each unit's sums over its handed-in form, most costly first. */
export async function aggregateCostByUnit(tx: Tx, cycleId: string): Promise<UnitCostRow[]> {
  return queryRows<UnitCostRow>(
    tx,
    sql`select u.id as "unitId", u.name as "unitName", s.name as "sectorName", count(*)::int as needs,
               sum(n.people_count)::int as people, sum(n.cost_nok)::bigint::float8 as "costNok",
               sum(n.substitute_cost_nok)::bigint::float8 as "substituteCostNok"
          from mapping_forms f
          join mapping_needs n on n.form_id = f.id
          join org_units u on u.id = f.unit_id
          left join org_units s on s.id = nullif(split_part(u.path, '/', 2), '')::uuid
         where f.cycle_id = ${cycleId} and f.status in ${HANDED_IN}
         group by u.id, u.name, s.name
         order by sum(n.cost_nok + n.substitute_cost_nok) desc, u.name`,
  );
}

/** How many forms of the cycle are handed in (submitted or approved). */
export async function countHandedInForms(tx: Tx, cycleId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from mapping_forms where cycle_id = ${cycleId} and status in ${HANDED_IN}`);
  return row?.n ?? 0;
}

// ---------------------------------------------------------------- plans and items

export type PlanRow = typeof competencePlans.$inferSelect & { year: number };

const planColumns = { plan: competencePlans, year: wheelCycles.year };

export async function findPlanById(tx: Tx, id: string): Promise<PlanRow | null> {
  const rows = await tx.select(planColumns).from(competencePlans).innerJoin(wheelCycles, eq(wheelCycles.id, competencePlans.cycleId)).where(eq(competencePlans.id, id)).limit(1);
  return rows[0] ? { ...rows[0].plan, year: rows[0].year } : null;
}

export async function findPlanOfCycle(tx: Tx, cycleId: string) {
  const rows = await tx.select().from(competencePlans).where(eq(competencePlans.cycleId, cycleId)).limit(1);
  return rows[0] ?? null;
}

/** Plans newest year first; only the given statuses when `statuses` is set. */
export async function listPlans(tx: Tx, statuses?: readonly string[]): Promise<PlanRow[]> {
  const rows = await tx
    .select(planColumns)
    .from(competencePlans)
    .innerJoin(wheelCycles, eq(wheelCycles.id, competencePlans.cycleId))
    .where(statuses ? inArray(competencePlans.status, [...statuses]) : undefined)
    .orderBy(sql`${wheelCycles.year} desc`);
  return rows.map((r) => ({ ...r.plan, year: r.year }));
}

/** Insert a plan; null when the cycle already has one (unique tenant + cycle). */
export async function insertPlan(tx: Tx, values: typeof competencePlans.$inferInsert) {
  const rows = await tx.insert(competencePlans).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export type PlanFields = Partial<Pick<typeof competencePlans.$inferInsert, 'title' | 'budgetFrameNok' | 'summary' | 'status' | 'approvedAt' | 'approvedByAccountId' | 'approvedByName' | 'publishedAt' | 'publishedByAccountId'>>;

/** Update under the optimistic lock; the new version, or null when the version did not match. */
export async function updatePlan(tx: Tx, id: string, expectedVersion: number, fields: PlanFields): Promise<number | null> {
  const rows = await tx
    .update(competencePlans)
    .set({ ...fields, version: sql`${competencePlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(competencePlans.id, id), eq(competencePlans.version, expectedVersion)))
    .returning({ version: competencePlans.version });
  return rows[0]?.version ?? null;
}

/** Bump the plan's version (an item changed), so that two people editing one plan see each other. */
export async function touchPlan(tx: Tx, id: string, expectedVersion: number): Promise<number | null> {
  return updatePlan(tx, id, expectedVersion, {});
}

export async function listItems(tx: Tx, planId: string) {
  return tx.select().from(competencePlanItems).where(eq(competencePlanItems.planId, planId)).orderBy(asc(competencePlanItems.priority), asc(competencePlanItems.position));
}

export async function findItem(tx: Tx, id: string) {
  const rows = await tx.select().from(competencePlanItems).where(eq(competencePlanItems.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The next position at the end of the plan's items. */
export async function nextItemPosition(tx: Tx, planId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(tx, sql`select coalesce(max(position) + 1, 0)::int as n from competence_plan_items where plan_id = ${planId}`);
  return row?.n ?? 0;
}

export async function insertItem(tx: Tx, values: typeof competencePlanItems.$inferInsert) {
  const [row] = await tx.insert(competencePlanItems).values(values).returning();
  return row!;
}

export type ItemFields = Partial<Pick<typeof competencePlanItems.$inferInsert, 'competenceAreaId' | 'measureTypes' | 'peopleCount' | 'plannedCostNok' | 'priority' | 'position' | 'note' | 'catalogueMeasureIds'>>;

export async function updateItem(tx: Tx, id: string, expectedVersion: number, fields: ItemFields): Promise<number | null> {
  const rows = await tx
    .update(competencePlanItems)
    .set({ ...fields, version: sql`${competencePlanItems.version} + 1`, updatedAt: new Date() })
    .where(and(eq(competencePlanItems.id, id), eq(competencePlanItems.version, expectedVersion)))
    .returning({ version: competencePlanItems.version });
  return rows[0]?.version ?? null;
}

export async function deleteItem(tx: Tx, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await tx.delete(competencePlanItems).where(and(eq(competencePlanItems.id, id), eq(competencePlanItems.version, expectedVersion))).returning({ id: competencePlanItems.id });
  return rows.length > 0;
}

/** Which of these ids are catalogue measures of the tenant (with their titles). */
export async function findCatalogueMeasures(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: measures.id, title: measures.title, type: measures.type }).from(measures).where(inArray(measures.id, [...new Set(ids)]));
}

// ---------------------------------------------------------------- the plan's 4-year outlook

export async function listOutlook(tx: Tx, planId: string) {
  return tx
    .select({ competenceAreaId: competencePlanOutlook.competenceAreaId, year: competencePlanOutlook.year, plannedCostNok: competencePlanOutlook.plannedCostNok, peopleCount: competencePlanOutlook.peopleCount })
    .from(competencePlanOutlook)
    .where(eq(competencePlanOutlook.planId, planId))
    .orderBy(asc(competencePlanOutlook.year));
}

/** Replace the plan's outlook (the plan's version, bumped by the caller, guards it). */
export async function replaceOutlook(tx: Tx, tenantId: string, planId: string, rows: ReadonlyArray<{ competenceAreaId: string; year: number; plannedCostNok: number; peopleCount: number | null }>): Promise<void> {
  await tx.delete(competencePlanOutlook).where(eq(competencePlanOutlook.planId, planId));
  if (rows.length === 0) return;
  await tx.insert(competencePlanOutlook).values(rows.map((r) => ({ ...r, tenantId, planId })));
}
