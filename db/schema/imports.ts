// HR-system imports: remembered column mappings per tenant, and import runs with their
// uploaded file, preview result and progress.
import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt, version } from './_columns.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const importMappings = pgTable('import_mappings', {
  tenantId: tenantId().primaryKey(),
  /** Rytme field -> file column header */
  mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
  version: version(),
  updatedAt: updatedAt(),
});

export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    createdBy: uuid('created_by').notNull(),
    fileName: text('file_name').notNull(),
    fileType: text('file_type').notNull(),
    file: bytea('file').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    /** uploaded | previewing | previewed | invalid | committing | committed | failed */
    status: text('status').notNull(),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    errors: jsonb('errors').$type<unknown[]>(),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('import_runs_tenant_created').on(t.tenantId, t.createdAt)],
);
