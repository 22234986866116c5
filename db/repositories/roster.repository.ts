// The roster module: tenant rule sets, roster periods (the aggregate edited under its version)
// with their solver progress, employees' wishes, and the unit's employees with FTE and
// occupation. Every function runs inside withTenant, so RLS confines it to one tenant.
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { accounts, auditLog, employments, orgUnits, persons, rosterPeriods, rosterRuleSets, rosterSwaps, rosterWishes } from '../schema/index.ts';

export type RosterPeriodRow = typeof rosterPeriods.$inferSelect;
export type RosterRuleSetRow = typeof rosterRuleSets.$inferSelect;

// --- rule sets ---

export async function listRuleSets(tx: Tx): Promise<RosterRuleSetRow[]> {
  return tx.select().from(rosterRuleSets).orderBy(desc(rosterRuleSets.isDefault), asc(rosterRuleSets.name));
}

export async function findRuleSet(tx: Tx, id: string): Promise<RosterRuleSetRow | null> {
  const rows = await tx.select().from(rosterRuleSets).where(eq(rosterRuleSets.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertRuleSet(tx: Tx, values: typeof rosterRuleSets.$inferInsert): Promise<RosterRuleSetRow> {
  const [row] = await tx.insert(rosterRuleSets).values(values).returning();
  return row!;
}

/** Update if the row still has `version`; bumps it. Null when someone else saved first. */
export async function updateRuleSet(tx: Tx, id: string, version: number, values: Pick<typeof rosterRuleSets.$inferInsert, 'name' | 'rules'>): Promise<RosterRuleSetRow | null> {
  const rows = await tx
    .update(rosterRuleSets)
    .set({ ...values, version: sql`${rosterRuleSets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(rosterRuleSets.id, id), eq(rosterRuleSets.version, version)))
    .returning();
  return rows[0] ?? null;
}

// --- periods ---

export async function insertPeriod(tx: Tx, values: typeof rosterPeriods.$inferInsert): Promise<RosterPeriodRow> {
  const [row] = await tx.insert(rosterPeriods).values(values).returning();
  return row!;
}

export async function findPeriod(tx: Tx, id: string): Promise<(RosterPeriodRow & { unitName: string; unitPath: string }) | null> {
  const rows = await tx
    .select({ period: rosterPeriods, unitName: orgUnits.name, unitPath: orgUnits.path })
    .from(rosterPeriods)
    .innerJoin(orgUnits, eq(orgUnits.id, rosterPeriods.unitId))
    .where(eq(rosterPeriods.id, id))
    .limit(1);
  const r = rows[0];
  return r ? { ...r.period, unitName: r.unitName, unitPath: r.unitPath } : null;
}

/** Lock the period row for the rest of the transaction (serialises edits of one roster). */
export async function lockPeriod(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`select 1 from roster_periods where id = ${id} for update`);
}

export interface PeriodListFilter {
  /** Units in the subtree of any of these paths. */
  withinPaths?: readonly string[];
  unitIds?: readonly string[];
  statuses?: readonly string[];
}

export async function listPeriods(tx: Tx, filter: PeriodListFilter) {
  const where: SQL[] = [isNull(orgUnits.archivedAt)];
  const scope: SQL[] = [];
  for (const p of filter.withinPaths ?? []) scope.push(sql`(${orgUnits.path} = ${p} or ${orgUnits.path} like ${`${p}/%`})`);
  if (filter.unitIds?.length) scope.push(inArray(rosterPeriods.unitId, [...filter.unitIds]));
  if (filter.withinPaths !== undefined || filter.unitIds !== undefined) {
    if (scope.length === 0) return [];
    where.push(or(...scope)!);
  }
  if (filter.statuses) {
    if (filter.statuses.length === 0) return [];
    where.push(inArray(rosterPeriods.status, [...filter.statuses]));
  }
  return tx
    .select({
      id: rosterPeriods.id,
      name: rosterPeriods.name,
      unitId: rosterPeriods.unitId,
      unitName: orgUnits.name,
      startDate: rosterPeriods.startDate,
      weeks: rosterPeriods.weeks,
      wishDeadline: rosterPeriods.wishDeadline,
      status: rosterPeriods.status,
    })
    .from(rosterPeriods)
    .innerJoin(orgUnits, eq(orgUnits.id, rosterPeriods.unitId))
    .where(and(...where))
    .orderBy(desc(rosterPeriods.startDate), asc(orgUnits.name))
    .limit(200);
}

type PeriodEdit = Partial<
  Pick<
    typeof rosterPeriods.$inferInsert,
    'name' | 'startDate' | 'weeks' | 'wishDeadline' | 'publishLeadDays' | 'status' | 'ruleSetId' | 'rules' | 'shiftTypes' | 'staffing' | 'unavailability' | 'roster' | 'reviewComment' | 'publishedAt' | 'solveSummary'
  >
>;

/** Update if the period still has `version`; bumps it. Null when someone else saved first. */
export async function updatePeriod(tx: Tx, id: string, version: number, values: PeriodEdit): Promise<RosterPeriodRow | null> {
  const rows = await tx
    .update(rosterPeriods)
    .set({ ...values, version: sql`${rosterPeriods.version} + 1`, updatedAt: new Date() })
    .where(and(eq(rosterPeriods.id, id), eq(rosterPeriods.version, version)))
    .returning();
  return rows[0] ?? null;
}

/**
 * Mark a period queued for solving unless a solve is under way. A queued or running solve older
 * than `staleBefore` (the job expired, or no instance runs workers) no longer blocks a new one.
 */
export async function queueSolve(tx: Tx, id: string, staleBefore: Date): Promise<boolean> {
  const rows = await tx
    .update(rosterPeriods)
    .set({ solveStatus: 'queued', solveFraction: 0, solveObjective: null, solveSummary: null, solveStartedAt: new Date(), solveFinishedAt: null })
    .where(and(eq(rosterPeriods.id, id), or(inArray(rosterPeriods.solveStatus, ['idle', 'done', 'failed']), sql`${rosterPeriods.solveStartedAt} < ${staleBefore}`)))
    .returning({ id: rosterPeriods.id });
  return rows.length > 0;
}

/** Solver state and progress: not an edit, so the version stays (a leader's open form stays valid). */
export async function setSolveState(
  tx: Tx,
  id: string,
  values: Partial<Pick<typeof rosterPeriods.$inferInsert, 'solveStatus' | 'solveFraction' | 'solveObjective' | 'solveSummary' | 'solveStartedAt' | 'solveFinishedAt'>>,
  onlyIfStatus?: readonly string[],
): Promise<boolean> {
  const where = onlyIfStatus ? and(eq(rosterPeriods.id, id), inArray(rosterPeriods.solveStatus, [...onlyIfStatus])) : eq(rosterPeriods.id, id);
  const rows = await tx.update(rosterPeriods).set(values).where(where).returning({ id: rosterPeriods.id });
  return rows.length > 0;
}

// --- the unit's employees ---

export interface RosterEmployeeRow {
  personId: string;
  givenName: string;
  familyName: string;
  email: string | null;
  ftePercent: number;
  styrk08: string | null;
  occupationalGroup: string | null;
}

/** Persons with an active employment directly in the unit: FTE summed over their employments there. */
export async function listUnitEmployees(tx: Tx, unitId: string): Promise<RosterEmployeeRow[]> {
  const rows = await tx
    .select({
      personId: persons.id,
      givenName: persons.givenName,
      familyName: persons.familyName,
      email: persons.email,
      ftePercent: sql<number>`sum(${employments.ftePercent})`,
      styrk08: sql<string | null>`min(${employments.styrk08})`,
      occupationalGroup: sql<string | null>`min(${employments.occupationalGroup})`,
    })
    .from(employments)
    .innerJoin(persons, eq(persons.id, employments.personId))
    .where(and(eq(employments.unitId, unitId), sql`(${employments.endDate} is null or ${employments.endDate} >= current_date)`, isNull(persons.deactivatedAt)))
    .groupBy(persons.id, persons.givenName, persons.familyName, persons.email)
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(persons.id));
  return rows.map((r) => ({ ...r, ftePercent: Math.min(100, Number(r.ftePercent)) }));
}

// --- wishes ---

export async function findWishes(tx: Tx, periodId: string, personId: string) {
  const rows = await tx
    .select()
    .from(rosterWishes)
    .where(and(eq(rosterWishes.periodId, periodId), eq(rosterWishes.personId, personId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function listWishes(tx: Tx, periodId: string) {
  return tx.select().from(rosterWishes).where(eq(rosterWishes.periodId, periodId));
}

/**
 * Save a person's wishes: insert when `version` is null and none exist, else update the row
 * that still has `version`. Null when someone else saved first.
 */
export async function saveWishes(tx: Tx, values: { tenantId: string; periodId: string; personId: string; wishes: unknown[] }, version: number | null) {
  if (version === null) {
    const rows = await tx.insert(rosterWishes).values(values).onConflictDoNothing().returning();
    return rows[0] ?? null;
  }
  const rows = await tx
    .update(rosterWishes)
    .set({ wishes: values.wishes, version: sql`${rosterWishes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(rosterWishes.periodId, values.periodId), eq(rosterWishes.personId, values.personId), eq(rosterWishes.version, version)))
    .returning();
  return rows[0] ?? null;
}

// --- swaps ---

export type RosterSwapRow = typeof rosterSwaps.$inferSelect;

export async function insertSwap(tx: Tx, values: typeof rosterSwaps.$inferInsert): Promise<RosterSwapRow> {
  const [row] = await tx.insert(rosterSwaps).values(values).returning();
  return row!;
}

export async function findSwap(tx: Tx, id: string): Promise<RosterSwapRow | null> {
  const rows = await tx.select().from(rosterSwaps).where(eq(rosterSwaps.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Swaps of a period, newest first; only those involving `personId` when given. */
export async function listSwaps(tx: Tx, periodId: string, personId?: string): Promise<RosterSwapRow[]> {
  const where = personId
    ? and(eq(rosterSwaps.periodId, periodId), or(eq(rosterSwaps.requesterPersonId, personId), eq(rosterSwaps.counterpartPersonId, personId)))
    : eq(rosterSwaps.periodId, periodId);
  return tx.select().from(rosterSwaps).where(where).orderBy(desc(rosterSwaps.createdAt)).limit(200);
}

/** Decide a proposed swap if it still has `version`; bumps it. Null when someone else decided first. */
export async function decideSwap(tx: Tx, id: string, version: number, values: Pick<typeof rosterSwaps.$inferInsert, 'status' | 'comment' | 'decidedBy'>): Promise<RosterSwapRow | null> {
  const rows = await tx
    .update(rosterSwaps)
    .set({ ...values, decidedAt: new Date(), version: sql`${rosterSwaps.version} + 1`, updatedAt: new Date() })
    .where(and(eq(rosterSwaps.id, id), eq(rosterSwaps.version, version), eq(rosterSwaps.status, 'proposed')))
    .returning();
  return rows[0] ?? null;
}

// --- audit de-duplication ---

/** True when `actor` already has an `action` entry about this period since `since` (the page polls while solving). */
export async function auditedSince(tx: Tx, values: { actor: string; action: string; periodId: string; since: Date }): Promise<boolean> {
  const rows = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'roster_period'), eq(auditLog.subjectId, values.periodId), eq(auditLog.action, values.action), eq(auditLog.actor, values.actor), sql`${auditLog.at} >= ${values.since}`))
    .limit(1);
  return rows.length > 0;
}

// --- wish reminders ---

/** Periods whose wish deadline lies in [from, to] and whose roster is not yet published (wishes still matter). */
export async function listPeriodsWithWishDeadlineBetween(tx: Tx, from: string, to: string) {
  return tx
    .select({ id: rosterPeriods.id, unitId: rosterPeriods.unitId, name: rosterPeriods.name, wishDeadline: rosterPeriods.wishDeadline, wishReminderDays: rosterPeriods.wishReminderDays })
    .from(rosterPeriods)
    .where(and(sql`${rosterPeriods.wishDeadline} between ${from} and ${to}`, sql`${rosterPeriods.status} not in ('published', 'locked')`))
    .orderBy(asc(rosterPeriods.wishDeadline), asc(rosterPeriods.id));
}

/** Person ids with a saved, non-empty wish list per period. */
export async function listPersonsWithWishes(tx: Tx, periodIds: readonly string[]): Promise<Set<string>> {
  if (periodIds.length === 0) return new Set();
  const rows = await tx
    .select({ periodId: rosterWishes.periodId, personId: rosterWishes.personId })
    .from(rosterWishes)
    .where(and(inArray(rosterWishes.periodId, [...periodIds]), sql`jsonb_array_length(${rosterWishes.wishes}) > 0`));
  return new Set(rows.map((r) => `${r.periodId}/${r.personId}`));
}

/** Periods by id with their unit's name (for the reminder mail). */
export async function findPeriodsForReminders(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: rosterPeriods.id, name: rosterPeriods.name, wishDeadline: rosterPeriods.wishDeadline, unitName: orgUnits.name })
    .from(rosterPeriods)
    .innerJoin(orgUnits, eq(orgUnits.id, rosterPeriods.unitId))
    .where(inArray(rosterPeriods.id, [...ids]));
}

/** Active accounts of active persons: the people a wish reminder can reach. */
export async function listAccountsOfPersons(tx: Tx, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return tx
    .select({ personId: persons.id, accountId: accounts.id, email: accounts.email, displayName: accounts.displayName, language: accounts.language })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(and(inArray(accounts.personId, [...personIds]), isNull(accounts.disabledAt), isNull(persons.deactivatedAt)));
}
