// Sign-in through the real HTTP server: success and failure, throttling per account and per
// IP, the return path, session fixation, CSRF, idle and absolute timeouts, logout, and
// disabling an account signing its sessions out.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { Client, signInAs, startTestApp, type TestApp } from '../support/server.ts';
import { TEST_PASSWORD, createAccount, createTenant } from '../support/factories.ts';
import { hashSecret } from '../../core/auth/tokens.ts';
import { IP_FAILURE_LIMIT } from '../../core/auth/auth.rules.ts';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

async function signIn(client: Client, fields: { tenant: string; email: string; password?: string; next?: string }, headers: Record<string, string> = {}) {
  await client.primeCsrf();
  const body = new URLSearchParams({ _csrf: client.csrf ?? '', password: TEST_PASSWORD, next: '/', ...fields });
  return client.fetch('/login', { method: 'POST', body, headers: { ...form, ...headers } });
}

describe('sign-in', () => {
  let t: TestApp;
  let tenant: { id: string; slug: string; name: string };
  let other: { id: string; slug: string };
  let kari: { id: string; email: string };
  before(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.db.database, { name: 'Aurvik kommune' });
    other = await createTenant(t.db.database, { name: 'Bjørkvik kommune' });
    kari = await createAccount(t.db.database, tenant.id, { email: 'kari@aurvik.no', displayName: 'Kari Nordmann' });
  });
  after(() => t.close());
  beforeEach(async () => {
    await t.db.database.withPlatform((tx) => tx.execute(sql`delete from login_throttle`));
  });

  const rows = <T,>(query: ReturnType<typeof sql>) => t.db.database.withPlatform((tx) => queryRows<T>(tx, query));

  it('offers a choice of municipality when there are several, and remembers the chosen one', async () => {
    const client = new Client(t.url);
    const chooser = await client.get('/login');
    assert.equal(chooser.status, 200);
    const html = await chooser.text();
    assert.match(html, /Aurvik kommune/);
    assert.match(html, /Bjørkvik kommune/);
    assert.match(html, /name="tenant"/);
    const chosen = await client.get(`/login?tenant=${tenant.slug}`);
    assert.equal(chosen.status, 200);
    assert.match(await chosen.text(), /name="password"/);
    assert.equal(client.cookies.get('rytme_tenant'), tenant.slug);
    // Next visit without ?tenant= goes straight to the remembered municipality.
    assert.match(await (await client.get('/login')).text(), /Du loggar inn i Aurvik kommune/);
  });

  it('signs in, rotates to a new server-side session, records the login and returns to next', async () => {
    const client = new Client(t.url);
    const res = await signIn(client, { tenant: tenant.slug, email: 'KARI@aurvik.no', next: '/account?tab=1' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/account?tab=1');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('rytme_session='))!;
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    const token = client.cookies.get('rytme_session')!;
    const [session] = await rows<{ account_id: string }>(sql`select account_id from sessions where id_hash = ${hashSecret(token)}`);
    assert.equal(session?.account_id, kari.id);
    const [account] = await rows<{ last_login_at: Date | null }>(sql`select last_login_at from accounts where id = ${kari.id}`);
    assert.ok(account?.last_login_at);
    const audit = await rows<{ actor: string }>(sql`select actor from audit_log where action = 'auth.login' and subject_id = ${kari.id}`);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor, kari.id);
    const page = await client.get('/account');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /kari@aurvik\.no/);
  });

  it('only returns to same-site relative paths', async () => {
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const res = await signIn(new Client(t.url), { tenant: tenant.slug, email: kari.email, next });
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), '/', next);
    }
    const page = await new Client(t.url).get(`/login?tenant=${tenant.slug}&next=${encodeURIComponent('//evil.example')}`);
    const html = await page.text();
    assert.match(html, /<input type="hidden" name="next" value="\/"\/>/);
    assert.doesNotMatch(html, /href="\/\/evil/);
  });

  it('answers wrong password and unknown account alike, and never stores the typed address', async () => {
    const wrong = await signIn(new Client(t.url), { tenant: tenant.slug, email: kari.email, password: 'feil-passord-123' });
    const unknown = await signIn(new Client(t.url), { tenant: tenant.slug, email: 'ingen@aurvik.no', password: 'feil-passord-123' });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    assert.match(a, /E-postadressa eller passordet er feil/);
    assert.match(b, /E-postadressa eller passordet er feil/);
    const failed = await rows<{ actor: string; details: { emailHash: string; reason: string } }>(sql`select actor, details from audit_log where action = 'auth.login_failed' and tenant_id = ${tenant.id} order by id`);
    assert.deepEqual(failed.slice(-2).map((f) => f.actor), [kari.id, 'anonymous']);
    assert.match(failed.at(-1)!.details.emailHash, /^[0-9a-f]{32}$/);
    const all = await rows<{ text: string }>(sql`select coalesce(details::text, '') as text from audit_log`);
    assert.ok(all.every((r) => !r.text.includes('ingen@aurvik.no') && !r.text.includes('feil-passord')), 'neither the address nor the password in clear');
  });

  it('locks an account after 5 failures in 15 minutes, even for the right password, and audits it', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.7' };
    for (let i = 0; i < 5; i++) assert.equal((await signIn(new Client(t.url), { tenant: tenant.slug, email: kari.email, password: `wrong-${i}-xxxxxxxx` }, ip)).status, 401);
    const locked = await signIn(new Client(t.url), { tenant: tenant.slug, email: kari.email }, ip);
    assert.equal(locked.status, 429);
    assert.match(await locked.text(), /For mange mislukka forsøk/);
    const audit = await rows<{ details: { scope: string } }>(sql`select details from audit_log where action = 'auth.locked' and subject_id = ${kari.id}`);
    assert.equal(audit.at(-1)?.details.scope, 'account');
    // The window passes: the right password works again.
    await t.db.database.withPlatform((tx) => tx.execute(sql`update login_throttle set window_start = now() - interval '16 minutes'`));
    assert.equal((await signIn(new Client(t.url), { tenant: tenant.slug, email: kari.email }, ip)).status, 302);
  });

  it(`limits one IP address to ${IP_FAILURE_LIMIT} failures across accounts`, async () => {
    const ip = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < IP_FAILURE_LIMIT; i++) assert.equal((await signIn(new Client(t.url), { tenant: tenant.slug, email: `probe${i}@aurvik.no`, password: 'wrong-password-1' }, ip)).status, 401);
    assert.equal((await signIn(new Client(t.url), { tenant: tenant.slug, email: kari.email }, ip)).status, 429);
    // Another address is not affected.
    assert.equal((await signIn(new Client(t.url), { tenant: tenant.slug, email: kari.email }, { 'x-forwarded-for': '203.0.113.10' })).status, 302);
  });

  it('never reuses a session id held before sign-in (no session fixation)', async () => {
    const other = await createAccount(t.db.database, tenant.id, {});
    const client = await signInAs(t, tenant.id, other.id);
    const before = client.cookies.get('rytme_session')!;
    client.csrf = null;
    client.cookies.delete('rytme_session');
    await client.primeCsrf();
    client.cookies.set('rytme_session', before);
    // Signing in while holding a session: the old one is ended and a new id issued.
    const body = new URLSearchParams({ _csrf: (await rows<{ csrf_token: string }>(sql`select csrf_token from sessions where id_hash = ${hashSecret(before)}`))[0]!.csrf_token, tenant: tenant.slug, email: kari.email, password: TEST_PASSWORD });
    const res = await client.fetch('/login', { method: 'POST', body, headers: form });
    // A signed-in user is sent on from /login's loader, but the action still runs for the POST.
    assert.equal(res.status, 302);
    const after = client.cookies.get('rytme_session')!;
    assert.notEqual(after, before);
    assert.equal((await rows(sql`select 1 from sessions where id_hash = ${hashSecret(before)}`)).length, 0);
    // A token the attacker made up is never adopted: the server issues its own.
    const planted = new Client(t.url);
    planted.cookies.set('rytme_session', 'planted-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    await signIn(planted, { tenant: tenant.slug, email: kari.email });
    assert.notEqual(planted.cookies.get('rytme_session'), 'planted-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  });

  it('refuses a sign-in without the CSRF token', async () => {
    const client = new Client(t.url);
    await client.primeCsrf();
    const res = await client.fetch('/login', { method: 'POST', body: new URLSearchParams({ tenant: tenant.slug, email: kari.email, password: TEST_PASSWORD }), headers: form });
    assert.equal(res.status, 403);
    assert.equal(client.cookies.get('rytme_session'), undefined);
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const idle = new Client(t.url);
    await signIn(idle, { tenant: tenant.slug, email: kari.email });
    const idleHash = hashSecret(idle.cookies.get('rytme_session')!);
    assert.equal((await idle.get('/account')).status, 200);
    await t.db.database.withPlatform((tx) => tx.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes' where id_hash = ${idleHash}`));
    const afterIdle = await idle.get('/account');
    assert.equal(afterIdle.status, 302);
    assert.match(afterIdle.headers.get('location') ?? '', /^\/login\?next=%2Faccount/);
    assert.equal((await rows(sql`select 1 from sessions where id_hash = ${idleHash}`)).length, 0);

    const absolute = new Client(t.url);
    await signIn(absolute, { tenant: tenant.slug, email: kari.email });
    const absHash = hashSecret(absolute.cookies.get('rytme_session')!);
    // Active a minute ago, but created longer ago than the absolute lifetime.
    await t.db.database.withPlatform((tx) => tx.execute(sql`update sessions set last_seen_at = now() - interval '1 minute', expires_at = now() - interval '1 second' where id_hash = ${absHash}`));
    assert.equal((await absolute.get('/account')).status, 302);
    assert.equal((await rows(sql`select 1 from sessions where id_hash = ${absHash}`)).length, 0);
  });

  it('signs out: the session is gone server-side and the cookie cleared', async () => {
    const client = new Client(t.url);
    await signIn(client, { tenant: tenant.slug, email: kari.email });
    const hash = hashSecret(client.cookies.get('rytme_session')!);
    const csrf = (await rows<{ csrf_token: string }>(sql`select csrf_token from sessions where id_hash = ${hash}`))[0]!.csrf_token;
    const res = await client.fetch('/logout', { method: 'POST', body: new URLSearchParams({ _csrf: csrf }), headers: form });
    assert.equal(res.status, 302);
    assert.match(res.headers.getSetCookie().join('\n'), /rytme_session=; .*Max-Age=0/);
    assert.equal((await rows(sql`select 1 from sessions where id_hash = ${hash}`)).length, 0);
    assert.equal((await client.get('/account')).status, 302);
  });

  it('disabling an account signs out every session of it at once', async () => {
    const admin = await createAccount(t.db.database, tenant.id, { roles: ['tenant_admin'] });
    const user = await createAccount(t.db.database, tenant.id, { email: 'per@aurvik.no' });
    const phone = new Client(t.url);
    const laptop = new Client(t.url);
    await signIn(phone, { tenant: tenant.slug, email: 'per@aurvik.no' });
    await signIn(laptop, { tenant: tenant.slug, email: 'per@aurvik.no' });
    assert.equal((await phone.get('/account')).status, 200);
    const adminClient = await signInAs(t, tenant.id, admin.id);
    const res = await adminClient.postForm(`/admin/accounts/${user.id}`, { intent: 'disable', version: '1' });
    assert.equal(res.status, 302);
    assert.equal((await rows(sql`select 1 from sessions where account_id = ${user.id}`)).length, 0);
    assert.equal((await phone.get('/account')).status, 302);
    assert.equal((await laptop.get('/account')).status, 302);
    // The disabled account cannot sign in again (same generic answer).
    assert.equal((await signIn(new Client(t.url), { tenant: tenant.slug, email: 'per@aurvik.no' })).status, 401);
    // A stale form (version 1 again) is refused with a clear message.
    const stale = await adminClient.postForm(`/admin/accounts/${user.id}`, { intent: 'enable', version: '1' });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /Nokon andre har lagra ei nyare utgåve/);
    const audit = await rows<{ details: { sessionsEnded: number } }>(sql`select details from audit_log where action = 'account.disable' and subject_id = ${user.id}`);
    assert.equal(audit[0]?.details.sessionsEnded, 2);
    void other;
  });
});

describe('session cookie with COOKIE_SECURE=1', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ COOKIE_SECURE: '1' });
  });
  after(() => t.close());

  it('is HttpOnly; Secure; SameSite=Lax', async () => {
    const tenant = await createTenant(t.db.database);
    const account = await createAccount(t.db.database, tenant.id, {});
    const res = await signIn(new Client(t.url), { tenant: tenant.slug, email: account.email });
    assert.equal(res.status, 302);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('rytme_session='))!;
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/']) assert.ok(cookie.split('; ').includes(attribute), `${attribute} in ${cookie}`);
  });
});
