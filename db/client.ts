// The database client: PGlite (embedded, ./data/pglite) when DATABASE_URL is unset, a real
// PostgreSQL server when it is set. Both speak the same SQL and run the same migrations.
//
// Every query against tenant data runs inside `withTenant`, which opens a transaction,
// switches to the non-superuser role rytme_app and sets the transaction-local tenant, so
// row-level security filters every statement. Cross-tenant work (platform administration,
// sign-in lookups by token hash) runs inside `withPlatform` under rytme_platform.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import type { PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { PgDatabase, PgDialect } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
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
  /** Keep parameterised statements prepared per server connection (default true; see preparingClient). */
  preparedStatements?: boolean;
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
  /**
   * One read-only statement under rytme_platform, in a single round trip on a server (begin, role,
   * statement and commit sent together). For the lookup every request makes (its session). On a
   * server the statement is prepared once per connection under `name` (so it is planned once) and
   * executed with its parameters as literals, which must be plain scalars (see `inlineLiteral`).
   */
  readAsPlatform<T>(name: string, query: SQL): Promise<T[]>;
  /**
   * The same for one read-only statement under rytme_app for one tenant (row-level security
   * applies as in `withTenant`): begin, role and tenant, the statement and commit in one round
   * trip on a server. For a page that needs one read and writes nothing (the wheel page).
   */
  readAsTenant<T>(tenantId: string, name: string, query: SQL): Promise<T[]>;
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MIGRATION_LOCK = 727_001;

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const logger = options.onQuery ? { logQuery: options.onQuery } : undefined;
  if (options.url) return openServer(options.url, options.poolSize ?? 10, logger, options.preparedStatements ?? true);
  return openEmbedded(options.dataDir, logger);
}

/** The statements that open a unit of work: the role and (for tenant work) the tenant, both transaction-local. */
function tenantPrelude(tenantId: string): string {
  if (!UUID.test(tenantId)) throw new Error('withTenant: tenant id must be a uuid');
  // The uuid is checked above, so it can stand as a literal in the one simple-protocol round trip below.
  return `select set_config('role', 'rytme_app', true), set_config('app.tenant_id', '${tenantId}', true)`;
}
const PLATFORM_PRELUDE = 'set local role rytme_platform';

/** In-process: the deferred statements simply run last, inside the transaction. */
async function runThenDeferred<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await fn(tx);
  for (const query of deferred.get(tx) ?? []) await tx.execute(query);
  return result;
}

/** PGlite: drizzle's transaction (in-process, so a statement costs no network round trip). */
function scopedEmbedded(db: Db) {
  return {
    withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
      const prelude = tenantPrelude(tenantId);
      return db.transaction(async (tx) => {
        await tx.execute(sql.raw(prelude));
        return runThenDeferred(tx, fn);
      });
    },
    withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return db.transaction(async (tx) => {
        await tx.execute(sql.raw(PLATFORM_PRELUDE));
        return runThenDeferred(tx, fn);
      });
    },
    readAsPlatform<T>(_name: string, query: SQL): Promise<T[]> {
      return db.transaction(async (tx) => {
        await tx.execute(sql.raw(PLATFORM_PRELUDE));
        return queryRows<T>(tx, query);
      });
    },
    readAsTenant<T>(tenantId: string, _name: string, query: SQL): Promise<T[]> {
      const prelude = tenantPrelude(tenantId);
      return db.transaction(
        async (tx) => {
          await tx.execute(sql.raw(prelude));
          return queryRows<T>(tx, query);
        },
        { accessMode: 'read only' },
      );
    },
  };
}

/**
 * A parameter as an SQL literal, for statements sent in the simple protocol. Only values that
 * need no escaping are accepted — finite numbers, booleans, null, dates, and strings of letters,
 * digits and `-_.:+ ` (ids, hashes, codes) — so the result is safe whatever the server's
 * string settings. Anything else throws.
 */
export function inlineLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date && !Number.isNaN(value.getTime())) return `'${value.toISOString()}'`;
  if (typeof value === 'string' && /^[0-9A-Za-z_.:+ -]*$/.test(value)) return `'${value}'`;
  throw new Error('inlineLiteral: only plain scalar parameters can be inlined');
}

/**
 * PostgreSQL server: `begin` and the role/tenant settings travel with the unit of work's first
 * statement, in ONE round trip (see `openingClient`), then the other statements, then `commit`
 * together with any deferred writes. Every round trip on a server costs a socket write and a
 * context switch on both sides, which is what a request mostly pays for (docs/benchmarks.md).
 */
function scopedServer(db: Db, pool: pg.Pool, logger: QueryLogger, prepare: boolean) {
  // drizzle keeps the dialect, schema and options on its session (internal but stable fields).
  const base = (db as unknown as { session: { dialect: never; schema: never; options: never } }).session;
  async function run<T>(prelude: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    // A client whose rollback failed is broken: it goes back to the pool as an error, so the
    // pool discards it (pg-pool also discards clients whose connection has ended).
    let broken: Error | undefined;
    try {
      const opener: Opener = { pending: `begin; ${prelude}`, inflight: null, failed: null, closed: false };
      // The unit of work ends: a statement still waiting for the opening's round trip is refused, never
      // sent after the rollback or commit (then outside the transaction, or on a pooled connection).
      const end = async () => {
        opener.closed = true;
        await opener.inflight?.catch(() => undefined);
      };
      const session = new NodePgSession(openingClient(prepare ? preparingClient(client) : client, client, opener, logger, prepare), base.dialect, base.schema, base.options);
      const tx = new NodePgTransaction(base.dialect, session, base.schema) as unknown as Tx;
      let result: T;
      try {
        result = await fn(tx);
        await end();
        // A failed opening round trip whose error the use case caught: nothing may be committed.
        if (opener.failed) throw opener.failed;
      } catch (error) {
        await end();
        // Nothing to roll back when no statement was sent (the transaction never began).
        if (opener.pending === null) {
          broken = await rollback(client);
        }
        throw error;
      }
      const pending = deferred.get(tx);
      if (opener.pending !== null && !pending?.length) return result; // nothing was sent, nothing to end
      try {
        // A new line before each `;`, so a statement that ends in a -- comment cannot swallow the commit.
        let closing = pending?.length ? `${pending.map((q) => inlineStatement(db, q)).join('\n; ')}\n; commit` : 'commit';
        if (opener.pending !== null) {
          // No statement ran yet: with the deferred writes, the whole unit of work is this one round trip.
          closing = `${opener.pending}\n; ${closing}`;
          opener.pending = null;
        }
        logger?.logQuery(closing, []);
        await client.query(closing);
      } catch (error) {
        // A deferred statement was refused or failed: the transaction (if it began) is rolled back.
        if (opener.pending === null) {
          broken = await rollback(client);
        }
        throw error;
      }
      return result;
    } finally {
      client.release(broken);
    }
  }
  /** One read-only statement after `prelude`, in one round trip (readAsPlatform, readAsTenant). */
  async function readOnce<T>(prelude: string, name: string, query: SQL): Promise<T[]> {
    if (!/^[a-z_]{1,40}$/.test(name)) throw new Error('readOnce: the statement name must be lower-case letters and _');
    const built = (db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(query);
    const statementName = `rytme_${name}`;
    if ((platformStatements.get(statementName) ?? built.sql) !== built.sql) throw new Error(`readOnce: ${name} names two different statements`);
    platformStatements.set(statementName, built.sql);
    const inner = prepare
      ? `execute ${statementName}(${built.params.map(inlineLiteral).join(', ')})`
      : built.sql.replace(/\$(\d+)/g, (_m, i: string) => inlineLiteral(built.params[Number(i) - 1]));
    const statement = `begin read only; ${prelude}; ${inner}; commit`;
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      let names = platformPrepared.get(client);
      if (!names) platformPrepared.set(client, (names = new Set()));
      if (prepare && !names.has(statementName)) {
        await client.query(`prepare ${statementName} as ${built.sql}`);
        names.add(statementName);
      }
      logger?.logQuery(statement, []);
      const results = (await client.query(statement)) as unknown as pg.QueryResult[];
      return (results[2]?.rows ?? []) as T[];
    } catch (error) {
      // A failed statement leaves the transaction the string opened aborted: end it.
      broken = await rollback(client);
      throw error;
    } finally {
      client.release(broken);
    }
  }
  return {
    withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
      return run(tenantPrelude(tenantId), fn);
    },
    withPlatform<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return run(PLATFORM_PRELUDE, fn);
    },
    readAsPlatform<T>(name: string, query: SQL): Promise<T[]> {
      return readOnce<T>(PLATFORM_PRELUDE, name, query);
    },
    readAsTenant<T>(tenantId: string, name: string, query: SQL): Promise<T[]> {
      return readOnce<T>(tenantPrelude(tenantId), name, query);
    },
  };
}

/** Roll back; the error if that failed (the client is then broken: release it with the error so the pool discards it). */
async function rollback(client: pg.PoolClient): Promise<Error | undefined> {
  try {
    await client.query('rollback');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Statements a unit of work sends together with its commit (see `deferUntilCommit`). */
const deferred = new WeakMap<object, SQL[]>();

/**
 * Send `query` with the unit of work's commit instead of now: on a server the statement and the
 * commit travel in one round trip. For writes nothing later in the unit of work reads — the audit
 * row of a read (appendAuditAtCommit). If it fails, the unit of work fails and nothing commits.
 */
export function deferUntilCommit(tx: Tx, query: SQL): void {
  const list = deferred.get(tx);
  if (list) list.push(query);
  else deferred.set(tx, [query]);
}

/**
 * Any parameter as an SQL literal: numbers and booleans as they are, everything else (strings,
 * dates, JSON) dollar-quoted with a tag that the value cannot contain or complete, so no value
 * can end the literal early, whatever the server's string settings.
 */
export function quoteLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('quoteLiteral: not a finite number');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
  if (text.includes('\0')) throw new Error('quoteLiteral: NUL cannot be stored');
  let tag = '$q$';
  for (let i = 0; (text + '$').includes(tag) || text.startsWith(tag.slice(1)); i++) tag = `$q${i.toString(36)}$`;
  return `${tag}${text}${tag}`;
}

/**
 * A deferred statement with its parameters as literals. The placeholders are replaced by a plain
 * text search, so the statement's own text may hold no string literal, comment or dollar quote
 * (where a `$1` would be replaced too): such a statement is refused — pass every value as a
 * parameter.
 */
function inlineStatement(db: Db, query: SQL): string {
  const built = (db as unknown as { dialect: PgDialect }).dialect.sqlToQuery(query);
  if (/'|--|\/\*|\$(?!\d)/.test(built.sql)) throw new Error('deferUntilCommit: the statement may hold no literal, comment or dollar quote of its own');
  return built.sql.replace(/\$(\d+)/g, (_m, i: string) => quoteLiteral(built.params[Number(i) - 1]));
}

/** A unit of work's opening statements, until they have been sent (then null). */
interface Opener {
  pending: string | null;
  /** The round trip that carries the opening, while it is on its way: later statements wait for it. */
  inflight: Promise<unknown> | null;
  /** Set when that round trip failed: the transaction may never have begun, so nothing more is sent. */
  failed: Error | null;
  /** Set when the unit of work ends (before its rollback or commit): nothing more is sent. */
  closed: boolean;
}

/** What the benchmarks see (through onQuery) when the opening went with the statement logged just before. */
export const MERGED_OPENING = '-- rytme: opening sent with the previous statement: ';
/** …and when it went on its own, before the statement logged just before. */
export const SEPARATE_OPENING = '-- rytme: opening sent before the previous statement: ';

const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (value: unknown) => unknown };

/**
 * The parameters as dollar-quoted literals, each converted as pg converts it for the wire (arrays,
 * dates, JSON), for EXECUTE of a statement prepared with untyped parameters (PREPARE infers their
 * types as the protocol's Parse does, so the statement means the same either way); null when one
 * cannot be written so (binary data, or text with NUL, which the server refuses as a parameter too).
 */
function parameterLiterals(values: readonly unknown[]): string[] | null {
  const literals: string[] = [];
  for (const value of values) {
    const prepared = prepareValue(value);
    if (prepared === null || prepared === undefined) literals.push('null');
    else if (typeof prepared === 'string' && !prepared.includes('\0')) literals.push(quoteLiteral(prepared));
    else return null;
  }
  return literals;
}

/** The statements PREPARE accepts; one statement only (no `;`: our statements never hold one in a literal). */
const PREPARABLE = /^\s*(select|with|insert|update|delete|values)\b[^;]*$/i;
/** `select … into` creates a table, which PREPARE refuses. */
const SELECT_INTO = /^\s*select\b[\s\S]*\binto\b/i;

/**
 * True when every string literal, quoted identifier, dollar quote and block comment in `text`
 * ends within it — so what follows the statement in the same string (`execute …` with the values)
 * cannot become part of one. A line comment may run to the end: a new line follows the statement.
 */
export function literalsClosed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return false;
      i = close; // a doubled quote closes and reopens: the scan goes on the same way
    } else if (ch === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return true;
      i = nl;
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return false;
      i = close + 1;
    } else if (ch === '$' && !/[\w$]/.test(text[i - 1] ?? '')) {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i))?.[0];
      if (!tag) continue; // $1, a parameter
      const close = text.indexOf(tag, i + tag.length);
      if (close < 0) return false;
      i = close + tag.length - 1;
    }
  }
  return true;
}

/**
 * Per connection: the statements the units of work's openings prepared at the SQL level, by name:
 * 'prepared', or 'unknown' when the string that prepared it failed — a PREPARE is not undone by
 * the rollback, so whether it took effect is not known, and on that connection the statement is
 * from then on sent after a separate opening, as any other statement (preparing it again could
 * fail as a duplicate).
 */
const openingPrepared = new WeakMap<object, Map<string, 'prepared' | 'unknown'>>();

/**
 * `opening` and the statement `text` in one simple-protocol string: the statement prepared under
 * its name at the SQL level the first time on `connection` and run with EXECUTE and its parameters
 * as literals — planned once per connection like any kept statement. Null when the statement cannot
 * go this way (no parameters, not one preparable statement, too long or too many parameters, a
 * value that cannot be a literal, the cap of kept statements reached, or its state unknown after a
 * failure); the caller then sends the opening on its own. `prepares` is the name to record with
 * `openingRan` once the string has run. Values never stand in the statement's text.
 */
export function openingStatement(opening: string, text: string, values: readonly unknown[], connection: object): { text: string; prepares?: string } | null {
  if (values.length === 0 || values.length > PREPARE_MAX_PARAMS || text.length > PREPARE_MAX_TEXT || !PREPARABLE.test(text) || SELECT_INTO.test(text) || !literalsClosed(text)) return null;
  const literals = parameterLiterals(values);
  if (literals === null) return null;
  let names = openingPrepared.get(connection);
  if (!names) openingPrepared.set(connection, (names = new Map()));
  // Its own namespace: pg tracks the protocol-level names (preparingClient) itself.
  const name = `o${statementName(text).slice(1)}`;
  const state = names.get(name);
  // A new line before each `;`, so a statement that ends in a -- comment cannot swallow the next.
  const run = `execute ${name}(${literals.join(', ')})`;
  if (state === 'prepared') return { text: `${opening}\n; ${run}` };
  if (state === undefined && names.size < PREPARE_MAX_PER_CONNECTION) return { text: `${opening}\n; prepare ${name} as ${text}\n; ${run}`, prepares: name };
  return null;
}

/** Record how `statement` went on `connection`: run without error (its PREPARE, if any, took effect), or failed. */
export function openingRan(statement: { prepares?: string }, connection: object, ok = true): void {
  if (statement.prepares) openingPrepared.get(connection)?.set(statement.prepares, ok ? 'prepared' : 'unknown');
}

/**
 * The unit of work's client: its first statement carries the opening (`begin` and the role and
 * tenant settings) in the same round trip where it can (see `openingStatement`), else the opening
 * goes first on its own; every later statement goes to `target` once that round trip has
 * succeeded. If it failed, every later statement of the unit of work fails with the same error
 * without being sent: a statement the server could not parse stops the whole string, `begin`
 * included, and nothing may then run outside the transaction, its role and its tenant.
 */
function openingClient(target: pg.PoolClient, raw: pg.PoolClient, opener: Opener, logger: QueryLogger, prepare: boolean): pg.PoolClient {
  const send = (target.query as (...args: unknown[]) => Promise<unknown>).bind(target);
  const query = async (config: unknown, values?: unknown, callback?: unknown) => {
    if (opener.closed) throw new Error('the unit of work has ended');
    if (opener.pending === null) {
      if (opener.inflight) await opener.inflight.catch(() => undefined);
      if (opener.closed) throw new Error('the unit of work has ended');
      if (opener.failed) throw opener.failed;
      return send(config, values, callback);
    }
    const opening = opener.pending;
    opener.pending = null;
    const isConfig = config !== null && typeof config === 'object';
    const c = (isConfig ? config : {}) as pg.QueryArrayConfig & { submit?: unknown };
    const text = isConfig ? c.text : config;
    const params = Array.isArray(values) ? values : (c.values ?? []);
    let statement: ReturnType<typeof openingStatement> = null;
    try {
      if (prepare && typeof text === 'string' && typeof values !== 'function' && callback === undefined && !c.name && typeof c.submit !== 'function') statement = openingStatement(opening, text, params, raw);
    } catch {
      // A value pg cannot convert: the opening goes on its own, and pg refuses the statement as it would.
      statement = null;
    }
    const trip = (async () => {
      if (statement === null) {
        logger?.logQuery(`${SEPARATE_OPENING}${opening}`, []);
        await raw.query(opening);
        return send(config, values, callback);
      }
      logger?.logQuery(`${MERGED_OPENING}${opening}`, []);
      let results: pg.QueryResult[];
      try {
        results = (await raw.query({ text: statement.text, ...(c.rowMode ? { rowMode: c.rowMode } : {}), ...(c.types ? { types: c.types } : {}) } as pg.QueryConfig)) as unknown as pg.QueryResult[];
      } catch (error) {
        openingRan(statement, raw, false);
        throw error;
      }
      openingRan(statement, raw);
      return results[results.length - 1];
    })();
    opener.inflight = trip;
    try {
      return await trip;
    } catch (error) {
      opener.failed = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      opener.inflight = null;
    }
  };
  return withQuery(target, query);
}

/** Statements longer than this, or with more parameters, are one-offs (imports): not kept prepared. */
const PREPARE_MAX_TEXT = 4_000;
const PREPARE_MAX_PARAMS = 100;
/** At most this many statements are kept prepared per connection. */
const PREPARE_MAX_PER_CONNECTION = 500;
const statementNames = new Map<string, string>();
/** Statements readAsPlatform and readAsTenant prepare per connection, by name (benchmarks prepare them to replay). */
export const platformStatements = new Map<string, string>();
const platformPrepared = new WeakMap<pg.PoolClient, Set<string>>();
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `r${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (statementNames.size < 10_000) statementNames.set(text, name);
  }
  return name;
}

/**
 * The pooled client, with every parameterised statement named after a hash of its text: the
 * server then parses and plans it once per connection and reuses the plan (planning costs
 * more than running the short queries a page sends; docs/benchmarks.md). Very long statements,
 * those with many parameters, and any beyond a per-connection cap stay unnamed.
 */
function preparingClient(client: pg.PoolClient): pg.PoolClient {
  let names = preparedOn.get(client);
  if (!names) preparedOn.set(client, (names = new Set()));
  const known = names;
  const query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (config && typeof config === 'object' && !(config as pg.QueryConfig).name && Array.isArray(values) && values.length > 0 && values.length <= PREPARE_MAX_PARAMS) {
      const text = (config as pg.QueryConfig).text;
      if (text.length <= PREPARE_MAX_TEXT) {
        const name = statementName(text);
        if (known.has(name) || known.size < PREPARE_MAX_PER_CONNECTION) {
          known.add(name);
          config = { ...(config as pg.QueryConfig), name };
        }
      }
    }
    return (client.query as (...args: unknown[]) => unknown)(config, values, callback);
  };
  return withQuery(client, query);
}

/** `client` with its `query` replaced (every other member bound to the client itself). */
function withQuery(client: pg.PoolClient, query: (...args: never[]) => unknown): pg.PoolClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'query') return query;
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
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
    ...scopedEmbedded(db),
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

async function openServer(url: string, poolSize: number, logger: QueryLogger, prepare: boolean): Promise<Database> {
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
    ...scopedServer(db, pool, logger, prepare),
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
