// Export the filtered audit log as CSV (newest first, at most AUDIT_EXPORT_LIMIT rows). The
// export is recorded in the log with the filter and the number of rows.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findAccountNames, searchAuditLog } from '../../db/repositories/audit-viewer.repository.ts';
import type { Language } from '../../locales/index.ts';
import { translate } from '../../locales/index.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { parseOrThrow } from '../shared/zod.ts';
import { AUDIT_EXPORT_LIMIT, ZAuditFilterSchema, actorKind, auditCsv, detailsText } from './audit.rules.ts';

export interface ExportAuditLogOptions {
  database: Database;
  actor: AccountActor;
  filter: unknown;
  language: Language;
  now: Date;
  requestId?: string | undefined;
}

export async function exportAuditLog({ database, actor, filter: rawFilter, language, now, requestId }: ExportAuditLogOptions): Promise<{ fileName: string; csv: string; rows: number }> {
  authorize(actor, 'audit.read', { tenantId: actor.tenantId });
  const filter = parseOrThrow(ZAuditFilterSchema, rawFilter);
  return database.withTenant(actor.tenantId, async (tx) => {
    const rows = await searchAuditLog(tx, {
      before: filter.before,
      limit: AUDIT_EXPORT_LIMIT,
      actionPrefix: filter.action,
      actor: filter.actor,
      subjectType: filter.subjectType,
      subjectId: filter.subjectId,
      fromDate: filter.from,
      toDate: filter.to,
    });
    const names = await findAccountNames(tx, rows.map((r) => r.actor));
    const label = (actorId: string, details: Record<string, unknown> | null) => {
      const name = names.get(actorId);
      if (name) return name;
      return translate(language, `admin.audit.actorKind.${actorKind(actorId, false, details)}`);
    };
    const csv = auditCsv(
      language,
      rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, actorName: label(r.actor, r.details ?? null), action: r.action, subjectType: r.subjectType, subjectId: r.subjectId, requestId: r.requestId, details: detailsText(r.details ?? null, 2000) })),
    );
    const { before: _before, ...rest } = filter;
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'audit.export', requestId, details: { filter: Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)), rows: rows.length } });
    return { fileName: `rytme-logg-${now.toISOString().slice(0, 10)}.csv`, csv, rows: rows.length };
  });
}
