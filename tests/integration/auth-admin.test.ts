// Account administration and sign-in settings through the real server: access control, create
// with invitation mail and person link, roles (platform_admin only by a platform admin),
// optimistic locking, and the write-only OIDC secret.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { Client, signInAs, startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createPerson, createTenant, createUnit } from '../support/factories.ts';

describe('account administration', () => {
  let t: TestApp;
  let tenant: { id: string; slug: string };
  let admin: Client;
  let adminId: string;
  before(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.db.database, { name: 'Adminvik kommune' });
    const account = await createAccount(t.db.database, tenant.id, { roles: ['tenant_admin'], displayName: 'Anne Admin' });
    adminId = account.id;
    admin = await signInAs(t, tenant.id, account.id);
  });
  after(() => t.close());

  const rows = <T,>(query: ReturnType<typeof sql>) => t.db.database.withPlatform((tx) => queryRows<T>(tx, query));
  const version = async (id: string) => (await rows<{ version: number }>(sql`select version from accounts where id = ${id}`))[0]!.version;

  it('is for tenant admins only', async () => {
    const user = await signInAs(t, tenant.id, (await createAccount(t.db.database, tenant.id, { roles: ['coordinator'] })).id);
    for (const page of ['/admin/accounts', '/admin/accounts/new', '/admin/settings', '/admin/outbox']) {
      assert.equal((await user.get(page)).status, 403, page);
      const anonymous = await new Client(t.url).get(page);
      assert.equal(anonymous.status, 302, page);
      assert.match(anonymous.headers.get('location') ?? '', /^\/login\?next=/);
    }
    assert.equal((await admin.get('/admin/accounts')).status, 200);
  });

  it('lists and searches the accounts of the own tenant only', async () => {
    await createAccount(t.db.database, tenant.id, { email: 'sokbar@adminvik.no', displayName: 'Søkbar Person' });
    const other = await createTenant(t.db.database);
    await createAccount(t.db.database, other.id, { email: 'framand@annanvik.no' });
    const all = await (await admin.get('/admin/accounts')).text();
    assert.match(all, /sokbar@adminvik\.no/);
    assert.doesNotMatch(all, /annanvik/);
    const found = await (await admin.get('/admin/accounts?q=s%C3%B8kbar')).text();
    assert.match(found, /sokbar@adminvik\.no/);
    // Only the table: the page header links to the signed-in admin's own account.
    assert.doesNotMatch(found.slice(found.indexOf('<table')), /Anne Admin<\/a>/);
  });

  it('creates an account linked to an employee and mails a link to choose a password', async () => {
    const unit = await createUnit(t.db.database, tenant.id);
    await createPerson(t.db.database, tenant.id, { unitId: unit.id, employeeNumber: 'A-1001' });
    const res = await admin.postForm('/admin/accounts/new', { email: 'Ny.Tilsett@Adminvik.no', displayName: 'Ny Tilsett', employeeNumber: 'A-1001', language: '', sendInvite: 'on' });
    assert.equal(res.status, 302);
    const id = /\/admin\/accounts\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')![1]!;
    const [account] = await rows<{ email: string; person_id: string | null; password_hash: string | null }>(sql`select email, person_id, password_hash from accounts where id = ${id}`);
    assert.equal(account?.email, 'ny.tilsett@adminvik.no');
    assert.ok(account?.person_id);
    assert.equal(account?.password_hash, null);
    const [mail] = await rows<{ subject: string; text_body: string }>(sql`select subject, text_body from outbox_mails where to_address = 'ny.tilsett@adminvik.no'`);
    assert.equal(mail?.subject, 'Du har fått ein brukarkonto i Rytme');
    const token = /\/password\/reset\/([\w-]+)/.exec(mail!.text_body)![1];
    const browser = new Client(t.url);
    assert.equal((await browser.postForm(`/password/reset/${token}`, { password: 'mitt-forste-passord', confirm: 'mitt-forste-passord' })).status, 200);
    assert.equal((await browser.postForm('/login', { tenant: tenant.slug, email: 'ny.tilsett@adminvik.no', password: 'mitt-forste-passord' })).status, 302);
    assert.equal((await rows(sql`select 1 from audit_log where action = 'account.create' and subject_id = ${id} and actor = ${adminId}`)).length, 1);

    const duplicate = await admin.postForm('/admin/accounts/new', { email: 'ny.tilsett@adminvik.no', displayName: 'Igjen', sendInvite: 'on' });
    assert.equal(duplicate.status, 422);
    assert.match(await duplicate.text(), /Det finst alt ein konto med denne e-postadressa/);
    const taken = await admin.postForm('/admin/accounts/new', { email: 'anna@adminvik.no', displayName: 'Anna', employeeNumber: 'A-1001' });
    assert.equal(taken.status, 422);
    assert.match(await taken.text(), /Denne tilsette har alt ein brukarkonto/);
  });

  it('grants and removes roles with optimistic locking; platform_admin only by a platform admin', async () => {
    const target = await createAccount(t.db.database, tenant.id, {});
    const v1 = await version(target.id);
    const page = await (await admin.get(`/admin/accounts/${target.id}`)).text();
    assert.doesNotMatch(page, /value="platform_admin"/, 'a tenant admin is not offered platform_admin');
    assert.equal((await rows(sql`select 1 from audit_log where action = 'account.read' and subject_id = ${target.id} and actor = ${adminId}`)).length, 1, 'looking at an account is audited');
    assert.equal((await admin.postForm(`/admin/accounts/${target.id}`, { intent: 'roles', version: String(v1), roles: 'coordinator' })).status, 302);
    assert.deepEqual((await rows<{ role: string }>(sql`select role from role_assignments where account_id = ${target.id}`)).map((r) => r.role), ['coordinator']);
    const stale = await admin.postForm(`/admin/accounts/${target.id}`, { intent: 'roles', version: String(v1), roles: 'executive' });
    assert.equal(stale.status, 409);
    const body = new URLSearchParams({ _csrf: admin.csrf!, intent: 'roles', version: String(v1 + 1) });
    body.append('roles', 'platform_admin');
    const escalate = await admin.fetch(`/admin/accounts/${target.id}`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(escalate.status, 403);
    const platform = await signInAs(t, tenant.id, (await createAccount(t.db.database, tenant.id, { roles: ['tenant_admin', 'platform_admin'] })).id);
    const both = new URLSearchParams({ _csrf: platform.csrf!, intent: 'roles', version: String(v1 + 1) });
    both.append('roles', 'coordinator');
    both.append('roles', 'platform_admin');
    assert.equal((await platform.fetch(`/admin/accounts/${target.id}`, { method: 'POST', body: both, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status, 302);
    assert.deepEqual((await rows<{ role: string }>(sql`select role from role_assignments where account_id = ${target.id} order by role`)).map((r) => r.role), ['coordinator', 'platform_admin']);
    // A tenant admin's edit keeps the platform_admin role they may not touch.
    assert.equal((await admin.postForm(`/admin/accounts/${target.id}`, { intent: 'roles', version: String(v1 + 2), roles: 'mentor' })).status, 302);
    assert.deepEqual((await rows<{ role: string }>(sql`select role from role_assignments where account_id = ${target.id} order by role`)).map((r) => r.role), ['mentor', 'platform_admin']);
    const [audit] = await rows<{ details: { before: string[]; after: string[] } }>(sql`select details from audit_log where action = 'account.roles' and subject_id = ${target.id} order by id limit 1`);
    assert.deepEqual(audit?.details, { before: [], after: ['coordinator'] });
  });

  it("keeps a tenant admin away from a platform admin's account and password links", async () => {
    const boss = await createAccount(t.db.database, tenant.id, { email: 'boss@adminvik.no', roles: ['platform_admin'] });
    const page = await (await admin.get(`/admin/accounts/${boss.id}`)).text();
    assert.doesNotMatch(page, /Sperr kontoen/);
    assert.doesNotMatch(page, /Send ny lenkje/);
    assert.equal((await admin.postForm(`/admin/accounts/${boss.id}`, { intent: 'disable', version: String(await version(boss.id)) })).status, 403);
    assert.equal((await admin.postForm(`/admin/accounts/${boss.id}`, { intent: 'link' })).status, 403);
    // A reset mail to the platform admin lands in the outbox, but its text (the link) is not shown to a tenant admin.
    await new Client(t.url).postForm('/password/forgot', { tenant: tenant.slug, email: 'boss@adminvik.no' });
    for (let i = 0; i < 100 && (await rows(sql`select 1 from outbox_mails where to_address = 'boss@adminvik.no'`)).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const [mail] = await rows<{ text_body: string }>(sql`select text_body from outbox_mails where to_address = 'boss@adminvik.no'`);
    const link = /\/password\/reset\/[\w-]+/.exec(mail!.text_body)![0];
    const outbox = await (await admin.get('/admin/outbox')).text();
    assert.match(outbox, /boss@adminvik\.no/);
    assert.ok(!outbox.includes(link), 'the link is not shown to a tenant admin');
    const platform = await signInAs(t, tenant.id, (await createAccount(t.db.database, tenant.id, { roles: ['tenant_admin', 'platform_admin'] })).id);
    assert.ok((await (await platform.get('/admin/outbox')).text()).includes(link), 'a platform admin sees it');
  });

  it('does not let an admin lock themself out', async () => {
    const own = await admin.postForm(`/admin/accounts/${adminId}`, { intent: 'roles', version: String(await version(adminId)), roles: 'coordinator' });
    assert.equal(own.status, 422);
    assert.match(await own.text(), /Du kan ikkje ta frå deg sjølv administratorrolla/);
    const disable = await admin.postForm(`/admin/accounts/${adminId}`, { intent: 'disable', version: String(await version(adminId)) });
    assert.equal(disable.status, 409);
    assert.match(await disable.text(), /Du kan ikkje sperre din eigen konto/);
  });
});

describe('sign-in settings', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('saves OIDC settings, keeps the secret when left empty, refuses plain http and stale forms', async () => {
    const tenant = await createTenant(t.db.database);
    const admin = await signInAs(t, tenant.id, (await createAccount(t.db.database, tenant.id, { roles: ['tenant_admin'] })).id);
    const settings = { oidcEnabled: 'on', defaultLanguage: 'nb', kind: 'entra', issuer: 'https://login.microsoftonline.com/1234/v2.0', clientId: 'abc', displayName: 'Entra ID' };
    const noSecret = await admin.postForm('/admin/settings', { ...settings, version: '1', clientSecret: '' });
    assert.equal(noSecret.status, 422);
    assert.equal((await admin.postForm('/admin/settings', { ...settings, version: '1', clientSecret: 'top-secret-value' })).status, 302);
    assert.equal((await admin.postForm('/admin/settings', { ...settings, version: '2', clientSecret: '', displayName: 'Kommunen' })).status, 302);
    const [row] = await t.db.database.withPlatform((tx) => queryRows<{ oidc: { clientSecret: string; displayName: string }; default_language: string }>(tx, sql`select oidc, default_language from tenants where id = ${tenant.id}`));
    assert.equal(row?.oidc.clientSecret, 'top-secret-value');
    assert.equal(row?.oidc.displayName, 'Kommunen');
    assert.equal(row?.default_language, 'nb');
    const html = await (await admin.get('/admin/settings')).text();
    assert.ok(!html.includes('top-secret-value'));
    const http = await admin.postForm('/admin/settings', { ...settings, version: '3', issuer: 'http://idp.example.no' });
    assert.equal(http.status, 422);
    const stale = await admin.postForm('/admin/settings', { ...settings, version: '1' });
    assert.equal(stale.status, 409);
    const [audit] = await t.db.database.withPlatform((tx) => queryRows<{ details: string }>(tx, sql`select details::text as details from audit_log where action = 'tenant.settings' and tenant_id = ${tenant.id} limit 1`));
    assert.ok(audit && !audit.details.includes('top-secret-value'));
    // Switching OIDC off removes the button from the sign-in page.
    assert.match(await (await new Client(t.url).get(`/login?tenant=${tenant.slug}`)).text(), /auth\/oidc\/start/);
    assert.equal((await admin.postForm('/admin/settings', { version: '3', defaultLanguage: 'nn' })).status, 302);
    assert.doesNotMatch(await (await new Client(t.url).get(`/login?tenant=${tenant.slug}`)).text(), /auth\/oidc\/start/);
  });
});
