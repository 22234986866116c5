// The audit viewer over real HTTP: tenant administrators only; newest first with keyset
// pagination; filters by action prefix, actor, subject and date range; actors by display name;
// links to the person an entry concerns; never another tenant's entries; viewing and exporting
// are themselves audited; the CSV export follows the filter; the page offers no way to edit.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { createAccount, createPerson, createTenant, createUnit } from '../support/factories.ts';
import { signInAs, startTestApp, type Client, type TestApp } from '../support/server.ts';

const rowsOf = (html: string) => [...html.matchAll(/<tr data-testid="audit-row">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);

describe('audit viewer', () => {
  let t: TestApp;
  let tenantId: string;
  let otherTenantId: string;
  let admin: Client;
  let adminId: string;
  let coordinator: Client;
  let personId: string;
  let clerkId: string;

  before(async () => {
    t = await startTestApp();
    const db = t.db.database;
    tenantId = (await createTenant(db)).id;
    otherTenantId = (await createTenant(db)).id;
    const unit = await createUnit(db, tenantId);
    personId = (await createPerson(db, tenantId, { unitId: unit.id })).person.id;
    const adminAccount = await createAccount(db, tenantId, { roles: ['tenant_admin'], displayName: 'Ada Administrator' });
    adminId = adminAccount.id;
    clerkId = (await createAccount(db, tenantId, { roles: ['coordinator'], displayName: 'Kari Koordinator' })).id;
    admin = await signInAs(t, tenantId, adminId);
    coordinator = await signInAs(t, tenantId, clerkId);
    // 60 entries spread over three days, oldest first; 10 about the person, by the coordinator.
    const rows = Array.from({ length: 60 }, (_, i) => ({
      tenantId,
      at: new Date(Date.UTC(2026, 2, 1 + Math.floor(i / 20), 10, i)),
      actor: i < 10 ? clerkId : adminId,
      action: i < 10 ? 'person.read' : i % 2 ? 'auth.login' : 'auth.logout',
      subjectType: i < 10 ? 'person' : 'account',
      subjectId: i < 10 ? personId : adminId,
      requestId: `req-${i}`,
    }));
    await db.withTenant(tenantId, (tx) => tx.insert(auditLog).values(rows));
    await db.withTenant(otherTenantId, (tx) => tx.insert(auditLog).values({ tenantId: otherTenantId, actor: 'system:test', action: 'person.read', subjectType: 'person', subjectId: 'other-tenant-secret' }));
  });
  after(() => t.close());

  it('is for tenant administrators only', async () => {
    assert.equal((await coordinator.get('/admin/audit')).status, 403);
    assert.equal((await coordinator.get('/admin/audit/export')).status, 403);
  });

  it('shows the newest 50 first, then older ones by keyset, and never another tenant', async () => {
    const res = await admin.get('/admin/audit');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<title>Logg – Rytme<\/title>/);
    const rows = rowsOf(html);
    assert.equal(rows.length, 50);
    assert.match(rows[0]!, /req-59/);
    assert.match(rows[49]!, /req-10/);
    assert.doesNotMatch(html, /other-tenant-secret|system:test/);
    assert.match(rows[0]!, /Ada Administrator/);
    assert.match(rows[0]!, /Logga inn/);
    const older = /href="(\/admin\/audit\?before=\d+)"/.exec(html)?.[1];
    assert.ok(older, 'a link to older entries');
    const next = rowsOf(await (await admin.get(older.replaceAll('&amp;', '&'))).text());
    assert.equal(next.length, 10);
    assert.match(next[0]!, /req-9/);
    assert.match(next[9]!, /req-0/);
  });

  it('filters by action prefix, actor, subject and date range', async () => {
    const auth = rowsOf(await (await admin.get('/admin/audit?action=auth')).text());
    assert.equal(auth.length, 50);
    const logouts = rowsOf(await (await admin.get('/admin/audit?action=auth.logout')).text());
    assert.equal(logouts.length, 25);
    const byClerk = rowsOf(await (await admin.get(`/admin/audit?actor=${clerkId}`)).text());
    assert.equal(byClerk.length, 10);
    for (const r of byClerk) {
      assert.match(r, /Kari Koordinator/);
      assert.match(r, /Opna personprofil/);
      assert.match(r, new RegExp(`href="/people/${personId}"`), 'links to the person');
    }
    const aboutPerson = rowsOf(await (await admin.get(`/admin/audit?subjectType=person&subjectId=${personId}`)).text());
    assert.equal(aboutPerson.length, 10);
    // Day two (2 March, Norwegian time) holds entries 20–39.
    const day = rowsOf(await (await admin.get('/admin/audit?from=2026-03-02&to=2026-03-02')).text());
    assert.equal(day.length, 20);
    assert.match(day[0]!, /req-39/);
    assert.match(day[19]!, /req-20/);
    const bad = await admin.get('/admin/audit?from=yesterday');
    assert.equal(bad.status, 422);
  });

  it('records every look at the log, with the filter and request id', async () => {
    const res = await admin.get('/admin/audit?action=person', { headers: { 'x-request-id': 'audit-view-test-1' } });
    assert.equal(res.status, 200);
    const [entry] = await t.db.database.withTenant(tenantId, (tx) =>
      tx.select().from(auditLog).where(and(eq(auditLog.action, 'audit.read'), eq(auditLog.requestId, 'audit-view-test-1'))).orderBy(desc(auditLog.id)),
    );
    assert.ok(entry);
    assert.equal(entry.actor, adminId);
    assert.deepEqual(entry.details, { filter: { action: 'person' }, page: 'first' });
    // The viewer's own entries are readable in the log too.
    const reads = rowsOf(await (await admin.get('/admin/audit?action=audit')).text());
    assert.ok(reads.length >= 1);
    assert.match(reads[0]!, /Såg i loggen/);
    // jsonb keeps its own key order, so the two facts are checked separately.
    assert.match(reads[0]!, /filter: \{(&quot;|")action(&quot;|"):(&quot;|")person(&quot;|")\}/, 'details are shown');
    assert.match(reads[0]!, /page: first/);
  });

  it('exports the filtered list as CSV and records the export', async () => {
    const res = await admin.get(`/admin/audit/export?actor=${clerkId}`, { headers: { 'accept-language': 'en' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="rytme-logg-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines.length, 11, 'header and ten rows');
    assert.match(lines[0]!, /^"Nr";"Tidspunkt \(UTC\)"/, 'in the language of the session (nynorsk default)');
    assert.match(lines[1]!, /"Kari Koordinator"/);
    assert.match(lines[1]!, /"person\.read";"Opna personprofil";"person"/);
    assert.match(lines[0]!, /"Detaljar"$/);
    const exports = await t.db.database.withTenant(tenantId, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'audit.export')));
    assert.equal(exports.length, 1);
    assert.deepEqual(exports[0]!.details, { filter: { actor: clerkId }, rows: 10 });
  });

  it('offers no way to change the log', async () => {
    const html = await (await admin.get('/admin/audit')).text();
    const postForms = [...html.matchAll(/<form[^>]*method="post"[^>]*>/g)].map((m) => m[0]);
    assert.ok(postForms.every((f) => /action="\/(language|logout)"/.test(f)), `only the header forms post: ${postForms.join(' ')}`);
    const post = await admin.postForm('/admin/audit', { action: 'delete' });
    assert.equal(post.status, 405);
  });
});
