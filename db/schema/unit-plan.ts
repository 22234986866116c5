// The unit's action and development plan (handlings- og utviklingsplan, Flora): one per unit and
// wheel cycle (calendar year), with the sections Flora's plans have — development trends, the
// economic frame, service standards, facts about the unit, the year's action programme (measures
// and competence development), a sketch of the programme for four years, and the areas evaluated
// every year. Status flows draft → submitted → approved (docs/unit-plan.md).
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt, version } from './_columns.ts';
import { accounts } from './auth.ts';
import { measures } from './catalogue.ts';
import { orgUnits } from './org.ts';
import { wheelCycles } from './wheel.ts';

export const unitPlans = pgTable(
  'unit_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => wheelCycles.id),
    /** draft | submitted | approved */
    status: text('status').notNull().default('draft'),
    /** Utviklingstrekk: what is changing around the unit (users, demography, law, technology). */
    developmentTrends: text('development_trends').notNull().default(''),
    /** Økonomisk ramme: the unit's budget frame for the year in whole NOK; null until known. */
    budgetFrameNok: bigint('budget_frame_nok', { mode: 'number' }),
    /** Of which set aside for competence development (courses, substitutes), whole NOK. */
    competenceBudgetNok: bigint('competence_budget_nok', { mode: 'number' }),
    economyNote: text('economy_note').notNull().default(''),
    /** Standardar for tenesta/staben: the service standards (tenesteerklæringar) the unit promises. */
    serviceStandards: text('service_standards').notNull().default(''),
    /** Fakta: head count and FTE of the unit's subtree (prefilled from the org data), and free text. */
    headCount: integer('head_count'),
    /** Sum of FTE in hundredths (e.g. 1250 = 12.5 FTE), so that it stays an integer. */
    fteHundredths: integer('fte_hundredths'),
    factsNote: text('facts_note').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedByAccountId: uuid('submitted_by_account_id').references(() => accounts.id),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvedByAccountId: uuid('approved_by_account_id').references(() => accounts.id),
    /** Name of who approved, kept as it was at the time. */
    approvedByName: text('approved_by_name'),
    /** Why the plan was sent back (shown to the unit until it is submitted again). */
    returnComment: text('return_comment'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('unit_plans_tenant_unit_cycle').on(t.tenantId, t.unitId, t.cycleId), index('unit_plans_tenant_cycle').on(t.tenantId, t.cycleId)],
);

/**
 * A row of one of the plan's three tables, told apart by `section`:
 * - action: the year's action programme — measure or goal, competence development, responsible, when, cost;
 * - outlook: the 4-year sketch — a year (plan year … +3), the focus, the competence development, cost;
 * - evaluation: an area evaluated every year — the area and how it is evaluated (in `competence`).
 * The rows are replaced as a whole when the plan is saved, under the plan's version.
 */
export const unitPlanRows = pgTable(
  'unit_plan_rows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => unitPlans.id),
    /** action | outlook | evaluation */
    section: text('section').notNull(),
    position: integer('position').notNull(),
    /** outlook: the year the row is for. */
    year: integer('year'),
    /** action: the measure or goal; outlook: the focus; evaluation: the area. */
    title: text('title').notNull(),
    /** action/outlook: competence development; evaluation: how it is evaluated. */
    competence: text('competence').notNull().default(''),
    responsible: text('responsible').notNull().default(''),
    /** action: when (free text: "vår", "veke 12", "heile året"). */
    timing: text('timing').notNull().default(''),
    costNok: integer('cost_nok'),
    /** action: the catalogue measure the row comes from, if any. */
    catalogueMeasureId: uuid('catalogue_measure_id').references(() => measures.id),
    createdAt: createdAt(),
  },
  (t) => [index('unit_plan_rows_tenant_plan').on(t.tenantId, t.planId, t.section, t.position)],
);
