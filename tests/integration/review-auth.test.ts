// Review findings on sign-in, through the real HTTP server: the per-account throttle must
// hold against a burst of parallel guesses, and the return path must never leave the site.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { Client, signInAs, startTestApp, type TestApp } from '../support/server.ts';
import { TEST_PASSWORD, createAccount, createTenant } from '../support/factories.ts';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

async function signIn(client: Client, fields: Record<string, string>, headers: Record<string, string> = {}) {
  await client.primeCsrf();
  const body = new URLSearchParams({ _csrf: client.csrf ?? '', password: TEST_PASSWORD, next: '/', ...fields });
  return client.fetch('/login', { method: 'POST', body, headers: { ...form, ...headers } });
}

describe('review: sign-in', () => {
  let t: TestApp;
  let tenant: { id: string; slug: string };
  let kari: { id: string; email: string };
  before(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.db.database, { name: 'Aurvik kommune' });
    kari = await createAccount(t.db.database, tenant.id, { email: 'kari@aurvik.no' });
  });
  after(() => t.close());
  beforeEach(async () => {
    await t.db.database.withPlatform((tx) => tx.execute(sql`delete from login_throttle`));
  });

  it('lets no more than 5 guesses for one account be checked, even when sent in parallel', async () => {
    const guesses = Array.from({ length: 12 }, (_, i) => signIn(new Client(t.url), { tenant: tenant.slug, email: kari.email, password: `wrong-guess-${i}-xx` }, { 'x-forwarded-for': `198.51.100.${i + 1}` }));
    const statuses = (await Promise.all(guesses)).map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 401).length, 5, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 429).length, 7, statuses.join(','));
    // And the right password is refused too while the account is locked.
    assert.equal((await signIn(new Client(t.url), { tenant: tenant.slug, email: kari.email })).status, 429);
  });

  it('does not count a successful sign-in as a failure of the address it came from', async () => {
    const ip = { 'x-forwarded-for': '203.0.113.50' };
    for (let i = 0; i < 25; i++) assert.equal((await signIn(new Client(t.url), { tenant: tenant.slug, email: kari.email }, ip)).status, 302);
  });

  it('never returns to another host through dot segments in next', async () => {
    for (const next of ['/.//evil.example', '/a/..//evil.example/x', '/%2e//evil.example']) {
      const res = await signIn(new Client(t.url), { tenant: tenant.slug, email: kari.email, next });
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), '/', next);
    }
  });

  it('asks for the client secret again when the OIDC issuer or client changes, so the stored one is never sent elsewhere', async () => {
    const other = await createTenant(t.db.database);
    const admin = await signInAs(t, other.id, (await createAccount(t.db.database, other.id, { roles: ['tenant_admin'] })).id);
    const settings = { oidcEnabled: 'on', defaultLanguage: 'nn', kind: 'generic', issuer: 'https://idp.kommune.example', clientId: 'rytme', displayName: 'IdP' };
    assert.equal((await admin.postForm('/admin/settings', { ...settings, version: '1', clientSecret: 'the-real-secret' })).status, 302);
    const moved = await admin.postForm('/admin/settings', { ...settings, version: '2', clientSecret: '', issuer: 'https://attacker.example' });
    assert.equal(moved.status, 422);
    const otherClient = await admin.postForm('/admin/settings', { ...settings, version: '2', clientSecret: '', clientId: 'someone-else' });
    assert.equal(otherClient.status, 422);
    const [row] = await t.db.database.withPlatform((tx) => queryRows<{ oidc: { issuer: string; clientSecret: string } }>(tx, sql`select oidc from tenants where id = ${other.id}`));
    assert.deepEqual([row?.oidc.issuer, row?.oidc.clientSecret], ['https://idp.kommune.example', 'the-real-secret']);
    // Same provider and client: an empty field still keeps the secret.
    assert.equal((await admin.postForm('/admin/settings', { ...settings, version: '2', clientSecret: '', displayName: 'Kommune-IdP' })).status, 302);
  });
});
