// Maturity (modenheit): the competence-development checklist per unit and wheel cycle, the
// anonymous self-assessment survey from appendix 1 of seed 000, and the measured stage.
//
// Anonymity of the survey rests on the shape of these tables (docs/maturity.md):
// - a response row has no account id, no timestamp and a random id, so neither a column nor
//   the order of ids leads back to a person;
// - the participation marker (round, account) has no timestamp and no link to the response;
//   it only stops a second answer.
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt, version } from './_columns.ts';
import { accounts } from './auth.ts';
import { orgUnits } from './org.ts';
import { wheelCycles } from './wheel.ts';

/** A survey round: one per tenant and year. */
export const maturitySurveyRounds = pgTable(
  'maturity_survey_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** open | closed. Results are shown only for a closed round. */
    status: text('status').notNull().default('open'),
    /** A group's results are shown only with at least this many responses. */
    minGroupSize: integer('min_group_size').notNull().default(3),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('maturity_survey_rounds_tenant_year').on(t.tenantId, t.year)],
);

/** Who is asked, and in which respondent group (leaders | union | middle). One group per account. */
export const maturitySurveyInvitations = pgTable(
  'maturity_survey_invitations',
  {
    tenantId: tenantId(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => maturitySurveyRounds.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    respondentGroup: text('respondent_group').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.accountId] }), index('maturity_survey_invitations_tenant').on(t.tenantId, t.roundId)],
);

/** One-way participation marker: this account has answered this round. No time, no response link. */
export const maturitySurveyParticipations = pgTable(
  'maturity_survey_participations',
  {
    tenantId: tenantId(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => maturitySurveyRounds.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.accountId] })],
);

/** One anonymous response: the group and the answers. Deliberately no account, no timestamp. */
export const maturitySurveyResponses = pgTable(
  'maturity_survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => maturitySurveyRounds.id),
    respondentGroup: text('respondent_group').notNull(),
    /** { questionKey: 1..10 | 'yes' | 'no' | 'unsure' } */
    answers: jsonb('answers').$type<Record<string, number | string>>().notNull(),
  },
  (t) => [index('maturity_survey_responses_round').on(t.tenantId, t.roundId)],
);

/** The tenant's checklist items: the seed's items (seedKey, text from the catalogues) or own text. */
export const maturityChecklistItems = pgTable(
  'maturity_checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    position: integer('position').notNull(),
    /** The seed item this row came from (texts in locales/<lang>/maturity.json), or null. */
    seedKey: text('seed_key'),
    /** The tenant's own wording; null = the seed item's translated text. */
    text: text('text'),
    archived: boolean('archived').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('maturity_checklist_items_tenant').on(t.tenantId, t.position)],
);

/** A unit's checklist for one wheel cycle: every item answered yes / partly / no with a comment. */
export const maturityChecklists = pgTable(
  'maturity_checklists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => wheelCycles.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** { itemId: { answer: 'yes' | 'partly' | 'no', comment: string } } */
    answers: jsonb('answers').$type<Record<string, { answer: string; comment: string }>>().notNull(),
    updatedByAccountId: uuid('updated_by_account_id').references(() => accounts.id),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('maturity_checklists_unit').on(t.tenantId, t.cycleId, t.unitId)],
);
