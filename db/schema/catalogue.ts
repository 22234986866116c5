// The combined catalogue (samla tilbodskatalog): providers, a catalogue per half-year, the
// measures in it (with the ordering checklist for external ones and links to mapping needs),
// enrolments with approval and waiting list, attendance, participants' feedback and leaders'
// year-end evaluations.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt, version } from './_columns.ts';
import { accounts } from './auth.ts';
import { competenceAreas, mappingNeeds } from './mapping.ts';
import { orgUnits, persons } from './org.ts';

/** Who runs measures: own_unit | municipality | university_college | private. */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    contact: text('contact').notNull().default(''),
    /** The own unit that offers it (kind own_unit). */
    unitId: uuid('unit_id').references(() => orgUnits.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('providers_tenant_name').on(t.tenantId, sql`lower(${t.name})`)],
);

/** One catalogue per half-year (spring: Jan–Jun, autumn: Jul–Dec), published by a coordinator. */
export const catalogues = pgTable(
  'catalogues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    year: integer('year').notNull(),
    /** spring | autumn */
    half: text('half').notNull(),
    /** draft | published */
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    /** Shared read-only with the other municipalities of the tenant's region (tenants.region_id). */
    sharedWithRegion: boolean('shared_with_region').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('catalogues_tenant_half').on(t.tenantId, t.year, t.half)],
);

/**
 * The ordering checklist (bestillarkompetanse) of an external measure: what the unit needs, and
 * the provider assessed on price, quality and time (1–5 and a note), with a decision.
 */
export interface OrderingChecklist {
  requirements: string;
  price: { score: number | null; note: string };
  quality: { score: number | null; note: string };
  time: { score: number | null; note: string };
  /** pending | order | reject */
  decision: string;
  decisionNote: string;
}

export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => catalogues.id),
    /** A code of core/shared/measure-types.ts. */
    type: text('type').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    providerId: uuid('provider_id').references(() => providers.id),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    /** Null = ongoing. */
    endDate: date('end_date', { mode: 'string' }),
    place: text('place').notNull().default(''),
    online: boolean('online').notNull().default(false),
    capacity: integer('capacity').notNull(),
    /** Course fee per participant, whole NOK. */
    costNok: integer('cost_nok').notNull().default(0),
    /** Substitute cost (vikarmidlar) per participant, whole NOK. */
    substituteCostNok: integer('substitute_cost_nok').notNull().default(0),
    /** Target groups: units and occupational groups (free text codes from employments). */
    targetUnitIds: uuid('target_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    competenceAreaId: uuid('competence_area_id').references(() => competenceAreas.id),
    /** draft | published | closed | cancelled */
    status: text('status').notNull().default('draft'),
    /** The account that organises it (records attendance). */
    organiserAccountId: uuid('organiser_account_id').references(() => accounts.id),
    ordering: jsonb('ordering').$type<OrderingChecklist>(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('measures_tenant_catalogue').on(t.tenantId, t.catalogueId, t.startDate), index('measures_tenant_provider').on(t.tenantId, t.providerId)],
);

/** Which mapping needs a measure answers (many-to-many). */
export const measureNeeds = pgTable(
  'measure_needs',
  {
    tenantId: tenantId(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    needId: uuid('need_id')
      .notNull()
      .references(() => mappingNeeds.id),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.needId] }), index('measure_needs_tenant_need').on(t.tenantId, t.needId)],
);

/**
 * One person's place on a measure. `requested` and `approved` hold a place; `waiting` is on the
 * waiting list in `requestedAt` order; `declined` and `cancelled` hold none.
 */
export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The unit the person enrolled from (its leader approves). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** requested | approved | declined | waiting | cancelled */
    status: text('status').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    decidedByAccountId: uuid('decided_by_account_id').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /** null = not recorded, true = attended, false = absent. */
    attended: boolean('attended'),
    /** The leader's record of how the learning was reported back to the unit. */
    reportBackDate: date('report_back_date', { mode: 'string' }),
    reportBackHow: text('report_back_how'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One live enrolment per person and measure.
    uniqueIndex('enrolments_live').on(t.tenantId, t.measureId, t.personId).where(sql`status in ('requested', 'approved', 'waiting')`),
    index('enrolments_tenant_measure').on(t.tenantId, t.measureId, t.requestedAt),
    index('enrolments_tenant_unit').on(t.tenantId, t.unitId),
  ],
);

/** An attendee's feedback after the measure (one per enrolment). */
export const measureFeedback = pgTable(
  'measure_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    learned: text('learned').notNull(),
    /** 1–5 */
    usefulness: integer('usefulness').notNull(),
    sharing: text('sharing').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('measure_feedback_enrolment').on(t.enrolmentId), index('measure_feedback_tenant_measure').on(t.tenantId, t.measureId)],
);

/** A leader's year-end evaluation of a measure their unit used. */
export const measureEvaluations = pgTable(
  'measure_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    /** 1–5 */
    rating: integer('rating').notNull(),
    text: text('text').notNull().default(''),
    accountId: uuid('account_id').references(() => accounts.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('measure_evaluations_once').on(t.tenantId, t.measureId, t.unitId, t.year), index('measure_evaluations_tenant_unit_year').on(t.tenantId, t.unitId, t.year)],
);

/**
 * The feedback-reminder outbox: one row per (enrolment, account), claimed by a unique constraint
 * before anything is sent, so each attendee is asked for feedback exactly once after a measure
 * ends (the same claim-then-send pattern as wheel_reminders; core/catalogue/send-feedback-reminders.ts).
 */
export const feedbackReminders = pgTable(
  'feedback_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => enrolments.id),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** pending (claimed, not yet mailed) | sending | sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    mailId: uuid('mail_id'),
    error: text('error'),
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true, mode: 'date' }),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('feedback_reminders_once').on(t.tenantId, t.enrolmentId, t.accountId), index('feedback_reminders_tenant_status').on(t.tenantId, t.status, t.claimedAt)],
);
