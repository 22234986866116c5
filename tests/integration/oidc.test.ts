// OpenID Connect sign-in end to end against a real oidc-provider on a loopback port:
// discovery, authorization code flow with PKCE, state and nonce, the callback and a session;
// linking by verified e-mail, and refusals (unknown user, unverified e-mail, state mismatch,
// lost state cookie).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { tenants } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { Client, signInAs, startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createTenant } from '../support/factories.ts';
import { freePort, startTestIdp, type TestIdp } from '../support/oidc-provider.ts';

describe('OpenID Connect sign-in', () => {
  let t: TestApp;
  let idp: TestIdp;
  let publicUrl: string;
  let tenant: { id: string; slug: string };
  let kari: { id: string };
  before(async () => {
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    idp = await startTestIdp({
      redirectUris: [`${publicUrl}/auth/oidc/callback`],
      users: [
        { sub: 'kari-sub', password: 'idp-pass', email: 'kari@oidc.no', emailVerified: true, name: 'Kari' },
        { sub: 'stranger-sub', password: 'idp-pass', email: 'stranger@elsewhere.no', emailVerified: true },
        { sub: 'ola-sub', password: 'idp-pass', email: 'ola@oidc.no', emailVerified: false },
        { sub: 'boss-sub', password: 'idp-pass', email: 'boss@oidc.no', emailVerified: true },
      ],
    });
    t = await startTestApp({ PORT: String(port), PUBLIC_URL: publicUrl });
    tenant = await createTenant(t.db.database, { name: 'Oidcvik kommune' });
    await t.db.database.withPlatform((tx) =>
      tx.update(tenants).set({ oidc: { kind: 'generic', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, displayName: 'Testinnlogging' } }).where(eq(tenants.id, tenant.id)),
    );
    kari = await createAccount(t.db.database, tenant.id, { email: 'kari@oidc.no', password: null });
    await createAccount(t.db.database, tenant.id, { email: 'ola@oidc.no', password: null });
    await createAccount(t.db.database, tenant.id, { email: 'boss@oidc.no', roles: ['platform_admin'] });
  });
  after(async () => {
    await t?.close();
    await idp?.close();
  });

  const rows = <T,>(query: ReturnType<typeof sql>) => t.db.database.withPlatform((tx) => queryRows<T>(tx, query));

  /** Start at Rytme, sign in at the provider's page, and return the callback URL the provider sends the browser to. */
  async function throughProvider(browser: Client, login: string, next = '/account'): Promise<URL> {
    const start = await browser.get(`/auth/oidc/start?tenant=${tenant.slug}&next=${encodeURIComponent(next)}`);
    assert.equal(start.status, 302);
    const authUrl = new URL(start.headers.get('location')!);
    assert.equal(authUrl.origin, idp.issuer);
    assert.equal(authUrl.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authUrl.searchParams.get('state') && authUrl.searchParams.get('nonce') && authUrl.searchParams.get('code_challenge'));
    assert.equal(authUrl.searchParams.get('redirect_uri'), `${publicUrl}/auth/oidc/callback`);
    assert.match(start.headers.getSetCookie().join('\n'), /rytme_oidc=.*HttpOnly/);
    const idpBrowser = new Client(idp.issuer);
    let res = await idpBrowser.get(authUrl.href);
    for (let hops = 0; hops < 10; hops++) {
      const location = res.headers.get('location');
      if (res.status === 200) {
        const page = new URL(res.url);
        const uid = /\/interaction\/([\w-]+)/.exec(page.pathname)![1];
        res = await idpBrowser.fetch(`/interaction/${uid}/login`, { method: 'POST', body: new URLSearchParams({ login, password: 'idp-pass' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        continue;
      }
      assert.ok(location, `redirect expected from the provider, got ${res.status}`);
      const target = new URL(location, res.url || idp.issuer);
      if (target.href.startsWith(`${publicUrl}/auth/oidc/callback`)) return target;
      res = await idpBrowser.get(target.href);
      Object.defineProperty(res, 'url', { value: target.href });
    }
    throw new Error('the provider never sent the browser back');
  }

  it('shows the provider button on the sign-in page as a plain link', async () => {
    const html = await (await new Client(t.url).get(`/login?tenant=${tenant.slug}`)).text();
    assert.match(html, new RegExp(`<a [^>]*href="/auth/oidc/start\\?tenant=${tenant.slug}"[^>]*>Logg inn med Testinnlogging</a>`));
  });

  it('signs in through the provider, links the account by verified e-mail, and keeps the issuer + subject key', async () => {
    const browser = new Client(t.url);
    const callback = await throughProvider(browser, 'kari-sub');
    const res = await browser.get(callback.pathname + callback.search);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/account');
    assert.ok(browser.cookies.get('rytme_session'));
    assert.equal(browser.cookies.get('rytme_oidc'), undefined, 'the state cookie is cleared');
    assert.equal((await browser.get('/account')).status, 200);
    const [account] = await rows<{ oidc_issuer: string; oidc_subject: string }>(sql`select oidc_issuer, oidc_subject from accounts where id = ${kari.id}`);
    assert.equal(account?.oidc_issuer, idp.issuer);
    assert.equal(account?.oidc_subject, 'kari-sub');
    const actions = (await rows<{ action: string }>(sql`select action from audit_log where subject_id = ${kari.id} order by id`)).map((r) => r.action);
    assert.deepEqual(actions.slice(-2), ['auth.oidc_linked', 'auth.login']);

    // Later sign-ins find the account by issuer + subject, even when the e-mail changed at the provider.
    idp.users.get('kari-sub')!.email = 'kari.ny@oidc.no';
    const again = new Client(t.url);
    const callback2 = await throughProvider(again, 'kari-sub', '/');
    assert.equal((await again.get(callback2.pathname + callback2.search)).headers.get('location'), '/');
    assert.ok(again.cookies.get('rytme_session'));
  });

  it('refuses a user the municipality has no account for (no self-registration)', async () => {
    const browser = new Client(t.url);
    const callback = await throughProvider(browser, 'stranger-sub');
    const res = await browser.get(callback.pathname + callback.search);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `/login?tenant=${tenant.slug}&oidcError=noAccount`);
    assert.equal(browser.cookies.get('rytme_session'), undefined);
    assert.equal((await rows(sql`select 1 from accounts where lower(email) = 'stranger@elsewhere.no'`)).length, 0);
    const page = await browser.get(res.headers.get('location')!);
    assert.match(await page.text(), /har ingen brukar i Rytme for denne kommunen/);
  });

  it('does not link by an e-mail address the provider has not verified', async () => {
    const browser = new Client(t.url);
    const callback = await throughProvider(browser, 'ola-sub');
    const res = await browser.get(callback.pathname + callback.search);
    assert.equal(res.headers.get('location'), `/login?tenant=${tenant.slug}&oidcError=noAccount`);
    const [ola] = await rows<{ oidc_subject: string | null }>(sql`select oidc_subject from accounts where email = 'ola@oidc.no'`);
    assert.equal(ola?.oidc_subject, null);
  });

  it("never links a platform administrator's account by e-mail (the tenant's provider is not trusted that far)", async () => {
    const browser = new Client(t.url);
    const callback = await throughProvider(browser, 'boss-sub');
    const res = await browser.get(callback.pathname + callback.search);
    assert.equal(res.headers.get('location'), `/login?tenant=${tenant.slug}&oidcError=noAccount`);
    const [boss] = await rows<{ oidc_subject: string | null }>(sql`select oidc_subject from accounts where email = 'boss@oidc.no'`);
    assert.equal(boss?.oidc_subject, null);
  });

  it('refuses a callback whose state does not match', async () => {
    const browser = new Client(t.url);
    const callback = await throughProvider(browser, 'kari-sub');
    callback.searchParams.set('state', 'forged-state-value-aaaaaaaaaaaaaaaa');
    const res = await browser.get(callback.pathname + callback.search);
    assert.equal(res.headers.get('location'), `/login?tenant=${tenant.slug}&oidcError=failed`);
    assert.equal(browser.cookies.get('rytme_session'), undefined);
    const [failed] = await rows<{ details: { reason: string } }>(sql`select details from audit_log where action = 'auth.login_failed' and tenant_id = ${tenant.id} order by id desc limit 1`);
    assert.equal(failed?.details.reason, 'oidc_error');
  });

  it('refuses a callback in a browser that never started the sign-in (no state cookie)', async () => {
    const callback = await throughProvider(new Client(t.url), 'kari-sub');
    const other = new Client(t.url);
    const res = await other.get(callback.pathname + callback.search);
    assert.equal(res.headers.get('location'), '/login?oidcError=expired');
    assert.equal(other.cookies.get('rytme_session'), undefined);
  });

  it('sends the user back to the sign-in page with a clear message when the provider cannot be reached', async () => {
    const down = await createTenant(t.db.database, { name: 'Nedevik kommune' });
    const closedPort = await freePort();
    await t.db.database.withPlatform((tx) =>
      tx.update(tenants).set({ oidc: { kind: 'entra', issuer: `http://127.0.0.1:${closedPort}`, clientId: 'x', clientSecret: 'y', displayName: 'Entra' } }).where(eq(tenants.id, down.id)),
    );
    const browser = new Client(t.url);
    const res = await browser.get(`/auth/oidc/start?tenant=${down.slug}`);
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `/login?tenant=${down.slug}&oidcError=unavailable`);
    assert.match(await (await browser.get(res.headers.get('location')!)).text(), /Vi får ikkje kontakt med identitetstilbydaren/);
    assert.equal((await browser.get('/auth/oidc/start?tenant=finst-ikkje')).status, 404);
  });

  it('the settings page shows the OIDC settings but never the client secret', async () => {
    const admin = await createAccount(t.db.database, tenant.id, { roles: ['tenant_admin'] });
    const client = await signInAs(t, tenant.id, admin.id);
    const res = await client.get('/admin/settings');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, new RegExp(idp.issuer.replaceAll('.', '\\.')));
    assert.ok(!html.includes(idp.clientSecret), 'the secret is write-only');
    assert.match(html, new RegExp(`${publicUrl.replaceAll('.', '\\.')}/auth/oidc/callback`));
  });
});
