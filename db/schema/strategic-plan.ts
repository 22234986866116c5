// The strategic competence and staffing plan (KS method): a multi-year plan per tenant or per
// service area, worked through KS's seven steps; the goals it builds on, the required number of
// people per position type and plan year, and strategies whose measures become milestones on
// the annual wheel. The staffing analysis itself is computed from org data, never stored.
import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt, version } from './_columns.ts';
import { accounts } from './auth.ts';
import { orgUnits } from './org.ts';
import { wheelMilestones } from './wheel.ts';

export const strategicPlans = pgTable(
  'strategic_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    /** A service area (top-level unit) the plan covers; null = the whole municipality. */
    scopeUnitId: uuid('scope_unit_id').references(() => orgUnits.id),
    title: text('title').notNull(),
    startYear: integer('start_year').notNull(),
    horizonYears: integer('horizon_years').notNull().default(4),
    /** draft | adopted | archived */
    status: text('status').notNull().default('draft'),
    /** Age at which a person is assumed to retire (the analysis' assumption). */
    retirementAge: integer('retirement_age').notNull().default(67),
    /** Percent of each cohort assumed to retire at 62 instead (AFP), 0–100. */
    earlyRetirementPercent: integer('early_retirement_percent').notNull().default(0),
    /** Step 4: the municipality's own definition of competence. */
    competenceDefinition: text('competence_definition').notNull().default(''),
    /** Step 5, the qualitative part: what competence the services require ... */
    competenceRequirements: text('competence_requirements').notNull().default(''),
    /** ... what the staff have today (competence capital) ... */
    competenceCapital: text('competence_capital').notNull().default(''),
    /** ... and the need that follows: requirements minus capital. */
    competenceNeeds: text('competence_needs').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('strategic_plans_tenant').on(t.tenantId, t.startYear)],
);

/** Work on one of the seven steps: notes, who took part, done or not. No row = not started. */
export const strategicPlanSteps = pgTable(
  'strategic_plan_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => strategicPlans.id),
    step: integer('step').notNull(),
    notes: text('notes').notNull().default(''),
    participants: text('participants').notNull().default(''),
    doneAt: timestamp('done_at', { withTimezone: true, mode: 'date' }),
    doneBy: uuid('done_by').references(() => accounts.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('strategic_plan_steps_unique').on(t.tenantId, t.planId, t.step)],
);

/** Step 3: an overall goal or guideline, with the document it comes from. */
export const strategicPlanGoals = pgTable(
  'strategic_plan_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => strategicPlans.id),
    /** municipal_plan | employer_strategy | economy_plan | national_reform | demography */
    source: text('source').notNull(),
    document: text('document').notNull(),
    reference: text('reference').notNull().default(''),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('strategic_plan_goals_plan').on(t.tenantId, t.planId)],
);

/** Step 5: the number of people a position type (STYRK-08 code) needs in a plan year. */
export const strategicPlanRequirements = pgTable(
  'strategic_plan_requirements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => strategicPlans.id),
    styrk08: text('styrk08').notNull(),
    year: integer('year').notNull(),
    /** headcount | fte */
    basis: text('basis').notNull(),
    required: numeric('required', { precision: 9, scale: 1, mode: 'number' }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('strategic_plan_requirements_unique').on(t.tenantId, t.planId, t.styrk08, t.year)],
);

/** Step 6: a strategy (develop, recruit, mobilise, restructure) for a position type or a general competence. */
export const strategicPlanStrategies = pgTable(
  'strategic_plan_strategies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => strategicPlans.id),
    /** develop | recruit | mobilise | restructure */
    kind: text('kind').notNull(),
    /** A STYRK-08 position type, or null with `generalCompetence`. */
    styrk08: text('styrk08'),
    generalCompetence: text('general_competence'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('strategic_plan_strategies_plan').on(t.tenantId, t.planId)],
);

/** A measure of a strategy; it lives on the annual wheel as the milestone it created. */
export const strategicPlanMeasures = pgTable(
  'strategic_plan_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategicPlanStrategies.id),
    title: text('title').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => wheelMilestones.id),
    createdAt: createdAt(),
  },
  (t) => [index('strategic_plan_measures_strategy').on(t.tenantId, t.strategyId)],
);
