// Organisation and people pages through the real server: who sees what, stale edits refused
// with the translated message and nothing overwritten, validation messages in nn/nb/en, the
// data export download, and /me.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { signInAs, startTestApp, type Client, type TestApp } from '../support/server.ts';
import { createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

const versionIn = (html: string, name = 'version') => Number(new RegExp(`name="${name}" value="(\\d+)"`).exec(html)?.[1]);

describe('organisation and people pages', () => {
  let t: TestApp;
  let tenantId: string;
  let unitA: { id: string; path: string; depth: number };
  let unitB: { id: string; path: string; depth: number };
  let self: Awaited<ReturnType<typeof createPerson>>;
  let colleague: Awaited<ReturnType<typeof createPerson>>;
  let inB: Awaited<ReturnType<typeof createPerson>>;
  let employee: Client;
  let coordinatorA: Client;
  let coordinatorB: Client;
  let leader: Client;
  let noPerson: Client;
  let foreignPersonId: string;
  let foreignUnitId: string;

  before(async () => {
    t = await startTestApp();
    const db = t.db.database;
    tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    unitA = await createUnit(db, tenantId, { parent: root, name: 'Fjordheimen' });
    unitB = await createUnit(db, tenantId, { parent: root, name: 'Bakketun' });
    self = await createPerson(db, tenantId, { unitId: unitA.id, givenName: 'Eva', familyName: 'Eigen', ftePercent: 75.5, birthYear: 1984 });
    colleague = await createPerson(db, tenantId, { unitId: unitA.id, givenName: 'Kari', familyName: 'Kollega' });
    inB = await createPerson(db, tenantId, { unitId: unitB.id, givenName: 'Berit', familyName: 'Bakken' });
    const boss = await createPerson(db, tenantId, { unitId: unitA.id, givenName: 'Leif', familyName: 'Leiar' });
    await makeLeader(db, tenantId, unitA.id, boss.person.id);
    employee = await signInAs(t, tenantId, (await createAccount(db, tenantId, { personId: self.person.id })).id);
    const coordinatorAccount = await createAccount(db, tenantId, { roles: ['coordinator'] });
    coordinatorA = await signInAs(t, tenantId, coordinatorAccount.id);
    coordinatorB = await signInAs(t, tenantId, coordinatorAccount.id);
    leader = await signInAs(t, tenantId, (await createAccount(db, tenantId, { personId: boss.person.id })).id);
    noPerson = await signInAs(t, tenantId, (await createAccount(db, tenantId, { roles: ['executive'] })).id);
    const other = await createTenant(db);
    const otherUnit = await createUnit(db, other.id);
    foreignUnitId = otherUnit.id;
    foreignPersonId = (await createPerson(db, other.id, { unitId: otherUnit.id })).person.id;
  });
  after(() => t.close());

  it('asks for sign-in first', async () => {
    const res = await fetch(`${t.url}/org`, { redirect: 'manual' });
    assert.equal(res.status, 302);
    assert.match(res.headers.get('location') ?? '', /^\/login\?next=%2Forg/);
  });

  it('shows the tree with head counts and disclosure buttons, server-rendered', async () => {
    const res = await employee.get('/org');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<title>Organisasjon – Rytme<\/title>/);
    assert.match(html, /Fjordvik kommune/);
    assert.match(html, /aria-expanded="true"/, 'the root is open');
    assert.match(html, /4 tilsette/, 'root head count');
    assert.match(html, /3 tilsette/, 'Fjordheimen head count');
    const search = await (await employee.get('/org?q=bakke')).text();
    assert.match(search, /<mark>Bakke<\/mark>tun/);
    assert.doesNotMatch(search, />Fjordheimen</);
  });

  it('shows a unit: colleagues see names and titles; the coordinator also FTE and occupation', async () => {
    const asEmployee = await (await employee.get(`/org/units/${unitA.id}`)).text();
    assert.match(asEmployee, /Kari Kollega/);
    assert.doesNotMatch(asEmployee, /75,5 %/);
    assert.doesNotMatch(asEmployee, new RegExp(`href="/people/${colleague.person.id}"`), 'no link to a profile the reader may not open');
    assert.match(asEmployee, new RegExp(`href="/people/${self.person.id}"`), 'own profile is linked');
    const asCoordinator = await (await coordinatorA.get(`/org/units/${unitA.id}`)).text();
    assert.match(asCoordinator, /75,5\s%/);
    assert.match(asCoordinator, /2223 /);
    assert.match(asCoordinator, new RegExp(`href="/people/${colleague.person.id}"`));
    assert.match(asCoordinator, /Endre eining/);
    assert.equal((await employee.get(`/org/units/${foreignUnitId}`)).status, 404);
    assert.equal((await employee.get('/org/units/not-a-uuid')).status, 404);
  });

  it('lets an employee read their own profile but not a colleague’s', async () => {
    const own = await employee.get(`/people/${self.person.id}`);
    assert.equal(own.status, 200);
    const html = await own.text();
    assert.match(html, /Eva Eigen/);
    assert.match(html, /1984/);
    assert.match(html, /Last ned mine data/);
    assert.doesNotMatch(html, /Endre opplysningar/);
    assert.equal((await employee.get(`/people/${colleague.person.id}`)).status, 403);
    assert.equal((await employee.get(`/people/${colleague.person.id}/edit`)).status, 403);
  });

  it('lets a leader read persons in their unit but not in a sibling unit; a coordinator reads all', async () => {
    assert.equal((await leader.get(`/people/${colleague.person.id}`)).status, 200);
    assert.equal((await leader.get(`/people/${inB.person.id}`)).status, 403);
    assert.equal((await coordinatorA.get(`/people/${inB.person.id}`)).status, 200);
  });

  it('answers 404 for another tenant’s person, even to a coordinator', async () => {
    assert.equal((await coordinatorA.get(`/people/${foreignPersonId}`)).status, 404);
    assert.equal((await coordinatorA.get(`/people/${foreignPersonId}/edit`)).status, 404);
  });

  it('refuses a stale edit with 409 and the STALE message, and overwrites nothing', async () => {
    const pageA = await (await coordinatorA.get(`/people/${colleague.person.id}/edit`)).text();
    const pageB = await (await coordinatorB.get(`/people/${colleague.person.id}/edit`)).text();
    const version = versionIn(pageA);
    assert.equal(version, versionIn(pageB));
    const fields = { intent: 'person', givenName: 'Kari', familyName: 'Kollega-Hansen', email: 'kari@example.no', phone: '', birthYear: '1990', version: String(version) };
    const first = await coordinatorA.postForm(`/people/${colleague.person.id}/edit`, fields);
    assert.equal(first.status, 302);
    assert.equal(first.headers.get('location'), `/people/${colleague.person.id}?saved=1`);
    const second = await coordinatorB.postForm(`/people/${colleague.person.id}/edit`, { ...fields, familyName: 'Kollega-Olsen', _data: '' });
    assert.equal(second.status, 409);
    const html = await second.text();
    assert.match(html, /Nokon andre har lagra ei nyare utgåve/);
    assert.match(html, /Kollega-Olsen/, 'what the user tried is shown');
    assert.match(html, /value="Kollega-Hansen"/, 'the form shows the current saved value');
    const rows = await t.db.database.withTenant(tenantId, (tx) => queryRows<{ family_name: string; version: number }>(tx, sql`select family_name, version from persons where id = ${colleague.person.id}`));
    assert.deepEqual(rows[0], { family_name: 'Kollega-Hansen', version: version + 1 });
  });

  it('refuses a stale unit edit the same way', async () => {
    const page = await (await coordinatorA.get(`/org/units/${unitB.id}/edit`)).text();
    const version = versionIn(page);
    const fields = { intent: 'save', name: 'Bakketun sjukeheim', kind: 'eining', code: 'BT', parentId: unitA.path.split('/')[0]!, version: String(version) };
    assert.equal((await coordinatorA.postForm(`/org/units/${unitB.id}/edit`, fields)).status, 302);
    const stale = await coordinatorB.postForm(`/org/units/${unitB.id}/edit`, { ...fields, name: 'Bakketun omsorgssenter' });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /Nokon andre har lagra ei nyare utgåve/);
    const rows = await t.db.database.withTenant(tenantId, (tx) => queryRows<{ name: string }>(tx, sql`select name from org_units where id = ${unitB.id}`));
    assert.equal(rows[0]!.name, 'Bakketun sjukeheim');
  });

  it('shows validation errors next to the fields, in nynorsk, bokmål and English', async () => {
    const version = versionIn(await (await coordinatorA.get(`/people/${inB.person.id}/edit`)).text());
    const bad = { intent: 'person', givenName: '', familyName: 'Bakken', email: 'berit@', phone: '', birthYear: '1800', version: String(version) };
    const expected = {
      nn: ['Skriv ei gyldig e-postadresse.', 'Må vere minst 1926.', 'Rett opp dette før du går vidare'],
      nb: ['Skriv en gyldig e-postadresse.', 'Må være minst 1926.'],
      en: ['Enter a valid e-mail address.', 'Must be at least 1926.'],
    } as const;
    for (const [language, messages] of Object.entries(expected)) {
      coordinatorA.cookies.set('rytme_lang', language);
      const res = await coordinatorA.postForm(`/people/${inB.person.id}/edit`, bad);
      assert.equal(res.status, 422, language);
      const html = await res.text();
      for (const m of messages) assert.ok(html.includes(m), `${language}: ${m}`);
      assert.match(html, /aria-invalid="true"/);
      assert.match(html, /aria-describedby="person-email-error"/);
      assert.match(html, /href="#person-email"/, 'the summary links to the field');
    }
    coordinatorA.cookies.delete('rytme_lang');
    const rows = await t.db.database.withTenant(tenantId, (tx) => queryRows<{ version: number }>(tx, sql`select version from persons where id = ${inB.person.id}`));
    assert.equal(rows[0]!.version, version, 'nothing saved');
  });

  it('adds an employment through the form, with FTE and STYRK checked', async () => {
    const plain = await (await coordinatorA.get(`/people/${inB.person.id}/edit`)).text();
    assert.doesNotMatch(plain, /id="new-employment"/, 'the large form is rendered on request');
    const page = await (await coordinatorA.get(`/people/${inB.person.id}/edit?add=1`)).text();
    assert.match(page, /id="new-employment"/);
    const fields = { intent: 'add', unitId: unitB.id, employeeNumber: 'B-77', positionTitle: 'Nattevakt', ftePercent: '33,333', styrk08: '5321', ksJobCode: '', occupationalGroup: '', startDate: '2026-01-01', endDate: '' };
    const badFte = await coordinatorA.postForm(`/people/${inB.person.id}/edit?add=1`, fields);
    assert.equal(badFte.status, 422);
    assert.match(await badFte.text(), /Stillingsprosenten kan ha høgst to desimalar/);
    const badStyrk = await coordinatorA.postForm(`/people/${inB.person.id}/edit?add=1`, { ...fields, ftePercent: '50', styrk08: '9999' });
    assert.equal(badStyrk.status, 422);
    assert.match(await badStyrk.text(), /Vel eit yrke frå lista/);
    const ok = await coordinatorA.postForm(`/people/${inB.person.id}/edit?add=1`, { ...fields, ftePercent: '33,33' });
    assert.equal(ok.status, 302);
    const profile = await (await coordinatorA.get(`/people/${inB.person.id}`)).text();
    assert.match(profile, /Nattevakt/);
    assert.match(profile, /33,33(<!-- -->)?\s%/);
  });

  it('downloads the own data export as JSON, only for oneself', async () => {
    const res = await employee.get(`/people/${self.person.id}/export`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="rytme-mine-data-\d{4}-\d{2}-\d{2}\.json"$/);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const body = (await res.json()) as { person: { id: string; birthYear: number }; employments: unknown[] };
    assert.equal(body.person.id, self.person.id);
    assert.equal(body.person.birthYear, 1984);
    assert.equal(body.employments.length, 1);
    assert.equal((await employee.get(`/people/${colleague.person.id}/export`)).status, 403);
    assert.equal((await coordinatorA.get(`/people/${self.person.id}/export`)).status, 403);
  });

  it('sends /me to one’s own profile, or explains when the account has no person', async () => {
    const res = await employee.get('/me');
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), `/people/${self.person.id}`);
    const page = await noPerson.get('/me');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /ikkje kopla til ein tilsett/);
  });

  it('creates a unit through the form, refuses a duplicate code, and keeps employees out', async () => {
    assert.equal((await employee.get(`/org/units/new?parent=${unitA.id}`)).status, 403);
    const page = await (await coordinatorA.get(`/org/units/new?parent=${unitA.id}`)).text();
    assert.match(page, new RegExp(`<option value="${unitA.id}" selected=""`), 'the parent from the query is preselected');
    const created = await coordinatorA.postForm('/org/units/new', { name: 'Avdeling nord', kind: 'avdeling', code: 'FH-NORD', parentId: unitA.id });
    assert.equal(created.status, 302);
    const location = created.headers.get('location') ?? '';
    assert.match(location, /^\/org\/units\/[0-9a-f-]{36}\?created=1$/);
    const unitPage = await (await coordinatorA.get(location)).text();
    assert.match(unitPage, /Eininga er oppretta/);
    assert.match(unitPage, /Fjordheimen/, 'breadcrumb to the parent');
    const duplicate = await coordinatorA.postForm('/org/units/new', { name: 'Avdeling sør', kind: 'avdeling', code: 'FH-NORD', parentId: unitA.id });
    assert.equal(duplicate.status, 422);
    const html = await duplicate.text();
    assert.match(html, /Ei anna eining har alt denne koden/);
    assert.match(html, /value="Avdeling sør"/, 'what was typed is kept');
  });

  it('finds people within scope on /people', async () => {
    const asLeader = await (await leader.get('/people?q=Bakken')).text();
    assert.match(asLeader, /Ingen treff/);
    const asCoordinator = await (await coordinatorA.get('/people?q=Bakken')).text();
    assert.match(asCoordinator, new RegExp(`href="/people/${inB.person.id}"`));
  });
});
