// Strategic plans and their steps, goals, required staffing, strategies and measures.
// Everything runs inside withTenant (RLS confines it to one tenant).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { orgUnits, strategicPlanGoals, strategicPlanMeasures, strategicPlanRequirements, strategicPlans, strategicPlanSteps, strategicPlanStrategies, wheelCycles, wheelMilestones } from '../schema/index.ts';

export type PlanRow = typeof strategicPlans.$inferSelect;

export async function listPlans(tx: Tx) {
  return tx
    .select({ plan: strategicPlans, scopeName: orgUnits.name, doneSteps: sql<number>`(select count(*)::int from strategic_plan_steps s where s.plan_id = ${strategicPlans.id} and s.done_at is not null)` })
    .from(strategicPlans)
    .leftJoin(orgUnits, eq(orgUnits.id, strategicPlans.scopeUnitId))
    .orderBy(desc(strategicPlans.startYear), asc(strategicPlans.title));
}

export async function insertPlan(tx: Tx, values: typeof strategicPlans.$inferInsert): Promise<PlanRow> {
  const [row] = await tx.insert(strategicPlans).values(values).returning();
  return row!;
}

export async function findPlan(tx: Tx, id: string) {
  const [row] = await tx
    .select({ plan: strategicPlans, scopeName: orgUnits.name, scopePath: orgUnits.path, scopeDepth: orgUnits.depth })
    .from(strategicPlans)
    .leftJoin(orgUnits, eq(orgUnits.id, strategicPlans.scopeUnitId))
    .where(eq(strategicPlans.id, id));
  return row ?? null;
}

export type PlanFields = Partial<Pick<PlanRow, 'title' | 'status' | 'retirementAge' | 'earlyRetirementPercent' | 'competenceDefinition' | 'competenceRequirements' | 'competenceCapital' | 'competenceNeeds'>>;

/** Update with optimistic lock; null when the version no longer matches. */
export async function updatePlanFields(tx: Tx, id: string, expectedVersion: number, fields: PlanFields) {
  const [row] = await tx
    .update(strategicPlans)
    .set({ ...fields, version: sql`${strategicPlans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(strategicPlans.id, id), eq(strategicPlans.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function listSteps(tx: Tx, planId: string) {
  return tx.select().from(strategicPlanSteps).where(eq(strategicPlanSteps.planId, planId)).orderBy(asc(strategicPlanSteps.step));
}

/**
 * Save a step. Version 0 means "no row read": insert, or null if someone inserted first.
 * Otherwise update where the version matches; null when it does not.
 */
export async function saveStep(
  tx: Tx,
  values: { tenantId: string; planId: string; step: number; notes: string; participants: string; doneAt: Date | null; doneBy: string | null },
  expectedVersion: number,
) {
  if (expectedVersion === 0) {
    const [row] = await tx.insert(strategicPlanSteps).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }
  const [row] = await tx
    .update(strategicPlanSteps)
    .set({ notes: values.notes, participants: values.participants, doneAt: values.doneAt, doneBy: values.doneBy, version: sql`${strategicPlanSteps.version} + 1`, updatedAt: new Date() })
    .where(and(eq(strategicPlanSteps.planId, values.planId), eq(strategicPlanSteps.step, values.step), eq(strategicPlanSteps.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function listGoals(tx: Tx, planId: string) {
  return tx.select().from(strategicPlanGoals).where(eq(strategicPlanGoals.planId, planId)).orderBy(asc(strategicPlanGoals.createdAt));
}

export async function insertGoal(tx: Tx, values: typeof strategicPlanGoals.$inferInsert) {
  const [row] = await tx.insert(strategicPlanGoals).values(values).returning();
  return row!;
}

export async function listRequirements(tx: Tx, planId: string) {
  return tx.select().from(strategicPlanRequirements).where(eq(strategicPlanRequirements.planId, planId)).orderBy(asc(strategicPlanRequirements.styrk08), asc(strategicPlanRequirements.year));
}

/** Replace a position type's required numbers for the plan (all years at once). */
export async function replaceRequirements(tx: Tx, tenantId: string, planId: string, styrk08: string, rows: Array<{ year: number; basis: string; required: number }>) {
  await tx.delete(strategicPlanRequirements).where(and(eq(strategicPlanRequirements.planId, planId), eq(strategicPlanRequirements.styrk08, styrk08)));
  if (rows.length) await tx.insert(strategicPlanRequirements).values(rows.map((r) => ({ tenantId, planId, styrk08, ...r })));
}

export async function listStrategies(tx: Tx, planId: string) {
  return tx.select().from(strategicPlanStrategies).where(eq(strategicPlanStrategies.planId, planId)).orderBy(asc(strategicPlanStrategies.createdAt));
}

export async function findStrategy(tx: Tx, id: string) {
  const [row] = await tx.select().from(strategicPlanStrategies).where(eq(strategicPlanStrategies.id, id));
  return row ?? null;
}

export async function insertStrategy(tx: Tx, values: typeof strategicPlanStrategies.$inferInsert) {
  const [row] = await tx.insert(strategicPlanStrategies).values(values).returning();
  return row!;
}

/** Measures of a plan's strategies, with the wheel milestone and cycle year they live in. */
export async function listMeasures(tx: Tx, planId: string) {
  return tx
    .select({ measure: strategicPlanMeasures, cycleYear: wheelCycles.year })
    .from(strategicPlanMeasures)
    .innerJoin(strategicPlanStrategies, eq(strategicPlanStrategies.id, strategicPlanMeasures.strategyId))
    .innerJoin(wheelMilestones, eq(wheelMilestones.id, strategicPlanMeasures.milestoneId))
    .innerJoin(wheelCycles, eq(wheelCycles.id, wheelMilestones.cycleId))
    .where(eq(strategicPlanStrategies.planId, planId))
    .orderBy(asc(strategicPlanMeasures.deadline));
}

export async function insertMeasure(tx: Tx, values: typeof strategicPlanMeasures.$inferInsert) {
  const [row] = await tx.insert(strategicPlanMeasures).values(values).returning();
  return row!;
}
