// The /api/v1 resources through the real HTTP server: units (flat list with cursor, one unit,
// members), persons (list with filters, one person, PATCH under If-Match), occupations;
// scopes, tenant isolation, translated validation problems, audit rows, session + CSRF, and
// that the OpenAPI document's "required" matches what the server refuses.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createApiToken } from '../../core/api-tokens/create-api-token.ts';
import type { ApiScope } from '../../core/shared/actor.ts';
import { translate } from '../../locales/index.ts';
import { signInAs, startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createPerson, createTenant, createUnit } from '../support/factories.ts';
import { organisationCsv } from '../fixtures/import/generate.ts';

type Problem = { status: number; code: string; title: string; errors?: Array<{ path: string; message: string }> };

describe('API resources', () => {
  let t: TestApp;
  const A = { tenant: '', root: { id: '', path: '', depth: 0 }, child: { id: '', path: '', depth: 1 }, grandchild: { id: '', path: '', depth: 2 }, other: { id: '' }, persons: [] as Array<{ id: string; number: string }> };
  const B = { tenant: '', unit: '', person: '' };
  let full: string;
  let orgOnly: string;
  let bToken: string;
  let fullTokenId: string;
  let everything: string;

  const token = async (tenantId: string, scopes: ApiScope[]) => createApiToken({ database: t.db.database, actor: { kind: 'system', tenantId, purpose: 'test' }, input: { name: scopes.join('+'), scopes } });
  const get = (secret: string, path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${secret}`, ...headers } });
  const patch = (secret: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.url}${path}`, { method: 'PATCH', body: JSON.stringify(body), headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...headers } });

  before(async () => {
    t = await startTestApp();
    const db = t.db.database;
    A.tenant = (await createTenant(db)).id;
    const root = await createUnit(db, A.tenant, { name: 'Fjordvik kommune' });
    const child = await createUnit(db, A.tenant, { parent: root, name: 'Helse og omsorg' });
    const grandchild = await createUnit(db, A.tenant, { parent: child, name: 'Fjordheimen' });
    const other = await createUnit(db, A.tenant, { parent: root, name: 'Oppvekst' });
    Object.assign(A, { root, child, grandchild, other });
    for (const [unit, number] of [
      [grandchild.id, 'A-100'],
      [child.id, 'A-101'],
      [other.id, 'A-102'],
      [root.id, 'A-103'],
    ] as const) {
      const { person } = await createPerson(db, A.tenant, { unitId: unit, employeeNumber: number, familyName: 'Nordmann' });
      A.persons.push({ id: person.id, number });
    }
    B.tenant = (await createTenant(db)).id;
    B.unit = (await createUnit(db, B.tenant, { name: 'Andre kommune' })).id;
    B.person = (await createPerson(db, B.tenant, { unitId: B.unit, employeeNumber: 'B-1' })).person.id;
    const created = await token(A.tenant, ['org:read', 'people:read', 'people:write']);
    full = created.secret;
    fullTokenId = created.id;
    orgOnly = (await token(A.tenant, ['org:read'])).secret;
    bToken = (await token(B.tenant, ['org:read', 'people:read', 'people:write'])).secret;
    everything = (await token(A.tenant, ['org:read', 'people:read', 'people:write', 'import:write'])).secret;
  });
  after(() => t.close());

  it('lists every unit of the tenant, flat with parentId, page by page', async () => {
    const seen: Array<{ id: string; parentId: string | null; code: string }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(orgOnly, `/api/v1/units?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.status, 200);
      const body = (await res.json()) as { items: typeof seen; nextCursor: string | null };
      assert.ok(body.items.length <= 3);
      seen.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 2);
    assert.deepEqual(seen.map((u) => u.id).sort(), [A.root.id, A.child.id, A.grandchild.id, A.other.id].sort());
    assert.equal(seen.find((u) => u.id === A.grandchild.id)?.parentId, A.child.id);
    assert.equal(seen.find((u) => u.id === A.root.id)?.parentId, null);
  });

  it('gets one unit with an ETag, and its members', async () => {
    const res = await get(orgOnly, `/api/v1/units/${A.child.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('etag'), 'W/"1"');
    const unit = (await res.json()) as { name: string; ancestors: Array<{ id: string }>; children: Array<{ id: string }>; headCount: number };
    assert.equal(unit.name, 'Helse og omsorg');
    assert.deepEqual(unit.ancestors.map((a) => a.id), [A.root.id]);
    assert.deepEqual(unit.children.map((c) => c.id), [A.grandchild.id]);
    assert.equal(unit.headCount, 2);

    const members = (await (await get(orgOnly, `/api/v1/units/${A.grandchild.id}/members`)).json()) as { items: Array<{ personId: string; ftePercent: number | null }>; total: number };
    assert.equal(members.total, 1);
    assert.equal(members.items[0]!.personId, A.persons[0]!.id);
    assert.equal(members.items[0]!.ftePercent, null, 'FTE is personnel data: not for an org:read token');
    const detailed = (await (await get(full, `/api/v1/units/${A.grandchild.id}/members`)).json()) as { items: Array<{ ftePercent: number | null }> };
    assert.equal(detailed.items[0]!.ftePercent, 100);
  });

  it('refuses a token without the scope with 403 insufficient_scope', async () => {
    for (const path of ['/api/v1/persons', `/api/v1/persons/${A.persons[0]!.id}`]) {
      const res = await get(orgOnly, path);
      assert.equal(res.status, 403, path);
      assert.match(res.headers.get('www-authenticate') ?? '', /error="insufficient_scope", scope="people:read"/);
      assert.equal(((await res.json()) as Problem).code, 'FORBIDDEN');
    }
    const res = await patch(orgOnly, `/api/v1/persons/${A.persons[0]!.id}`, { givenName: 'X' }, { 'if-match': 'W/"1"' });
    assert.equal(res.status, 403);
  });

  it("never shows another tenant's units or persons (404, as for unknown ids)", async () => {
    for (const path of [`/api/v1/units/${B.unit}`, `/api/v1/units/${B.unit}/members`, `/api/v1/persons/${B.person}`, `/api/v1/persons?unitId=${B.unit}`]) {
      const res = await get(full, path);
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    }
    assert.equal((await patch(full, `/api/v1/persons/${B.person}`, { givenName: 'Hacked' }, { 'if-match': 'W/"1"' })).status, 404);
    const list = (await (await get(bToken, '/api/v1/persons')).json()) as { items: Array<{ id: string }> };
    assert.deepEqual(
      list.items.map((p) => p.id),
      [B.person],
    );
    assert.equal((await get(full, '/api/v1/units/not-a-uuid')).status, 404);
  });

  it('lists persons filtered by a unit and everything below it, or by employee number; audited', async () => {
    const below = (await (await get(full, `/api/v1/persons?unitId=${A.child.id}`)).json()) as { items: Array<{ id: string; employeeNumbers: string[] }> };
    assert.deepEqual(below.items.map((p) => p.id).sort(), [A.persons[0]!.id, A.persons[1]!.id].sort());
    const all = (await (await get(full, '/api/v1/persons')).json()) as { items: unknown[] };
    assert.equal(all.items.length, 4);
    const byNumber = (await (await get(full, '/api/v1/persons?employeeNumber=A-102')).json()) as { items: Array<{ id: string; employeeNumbers: string[] }> };
    assert.deepEqual(byNumber.items.map((p) => p.id), [A.persons[2]!.id]);
    assert.deepEqual(byNumber.items[0]!.employeeNumbers, ['A-102']);
    const audit = await t.db.database.withPlatform((tx) => queryRows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = 'person.list' and actor = ${`api:${fullTokenId}`}`));
    assert.ok(audit[0]!.n >= 3);
  });

  it('refuses invalid input with 422 and errors translated to the requested language', async () => {
    const en = await get(full, '/api/v1/persons?limit=0&unitId=nope', { 'accept-language': 'en' });
    assert.equal(en.status, 422);
    assert.match(en.headers.get('content-type') ?? '', /application\/problem\+json/);
    const enBody = (await en.json()) as Problem;
    assert.equal(enBody.code, 'VALIDATION');
    assert.deepEqual(enBody.errors?.map((e) => e.path).sort(), ['query.limit', 'query.unitId']);
    assert.equal(enBody.title, translate('en', 'errors.code.VALIDATION'));
    assert.equal(enBody.errors?.find((e) => e.path === 'query.limit')?.message, translate('en', 'errors.field.tooSmall', { min: 1 }));

    const nn = (await (await get(full, '/api/v1/persons?limit=0', { 'accept-language': 'nn-NO' })).json()) as Problem;
    assert.equal(nn.title, translate('nn', 'errors.code.VALIDATION'));
    assert.equal(nn.errors?.[0]?.message, translate('nn', 'errors.field.tooSmall', { min: 1 }));
    assert.notEqual(nn.errors?.[0]?.message, enBody.errors?.find((e) => e.path === 'query.limit')?.message);

    const cursor = (await (await get(full, '/api/v1/units?cursor=bm9uc2Vuc2U')).json()) as Problem;
    assert.equal(cursor.code, 'VALIDATION');
    assert.equal(cursor.errors?.[0]?.path, 'query.cursor');
  });

  it('gets a person with employments, an ETag and an audit row', async () => {
    const target = A.persons[0]!;
    const res = await get(full, `/api/v1/persons/${target.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('etag'), 'W/"1"');
    const person = (await res.json()) as { id: string; version: number; employments: Array<{ employeeNumber: string; unitPathNames: string[]; ftePercent: number }> };
    assert.equal(person.version, 1);
    const unchanged = await get(full, `/api/v1/persons/${target.id}`, { 'if-none-match': 'W/"1"' });
    assert.equal(unchanged.status, 304);
    assert.equal(person.employments[0]!.employeeNumber, target.number);
    assert.deepEqual(person.employments[0]!.unitPathNames, ['Fjordvik kommune', 'Helse og omsorg', 'Fjordheimen']);
    const audit = await t.db.database.withPlatform((tx) =>
      queryRows<{ actor: string; tenant_id: string }>(tx, sql`select actor, tenant_id::text from audit_log where action = 'person.read' and subject_id = ${target.id}`),
    );
    assert.ok(audit.some((a) => a.actor === `api:${fullTokenId}` && a.tenant_id === A.tenant));
  });

  it('changes a person only with the current version in If-Match (428, 412, 200 with a new ETag)', async () => {
    const target = A.persons[1]!;
    const path = `/api/v1/persons/${target.id}`;
    const missing = await patch(full, path, { givenName: 'Ragnhild' });
    assert.equal(missing.status, 428);
    const missingBody = (await missing.json()) as Problem;
    assert.equal(missingBody.errors?.[0]?.path, 'If-Match');

    const wrongType = await fetch(`${t.url}${path}`, { method: 'PATCH', body: 'givenName=Ragnhild', headers: { authorization: `Bearer ${full}`, 'content-type': 'application/x-www-form-urlencoded', 'if-match': 'W/"1"' } });
    assert.equal(wrongType.status, 415);

    const invalid = await patch(full, path, { givenName: '', shoeSize: 44 }, { 'if-match': 'W/"1"', 'accept-language': 'en' });
    assert.equal(invalid.status, 422);
    const invalidBody = (await invalid.json()) as Problem;
    assert.ok(invalidBody.errors?.some((e) => e.path === 'body.givenName'));

    const stale = await patch(full, path, { givenName: 'Ragnhild' }, { 'if-match': 'W/"7"' });
    assert.equal(stale.status, 412);
    assert.equal(((await stale.json()) as Problem).code, 'STALE_VERSION');

    const ok = await patch(full, path, { givenName: 'Ragnhild', phone: null }, { 'if-match': 'W/"1"' });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('etag'), 'W/"2"');
    const saved = (await ok.json()) as { givenName: string; familyName: string; version: number };
    assert.equal(saved.givenName, 'Ragnhild');
    assert.equal(saved.familyName, 'Nordmann', 'fields not sent are kept');
    assert.equal(saved.version, 2);

    const again = await patch(full, path, { givenName: 'Kari' }, { 'if-match': 'W/"1"' });
    assert.equal(again.status, 412, 'the old version is stale now');
    const fresh = (await (await get(full, path)).json()) as { givenName: string };
    assert.equal(fresh.givenName, 'Ragnhild');

    const audit = await t.db.database.withPlatform((tx) => queryRows<{ details: { fields: string[] } }>(tx, sql`select details from audit_log where action = 'person.update' and subject_id = ${target.id}`));
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]!.details.fields, ['givenName']);
  });

  it('works with a browser session; a session PATCH needs the CSRF header', async () => {
    const account = await createAccount(t.db.database, A.tenant, { roles: ['coordinator'] });
    const client = await signInAs(t, A.tenant, account.id);
    const target = A.persons[2]!;
    const read = await client.get(`/api/v1/persons/${target.id}`);
    assert.equal(read.status, 200);
    const body = JSON.stringify({ familyName: 'Fjell' });
    const noCsrf = await client.fetch(`/api/v1/persons/${target.id}`, { method: 'PATCH', body, headers: { 'content-type': 'application/json', 'if-match': 'W/"1"' } });
    assert.equal(noCsrf.status, 403);
    assert.equal(((await noCsrf.json()) as Problem).code, 'CSRF');
    const withCsrf = await client.fetch(`/api/v1/persons/${target.id}`, { method: 'PATCH', body, headers: { 'content-type': 'application/json', 'if-match': 'W/"1"', 'x-csrf-token': client.csrf ?? '' } });
    assert.equal(withCsrf.status, 200);
    assert.equal(((await withCsrf.json()) as { familyName: string }).familyName, 'Fjell');
  });

  it('looks up STYRK-08 occupations', async () => {
    const res = await get(orgOnly, '/api/v1/occupations?query=2223');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { items: Array<{ code: string; level: number }> };
    assert.ok(body.items.some((o) => o.code === '2223' && o.level === 4));
  });

  it('runs an HR import: upload, dry run, commit (import:write), polling the run', async () => {
    const tenantId = (await createTenant(t.db.database)).id;
    const importer = (await token(tenantId, ['import:write'])).secret;
    const reader = (await token(tenantId, ['people:read'])).secret;
    const { csv, rows, org } = organisationCsv({ seed: 11, employees: 12 });
    const post = (secret: string, path: string, body: BodyInit, type: string) => fetch(`${t.url}${path}`, { method: 'POST', body, headers: { authorization: `Bearer ${secret}`, 'content-type': type } });
    type Run = { id: string; status: string; mapping: Record<string, string>; counts: Record<string, number> | null; issues: unknown[] };
    const poll = async (id: string, until: string[]) => {
      for (let i = 0; i < 200; i++) {
        const run = (await (await get(importer, `/api/v1/imports/${id}`)).json()) as Run;
        if (until.includes(run.status)) return run;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`import ${id} never reached ${until.join('/')}`);
    };

    assert.equal((await post(reader, '/api/v1/imports?fileName=hr.csv', new Uint8Array(csv), 'text/csv')).status, 403, 'people:read cannot import');
    assert.equal((await post(importer, '/api/v1/imports', '{"a":1}', 'application/json')).status, 415);
    const garbage = await post(importer, '/api/v1/imports', new Uint8Array([0, 1, 2, 3, 255, 254, 0, 0]), 'application/octet-stream');
    assert.equal(garbage.status, 422);
    assert.equal(((await garbage.json()) as Problem).errors?.[0]?.path, 'file');

    const uploaded = await post(importer, '/api/v1/imports?fileName=hr.csv', new Uint8Array(csv), 'text/csv');
    assert.equal(uploaded.status, 201);
    const run = (await uploaded.json()) as Run;
    assert.equal(run.status, 'uploaded');
    assert.equal(run.mapping.employeeNumber !== undefined, true, 'a suggested mapping');

    const early = await post(importer, `/api/v1/imports/${run.id}/commit`, '', 'application/json');
    assert.equal(early.status, 409, 'no commit before a successful preview');

    const preview = await post(importer, `/api/v1/imports/${run.id}/preview`, JSON.stringify({ endMissing: false }), 'application/json');
    assert.equal(preview.status, 202);
    const previewed = await poll(run.id, ['previewed', 'invalid', 'failed']);
    assert.equal(previewed.status, 'previewed', JSON.stringify(previewed.issues).slice(0, 300));
    assert.equal(previewed.counts?.creates, rows.length);

    assert.equal((await post(importer, `/api/v1/imports/${run.id}/commit`, '', 'application/json')).status, 202);
    const committed = await poll(run.id, ['committed', 'failed']);
    assert.equal(committed.status, 'committed');
    const persons = (await (await get(reader, '/api/v1/persons?limit=200')).json()) as { items: unknown[] };
    assert.equal(persons.items.length, org.persons.length);
    const list = (await (await get(importer, '/api/v1/imports')).json()) as { items: Array<{ id: string; status: string }> };
    assert.equal(list.items.find((r) => r.id === run.id)?.status, 'committed');
    assert.equal((await get(full, `/api/v1/imports/${run.id}`)).status, 403, 'a token of another tenant without import:write');
  });

  it('refuses with 422 exactly the query parameters the OpenAPI document marks as required', async () => {
    const doc = (await (await fetch(`${t.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string; required: boolean }> }>>;
    };
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      const op = item.get;
      if (!op || path.includes('{')) continue;
      const required = op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name);
      const res = await get(everything, path, { 'accept-language': 'en' });
      if (required.length === 0) {
        assert.equal(res.status, 200, `${path} needs no query parameter`);
        continue;
      }
      assert.equal(res.status, 422, path);
      const problem = (await res.json()) as Problem;
      assert.deepEqual(problem.errors?.map((e) => e.path).sort(), required.map((n) => `query.${n}`).sort(), path);
      assert.ok(problem.errors?.every((e) => e.message === translate('en', 'errors.field.required')));
      checked++;
    }
    assert.ok(checked >= 1, 'at least one endpoint has a required query parameter');
    const patchOp = doc.paths['/api/v1/persons/{personId}']?.patch;
    assert.ok(patchOp?.parameters.some((p) => p.in === 'header' && p.name === 'If-Match' && p.required));
  });
});
