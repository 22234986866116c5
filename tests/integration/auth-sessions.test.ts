// The account page lists where the user is signed in and can end every other session
// (ASVS 3.3.4); the current session survives, the others are signed out at once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { signInAs, startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createTenant } from '../support/factories.ts';

describe('own sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('lists the sessions and signs out all the others', async () => {
    const tenant = await createTenant(t.db.database);
    const account = await createAccount(t.db.database, tenant.id, {});
    const here = await signInAs(t, tenant.id, account.id);
    const elsewhere = await signInAs(t, tenant.id, account.id);
    const page = await (await here.get('/account')).text();
    assert.match(page, /Der du er innlogga/);
    assert.match(page, /Denne økta/);
    assert.match(page, /Logg ut alle andre økter/);

    const res = await here.postForm('/account', { intent: 'sessions' });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Dei andre øktene er avslutta \(1\)/);
    assert.equal((await here.get('/account')).status, 200, 'the current session survives');
    const gone = await elsewhere.get('/account');
    assert.equal(gone.status, 302);
    assert.match(gone.headers.get('location') ?? '', /^\/login/);
    const audit = await t.db.database.withTenant(tenant.id, (tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = 'auth.sessions_ended' and subject_id = ${account.id}`));
    assert.equal(audit[0]!.n, 1);
  });
});
