// Maturity: survey rounds, invitations, participation markers, anonymous responses, the
// checklist items and the units' checklists. Everything runs inside withTenant.
//
// Anonymity (docs/maturity.md): response reads return only group and answers, never in a
// stored order; responses of a round are rewritten in random order on every submission
// (replaceResponses), so neither row order nor the transaction stamp of a row points to the
// person who answered last.
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import {
  accounts,
  maturityChecklistItems,
  maturityChecklists,
  maturitySurveyInvitations,
  maturitySurveyParticipations,
  maturitySurveyResponses,
  maturitySurveyRounds,
} from '../schema/index.ts';

// ---------------------------------------------------------------- rounds

export async function listRounds(tx: Tx) {
  return tx.select().from(maturitySurveyRounds).orderBy(sql`${maturitySurveyRounds.year} desc`);
}

export async function findRoundByYear(tx: Tx, year: number) {
  const rows = await tx.select().from(maturitySurveyRounds).where(eq(maturitySurveyRounds.year, year)).limit(1);
  return rows[0] ?? null;
}

export async function findRound(tx: Tx, id: string) {
  const rows = await tx.select().from(maturitySurveyRounds).where(eq(maturitySurveyRounds.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The round row locked for the rest of the transaction: submissions to one round run one at a time. */
export async function lockRound(tx: Tx, id: string) {
  const rows = await tx.select().from(maturitySurveyRounds).where(eq(maturitySurveyRounds.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Insert a round; null when the year already has one. */
export async function insertRound(tx: Tx, values: { tenantId: string; year: number; title: string; minGroupSize: number }) {
  const rows = await tx.insert(maturitySurveyRounds).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function setRoundStatus(tx: Tx, id: string, expectedVersion: number, status: 'open' | 'closed'): Promise<number | null> {
  const rows = await tx
    .update(maturitySurveyRounds)
    .set({ status, updatedAt: new Date(), version: sql`${maturitySurveyRounds.version} + 1` })
    .where(and(eq(maturitySurveyRounds.id, id), eq(maturitySurveyRounds.version, expectedVersion)))
    .returning({ version: maturitySurveyRounds.version });
  return rows[0]?.version ?? null;
}

// ---------------------------------------------------------------- invitations and participation

/** Invite accounts into a group; an account already invited (in any group) keeps its first group. Returns how many were added. */
export async function insertInvitations(tx: Tx, tenantId: string, roundId: string, group: string, accountIds: readonly string[]): Promise<number> {
  if (accountIds.length === 0) return 0;
  const rows = await tx
    .insert(maturitySurveyInvitations)
    .values(accountIds.map((accountId) => ({ tenantId, roundId, accountId, respondentGroup: group })))
    .onConflictDoNothing()
    .returning({ accountId: maturitySurveyInvitations.accountId });
  return rows.length;
}

export async function findInvitation(tx: Tx, roundId: string, accountId: string) {
  const rows = await tx
    .select({ group: maturitySurveyInvitations.respondentGroup })
    .from(maturitySurveyInvitations)
    .where(and(eq(maturitySurveyInvitations.roundId, roundId), eq(maturitySurveyInvitations.accountId, accountId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function hasParticipated(tx: Tx, roundId: string, accountId: string): Promise<boolean> {
  const rows = await tx
    .select({ n: count() })
    .from(maturitySurveyParticipations)
    .where(and(eq(maturitySurveyParticipations.roundId, roundId), eq(maturitySurveyParticipations.accountId, accountId)));
  return (rows[0]?.n ?? 0) > 0;
}

/** Mark that the account has answered; false when it already had. */
export async function insertParticipation(tx: Tx, values: { tenantId: string; roundId: string; accountId: string }): Promise<boolean> {
  const rows = await tx.insert(maturitySurveyParticipations).values(values).onConflictDoNothing().returning({ roundId: maturitySurveyParticipations.roundId });
  return rows.length > 0;
}

/** Per group: invited and answered counts (no names). */
export async function countProgress(tx: Tx, roundId: string): Promise<Array<{ group: string; invited: number; answered: number }>> {
  const rows = await tx
    .select({
      group: maturitySurveyInvitations.respondentGroup,
      invited: count(),
      answered: count(maturitySurveyParticipations.accountId),
    })
    .from(maturitySurveyInvitations)
    .leftJoin(
      maturitySurveyParticipations,
      and(eq(maturitySurveyParticipations.roundId, maturitySurveyInvitations.roundId), eq(maturitySurveyParticipations.accountId, maturitySurveyInvitations.accountId)),
    )
    .where(eq(maturitySurveyInvitations.roundId, roundId))
    .groupBy(maturitySurveyInvitations.respondentGroup);
  return rows.map((r) => ({ group: r.group, invited: Number(r.invited), answered: Number(r.answered) }));
}

/** Open rounds the account is invited to, with whether it has answered. */
export async function listOpenRoundsForAccount(tx: Tx, accountId: string) {
  return tx
    .select({
      id: maturitySurveyRounds.id,
      year: maturitySurveyRounds.year,
      title: maturitySurveyRounds.title,
      answered: sql<boolean>`exists (select 1 from ${maturitySurveyParticipations} p where p.round_id = ${maturitySurveyRounds.id} and p.account_id = ${accountId})`,
    })
    .from(maturitySurveyInvitations)
    .innerJoin(maturitySurveyRounds, eq(maturitySurveyRounds.id, maturitySurveyInvitations.roundId))
    .where(and(eq(maturitySurveyInvitations.accountId, accountId), eq(maturitySurveyRounds.status, 'open')))
    .orderBy(sql`${maturitySurveyRounds.year} desc`);
}

/** Active accounts for choosing respondents by name (the admin's explicit list). */
export async function listActiveAccounts(tx: Tx, limit: number) {
  return tx
    .select({ id: accounts.id, displayName: accounts.displayName, email: accounts.email })
    .from(accounts)
    .where(isNull(accounts.disabledAt))
    .orderBy(asc(accounts.displayName), asc(accounts.email))
    .limit(limit);
}

export async function filterActiveAccountIds(tx: Tx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(isNull(accounts.disabledAt), sql`${accounts.id} = any(${sql.param([...ids])}::uuid[])`));
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- anonymous responses

/** Group and answers of every response of a round; no id, no order. */
export async function listResponses(tx: Tx, roundId: string): Promise<Array<{ group: string; answers: Record<string, number | string> }>> {
  return tx.select({ group: maturitySurveyResponses.respondentGroup, answers: maturitySurveyResponses.answers }).from(maturitySurveyResponses).where(eq(maturitySurveyResponses.roundId, roundId));
}

/**
 * Replace all responses of a round by `rows` (already shuffled by the caller): fresh random ids,
 * one insert, so insertion order and the rows' transaction stamp carry no information about who
 * answered when. Call with the round locked (lockRound).
 */
export async function replaceResponses(tx: Tx, tenantId: string, roundId: string, rows: ReadonlyArray<{ group: string; answers: Record<string, number | string> }>): Promise<void> {
  await tx.delete(maturitySurveyResponses).where(eq(maturitySurveyResponses.roundId, roundId));
  if (rows.length === 0) return;
  await tx.insert(maturitySurveyResponses).values(rows.map((r) => ({ tenantId, roundId, respondentGroup: r.group, answers: r.answers })));
}

// ---------------------------------------------------------------- checklist items

export async function listChecklistItems(tx: Tx, options: { includeArchived: boolean }) {
  return tx
    .select()
    .from(maturityChecklistItems)
    .where(options.includeArchived ? undefined : eq(maturityChecklistItems.archived, false))
    .orderBy(asc(maturityChecklistItems.position), asc(maturityChecklistItems.createdAt));
}

export async function insertChecklistItems(tx: Tx, values: Array<typeof maturityChecklistItems.$inferInsert>) {
  if (values.length === 0) return [];
  return tx.insert(maturityChecklistItems).values(values).returning();
}

export async function archiveChecklistItem(tx: Tx, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await tx
    .update(maturityChecklistItems)
    .set({ archived: true, version: sql`${maturityChecklistItems.version} + 1` })
    .where(and(eq(maturityChecklistItems.id, id), eq(maturityChecklistItems.version, expectedVersion), eq(maturityChecklistItems.archived, false)))
    .returning({ id: maturityChecklistItems.id });
  return rows.length > 0;
}

export async function findChecklistItem(tx: Tx, id: string) {
  const rows = await tx.select().from(maturityChecklistItems).where(eq(maturityChecklistItems.id, id)).limit(1);
  return rows[0] ?? null;
}

// ---------------------------------------------------------------- units' checklists

export async function listChecklists(tx: Tx, cycleId: string) {
  return tx.select().from(maturityChecklists).where(eq(maturityChecklists.cycleId, cycleId));
}

export async function findChecklist(tx: Tx, cycleId: string, unitId: string) {
  const rows = await tx
    .select()
    .from(maturityChecklists)
    .where(and(eq(maturityChecklists.cycleId, cycleId), eq(maturityChecklists.unitId, unitId)))
    .limit(1);
  return rows[0] ?? null;
}

/** Save a unit's checklist. With `expectedVersion` null the row must not exist yet. Returns the new version, or null when stale. */
export async function saveChecklist(
  tx: Tx,
  values: { tenantId: string; cycleId: string; unitId: string; answers: Record<string, { answer: string; comment: string }>; accountId: string | null; expectedVersion: number | null },
): Promise<number | null> {
  if (values.expectedVersion === null) {
    const rows = await tx
      .insert(maturityChecklists)
      .values({ tenantId: values.tenantId, cycleId: values.cycleId, unitId: values.unitId, answers: values.answers, updatedByAccountId: values.accountId })
      .onConflictDoNothing()
      .returning({ version: maturityChecklists.version });
    return rows[0]?.version ?? null;
  }
  const rows = await tx
    .update(maturityChecklists)
    .set({ answers: values.answers, updatedByAccountId: values.accountId, updatedAt: new Date(), version: sql`${maturityChecklists.version} + 1` })
    .where(and(eq(maturityChecklists.cycleId, values.cycleId), eq(maturityChecklists.unitId, values.unitId), eq(maturityChecklists.version, values.expectedVersion)))
    .returning({ version: maturityChecklists.version });
  return rows[0]?.version ?? null;
}
