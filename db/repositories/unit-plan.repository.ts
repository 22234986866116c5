// Units' action and development plans (handlings- og utviklingsplanar): the plan of a unit and
// wheel cycle, its rows (action programme, 4-year sketch, evaluation areas), and what the plan is
// prefilled from — the unit's needs in its mapping form of the year and the catalogue measures
// of that year aimed at the unit or answering its needs. Everything runs inside withTenant.
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../client.ts';
import { orgUnits, unitPlanRows, unitPlans, wheelCycles } from '../schema/index.ts';

export type UnitPlanRow = typeof unitPlans.$inferSelect & { year: number };
export type UnitPlanLineRow = typeof unitPlanRows.$inferSelect;

const planColumns = { plan: unitPlans, year: wheelCycles.year };

export async function findUnitPlan(tx: Tx, unitId: string, cycleId: string): Promise<UnitPlanRow | null> {
  const rows = await tx
    .select(planColumns)
    .from(unitPlans)
    .innerJoin(wheelCycles, eq(wheelCycles.id, unitPlans.cycleId))
    .where(and(eq(unitPlans.unitId, unitId), eq(unitPlans.cycleId, cycleId)))
    .limit(1);
  return rows[0] ? { ...rows[0].plan, year: rows[0].year } : null;
}

/** Insert a plan; null when the unit already has one for the cycle. */
export async function insertUnitPlan(tx: Tx, values: typeof unitPlans.$inferInsert) {
  const rows = await tx.insert(unitPlans).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export type UnitPlanFields = Partial<
  Pick<
    typeof unitPlans.$inferInsert,
    | 'status'
    | 'developmentTrends'
    | 'budgetFrameNok'
    | 'competenceBudgetNok'
    | 'economyNote'
    | 'serviceStandards'
    | 'headCount'
    | 'fteHundredths'
    | 'factsNote'
    | 'submittedAt'
    | 'submittedByAccountId'
    | 'approvedAt'
    | 'approvedByAccountId'
    | 'approvedByName'
    | 'returnComment'
  >
>;

/** Update under the optimistic lock; the new version, or null when someone else saved first. */
export async function updateUnitPlan(tx: Tx, id: string, expectedVersion: number, fields: UnitPlanFields): Promise<number | null> {
  const rows = await tx
    .update(unitPlans)
    .set({ ...fields, version: sql`${unitPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(unitPlans.id, id), eq(unitPlans.version, expectedVersion)))
    .returning({ version: unitPlans.version });
  return rows[0]?.version ?? null;
}

export async function listUnitPlanRows(tx: Tx, planId: string): Promise<UnitPlanLineRow[]> {
  return tx.select().from(unitPlanRows).where(eq(unitPlanRows.planId, planId)).orderBy(asc(unitPlanRows.section), asc(unitPlanRows.position));
}

export type NewUnitPlanLine = Omit<typeof unitPlanRows.$inferInsert, 'id' | 'tenantId' | 'planId' | 'createdAt'>;

/** Replace the plan's rows (the plan's version, bumped by the caller, guards them). */
export async function replaceUnitPlanRows(tx: Tx, tenantId: string, planId: string, rows: readonly NewUnitPlanLine[]): Promise<void> {
  await tx.delete(unitPlanRows).where(eq(unitPlanRows.planId, planId));
  if (rows.length === 0) return;
  await tx.insert(unitPlanRows).values(rows.map((r) => ({ ...r, tenantId, planId })));
}

/** Append rows after the existing ones of their section. */
export async function appendUnitPlanRows(tx: Tx, tenantId: string, planId: string, rows: readonly NewUnitPlanLine[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(unitPlanRows).values(rows.map((r) => ({ ...r, tenantId, planId })));
}

/** Every plan of a cycle with its unit's path (for the list page: status per unit). */
export async function listUnitPlansOfCycle(tx: Tx, cycleId: string) {
  return tx
    .select({ id: unitPlans.id, unitId: unitPlans.unitId, status: unitPlans.status, updatedAt: unitPlans.updatedAt, approvedAt: unitPlans.approvedAt })
    .from(unitPlans)
    .where(eq(unitPlans.cycleId, cycleId));
}

export interface UnitNeedRow {
  areaName: string;
  term: string;
  description: string;
  peopleCount: number;
  measureTypes: string[];
  costNok: number;
  substituteCostNok: number;
  priority: number;
}

/** The needs of the unit's mapping form of the cycle (any status; the form is the unit's own), in the form's order. */
export async function listUnitNeedsOfCycle(tx: Tx, cycleId: string, unitId: string): Promise<UnitNeedRow[]> {
  return queryRows<UnitNeedRow>(
    tx,
    sql`select a.name as "areaName", n.term, n.description, n.people_count as "peopleCount", n.measure_types as "measureTypes",
               n.cost_nok as "costNok", n.substitute_cost_nok as "substituteCostNok", n.priority
          from mapping_forms f
          join mapping_needs n on n.form_id = f.id
          join competence_areas a on a.id = n.competence_area_id
         where f.cycle_id = ${cycleId} and f.unit_id = ${unitId}
         order by n.priority, n.position`,
  );
}

export interface UnitMeasureRow {
  id: string;
  title: string;
  type: string;
  startDate: string;
  endDate: string | null;
  costNok: number;
  substituteCostNok: number;
  areaName: string | null;
  providerName: string | null;
}

/**
 * Catalogue measures of the year (published or closed, in the year's catalogues) that are aimed
 * at the unit (target units) or answer one of the needs of the unit's form of the cycle.
 */
export async function listCatalogueMeasuresForUnit(tx: Tx, values: { unitId: string; cycleId: string; year: number }): Promise<UnitMeasureRow[]> {
  return queryRows<UnitMeasureRow>(
    tx,
    sql`select m.id, m.title, m.type, m.start_date::text as "startDate", m.end_date::text as "endDate", m.cost_nok as "costNok",
               m.substitute_cost_nok as "substituteCostNok", a.name as "areaName", p.name as "providerName"
          from measures m
          join catalogues c on c.id = m.catalogue_id
          left join competence_areas a on a.id = m.competence_area_id
          left join providers p on p.id = m.provider_id
         where c.year = ${values.year} and m.status in ('published', 'closed')
           and (${values.unitId}::uuid = any(m.target_unit_ids)
                or exists (select 1 from measure_needs mn
                             join mapping_needs n on n.id = mn.need_id
                             join mapping_forms f on f.id = n.form_id
                            where mn.measure_id = m.id and f.unit_id = ${values.unitId} and f.cycle_id = ${values.cycleId}))
         order by m.start_date, m.title`,
  );
}

/** Live units (id, name, path, depth) for the list page. */
export async function listLiveUnits(tx: Tx) {
  return tx
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path, depth: orgUnits.depth })
    .from(orgUnits)
    .where(sql`${orgUnits.archivedAt} is null`)
    .orderBy(asc(orgUnits.path));
}
