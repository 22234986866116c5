// The audit viewer: one page of the tenant's audit log, newest first, with keyset pagination
// (entries before a given id) and filters. Looking at the log is itself recorded.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findAccountNames, searchAuditLog } from '../../db/repositories/audit-viewer.repository.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { parseOrThrow } from '../shared/zod.ts';
import { AUDIT_PAGE_SIZE, ZAuditFilterSchema, actorKind, detailsText, type ActorKind, type TAuditFilter } from './audit.rules.ts';

export interface ListAuditLogOptions {
  database: Database;
  actor: AccountActor;
  /** Raw filter values (query parameters). */
  filter: unknown;
  requestId?: string | undefined;
}

export interface AuditViewEntry {
  id: number;
  at: Date;
  actor: string;
  actorKind: ActorKind;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  requestId: string | null;
  /** Facts recorded with the entry (ids, counts, the filter used), as short `key: value` text. */
  details: string | null;
}

export interface AuditPage {
  filter: TAuditFilter;
  entries: AuditViewEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

export async function listAuditLog({ database, actor, filter: rawFilter, requestId }: ListAuditLogOptions): Promise<AuditPage> {
  authorize(actor, 'audit.read', { tenantId: actor.tenantId });
  const filter = parseOrThrow(ZAuditFilterSchema, rawFilter);
  return database.withTenant(actor.tenantId, async (tx) => {
    const rows = await searchAuditLog(tx, {
      before: filter.before,
      limit: AUDIT_PAGE_SIZE + 1,
      actionPrefix: filter.action,
      actor: filter.actor,
      subjectType: filter.subjectType,
      subjectId: filter.subjectId,
      fromDate: filter.from,
      toDate: filter.to,
    });
    const page = rows.slice(0, AUDIT_PAGE_SIZE);
    const names = await findAccountNames(tx, page.map((r) => r.actor));
    // Recorded after the read so the viewer's own entry does not appear on the page it describes.
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'audit.read', requestId, details: { filter: withoutBefore(filter), page: filter.before ? 'older' : 'first' } });
    return {
      filter,
      entries: page.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        actorKind: actorKind(r.actor, names.has(r.actor), r.details ?? null),
        actorName: names.get(r.actor) ?? null,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        requestId: r.requestId,
        details: detailsText(r.details ?? null),
      })),
      nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id : null,
    };
  });
}

function withoutBefore(filter: TAuditFilter): Record<string, string> {
  const { before: _before, ...rest } = filter;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Record<string, string>;
}
