// The annual wheel (årshjul): a yearly cycle of milestones with deadlines, target units,
// per-unit status, and the reminders sent for them. Also the in-app notifications and each
// account's reminder settings (single mails or a daily digest, personal calendar feed).
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, updatedAt, version } from './_columns.ts';
import { accounts } from './auth.ts';
import { orgUnits } from './org.ts';
import { regions, tenants } from './platform.ts';
import { rosterPeriods } from './roster.ts';

export const wheelCycles = pgTable(
  'wheel_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    /**
     * Reserved, unused: a region's shared milestones live in `region_milestones` and are copied
     * into each member's own cycle of the year (wheel_milestones.region_milestone_id), so a
     * municipality keeps one wheel per year.
     */
    regionId: uuid('region_id').references(() => regions.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** active | closed */
    status: text('status').notNull().default('active'),
    /** The template the cycle was made from (gloppen | flora), or null. */
    template: text('template'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('wheel_cycles_tenant_year').on(t.tenantId, t.year)],
);

/**
 * A region's shared milestone (interkommunalt samarbeid): owned by the region, not by a tenant.
 * Coordinators of member municipalities create and edit them; RLS lets rytme_app see and write
 * only the rows of the region its transaction's tenant belongs to. Each member gets its own copy
 * in wheel_milestones (synced by core/annual-wheel/sync-regional-milestones.ts), so statuses and
 * reminders stay tenant-owned. Targets are a unit kind or none (unit ids differ per tenant).
 */
export const regionMilestones = pgTable(
  'region_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    ownerRole: text('owner_role').notNull(),
    concerns: text('concerns').notNull(),
    targetKind: text('target_kind'),
    reminderOffsets: integer('reminder_offsets').array().notNull().default(sql`'{14,3,0}'::int[]`),
    overdueEveryDays: integer('overdue_every_days').notNull().default(7),
    escalateAfterDays: integer('escalate_after_days'),
    /** The member municipality whose coordinator created / last changed it. */
    createdByTenantId: uuid('created_by_tenant_id')
      .notNull()
      .references(() => tenants.id),
    updatedByTenantId: uuid('updated_by_tenant_id')
      .notNull()
      .references(() => tenants.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('region_milestones_region_year').on(t.regionId, t.year, t.deadline)],
);

export const wheelMilestones = pgTable(
  'wheel_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => wheelCycles.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** The role that owns the milestone: coordinator | unit_leader | executive. */
    ownerRole: text('owner_role').notNull(),
    /** mapping_form | unit_plan | municipal_plan | economy_plan | evaluation | other */
    concerns: text('concerns').notNull(),
    /** Target: every unit of this kind (eining, avdeling, ...), or null with `targetUnitIds`. */
    targetKind: text('target_kind'),
    /** Target: chosen units (when targetKind is null). Empty = no unit; the owner role answers for it. */
    targetUnitIds: uuid('target_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Reminder days before the deadline (0 = on the day). */
    reminderOffsets: integer('reminder_offsets').array().notNull().default(sql`'{14,3,0}'::int[]`),
    /** After the deadline, remind every this many days while not done (0 = never). */
    overdueEveryDays: integer('overdue_every_days').notNull().default(7),
    /** Escalate to the executives this many days after the deadline (null = never). */
    escalateAfterDays: integer('escalate_after_days'),
    /** Set on a member's copy of a region's milestone; the copy is edited only through the region's. */
    regionMilestoneId: uuid('region_milestone_id').references(() => regionMilestones.id),
    /** The region milestone's version this copy reflects (a newer one is copied over at the next sync). */
    regionVersion: integer('region_version'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('wheel_milestones_tenant_cycle').on(t.tenantId, t.cycleId, t.deadline), uniqueIndex('wheel_milestones_region_copy').on(t.tenantId, t.regionMilestoneId)],
);

/**
 * Status of one milestone for one target unit. No row = not started. `source` says who set it:
 * 'manual' (a leader or coordinator) or, later, the use case that submits the unit's mapping
 * form ('mapping_form'), which upserts the row for (milestone, unit) like set-unit-status does.
 */
export const wheelUnitStatuses = pgTable(
  'wheel_unit_statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => wheelMilestones.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** not_started | in_progress | done */
    status: text('status').notNull(),
    source: text('source').notNull().default('manual'),
    setByAccountId: uuid('set_by_account_id').references(() => accounts.id),
    setAt: timestamp('set_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    version: version(),
  },
  (t) => [uniqueIndex('wheel_unit_statuses_unique').on(t.tenantId, t.milestoneId, t.unitId)],
);

/**
 * The reminder outbox: one row per (account, milestone, unit, step), claimed by a unique
 * constraint before anything is sent, so each step reaches each person exactly once.
 * `unitKey` is the unit id, or '-' for a milestone without target units.
 * A row is about a wheel milestone, or (with `rosterPeriodId`, no milestone) the wish deadline of a
 * roster period — one row per (account, period, step), claimed under its own unique index — so
 * both kinds share the claim, the sending, the retries and the person's digest.
 */
export const wheelReminders = pgTable(
  'wheel_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The milestone (null for a roster wish reminder). */
    milestoneId: uuid('milestone_id').references(() => wheelMilestones.id),
    /** The roster period whose wish deadline this reminds of (null for a milestone step). */
    rosterPeriodId: uuid('roster_period_id').references(() => rosterPeriods.id),
    unitKey: text('unit_key').notNull(),
    /** before:14 | before:3 | due | overdue:7 | overdue:14 | ... | escalation; roster wishes: wish:7 | wish:1 | wish:0 */
    step: text('step').notNull(),
    stepDate: date('step_date', { mode: 'string' }).notNull(),
    /** pending (claimed, not yet mailed) | sending | sent | failed */
    status: text('status').notNull().default('pending'),
    /** single | digest: how the mail was (or will be) delivered */
    delivery: text('delivery').notNull().default('single'),
    attempts: integer('attempts').notNull().default(0),
    mailId: uuid('mail_id'),
    error: text('error'),
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true, mode: 'date' }),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('wheel_reminders_once').on(t.tenantId, t.accountId, t.milestoneId, t.unitKey, t.step),
    uniqueIndex('wheel_reminders_roster_once').on(t.tenantId, t.accountId, t.rosterPeriodId, t.step).where(sql`roster_period_id is not null`),
    check('wheel_reminders_one_subject', sql`(milestone_id is null) <> (roster_period_id is null)`),
    index('wheel_reminders_tenant_status').on(t.tenantId, t.status),
    index('wheel_reminders_tenant_claimed').on(t.tenantId, t.claimedAt),
  ],
);

/** In-app notifications (the header badge and /wheel/notifications). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** What raised it: 'wheel.reminder' | 'roster.wishReminder' */
    kind: text('kind').notNull(),
    /** The reminder row it belongs to (unique: one notification per reminder). */
    reminderId: uuid('reminder_id').references(() => wheelReminders.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_tenant_account').on(t.tenantId, t.accountId, t.createdAt), uniqueIndex('notifications_reminder').on(t.reminderId)],
);

/** Per-account reminder settings and the personal calendar feed token (sha256 at rest). */
export const wheelSettings = pgTable(
  'wheel_settings',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id),
    tenantId: tenantId(),
    /** single | digest */
    delivery: text('delivery').notNull().default('single'),
    feedTokenHash: text('feed_token_hash'),
    feedTokenCreatedAt: timestamp('feed_token_created_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('wheel_settings_feed_token').on(t.feedTokenHash)],
);
