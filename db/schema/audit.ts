// Append-only audit log: sign-ins, admin actions, every read or write of personnel data.
// UPDATE and DELETE are revoked and blocked by a trigger (migration 0001).
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: uuid('tenant_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** account id, or 'api:<token id>', or 'system' */
    actor: text('actor').notNull(),
    /** e.g. auth.login, auth.login_failed, person.read, person.update, import.commit */
    action: text('action').notNull(),
    /** what was touched: 'person', 'unit', 'account', ... */
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_tenant_at').on(t.tenantId, t.at), index('audit_log_subject').on(t.tenantId, t.subjectType, t.subjectId)],
);
