// Platform-level tables: not owned by one tenant. Regions group tenants (interkommunalt
// samarbeid); tenants are the municipalities; occupations is the STYRK-08 reference list.
import { jsonb, pgTable, text, timestamp, uuid, integer, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt, version } from './_columns.ts';

export const regions = pgTable('regions', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  municipalityNumber: text('municipality_number'),
  regionId: uuid('region_id').references(() => regions.id),
  defaultLanguage: text('default_language').notNull().default('nn'),
  /** OpenID Connect settings (issuer, client id, client secret, kind entra|feide); null = local only. */
  oidc: jsonb('oidc').$type<TenantOidcSettings | null>(),
  status: text('status').notNull().default('active'),
  version: version(),
  createdAt: createdAt(),
});

export interface TenantOidcSettings {
  kind: 'entra' | 'feide' | 'generic';
  issuer: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
}

/** STYRK-08 (SSB Yrkesklassifisering), loaded by migration seed from db/seed/data/styrk08.json. */
export const occupations = pgTable('occupations', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  level: integer('level').notNull(),
  name: text('name').notNull(),
});

/** Sliding-window counters for login throttling, shared by every app instance. */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    failures: integer('failures').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key] })],
);
