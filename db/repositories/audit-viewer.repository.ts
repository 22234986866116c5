// Reading the audit log for the viewer and the CSV export: newest first, keyset pagination on
// the id, filters by action prefix, actor, subject and date range (calendar days in
// Norwegian time), and the display names of the actors. Runs inside withTenant, so RLS keeps
// every tenant to its own log. The log itself is append-only (migration 0001).
import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { accounts, auditLog } from '../schema/index.ts';

export interface AuditSearch {
  before?: number | undefined;
  limit: number;
  actionPrefix?: string | undefined;
  actor?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** Inclusive calendar days (YYYY-MM-DD), Europe/Oslo. */
  fromDate?: string | undefined;
  toDate?: string | undefined;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function searchAuditLog(tx: Tx, search: AuditSearch) {
  const where: SQL[] = [];
  if (search.before) where.push(lt(auditLog.id, search.before));
  if (search.actionPrefix) where.push(sql`(${auditLog.action} = ${search.actionPrefix} or ${auditLog.action} like ${`${escapeLike(search.actionPrefix)}.%`})`);
  if (search.actor) where.push(eq(auditLog.actor, search.actor));
  if (search.subjectType) where.push(eq(auditLog.subjectType, search.subjectType));
  if (search.subjectId) where.push(eq(auditLog.subjectId, search.subjectId));
  if (search.fromDate) where.push(sql`${auditLog.at} >= (${search.fromDate}::date::timestamp at time zone 'Europe/Oslo')`);
  if (search.toDate) where.push(sql`${auditLog.at} < ((${search.toDate}::date + 1)::timestamp at time zone 'Europe/Oslo')`);
  return tx
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      requestId: auditLog.requestId,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(search.limit);
}

/** Display names of the tenant's accounts among `ids` (ids that are not account uuids are ignored). */
export async function findAccountNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = [...new Set(ids)].filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (uuids.length === 0) return new Map();
  const rows = await tx.select({ id: accounts.id, displayName: accounts.displayName }).from(accounts).where(inArray(accounts.id, uuids));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
