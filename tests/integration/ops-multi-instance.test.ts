// Several app instances on one database. On PostgreSQL (TEST_DATABASE_URL): two instances,
// each with its own connection pool and job queue, start at the same time against a fresh
// database — both migrate (the advisory lock serialises them) and start pg-boss without error —
// and a session signed in through one is valid on the other, and signed out through the other
// is gone on the first. On PGlite the documented behaviour is one process: instances share
// one embedded database handle (no pool), and the same session checks hold through it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../../db/client.ts';
import { loadEnv } from '../../server/env.ts';
import { startApp, type RunningApp } from '../../server/app.ts';
import { createAccount, createTenant, TEST_PASSWORD } from '../support/factories.ts';
import { Client } from '../support/server.ts';
import { dropTestDatabase, usingServer } from '../support/db.ts';

function envFor(url: string | undefined) {
  return loadEnv({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEMO: '0', COOKIE_SECURE: '0', NODE_ENV: 'test', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'rytme-multi-')), ...(url ? { DATABASE_URL: url } : {}) });
}

describe(`several app instances on one ${usingServer ? 'PostgreSQL' : 'PGlite'} database`, () => {
  let a: RunningApp;
  let b: RunningApp;
  let shared: Database;
  let dropDatabase: (() => Promise<void>) | null = null;

  before(async () => {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl) {
      const name = `rytme_multi_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      // Both instances start at once against the empty database: each opens its own pool,
      // migrates and starts its job queue.
      [a, b] = await Promise.all([startApp({ env: envFor(url.toString()) }), startApp({ env: envFor(url.toString()) })]);
      shared = await openDatabase({ url: url.toString(), poolSize: 2 });
      dropDatabase = async () => {
        await shared.close();
        await dropTestDatabase(adminUrl, name);
      };
    } else {
      shared = await openDatabase({});
      a = await startApp({ env: envFor(undefined), database: shared });
      b = await startApp({ env: envFor(undefined), database: shared });
    }
  });
  after(async () => {
    await a?.close();
    await b?.close();
    if (dropDatabase) await dropDatabase();
    else await shared?.close();
  });

  it(usingServer ? 'each instance has its own pool; the migrations ran exactly once' : 'the instances share one embedded database handle in one process', async () => {
    if (usingServer) {
      assert.equal(a.services.database.kind, 'postgres');
      assert.notEqual(a.services.database.pool, b.services.database.pool);
      const journal = await queryRows<{ n: number }>(shared.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
      const files = await queryRows<{ n: number }>(shared.db, sql`select count(distinct hash)::int as n from drizzle.__drizzle_migrations`);
      assert.equal(journal[0]!.n, files[0]!.n, 'no migration applied twice');
      assert.ok(journal[0]!.n >= 2);
      for (const app of [a, b]) assert.equal((await fetch(`${app.url}/readyz`)).status, 200);
    } else {
      assert.equal(a.services.database.kind, 'pglite');
      assert.equal(a.services.database, b.services.database, 'PGlite is single-process: instances share the handle');
      assert.equal(a.services.database.pool, null);
      for (const app of [a, b]) assert.equal((await fetch(`${app.url}/readyz`)).status, 200);
    }
  });

  it('a session signed in through one instance is valid on the other, and signing out anywhere ends it', async () => {
    const tenant = await createTenant(shared);
    const account = await createAccount(shared, tenant.id, { email: 'multi@example.no', displayName: 'Multi Instans', roles: ['tenant_admin'] });
    const viaA = new Client(a.url.replace('localhost', '127.0.0.1'));
    const login = await viaA.postForm('/login', { tenant: tenant.slug, email: account.email, password: TEST_PASSWORD, next: '/admin' });
    assert.equal(login.status, 302, await login.clone().text());
    assert.ok(viaA.cookies.get('rytme_session'), 'signed in on A');

    // The same cookies against instance B.
    const viaB = new Client(b.url.replace('localhost', '127.0.0.1'));
    for (const [k, v] of viaA.cookies) viaB.cookies.set(k, v);
    const page = await viaB.get('/admin');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Multi Instans/);

    // Sign out through B (its CSRF token is the session's, read from the page).
    const html = await (await viaB.get('/admin')).text();
    viaB.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? null;
    const out = await viaB.postForm('/logout', {});
    assert.equal(out.status, 302);
    const again = await viaA.get('/admin');
    assert.equal(again.status, 302, 'the session is gone on A too');
    assert.match(again.headers.get('location') ?? '', /^\/login/);
  });
});
