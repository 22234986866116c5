// Password reset and one's own account through the real server: the same answer for known and
// unknown addresses, single use, expiry, sessions ended, and changing the password and language
// on /account.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { Client, signInAs, startTestApp, type TestApp } from '../support/server.ts';
import { TEST_PASSWORD, createAccount, createTenant } from '../support/factories.ts';
import { hashSecret } from '../../core/auth/tokens.ts';

describe('password reset', () => {
  let t: TestApp;
  let tenant: { id: string; slug: string };
  before(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.db.database, { name: 'Resetvik kommune' });
  });
  after(() => t.close());

  const rows = <T,>(query: ReturnType<typeof sql>) => t.db.database.withPlatform((tx) => queryRows<T>(tx, query));

  async function requestLink(email: string): Promise<{ html: string; token: string | null }> {
    const res = await new Client(t.url).postForm('/password/forgot', { tenant: tenant.slug, email });
    assert.equal(res.status, 200);
    const html = await res.text();
    for (let i = 0; i < 100; i++) {
      const [mail] = await rows<{ text_body: string }>(sql`select text_body from outbox_mails where to_address = ${email} order by created_at desc limit 1`);
      const token = mail ? /\/password\/reset\/([\w-]+)/.exec(mail.text_body)?.[1] ?? null : null;
      if (token) return { html, token };
      if (i > 20 && !mail) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { html, token: null };
  }

  const sentText = /Dersom adressa høyrer til ein brukar hos oss/;

  it('answers the same whether or not the address has an account', async () => {
    await createAccount(t.db.database, tenant.id, { email: 'finst@resetvik.no' });
    const known = await requestLink('finst@resetvik.no');
    const unknown = await requestLink('finst-ikkje@resetvik.no');
    assert.match(known.html, sentText);
    assert.match(unknown.html, sentText);
    assert.ok(known.token);
    assert.equal(unknown.token, null);
    const stored = await rows<{ token_hash: string }>(sql`select token_hash from password_reset_tokens`);
    assert.ok(stored.every((r) => r.token_hash !== known.token), 'only the hash is stored');
    assert.ok(stored.some((r) => r.token_hash === hashSecret(known.token!)));
  });

  it('sets a new password once, ends every session, and audits it', async () => {
    const account = await createAccount(t.db.database, tenant.id, { email: 'bytt@resetvik.no' });
    const signedIn = await signInAs(t, tenant.id, account.id);
    assert.equal((await signedIn.get('/account')).status, 200);
    const { token } = await requestLink('bytt@resetvik.no');
    const browser = new Client(t.url);
    const form = await browser.get(`/password/reset/${token}`);
    assert.match(await form.text(), /Lag nytt passord/);

    const short = await browser.postForm(`/password/reset/${token}`, { password: 'kort', confirm: 'kort' });
    assert.equal(short.status, 422);
    assert.match(await short.text(), /Må ha minst 12 teikn/);
    const mismatch = await browser.postForm(`/password/reset/${token}`, { password: 'eit-langt-passord-1', confirm: 'eit-langt-passord-2' });
    assert.equal(mismatch.status, 422);
    assert.match(await mismatch.text(), /Passorda er ikkje like/);

    const ok = await browser.postForm(`/password/reset/${token}`, { password: 'eit-heilt-nytt-passord', confirm: 'eit-heilt-nytt-passord' });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /Passordet er lagra/);
    assert.equal((await signedIn.get('/account')).status, 302, 'existing sessions are ended');
    const [hash] = await rows<{ password_hash: string }>(sql`select password_hash from accounts where id = ${account.id}`);
    assert.match(hash!.password_hash, /^\$argon2id\$/);

    const again = await browser.postForm(`/password/reset/${token}`, { password: 'eit-anna-nytt-passord', confirm: 'eit-anna-nytt-passord' });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /Lenkja er alt brukt/);
    assert.match(await (await browser.get(`/password/reset/${token}`)).text(), /Lenkja er alt brukt/);

    const login = await new Client(t.url).postForm('/login', { tenant: tenant.slug, email: 'bytt@resetvik.no', password: 'eit-heilt-nytt-passord' });
    assert.equal(login.status, 302);
    const old = await new Client(t.url).postForm('/login', { tenant: tenant.slug, email: 'bytt@resetvik.no', password: TEST_PASSWORD });
    assert.equal(old.status, 401);
    assert.equal((await rows(sql`select 1 from audit_log where action = 'auth.password_reset' and subject_id = ${account.id}`)).length, 1);
  });

  it('refuses an expired link and an unknown one with a clear message; a newer link replaces an older', async () => {
    await createAccount(t.db.database, tenant.id, { email: 'gammal@resetvik.no' });
    const { token: older } = await requestLink('gammal@resetvik.no');
    const { token: newer } = await requestLink('gammal@resetvik.no');
    assert.notEqual(older, newer);
    assert.match(await (await new Client(t.url).get(`/password/reset/${older}`)).text(), /Lenkja er alt brukt/);
    await t.db.database.withPlatform((tx) => tx.execute(sql`update password_reset_tokens set expires_at = now() - interval '1 minute' where token_hash = ${hashSecret(newer!)}`));
    const browser = new Client(t.url);
    assert.match(await (await browser.get(`/password/reset/${newer}`)).text(), /Lenkja har gått ut på tid/);
    const post = await browser.postForm(`/password/reset/${newer}`, { password: 'eit-heilt-nytt-passord', confirm: 'eit-heilt-nytt-passord' });
    assert.equal(post.status, 409);
    assert.match(await (await browser.get('/password/reset/not-a-real-token-aaaaaaaaaaaaaaaaaaaaa')).text(), /Lenkja er ikkje gyldig/);
  });
});

describe('own account page', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('changes the password with the current one and signs out other sessions only', async () => {
    const tenant = await createTenant(t.db.database);
    const account = await createAccount(t.db.database, tenant.id, {});
    const here = await signInAs(t, tenant.id, account.id);
    const elsewhere = await signInAs(t, tenant.id, account.id);
    const wrong = await here.postForm('/account', { intent: 'password', currentPassword: 'not-my-password', newPassword: 'nytt-og-langt-passord', confirm: 'nytt-og-langt-passord' });
    assert.equal(wrong.status, 422);
    assert.match(await wrong.text(), /Det noverande passordet er feil/);
    const ok = await here.postForm('/account', { intent: 'password', currentPassword: TEST_PASSWORD, newPassword: 'nytt-og-langt-passord', confirm: 'nytt-og-langt-passord' });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /Passordet er endra/);
    assert.equal((await here.get('/account')).status, 200);
    assert.equal((await elsewhere.get('/account')).status, 302);
  });

  it('counts wrong current passwords towards the account throttle', async () => {
    const tenant = await createTenant(t.db.database);
    const account = await createAccount(t.db.database, tenant.id, {});
    const client = await signInAs(t, tenant.id, account.id);
    for (let i = 0; i < 5; i++) assert.equal((await client.postForm('/account', { intent: 'password', currentPassword: `guess-${i}`, newPassword: 'nytt-og-langt-passord', confirm: 'nytt-og-langt-passord' })).status, 422);
    const locked = await client.postForm('/account', { intent: 'password', currentPassword: TEST_PASSWORD, newPassword: 'nytt-og-langt-passord', confirm: 'nytt-og-langt-passord' });
    assert.equal(locked.status, 429);
    assert.match(await locked.text(), /For mange mislukka forsøk/);
  });

  it('saves the language on the account and in the cookie', async () => {
    const tenant = await createTenant(t.db.database);
    const account = await createAccount(t.db.database, tenant.id, {});
    const client = await signInAs(t, tenant.id, account.id);
    const res = await client.postForm('/account', { intent: 'language', language: 'en' });
    assert.equal(res.status, 200);
    assert.equal(client.cookies.get('rytme_lang'), 'en');
    const [row] = await t.db.database.withPlatform((tx) => queryRows<{ language: string }>(tx, sql`select language from accounts where id = ${account.id}`));
    assert.equal(row?.language, 'en');
    assert.match(await (await client.get('/account')).text(), /<h1[^>]*>My account<\/h1>/);
  });

  it('sends an anonymous visitor to sign in and back', async () => {
    const res = await new Client(t.url).get('/account');
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/login?next=%2Faccount');
  });
});
