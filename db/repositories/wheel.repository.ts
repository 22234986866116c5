// The annual wheel: cycles, milestones, per-unit status, the reminder outbox, notifications
// and per-account settings. Everything runs inside withTenant (RLS confines it to one tenant),
// except the feed-token lookup, which runs under the platform role.
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../client.ts';
import { accounts, notifications, orgUnits, persons, roleAssignments, tenants, unitLeaders, wheelCycles, wheelMilestones, wheelReminders, wheelSettings, wheelUnitStatuses } from '../schema/index.ts';
import { takeOutboxRowsToSend, type TakeOutboxOptions } from './reminder-outbox.repository.ts';

// ---------------------------------------------------------------- cycles and milestones

export async function findCycleByYear(tx: Tx, year: number) {
  const rows = await tx.select().from(wheelCycles).where(eq(wheelCycles.year, year)).limit(1);
  return rows[0] ?? null;
}

export async function listCycleYears(tx: Tx): Promise<number[]> {
  const rows = await tx.select({ year: wheelCycles.year }).from(wheelCycles).orderBy(asc(wheelCycles.year));
  return rows.map((r) => r.year);
}

/** Insert a cycle; null when the tenant already has one for that year (unique tenant + year). */
export async function insertCycle(tx: Tx, values: typeof wheelCycles.$inferInsert) {
  const rows = await tx.insert(wheelCycles).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function insertMilestones(tx: Tx, values: Array<typeof wheelMilestones.$inferInsert>) {
  if (values.length === 0) return [];
  return tx.insert(wheelMilestones).values(values).returning();
}

export async function listMilestonesOfCycle(tx: Tx, cycleId: string) {
  return tx.select().from(wheelMilestones).where(eq(wheelMilestones.cycleId, cycleId)).orderBy(asc(wheelMilestones.deadline), asc(wheelMilestones.title));
}

export async function findMilestone(tx: Tx, id: string) {
  const rows = await tx
    .select({ milestone: wheelMilestones, cycle: { id: wheelCycles.id, year: wheelCycles.year, title: wheelCycles.title, status: wheelCycles.status } })
    .from(wheelMilestones)
    .innerJoin(wheelCycles, eq(wheelCycles.id, wheelMilestones.cycleId))
    .where(eq(wheelMilestones.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export type MilestoneFields = Pick<
  typeof wheelMilestones.$inferInsert,
  'title' | 'description' | 'deadline' | 'ownerRole' | 'concerns' | 'targetKind' | 'targetUnitIds' | 'reminderOffsets' | 'overdueEveryDays' | 'escalateAfterDays'
>;

/** Update under the optimistic lock; null when the version did not match. */
export async function updateMilestoneFields(tx: Tx, id: string, expectedVersion: number, fields: MilestoneFields) {
  const rows = await tx
    .update(wheelMilestones)
    .set({ ...fields, version: sql`${wheelMilestones.version} + 1`, updatedAt: new Date() })
    .where(and(eq(wheelMilestones.id, id), eq(wheelMilestones.version, expectedVersion)))
    .returning({ version: wheelMilestones.version });
  return rows[0] ?? null;
}

/** Milestones of active cycles whose deadline lies in [from, to] (the reminder job's window). */
export async function listMilestonesWithDeadlineBetween(tx: Tx, from: string, to: string) {
  return tx
    .select({ milestone: wheelMilestones, cycleYear: wheelCycles.year })
    .from(wheelMilestones)
    .innerJoin(wheelCycles, eq(wheelCycles.id, wheelMilestones.cycleId))
    .where(and(eq(wheelCycles.status, 'active'), sql`${wheelMilestones.deadline} between ${from} and ${to}`));
}

// ---------------------------------------------------------------- units and people

export async function listUnitsForTargets(tx: Tx) {
  return tx
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path, depth: orgUnits.depth })
    .from(orgUnits)
    .where(isNull(orgUnits.archivedAt))
    .orderBy(asc(orgUnits.depth), asc(orgUnits.name));
}

export interface WheelOverviewRow {
  cycle: { id: string; title: string; status: string; template: string | null } | null;
  years: number[];
  milestones: Array<{ id: string; title: string; deadline: string; units: number; done: number; in_progress: number; region_name: string | null }>;
  /** The tenant's region has a shared milestone that this tenant has no current copy of. */
  regionalStale: boolean;
}

/**
 * The wheel page's data in ONE read-only statement (one round trip on a server, see
 * readAsTenant): the year's cycle, every year that has a cycle, and the cycle's milestones
 * (by deadline, then title) with their target units counted per status in one set-based part
 * (the same targets as `targetUnits`: every non-archived unit of the target kind, the chosen
 * units, or the root unit for a whole-municipality milestone; each kind of target is its own
 * equality-joined branch, which PostgreSQL and PGlite plan far better than one join with OR);
 * plus whether the region's shared milestones need copying first (see syncRegionalMilestones).
 */
export async function readWheelOverview(database: Pick<Database, 'readAsTenant'>, tenantId: string, year: number): Promise<WheelOverviewRow> {
  const [row] = await database.readAsTenant<WheelOverviewRow>(
    tenantId,
    'wheel_overview',
    sql`
      with c as (select id, title, status, template from wheel_cycles where year = ${year} limit 1),
      m as (select id, title, deadline, target_kind, target_unit_ids, region_milestone_id from wheel_milestones where cycle_id = (select id from c)),
      targets as (
        select m.id as milestone_id, u.id as unit_id from m join org_units u on u.kind = m.target_kind and u.archived_at is null
        union all
        select m.id, u.id from m join org_units u on u.id = any(m.target_unit_ids) and u.archived_at is null where m.target_kind is null
        union all
        select m.id, r.id from m cross join lateral (select id from org_units where archived_at is null and depth = 0 order by name limit 1) r
        where m.target_kind is null and cardinality(m.target_unit_ids) = 0
      ),
      counts as (
        select t.milestone_id, count(*)::int as units,
               count(*) filter (where s.status = 'done')::int as done,
               count(*) filter (where s.status = 'in_progress')::int as in_progress
        from targets t
        left join wheel_unit_statuses s on s.milestone_id = t.milestone_id and s.unit_id = t.unit_id
        group by t.milestone_id
      )
      select
        (select json_build_object('id', c.id, 'title', c.title, 'status', c.status, 'template', c.template) from c) as cycle,
        (select coalesce(json_agg(y.year order by y.year), '[]'::json) from wheel_cycles y) as years,
        (select coalesce(json_agg(json_build_object('id', m.id, 'title', m.title, 'deadline', m.deadline, 'units', coalesce(k.units, 0), 'done', coalesce(k.done, 0), 'in_progress', coalesce(k.in_progress, 0), 'region_name', rg.name) order by m.deadline, m.title), '[]'::json)
           from m left join counts k on k.milestone_id = m.id
           left join region_milestones rm on rm.id = m.region_milestone_id
           left join regions rg on rg.id = rm.region_id) as milestones,
        -- RLS shows only the tenant's own region's milestones.
        exists (select 1 from region_milestones r
                where not exists (select 1 from wheel_milestones w where w.region_milestone_id = r.id and w.region_version >= r.version)) as "regionalStale"`,
  );
  return row!;
}

export interface Recipient {
  accountId: string;
  email: string;
  displayName: string;
  language: string | null;
}

/** Active accounts of the persons leading each unit: unit id → recipients. */
export async function listUnitLeaderAccounts(tx: Tx): Promise<Map<string, Recipient[]>> {
  const rows = await tx
    .select({ unitId: unitLeaders.unitId, accountId: accounts.id, email: accounts.email, displayName: accounts.displayName, language: accounts.language })
    .from(unitLeaders)
    .innerJoin(persons, eq(persons.id, unitLeaders.personId))
    .innerJoin(accounts, eq(accounts.personId, unitLeaders.personId))
    .where(and(isNull(accounts.disabledAt), isNull(persons.deactivatedAt)));
  const out = new Map<string, Recipient[]>();
  for (const r of rows) {
    const list = out.get(r.unitId) ?? [];
    list.push({ accountId: r.accountId, email: r.email, displayName: r.displayName, language: r.language });
    out.set(r.unitId, list);
  }
  return out;
}

/** Active accounts holding a role (tenant-wide assignments). */
export async function listAccountsWithRole(tx: Tx, role: string): Promise<Recipient[]> {
  return tx
    .selectDistinct({ accountId: accounts.id, email: accounts.email, displayName: accounts.displayName, language: accounts.language })
    .from(roleAssignments)
    .innerJoin(accounts, eq(accounts.id, roleAssignments.accountId))
    .where(and(eq(roleAssignments.role, role), isNull(roleAssignments.unitId), isNull(accounts.disabledAt)));
}

export async function findTenantLanguage(tx: Tx, tenantId: string): Promise<{ name: string; defaultLanguage: string } | null> {
  const rows = await tx.select({ name: tenants.name, defaultLanguage: tenants.defaultLanguage }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return rows[0] ?? null;
}

export async function findAccountNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: accounts.id, displayName: accounts.displayName }).from(accounts).where(inArray(accounts.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

// ---------------------------------------------------------------- per-unit status

export async function listStatuses(tx: Tx, milestoneIds: readonly string[]) {
  if (milestoneIds.length === 0) return [];
  return tx.select().from(wheelUnitStatuses).where(inArray(wheelUnitStatuses.milestoneId, [...milestoneIds]));
}

/**
 * Set a unit's status. With `expectedVersion` null the row must not exist yet (first status);
 * otherwise the row's version must match. Returns the new version, or null when stale.
 * A future mapping-form use case calls this with source 'mapping_form'.
 */
export async function saveUnitStatus(
  tx: Tx,
  values: { tenantId: string; milestoneId: string; unitId: string; status: string; source: string; accountId: string | null; expectedVersion: number | null },
): Promise<number | null> {
  if (values.expectedVersion === null) {
    const rows = await tx
      .insert(wheelUnitStatuses)
      .values({ tenantId: values.tenantId, milestoneId: values.milestoneId, unitId: values.unitId, status: values.status, source: values.source, setByAccountId: values.accountId })
      .onConflictDoNothing()
      .returning({ version: wheelUnitStatuses.version });
    return rows[0]?.version ?? null;
  }
  const rows = await tx
    .update(wheelUnitStatuses)
    .set({ status: values.status, source: values.source, setByAccountId: values.accountId, setAt: new Date(), version: sql`${wheelUnitStatuses.version} + 1` })
    .where(and(eq(wheelUnitStatuses.milestoneId, values.milestoneId), eq(wheelUnitStatuses.unitId, values.unitId), eq(wheelUnitStatuses.version, values.expectedVersion)))
    .returning({ version: wheelUnitStatuses.version });
  return rows[0]?.version ?? null;
}

// ---------------------------------------------------------------- reminder outbox

export interface ReminderClaim {
  tenantId: string;
  accountId: string;
  /** The milestone, or null for a roster wish reminder (then `rosterPeriodId` is set). */
  milestoneId: string | null;
  rosterPeriodId?: string | null;
  unitKey: string;
  step: string;
  stepDate: string;
  delivery: string;
}

/**
 * Claim reminder steps; only rows nobody claimed before come back (unique per account, milestone,
 * unit, step — or per account, roster period, step for wish reminders: ON CONFLICT DO NOTHING
 * without a target skips a row that collides with either unique index).
 */
export async function claimReminders(tx: Tx, claims: readonly ReminderClaim[]) {
  if (claims.length === 0) return [];
  return tx.insert(wheelReminders).values([...claims]).onConflictDoNothing().returning();
}

export async function insertNotifications(tx: Tx, values: Array<typeof notifications.$inferInsert>): Promise<void> {
  if (values.length === 0) return;
  await tx.insert(notifications).values(values).onConflictDoNothing();
}

/** Take wheel reminders to mail (see takeOutboxRowsToSend for which rows and why it is safe). */
export async function takeRemindersToSend(tx: Tx, options: TakeOutboxOptions) {
  return takeOutboxRowsToSend<{ id: string; account_id: string; milestone_id: string | null; roster_period_id: string | null; unit_key: string; step: string; step_date: string; delivery: string; attempts: number }>(
    tx,
    'wheel_reminders',
    sql`r.id, r.account_id, r.milestone_id, r.roster_period_id, r.unit_key, r.step, r.step_date::text as step_date, r.delivery, r.attempts`,
    options,
  );
}

export async function markReminders(tx: Tx, ids: readonly string[], values: { status: 'sent' | 'failed'; mailId: string | null; error: string | null; at: Date }): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(wheelReminders)
    .set({ status: values.status, mailId: values.mailId, error: values.error, sentAt: values.status === 'sent' ? values.at : null })
    .where(and(inArray(wheelReminders.id, [...ids]), eq(wheelReminders.status, 'sending')));
}

export async function listReminderLog(tx: Tx, limit: number) {
  return tx
    .select({
      id: wheelReminders.id,
      step: wheelReminders.step,
      stepDate: wheelReminders.stepDate,
      status: wheelReminders.status,
      delivery: wheelReminders.delivery,
      attempts: wheelReminders.attempts,
      error: wheelReminders.error,
      claimedAt: wheelReminders.claimedAt,
      sentAt: wheelReminders.sentAt,
      unitKey: wheelReminders.unitKey,
      milestoneId: wheelReminders.milestoneId,
      milestoneTitle: wheelMilestones.title,
      recipient: accounts.displayName,
    })
    .from(wheelReminders)
    .innerJoin(wheelMilestones, eq(wheelMilestones.id, wheelReminders.milestoneId))
    .innerJoin(accounts, eq(accounts.id, wheelReminders.accountId))
    .orderBy(desc(wheelReminders.claimedAt), asc(wheelReminders.id))
    .limit(limit);
}

// ---------------------------------------------------------------- notifications

export async function listNotifications(tx: Tx, accountId: string, limit: number) {
  return tx.select().from(notifications).where(eq(notifications.accountId, accountId)).orderBy(desc(notifications.createdAt), asc(notifications.id)).limit(limit);
}

export async function countUnreadNotifications(tx: Tx, accountId: string): Promise<number> {
  const rows = await tx.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return Number(rows[0]?.n ?? 0);
}

export async function markNotificationsRead(tx: Tx, accountId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

// ---------------------------------------------------------------- settings and feed

export async function findWheelSettings(tx: Tx, accountId: string) {
  const rows = await tx.select().from(wheelSettings).where(eq(wheelSettings.accountId, accountId)).limit(1);
  return rows[0] ?? null;
}

export async function listDeliveries(tx: Tx, accountIds: readonly string[]): Promise<Map<string, string>> {
  if (accountIds.length === 0) return new Map();
  const rows = await tx.select({ accountId: wheelSettings.accountId, delivery: wheelSettings.delivery }).from(wheelSettings).where(inArray(wheelSettings.accountId, [...accountIds]));
  return new Map(rows.map((r) => [r.accountId, r.delivery]));
}

/** Create or update an account's settings; with `expectedVersion` the row's version must match. */
export async function saveWheelSettings(
  tx: Tx,
  values: { tenantId: string; accountId: string; expectedVersion: number | null; delivery?: string; feedTokenHash?: string | null },
): Promise<number | null> {
  const changes = {
    ...(values.delivery !== undefined ? { delivery: values.delivery } : {}),
    ...(values.feedTokenHash !== undefined ? { feedTokenHash: values.feedTokenHash, feedTokenCreatedAt: values.feedTokenHash ? new Date() : null } : {}),
  };
  if (values.expectedVersion === null) {
    const rows = await tx
      .insert(wheelSettings)
      .values({ tenantId: values.tenantId, accountId: values.accountId, ...changes })
      .onConflictDoNothing()
      .returning({ version: wheelSettings.version });
    return rows[0]?.version ?? null;
  }
  const rows = await tx
    .update(wheelSettings)
    .set({ ...changes, version: sql`${wheelSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(wheelSettings.accountId, values.accountId), eq(wheelSettings.version, values.expectedVersion)))
    .returning({ version: wheelSettings.version });
  return rows[0]?.version ?? null;
}

/** Platform role: the account behind a feed token hash (the feed URL carries no session). */
export async function findAccountByFeedHash(tx: Tx, hash: string) {
  const rows = await tx
    .select({ tenantId: wheelSettings.tenantId, accountId: accounts.id, personId: accounts.personId })
    .from(wheelSettings)
    .innerJoin(accounts, eq(accounts.id, wheelSettings.accountId))
    .innerJoin(tenants, eq(tenants.id, wheelSettings.tenantId))
    .where(and(eq(wheelSettings.feedTokenHash, hash), isNull(accounts.disabledAt), eq(tenants.status, 'active')))
    .limit(1);
  return rows[0] ?? null;
}

/** Reminder rows stuck before `before` (for the log page's count of problems). */
export async function countUndelivered(tx: Tx, before: Date): Promise<number> {
  const rows = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(wheelReminders)
    .where(and(or(eq(wheelReminders.status, 'failed'), eq(wheelReminders.status, 'pending'), eq(wheelReminders.status, 'sending')), lt(wheelReminders.claimedAt, before)));
  return Number(rows[0]?.n ?? 0);
}

export async function findMilestonesByIds(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.select().from(wheelMilestones).where(inArray(wheelMilestones.id, [...ids]));
}

export async function listRecipientsByIds(tx: Tx, ids: readonly string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  return tx.select({ accountId: accounts.id, email: accounts.email, displayName: accounts.displayName, language: accounts.language }).from(accounts).where(inArray(accounts.id, [...ids]));
}
