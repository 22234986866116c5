// The organisation: a tree of units (kommune -> tenesteområde -> eining -> avdeling/team),
// persons, their employments, and which persons lead which units.
import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt, version } from './_columns.ts';

export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnits.id),
    /** kommune | sektor | eining | avdeling | team */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** External code from the HR system; import key for units. */
    code: text('code').notNull(),
    /** Materialised path of ancestor ids including self, '/'-separated; for subtree queries. */
    path: text('path').notNull(),
    depth: integer('depth').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('org_units_tenant_code').on(t.tenantId, t.code),
    index('org_units_tenant_parent').on(t.tenantId, t.parentId),
    // text_pattern_ops: serves `path like 'prefix/%'` (subtree queries) under any collation, not only C.
    index('org_units_path').on(t.tenantId, t.path.op('text_pattern_ops')),
  ],
);

export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** Only the birth year is kept (age structure for staffing plans); never a full birth date or national id. */
    birthYear: integer('birth_year'),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('persons_tenant_name').on(t.tenantId, t.familyName, t.givenName)],
);

export const employments = pgTable(
  'employments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    personId: uuid('person_id').notNull().references(() => persons.id),
    unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
    employeeNumber: text('employee_number').notNull(),
    positionTitle: text('position_title').notNull(),
    ftePercent: numeric('fte_percent', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    styrk08: text('styrk08'),
    ksJobCode: text('ks_job_code'),
    occupationalGroup: text('occupational_group'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('employments_tenant_number').on(t.tenantId, t.employeeNumber),
    index('employments_tenant_unit').on(t.tenantId, t.unitId),
    index('employments_tenant_person').on(t.tenantId, t.personId),
  ],
);

export const unitLeaders = pgTable(
  'unit_leaders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
    personId: uuid('person_id').notNull().references(() => persons.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('unit_leaders_unique').on(t.tenantId, t.unitId, t.personId)],
);

export const activeEmployment = sql`(end_date is null or end_date >= current_date)`;
