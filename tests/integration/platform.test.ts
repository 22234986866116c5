// Platform administration over real HTTP: only platform administrators get in; the overview
// counts units, people and accounts across tenants; regions group tenants; creating a tenant
// creates its first administrator and mails a single-use "set your password" link; suspending
// a tenant ends its sessions; every platform action lands in the affected tenant's audit log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { accounts, auditLog, outboxMails, passwordResetTokens, roleAssignments, tenants } from '../../db/schema/index.ts';
import { hashSecret } from '../../core/auth/tokens.ts';
import { createAccount, createPerson, createTenant, createUnit } from '../support/factories.ts';
import { signInAs, startTestApp, type Client, type TestApp } from '../support/server.ts';

describe('platform administration', () => {
  let t: TestApp;
  let home: { id: string };
  let other: { id: string; name: string; slug: string };
  let platformAdmin: Client;
  let tenantAdmin: Client;
  let otherUser: Client;

  before(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://rytme.example.no' });
    const db = t.db.database;
    home = await createTenant(db, { name: 'Aaa heimkommune' });
    other = await createTenant(db, { name: 'Bbb nabokommune', municipalityNumber: '4998' });
    const admin = await createAccount(db, home.id, { roles: ['tenant_admin', 'platform_admin'] });
    const plainAdmin = await createAccount(db, home.id, { roles: ['tenant_admin'] });
    const unit = await createUnit(db, other.id);
    await createUnit(db, other.id, { parent: unit });
    const { person } = await createPerson(db, other.id, { unitId: unit.id });
    await createPerson(db, other.id, { unitId: unit.id });
    const otherAccount = await createAccount(db, other.id, { personId: person.id });
    platformAdmin = await signInAs(t, home.id, admin.id);
    tenantAdmin = await signInAs(t, home.id, plainAdmin.id);
    otherUser = await signInAs(t, other.id, otherAccount.id);
  });
  after(() => t.close());

  it('is closed to everyone but platform administrators', async () => {
    assert.equal((await tenantAdmin.get('/platform')).status, 403);
    assert.equal((await tenantAdmin.get('/platform/tenants/new')).status, 403);
    const post = await tenantAdmin.postForm('/platform', { intent: 'createRegion', name: 'Sneaky' });
    assert.equal(post.status, 403);
    const anonymous = await fetch(`${t.url}/platform`, { redirect: 'manual' });
    assert.equal(anonymous.status, 302);
    assert.match(anonymous.headers.get('location') ?? '', /^\/login\?next=%2Fplatform/);
  });

  it('lists every tenant with counts of units, people and accounts', async () => {
    const res = await platformAdmin.get('/platform');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<title>Plattform – Rytme<\/title>/);
    const row = new RegExp(`data-testid="tenant-${other.slug}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
    assert.match(row, /Bbb nabokommune/);
    assert.match(row, /4998/);
    const cells = [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    // units 2, people 2, accounts 1
    assert.deepEqual(cells.slice(-3), ['2', '2', '1']);
    assert.match(html, /\(din kommune\)/);
  });

  it('creates a region and shows which tenants belong to it', async () => {
    const res = await platformAdmin.postForm('/platform', { intent: 'createRegion', name: 'Fjordregionen' });
    assert.equal(res.status, 302);
    const location = res.headers.get('location') ?? '';
    assert.match(location, /notice=regionCreated/);
    const page = await (await platformAdmin.get(location)).text();
    assert.match(page, /Regionen Fjordregionen er oppretta/);
    const again = await platformAdmin.postForm('/platform', { intent: 'createRegion', name: 'fjordregionen' });
    assert.match(await again.text(), /Ein region med dette namnet finst allereie/);
    const audit = await t.db.database.withTenant(home.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'platform.region.create')));
    assert.equal(audit.length, 1);
  });

  it('creates a tenant with its first administrator and mails a single-use link', async () => {
    const regionId = await t.db.database.withPlatform(async (tx) => (await queryRows<{ id: string }>(tx, sql`select id from regions where name = 'Fjordregionen'`))[0]!.id);
    const res = await platformAdmin.postForm('/platform/tenants/new', {
      name: 'Nyvik kommune',
      slug: 'nyvik',
      municipalityNumber: '4997',
      regionId,
      defaultLanguage: 'nb',
      adminName: 'Nina Ny',
      adminEmail: 'Nina.Ny@Nyvik.kommune.no',
    });
    assert.equal(res.status, 302, await res.clone().text());
    assert.match(res.headers.get('location') ?? '', /notice=createdStored/);
    const db = t.db.database;
    const tenant = (await db.withPlatform((tx) => tx.select().from(tenants).where(eq(tenants.slug, 'nyvik'))))[0]!;
    assert.equal(tenant.name, 'Nyvik kommune');
    assert.equal(tenant.regionId, regionId);
    assert.equal(tenant.defaultLanguage, 'nb');
    assert.equal(tenant.status, 'active');
    const [account] = await db.withTenant(tenant.id, (tx) => tx.select().from(accounts));
    assert.equal(account!.email, 'nina.ny@nyvik.kommune.no');
    assert.equal(account!.passwordHash, null);
    const roles = await db.withTenant(tenant.id, (tx) => tx.select({ role: roleAssignments.role }).from(roleAssignments).where(eq(roleAssignments.accountId, account!.id)));
    assert.deepEqual(roles.map((r) => r.role), ['tenant_admin']);
    // The mail (stored, as no SMTP is configured) carries a link whose token hash is the stored one.
    const [mail] = await db.withTenant(tenant.id, (tx) => tx.select().from(outboxMails));
    assert.equal(mail!.toAddress, 'nina.ny@nyvik.kommune.no');
    const token = /https:\/\/rytme\.example\.no\/password\/reset\/([\w-]+)/.exec(mail!.textBody)?.[1];
    assert.ok(token, 'the mail holds a set-password link');
    const stored = await db.withTenant(tenant.id, (tx) => tx.select().from(passwordResetTokens).where(eq(passwordResetTokens.accountId, account!.id)));
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.tokenHash, hashSecret(token));
    assert.equal(stored[0]!.usedAt, null);
    assert.ok(stored[0]!.expiresAt.getTime() > Date.now() + 24 * 3600_000, 'an invitation lives longer than a day');
    // Audited in the new tenant's own log, not the platform admin's.
    const actions = await db.withTenant(tenant.id, (tx) => tx.select({ action: auditLog.action, details: auditLog.details }).from(auditLog));
    assert.deepEqual(actions.map((a) => a.action).sort(), ['account.create', 'platform.tenant.create']);
    assert.equal(actions[0]!.details?.platform, true);
    const list = await (await platformAdmin.get('/platform')).text();
    assert.match(list, /data-testid="tenant-nyvik"[\s\S]*?Fjordregionen/);
    assert.match(list, /Fjordregionen<\/td><td[^>]*>[^<]*Nyvik kommune/);
  });

  it('refuses invalid and duplicate tenants with messages next to the fields', async () => {
    const bad = await platformAdmin.postForm('/platform/tenants/new', { name: 'X', slug: 'Bad Slug', municipalityNumber: '12', regionId: '', defaultLanguage: 'nn', adminName: 'A', adminEmail: 'nope' });
    assert.equal(bad.status, 200);
    const html = await bad.text();
    assert.match(html, /Bruk berre små bokstavar/);
    assert.match(html, /Kommunenummeret må vere fire siffer/);
    assert.match(html, /Skriv ei gyldig e-postadresse/);
    const dup = await platformAdmin.postForm('/platform/tenants/new', { name: 'Nyvik igjen', slug: 'nyvik', municipalityNumber: '4998', regionId: '', defaultLanguage: 'nn', adminName: 'A', adminEmail: 'a@b.no' });
    const dupHtml = await dup.text();
    assert.match(dupHtml, /Adressenamnet er allereie i bruk/);
    assert.match(dupHtml, /Ein kommune med dette kommunenummeret finst allereie/);
    const count = await t.db.database.withPlatform((tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from tenants where slug = 'nyvik'`));
    assert.equal(count[0]!.n, 1);
  });

  it("suspends a tenant, ending its sessions, and reactivates it; stale forms are refused", async () => {
    assert.equal((await otherUser.get('/admin')).status, 403, 'signed in before (but no administration function)');
    const version = (await t.db.database.withPlatform((tx) => tx.select({ v: tenants.version }).from(tenants).where(eq(tenants.id, other.id))))[0]!.v;
    // The list links to a confirmation step; only its form suspends.
    const list = await (await platformAdmin.get('/platform')).text();
    assert.match(list, new RegExp(`href="/platform\\?suspend=${other.id}"`));
    const confirm = await (await platformAdmin.get(`/platform?suspend=${other.id}`)).text();
    assert.match(confirm, /role="alertdialog"/);
    assert.match(confirm, /Vil du stengje Bbb nabokommune\?/);
    assert.match(confirm, new RegExp(`name="version" value="${version}"`));
    const res = await platformAdmin.postForm('/platform', { intent: 'status', tenantId: other.id, status: 'suspended', version: String(version) });
    assert.equal(res.status, 302);
    assert.match(res.headers.get('location') ?? '', /notice=suspended/);
    const after = await otherUser.get('/admin');
    assert.equal(after.status, 302, 'the session no longer works');
    assert.match(after.headers.get('location') ?? '', /^\/login/);
    const sessions = await t.db.database.withPlatform((tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from sessions where tenant_id = ${other.id}`));
    assert.equal(sessions[0]!.n, 0);

    const stale = await platformAdmin.postForm('/platform', { intent: 'status', tenantId: other.id, status: 'active', version: String(version) });
    assert.equal(stale.status, 200);
    assert.match(await stale.text(), /Nokon andre har lagra ei nyare utgåve/);

    const back = await platformAdmin.postForm('/platform', { intent: 'status', tenantId: other.id, status: 'active', version: String(version + 1) });
    assert.equal(back.status, 302);
    const audit = await t.db.database.withTenant(other.id, (tx) => tx.select({ action: auditLog.action, actor: auditLog.actor }).from(auditLog).where(and(eq(auditLog.subjectType, 'tenant'))));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['platform.tenant.reactivate', 'platform.tenant.suspend']);
  });

  it("refuses to suspend the administrator's own tenant", async () => {
    const version = (await t.db.database.withPlatform((tx) => tx.select({ v: tenants.version }).from(tenants).where(eq(tenants.id, home.id))))[0]!.v;
    const res = await platformAdmin.postForm('/platform', { intent: 'status', tenantId: home.id, status: 'suspended', version: String(version) });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Du kan ikkje stengje din eigen kommune/);
  });
});
