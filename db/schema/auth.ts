// Accounts, role assignments, server-side sessions, password-reset tokens and API tokens.
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId, version } from './_columns.ts';
import { orgUnits, persons } from './org.ts';

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    /** argon2id PHC string; null for accounts that sign in only through OIDC. */
    passwordHash: text('password_hash'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    language: text('language'),
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('accounts_tenant_email').on(t.tenantId, t.email),
    uniqueIndex('accounts_oidc_key').on(t.tenantId, t.oidcIssuer, t.oidcSubject),
  ],
);

/** Roles other than 'employee' (implied by a linked person) and 'unit_leader' (implied by unit_leaders). */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    role: text('role').notNull(),
    /** Optional scope: the role applies to this unit and its descendants (union representative, mentor). */
    unitId: uuid('unit_id').references(() => orgUnits.id),
    createdAt: createdAt(),
  },
  (t) => [index('role_assignments_account').on(t.tenantId, t.accountId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token; the token itself is never stored. */
    idHash: text('id_hash').primaryKey(),
    tenantId: tenantId(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_account').on(t.tenantId, t.accountId)],
);

export const passwordResetTokens = pgTable('password_reset_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  tenantId: tenantId(),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
});

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    /** sha256 of the secret; the secret is shown once at creation. */
    tokenHash: text('token_hash').notNull(),
    /** e.g. org:read, people:read, people:write, import:write */
    scopes: text('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash)],
);
