// Needs mapping (kartlegging): the tenant's competence-area vocabulary, each unit's basis for
// "why" (goals, service standards, user-survey findings), the mapping form per unit and wheel
// cycle with its needs, and what units can offer others (tilbydarkompetanse).
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt, version } from './_columns.ts';
import { accounts } from './auth.ts';
import { orgUnits, persons } from './org.ts';
import { wheelCycles, wheelMilestones } from './wheel.ts';

/**
 * The tenant's competence areas (kompetanseområde), so that like needs share one name.
 * Coordinators keep the list; leaders may propose a new one from the form (status 'proposed'),
 * which a coordinator approves (→ 'active') or merges into another (→ 'merged', mergedIntoId).
 */
export const competenceAreas = pgTable(
  'competence_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** active | proposed | archived | merged */
    status: text('status').notNull().default('active'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => competenceAreas.id),
    proposedByAccountId: uuid('proposed_by_account_id').references(() => accounts.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One live name per tenant (case-insensitive); merged and archived names may repeat.
    uniqueIndex('competence_areas_tenant_name').on(t.tenantId, sql`lower(${t.name})`).where(sql`status in ('active', 'proposed')`),
    index('competence_areas_tenant_status').on(t.tenantId, t.status),
  ],
);

/** Short entries a need can point to as its "why": goal | service_standard | user_survey. */
export const unitBasisEntries = pgTable(
  'unit_basis_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** goal | service_standard | user_survey */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('unit_basis_entries_tenant_unit').on(t.tenantId, t.unitId)],
);

/** One mapping form (kartleggingsskjema) per unit and wheel cycle, filled after a joint discussion. */
export const mappingForms = pgTable(
  'mapping_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => wheelCycles.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The cycle's mapping_form milestone the form counts for (deadline, status), looked up again on every change; null when the cycle has none for the unit. */
    milestoneId: uuid('milestone_id').references(() => wheelMilestones.id),
    /** draft | submitted | returned | approved */
    status: text('status').notNull().default('draft'),
    discussionDate: date('discussion_date', { mode: 'string' }),
    /** Who took part in the joint discussion (names/roles), free text. */
    participantsText: text('participants_text').notNull().default(''),
    /** Persons of the unit who took part. */
    participantPersonIds: uuid('participant_person_ids').array().notNull().default(sql`'{}'::uuid[]`),
    returnComment: text('return_comment'),
    /** The form of the previous cycle this one was rolled over from (rullering). */
    carriedOverFromId: uuid('carried_over_from_id').references((): AnyPgColumn => mappingForms.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedByAccountId: uuid('submitted_by_account_id').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedByAccountId: uuid('decided_by_account_id').references(() => accounts.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('mapping_forms_tenant_cycle_unit').on(t.tenantId, t.cycleId, t.unitId), index('mapping_forms_tenant_unit').on(t.tenantId, t.unitId)],
);

/** A need on a form. Saved with the form (the form's version guards them). */
export const mappingNeeds = pgTable(
  'mapping_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    formId: uuid('form_id')
      .notNull()
      .references(() => mappingForms.id),
    position: integer('position').notNull(),
    /** short | long (short-term / long-term instead of fixed years) */
    term: text('term').notNull(),
    /**
     * The year the need is expected in: the cycle's year for a short-term need, one of the
     * three years after it for a long-term one (the plan's 4-year outlook counts it there).
     */
    year: integer('year').notNull(),
    competenceAreaId: uuid('competence_area_id')
      .notNull()
      .references(() => competenceAreas.id),
    description: text('description').notNull().default(''),
    /** The "why": a unit basis entry, and/or free text. */
    basisEntryId: uuid('basis_entry_id').references(() => unitBasisEntries.id),
    whyText: text('why_text').notNull().default(''),
    peopleCount: integer('people_count').notNull(),
    /** Measure type codes (core/shared/measure-types.ts). */
    measureTypes: text('measure_types').array().notNull().default(sql`'{}'::text[]`),
    /** 1 = high, 2 = medium, 3 = low */
    priority: integer('priority').notNull(),
    /** Estimated cost of the measure itself (course fees, travel), whole NOK. */
    costNok: integer('cost_nok').notNull().default(0),
    /** Estimated substitute cost (vikarutgifter), whole NOK. */
    substituteCostNok: integer('substitute_cost_nok').notNull().default(0),
    /** Copied from last cycle's form by the roll-over. */
    carriedOver: boolean('carried_over').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('mapping_needs_tenant_form').on(t.tenantId, t.formId, t.position)],
);

/** What a unit can offer others (tilbydarkompetanse): an internal instructor or an own programme. */
export const unitOffers = pgTable(
  'unit_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** instructor | programme */
    kind: text('kind').notNull(),
    /** The instructor (kind 'instructor'). */
    personId: uuid('person_id').references(() => persons.id),
    /** Topic (instructor) or programme title. */
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    competenceAreaId: uuid('competence_area_id').references(() => competenceAreas.id),
    /** Places per run (kind 'programme'). */
    capacity: integer('capacity'),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('unit_offers_tenant_unit').on(t.tenantId, t.unitId)],
);
