// Review finding (ASVS 2.2.3 / 2.5.5): the account holder is told by mail when their password
// is changed or reset, so a takeover does not go unnoticed. A first password from an
// invitation is no change and sends no notice.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { Client, signInAs, startTestApp, type TestApp } from '../support/server.ts';
import { TEST_PASSWORD, createAccount, createTenant } from '../support/factories.ts';

describe('review: password change notices', () => {
  let t: TestApp;
  let tenant: { id: string; slug: string };
  before(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.db.database, { name: 'Varselvik kommune' });
  });
  after(() => t.close());

  const mails = (to: string) => t.db.database.withPlatform((tx) => queryRows<{ subject: string; text_body: string }>(tx, sql`select subject, text_body from outbox_mails where to_address = ${to} order by created_at, id`));
  async function waitForMails(to: string, count: number) {
    for (let i = 0; i < 100; i++) {
      const found = await mails(to);
      if (found.length >= count) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    return mails(to);
  }
  async function resetWithLink(email: string, password: string) {
    const before = (await mails(email)).length;
    assert.equal((await new Client(t.url).postForm('/password/forgot', { tenant: tenant.slug, email })).status, 200);
    const sent = await waitForMails(email, before + 1);
    const token = /\/password\/reset\/([\w-]+)/.exec(sent.at(-1)!.text_body)?.[1];
    assert.ok(token);
    const res = await new Client(t.url).postForm(`/password/reset/${token}`, { password, confirm: password });
    assert.equal(res.status, 200);
  }

  it('mails a notice without any link when the password is changed on the account page', async () => {
    const account = await createAccount(t.db.database, tenant.id, { email: 'endrar@varselvik.no', displayName: 'Eli Endrar' });
    const client = await signInAs(t, tenant.id, account.id);
    const res = await client.postForm('/account', { intent: 'password', currentPassword: TEST_PASSWORD, newPassword: 'eit-nytt-langt-passord', confirm: 'eit-nytt-langt-passord' });
    assert.equal(res.status, 200);
    const [notice] = await waitForMails(account.email, 1);
    assert.equal(notice?.subject, 'Passordet ditt i Rytme er endra');
    assert.match(notice!.text_body, /Hei, Eli Endrar!/);
    assert.match(notice!.text_body, /Varselvik kommune/);
    assert.doesNotMatch(notice!.text_body, /https?:\/\//);
  });

  it('mails a notice after a reset, but not after the first password of an invitation', async () => {
    const account = await createAccount(t.db.database, tenant.id, { email: 'glemsk@varselvik.no' });
    await resetWithLink(account.email, 'eit-heilt-nytt-passord');
    const after = await waitForMails(account.email, 2);
    assert.deepEqual(after.map((m) => m.subject), ['Nytt passord til Rytme', 'Passordet ditt i Rytme er endra']);

    const invited = await createAccount(t.db.database, tenant.id, { email: 'ny@varselvik.no' });
    await t.db.database.withPlatform((tx) => tx.execute(sql`update accounts set password_hash = null where id = ${invited.id}`));
    await resetWithLink(invited.email, 'mitt-forste-passord');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual((await mails(invited.email)).map((m) => m.subject), ['Nytt passord til Rytme']);
  });
});
