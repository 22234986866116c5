// The JSON API's front door, through the real HTTP server: bearer tokens (hashed at rest,
// revocable, last use recorded), the browser session as an alternative, problem+json for
// every refusal, the API token administration page, and the OpenAPI 3.1 document.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createApiToken } from '../../core/api-tokens/create-api-token.ts';
import { revokeApiToken } from '../../core/api-tokens/revoke-api-token.ts';
import type { ApiScope } from '../../core/shared/actor.ts';
import { translate } from '../../locales/index.ts';
import { Client, signInAs, startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createTenant } from '../support/factories.ts';

const bearer = (secret: string, extra: Record<string, string> = {}) => ({ headers: { authorization: `Bearer ${secret}`, ...extra } });

describe('API authentication and API tokens', () => {
  let t: TestApp;
  let tenant: { id: string; slug: string };
  let admin: { id: string };
  let token: { id: string; secret: string };

  const issue = (tenantId: string, scopes: ApiScope[], name = 'Integrasjon') =>
    createApiToken({ database: t.db.database, actor: { kind: 'system', tenantId, purpose: 'test' }, input: { name, scopes } });

  before(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.db.database);
    admin = await createAccount(t.db.database, tenant.id, { roles: ['tenant_admin'], displayName: 'Admin Adminsen' });
    token = await issue(tenant.id, ['org:read', 'people:read']);
  });
  after(() => t.close());

  it('accepts a valid token and tells who is calling', async () => {
    const res = await fetch(`${t.url}/api/v1/me`, bearer(token.secret));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.match(res.headers.get('cache-control') ?? '', /no-store/);
    const body = (await res.json()) as { kind: string; tenant: { id: string }; token: { id: string; scopes: string[] }; account: null };
    assert.equal(body.kind, 'token');
    assert.equal(body.tenant.id, tenant.id);
    assert.equal(body.token.id, token.id);
    assert.deepEqual(body.token.scopes.sort(), ['org:read', 'people:read']);
    assert.equal(body.account, null);
  });

  it('refuses a request without credentials with 401, WWW-Authenticate and problem+json', async () => {
    const res = await fetch(`${t.url}/api/v1/me`, { headers: { 'accept-language': 'en' } });
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer realm="rytme"/);
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const body = (await res.json()) as { status: number; code: string; title: string; instance: string };
    assert.equal(body.status, 401);
    assert.equal(body.code, 'UNAUTHENTICATED');
    assert.equal(body.instance, '/api/v1/me');
    assert.equal(body.title, translate('en', 'errors.code.UNAUTHENTICATED'));
  });

  it('refuses unknown, malformed and non-bearer credentials as invalid_token', async () => {
    const unknown = `rytme_${'A'.repeat(43)}`;
    for (const header of [`Bearer ${unknown}`, 'Bearer nonsense', `Basic ${Buffer.from('a:b').toString('base64')}`, `Bearer ${token.secret.slice(0, -1)}x`]) {
      const res = await fetch(`${t.url}/api/v1/me`, { headers: { authorization: header } });
      assert.equal(res.status, 401, header);
      assert.match(res.headers.get('www-authenticate') ?? '', /error="invalid_token"/, header);
      const body = (await res.json()) as { code: string; title: string };
      assert.equal(body.code, 'UNAUTHENTICATED');
      assert.match(body.title, /API-nøkkelen er ugyldig/);
    }
  });

  it('refuses a revoked token', async () => {
    const doomed = await issue(tenant.id, ['org:read'], 'Skal trekkjast');
    assert.equal((await fetch(`${t.url}/api/v1/me`, bearer(doomed.secret))).status, 200);
    await revokeApiToken({ database: t.db.database, actor: { kind: 'system', tenantId: tenant.id, purpose: 'test' }, input: { id: doomed.id, version: 1 } });
    const res = await fetch(`${t.url}/api/v1/me`, bearer(doomed.secret));
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /invalid_token/);
  });

  it('stores only the sha256 of a token and records its last use', async () => {
    const fresh = await issue(tenant.id, ['org:read'], 'Hash-sjekk');
    const rowsBefore = await t.db.database.withPlatform((tx) => queryRows<{ token_hash: string; last_used_at: string | null; whole: string }>(tx, sql`select token_hash, last_used_at, row_to_json(a)::text as whole from api_tokens a where id = ${fresh.id}`));
    assert.equal(rowsBefore[0]!.token_hash, createHash('sha256').update(fresh.secret).digest('hex'));
    assert.equal(rowsBefore[0]!.last_used_at, null);
    const random = fresh.secret.slice('rytme_'.length);
    const everywhere = await t.db.database.withPlatform((tx) =>
      queryRows<{ n: number }>(tx, sql`select (select count(*) from api_tokens a where row_to_json(a)::text like ${`%${random}%`})::int + (select count(*) from audit_log l where row_to_json(l)::text like ${`%${random}%`})::int as n`),
    );
    assert.equal(everywhere[0]!.n, 0, 'the secret is nowhere in the database');
    await fetch(`${t.url}/api/v1/me`, bearer(fresh.secret));
    const rowsAfter = await t.db.database.withPlatform((tx) => queryRows<{ last_used_at: string | null }>(tx, sql`select last_used_at from api_tokens where id = ${fresh.id}`));
    assert.ok(rowsAfter[0]!.last_used_at, 'last_used_at set');
  });

  it('works with the browser session instead of a token', async () => {
    const client = await signInAs(t, tenant.id, admin.id);
    const res = await client.get('/api/v1/me');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { kind: string; account: { id: string; roles: string[] }; token: null };
    assert.equal(body.kind, 'session');
    assert.equal(body.account.id, admin.id);
    assert.ok(body.account.roles.includes('tenant_admin'));
    assert.equal(body.token, null);
  });

  it('answers 405 problem+json for a method the path does not support', async () => {
    const res = await fetch(`${t.url}/api/v1/me`, { method: 'POST', ...bearer(token.secret, { 'content-type': 'application/json' }), body: '{}' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET');
    assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  });

  describe('the administration page', () => {
    it('is for tenant administrators only', async () => {
      const coordinator = await createAccount(t.db.database, tenant.id, { roles: ['coordinator'] });
      const client = await signInAs(t, tenant.id, coordinator.id);
      assert.equal((await client.get('/admin/api-tokens')).status, 403);
      const anonymous = await new Client(t.url).get('/admin/api-tokens');
      assert.equal(anonymous.status, 302);
    });

    it('creates a token showing the secret once, lists it, and revokes it after confirmation', async () => {
      const client = await signInAs(t, tenant.id, admin.id);
      const page = await client.get('/admin/api-tokens');
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<title>API-nøklar – Rytme<\/title>/);

      const refused = await client.postForm('/admin/api-tokens', { intent: 'create', name: '' });
      assert.equal(refused.status, 422);
      const refusedHtml = await refused.text();
      assert.equal(refusedHtml.split(translate('nn', 'errors.field.required')).length - 1 >= 2, true, 'name and scopes are both reported as required');

      const body = new URLSearchParams({ _csrf: client.csrf ?? '', intent: 'create', name: 'Visma HRM' });
      body.append('scopes', 'org:read');
      body.append('scopes', 'people:write');
      const created = await client.fetch('/admin/api-tokens', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(created.status, 200);
      const html = await created.text();
      const secret = /value="(rytme_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
      assert.ok(secret, 'the new secret is shown');
      assert.match(html, /Du får ikkje sjå han igjen/);

      const me = (await (await fetch(`${t.url}/api/v1/me`, bearer(secret))).json()) as { token: { name: string; scopes: string[] } };
      assert.equal(me.token.name, 'Visma HRM');
      assert.deepEqual(me.token.scopes, ['org:read', 'people:write']);

      const list = await (await client.get('/admin/api-tokens')).text();
      assert.ok(!list.includes(secret), 'the secret is never shown again');
      assert.match(list, /Visma HRM/);
      assert.match(list, /Admin Adminsen/);
      const id = new RegExp(`href="/admin/api-tokens\\?revoke=([0-9a-f-]{36})"[^>]*aria-label="Trekk tilbake nøkkelen Visma HRM"`).exec(list)?.[1];
      assert.ok(id, 'a revoke link for the token');

      const confirm = await (await client.get(`/admin/api-tokens?revoke=${id}`)).text();
      assert.match(confirm, /Trekkje tilbake «Visma HRM»\?/);
      const revoked = await client.postForm('/admin/api-tokens', { intent: 'revoke', id, version: '1' });
      assert.equal(revoked.status, 200);
      assert.match(await revoked.text(), /er trekt tilbake/);
      assert.equal((await fetch(`${t.url}/api/v1/me`, bearer(secret))).status, 401);

      const again = await client.postForm('/admin/api-tokens', { intent: 'revoke', id, version: '1' });
      assert.equal(again.status, 409);

      const audit = await t.db.database.withPlatform((tx) => queryRows<{ action: string; actor: string }>(tx, sql`select action, actor from audit_log where subject_id = ${id} order by id`));
      assert.deepEqual(
        audit.map((a) => a.action),
        ['apiToken.create', 'apiToken.revoke'],
      );
      assert.ok(audit.every((a) => a.actor === admin.id));
    });

    it('refuses a stale revoke (optimistic lock)', async () => {
      const other = await issue(tenant.id, ['org:read'], 'Stale');
      const client = await signInAs(t, tenant.id, admin.id);
      const res = await client.postForm('/admin/api-tokens', { intent: 'revoke', id: other.id, version: '7' });
      assert.equal(res.status, 409);
      assert.match(await res.text(), /Nokon andre har lagra/);
      assert.equal((await fetch(`${t.url}/api/v1/me`, bearer(other.secret))).status, 200);
    });
  });

  describe('OpenAPI document', () => {
    type Doc = {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { operationId: string; security?: unknown[]; parameters: Array<{ name: string; in: string; required: boolean }>; responses: Record<string, unknown> }>>;
      components: { securitySchemes: Record<string, { type: string; scheme?: string }>; schemas: Record<string, unknown> };
    };
    let doc: Doc;
    before(async () => {
      const res = await fetch(`${t.url}/api/v1/openapi.json`);
      assert.equal(res.status, 200, 'public, no token needed');
      doc = (await res.json()) as Doc;
    });

    it('is an OpenAPI 3.1 document with bearer security and RFC 9457 problems', () => {
      assert.match(doc.openapi, /^3\.1\.\d+$/);
      assert.equal(doc.info.title, 'Rytme API');
      assert.equal(doc.components.securitySchemes.bearerAuth?.type, 'http');
      assert.equal(doc.components.securitySchemes.bearerAuth?.scheme, 'bearer');
      assert.ok(doc.components.schemas.Problem);
      for (const [path, item] of Object.entries(doc.paths)) {
        assert.match(path, /^\/api\/v1\//);
        for (const [method, op] of Object.entries(item)) {
          assert.ok(['get', 'post', 'patch', 'put', 'delete'].includes(method), `${method} ${path}`);
          assert.ok(op.operationId, `${method} ${path} has an operationId`);
          assert.ok(Object.keys(op.responses).some((s) => s.startsWith('2')), `${method} ${path} documents success`);
          if (op.security?.length !== 0) assert.ok(op.responses['401'], `${method} ${path} documents 401`);
          const declared = op.parameters.filter((p) => p.in === 'path').map((p) => p.name).sort();
          const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
          assert.deepEqual(declared, inTemplate, `${method} ${path} declares exactly its path parameters`);
          assert.ok(op.parameters.filter((p) => p.in === 'path').every((p) => p.required), `${method} ${path} path parameters are required`);
        }
      }
      // Every $ref points at something that exists.
      const text = JSON.stringify(doc);
      for (const [, ref] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
        let node: unknown = doc;
        for (const part of ref!.split('/')) node = (node as Record<string, unknown> | undefined)?.[part];
        assert.ok(node, `$ref #/${ref} resolves`);
      }
    });

    it('documents every /api/v1 route of app/routes.ts, and nothing else', () => {
      const routes = readFileSync(new URL('../../app/routes.ts', import.meta.url), 'utf8');
      const routed = [...routes.matchAll(/route\(\s*'(api\/v1\/[^']+)'/g)].map((m) => `/${m[1]!.replace(/:(\w+)/g, '{$1}')}`);
      assert.ok(routed.length >= 2);
      assert.deepEqual([...new Set(routed)].sort(), Object.keys(doc.paths).sort());
    });
  });
});
