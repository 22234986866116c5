// Mail: a password-reset mail goes out through a real SMTP server when SMTP_URL is set; without
// SMTP it lands in the outbox table (the /admin/outbox page) and as an .eml file under
// DATA_DIR/outbox/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { Client, signInAs, startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createTenant } from '../support/factories.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';

async function outboxRow(t: TestApp, to: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await t.db.database.withPlatform((tx) =>
      queryRows<{ id: string; status: string; subject: string; text_body: string }>(tx, sql`select id, status, subject, text_body from outbox_mails where to_address = ${to} order by created_at desc`),
    );
    if (rows[0] && rows[0].status !== 'queued') return rows[0];
    if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('mail through SMTP', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  before(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://rytme.example.no', MAIL_FROM: 'Rytme <rytme@example.no>' });
  });
  after(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('delivers the reset mail, in the account language, with a working single-use link', async () => {
    const tenant = await createTenant(t.db.database, { name: 'Smtpvik kommune' });
    const account = await createAccount(t.db.database, tenant.id, { email: 'siri@smtpvik.no', displayName: 'Siri' });
    await t.db.database.withTenant(tenant.id, (tx) => tx.execute(sql`update accounts set language = 'en' where id = ${account.id}`));
    const res = await new Client(t.url).postForm('/password/forgot', { tenant: tenant.slug, email: 'siri@smtpvik.no' });
    assert.equal(res.status, 200);
    const mail = await smtp.waitFor((m) => m.to.includes('siri@smtpvik.no'));
    assert.equal(mail.from, 'rytme@example.no');
    assert.match(mail.header('subject') ?? '', /New password for Rytme/);
    assert.match(mail.text, /Hello Siri/);
    const link = /https:\/\/rytme\.example\.no\/password\/reset\/([\w-]+)/.exec(mail.text);
    assert.ok(link, 'the mail carries the reset link on PUBLIC_URL');
    assert.equal((await outboxRow(t, 'siri@smtpvik.no')).status, 'sent');
    // The link works once.
    const client = new Client(t.url);
    assert.equal((await client.postForm(`/password/reset/${link[1]}`, { password: 'a-brand-new-passphrase', confirm: 'a-brand-new-passphrase' })).status, 200);
    assert.equal((await client.postForm(`/password/reset/${link[1]}`, { password: 'another-new-passphrase', confirm: 'another-new-passphrase' })).status, 409);
  });
});

describe('mail without SMTP (offline demo)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('stores the mail in the outbox table and as an .eml file, and shows it to tenant admins newest first', async () => {
    const tenant = await createTenant(t.db.database, { name: 'Utanvik kommune' });
    await createAccount(t.db.database, tenant.id, { email: 'nils@utanvik.no', displayName: 'Nils' });
    await createAccount(t.db.database, tenant.id, { email: 'eva@utanvik.no', displayName: 'Eva' });
    await new Client(t.url).postForm('/password/forgot', { tenant: tenant.slug, email: 'nils@utanvik.no' });
    const first = await outboxRow(t, 'nils@utanvik.no');
    await new Client(t.url).postForm('/password/forgot', { tenant: tenant.slug, email: 'eva@utanvik.no' });
    const second = await outboxRow(t, 'eva@utanvik.no');
    assert.equal(first.status, 'stored');
    assert.equal(first.subject, 'Nytt passord til Rytme');
    assert.match(first.text_body, /Hei, Nils!/);
    assert.match(first.text_body, /\/password\/reset\/[\w-]{40,}/);

    const dir = path.join(t.app.services.env.DATA_DIR, 'outbox');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.eml'));
    const eml = await readFile(path.join(dir, files.find((f) => f.includes(first.id))!), 'utf8');
    assert.match(eml, /^To: nils@utanvik\.no$/m);
    assert.match(eml, /\/password\/reset\/[\w-]{40,}/);

    const admin = await createAccount(t.db.database, tenant.id, { roles: ['tenant_admin'] });
    const page = await (await signInAs(t, tenant.id, admin.id)).get('/admin/outbox');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.indexOf('eva@utanvik.no') < html.indexOf('nils@utanvik.no'), 'newest first');
    assert.match(html, /Lagra \(ikkje send\)/);

    // Another tenant's admin sees none of it; a plain user may not look at all.
    const otherTenant = await createTenant(t.db.database);
    const otherAdmin = await createAccount(t.db.database, otherTenant.id, { roles: ['tenant_admin'] });
    assert.doesNotMatch(await (await signInAs(t, otherTenant.id, otherAdmin.id)).get('/admin/outbox').then((r) => r.text()), /utanvik\.no/);
    const user = await createAccount(t.db.database, tenant.id, {});
    assert.equal((await (await signInAs(t, tenant.id, user.id)).get('/admin/outbox')).status, 403);
    void second;
  });
});
