// The database client: PGlite (embedded, ./data/pglite) when DATABASE_URL is unset, a real
// PostgreSQL server when it is set. Both speak the same SQL and run the same migrations.
//
// Every query against tenant data runs inside `withTenant`, which opens a transaction,
// switches to the non-superuser role rytme_app and sets the transaction-local tenant, so
// row-level security filters every statement. Cross-tenant work (platform administration,
// sign-in lookups by token hash) runs inside `withPlatform` under rytme_platform.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import type { PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DatabaseOptions {
  /** postgres://… for a server; unset for embedded PGlite. */
  url?: string | undefined;
  /** PGlite data directory; 'memory://' or undefined with url unset = in-memory (tests). */
  dataDir?: string | undefined;
  /** Pool size for a server. */
  poolSize?: number;
  /** Called with every statement drizzle sends (benchmarks replay them to time the SQL alone). */
  onQuery?: (query: string, params: unknown[]) => void;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** The PGlite instance (embedded only); pg-boss shares it. */
  pglite: PGlite | null;
  /** The pg pool (server only). */
  pool: pg.Pool | null;
  withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MIGRATION_LOCK = 727_001;

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const logger = options.onQuery ? { logQuery: options.onQuery } : undefined;
  if (options.url) return openServer(options.url, options.poolSize ?? 10, logger);
  return openEmbedded(options.dataDir, logger);
}

function scoped(db: Db) {
  return {
    withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
      if (!UUID.test(tenantId)) throw new Error('withTenant: tenant id must be a uuid');
      return db.transaction(async (tx) => {
        // One round trip: the role and the tenant, both transaction-local.
        await tx.execute(sql`select set_config('role', 'rytme_app', true), set_config('app.tenant_id', ${tenantId}, true)`);
        return fn(tx);
      });
    },
    withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`set local role rytme_platform`);
        return fn(tx);
      });
    },
  };
}

type QueryLogger = { logQuery: (query: string, params: unknown[]) => void } | undefined;

async function openEmbedded(dataDir: string | undefined, logger: QueryLogger): Promise<Database> {
  let pglite: PGlite;
  if (!dataDir || dataDir === 'memory://') {
    pglite = new PGlite();
  } else {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    pglite = new PGlite(dataDir);
  }
  await pglite.waitReady;
  const db = drizzlePglite({ client: pglite, schema, ...(logger ? { logger } : {}) }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite,
    pool: null,
    ...scoped(db),
    async migrate() {
      await migratePglite(db as never, { migrationsFolder });
    },
    async ping() {
      await pglite.query('select 1');
      return true;
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openServer(url: string, poolSize: number, logger: QueryLogger): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    /* idle client errors are reported by the next query; keep the process alive */
  });
  const db = drizzlePg({ client: pool, schema, ...(logger ? { logger } : {}) }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pglite: null,
    pool,
    ...scoped(db),
    async migrate() {
      // Several app instances may start at once: one migrates, the others wait.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    async ping() {
      await pool.query('select 1');
      return true;
    },
    async close() {
      await pool.end();
    },
  };
}

/** Run raw SQL and get its rows (both drivers answer with `{ rows }`). Use sparingly: repositories prefer the query builder. */
export async function queryRows<T>(tx: Tx | Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
