// A fresh, migrated database for one test file: in-memory PGlite by default, or a new
// database on the PostgreSQL server named by TEST_DATABASE_URL (dropped afterwards).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../db/client.ts';
import { ensureReferenceData } from '../../db/seed/reference.ts';

export interface TestDatabase {
  database: Database;
  /** The postgres:// URL of the test database (server only). */
  url: string | undefined;
  close(): Promise<void>;
}

export const usingServer = Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase(options: { reference?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({});
    await database.migrate();
    if (options.reference) await ensureReferenceData(database);
    return { database, url: undefined, close: () => database.close() };
  }
  const name = `rytme_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  await database.migrate();
  if (options.reference) await ensureReferenceData(database);
  return {
    database,
    url: url.toString(),
    async close() {
      await database.close();
      await dropTestDatabase(adminUrl, name);
    },
  };
}

/** The database's own error message for a rejected query (drizzle wraps it as `cause`). */
export async function dbErrorMessage(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  throw new Error('expected the query to fail, but it succeeded');
}

/**
 * Drop a test database on the server. WITH (FORCE) may not end a backend of another role — an
 * autovacuum worker that has just started on it ("must be a member of the role whose process is
 * being terminated"); that finishes or yields within moments, so this tries again for a while.
 */
export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  const again = new pg.Client({ connectionString: adminUrl });
  await again.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await again.query(`drop database if exists ${name} with (force)`);
        return;
      } catch (error) {
        if (attempt >= 25 || !/member of the role|being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    await again.end();
  }
}
