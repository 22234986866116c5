// The municipal competence plan (kompetanseplan) of a wheel cycle: a budget frame, the plan
// items the coordinator makes of the units' aggregated needs, and the status from draft through
// approval to publication.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt, version } from './_columns.ts';
import { accounts } from './auth.ts';
import { competenceAreas } from './mapping.ts';
import { wheelCycles } from './wheel.ts';

/** One plan per tenant and wheel cycle; the plan's year is the cycle's. */
export const competencePlans = pgTable(
  'competence_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => wheelCycles.id),
    title: text('title').notNull(),
    /** Budget frame for the year in whole NOK, substitute costs included; null until set. */
    budgetFrameNok: bigint('budget_frame_nok', { mode: 'number' }),
    /** Free text: the plan's main points (shown first in the document). */
    summary: text('summary').notNull().default(''),
    /** draft | approved | published */
    status: text('status').notNull().default('draft'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvedByAccountId: uuid('approved_by_account_id').references(() => accounts.id),
    /** Name of who approved, kept as it was at the time. */
    approvedByName: text('approved_by_name'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedByAccountId: uuid('published_by_account_id').references(() => accounts.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('competence_plans_tenant_cycle').on(t.tenantId, t.cycleId)],
);

/** A plan item: a competence area with chosen measure types, planned cost and priority. */
export const competencePlanItems = pgTable(
  'competence_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => competencePlans.id),
    competenceAreaId: uuid('competence_area_id')
      .notNull()
      .references(() => competenceAreas.id),
    /** Measure type codes (core/shared/measure-types.ts). */
    measureTypes: text('measure_types').array().notNull().default(sql`'{}'::text[]`),
    /** People the item is meant for. */
    peopleCount: integer('people_count').notNull().default(0),
    /** Planned cost in whole NOK, substitute costs included. */
    plannedCostNok: integer('planned_cost_nok').notNull(),
    /** 1 = high, 2 = medium, 3 = low */
    priority: integer('priority').notNull(),
    /** Order within the priority (lower first). */
    position: integer('position').notNull(),
    note: text('note').notNull().default(''),
    /** Catalogue measures (core/catalogue) the item will be met by, optional. An array cannot carry a foreign key: the use cases check each id is a measure of the tenant. */
    catalogueMeasureIds: uuid('catalogue_measure_ids').array().notNull().default(sql`'{}'::uuid[]`),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('competence_plan_items_tenant_plan').on(t.tenantId, t.planId, t.priority, t.position)],
);

/**
 * The plan's own 4-year outlook (4-årsplan): what the municipality plans to spend on an area in
 * each of the three years after the plan's year (year 1 is the plan's items). Optional: an area
 * without a row has no decided amount for that year. Saved with the plan (its version guards it).
 */
export const competencePlanOutlook = pgTable(
  'competence_plan_outlook',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => competencePlans.id),
    competenceAreaId: uuid('competence_area_id')
      .notNull()
      .references(() => competenceAreas.id),
    year: integer('year').notNull(),
    /** Planned amount in whole NOK, substitute costs included. */
    plannedCostNok: bigint('planned_cost_nok', { mode: 'number' }).notNull(),
    /** People it is meant for, optional. */
    peopleCount: integer('people_count'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('competence_plan_outlook_plan_area_year').on(t.tenantId, t.planId, t.competenceAreaId, t.year)],
);
