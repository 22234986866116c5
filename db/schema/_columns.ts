// Column helpers shared by every table: tenant ownership, optimistic-lock version, timestamps.
import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every tenant-owned row carries tenant_id; RLS policies (migration 0001) filter on it. */
export const tenantId = () => uuid('tenant_id').notNull();

/** Optimistic locking: updates must name the version they read; the repository bumps it. */
export const version = () => integer('version').notNull().default(1);

export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
