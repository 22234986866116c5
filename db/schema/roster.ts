// The roster module (turnus): rule sets per tenant (from the Working Environment Act, with
// defaults), roster periods per unit — the aggregate the leader edits under one optimistic
// lock: setup (shift types, staffing with competence mix, unavailability, a snapshot of the
// rule set), the roster grid, status and solver progress — and each employee's wishes.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt, version } from './_columns.ts';
import { orgUnits, persons } from './org.ts';

export const rosterRuleSets = pgTable(
  'roster_rule_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** RuleSet (core/roster/roster.rules.ts): rest, hour limits, weekends, consecutive days. */
    rules: jsonb('rules').$type<Record<string, number>>().notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('roster_rule_sets_tenant').on(t.tenantId)],
);

export const rosterPeriods = pgTable(
  'roster_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    unitId: uuid('unit_id').notNull().references(() => orgUnits.id),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    weeks: integer('weeks').notNull(),
    /** Wishes can be entered until the end of this day (later: a milestone on the annual wheel). */
    wishDeadline: date('wish_deadline', { mode: 'string' }).notNull(),
    /** Employees who have entered no wish are reminded this many days before the wish deadline (0 = on the day). */
    wishReminderDays: integer('wish_reminder_days').array().notNull().default(sql`'{7,1}'::int[]`),
    /** Publishing must happen at least this many days before the start. */
    publishLeadDays: integer('publish_lead_days').notNull().default(28),
    /** draft | submitted | approved | returned | published | locked */
    status: text('status').notNull().default('draft'),
    ruleSetId: uuid('rule_set_id').references(() => rosterRuleSets.id),
    /** Snapshot of the rule set's rules, so a later change of the rule set never changes this roster. */
    rules: jsonb('rules').$type<Record<string, number>>().notNull(),
    shiftTypes: jsonb('shift_types').$type<unknown[]>().notNull(),
    staffing: jsonb('staffing').$type<unknown[]>().notNull(),
    /** personId -> day indexes the person cannot work (hard). */
    unavailability: jsonb('unavailability').$type<Record<string, number[]>>().notNull(),
    /** personId -> shift code or null per day; null until solved or edited. */
    roster: jsonb('roster').$type<Record<string, (string | null)[]>>(),
    reviewComment: text('review_comment'),
    /** idle | queued | running | done | failed — progress, not an edit: never bumps version. */
    solveStatus: text('solve_status').notNull().default('idle'),
    solveFraction: real('solve_fraction').notNull().default(0),
    solveObjective: integer('solve_objective'),
    solveSummary: jsonb('solve_summary').$type<Record<string, unknown>>(),
    solveStartedAt: timestamp('solve_started_at', { withTimezone: true, mode: 'date' }),
    solveFinishedAt: timestamp('solve_finished_at', { withTimezone: true, mode: 'date' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('roster_periods_tenant_unit').on(t.tenantId, t.unitId, t.startDate)],
);

export const rosterWishes = pgTable(
  'roster_wishes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    periodId: uuid('period_id').notNull().references(() => rosterPeriods.id),
    personId: uuid('person_id').notNull().references(() => persons.id),
    /** RosterWish[] (day, kind, shift, weight). */
    wishes: jsonb('wishes').$type<unknown[]>().notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('roster_wishes_period_person').on(t.tenantId, t.periodId, t.personId)],
);

export const rosterSwaps = pgTable(
  'roster_swaps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    periodId: uuid('period_id').notNull().references(() => rosterPeriods.id),
    /** The employee who asks to swap their shift (or day off) on `day` with a colleague's. */
    requesterPersonId: uuid('requester_person_id').notNull().references(() => persons.id),
    counterpartPersonId: uuid('counterpart_person_id').notNull().references(() => persons.id),
    day: integer('day').notNull(),
    /** What the two had that day when the swap was proposed (the swap applies only if still so). */
    requesterShift: text('requester_shift'),
    counterpartShift: text('counterpart_shift'),
    /** proposed | approved | rejected */
    status: text('status').notNull().default('proposed'),
    comment: text('comment'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('roster_swaps_tenant_period').on(t.tenantId, t.periodId, t.status)],
);
