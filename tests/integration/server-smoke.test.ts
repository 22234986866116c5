// The real server: health, readiness, metrics, security headers, 404s as a page and as
// problem+json, body limits, CSRF on state-changing requests.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client, startTestApp, type TestApp } from '../support/server.ts';

describe('server basics', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('answers /healthz, /readyz and /metrics', async () => {
    assert.equal((await fetch(`${t.url}/healthz`)).status, 200);
    const ready = await fetch(`${t.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.match(await ready.text(), /"ready"/);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    assert.match(metrics, /rytme_http_requests_total/);
  });

  it('sets security headers on pages', async () => {
    const res = await fetch(`${t.url}/`);
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self' 'nonce-/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.ok(res.headers.get('x-request-id'));
  });

  it('renders a friendly 404 page in the requested language, and problem+json under /api', async () => {
    const page = await fetch(`${t.url}/finst-ikkje`, { headers: { 'accept-language': 'en' } });
    assert.equal(page.status, 404);
    const html = await page.text();
    assert.match(html, /Page not found/);
    assert.doesNotMatch(html, /at .*\.ts:\d+/, 'no stack trace');
    const api = await fetch(`${t.url}/api/v1/finst-ikkje`);
    assert.equal(api.status, 404);
    assert.match(api.headers.get('content-type') ?? '', /application\/problem\+json/);
    const body = (await api.json()) as { status: number; code: string };
    assert.equal(body.status, 404);
    assert.equal(body.code, 'NOT_FOUND');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const client = new Client(t.url);
    await client.primeCsrf();
    const res = await client.fetch('/language', { method: 'POST', body: new URLSearchParams({ language: 'en', next: '/' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.status, 403);
    const ok = await client.postForm('/language', { language: 'en', next: '/' });
    assert.equal(ok.status, 302);
    assert.match(ok.headers.get('set-cookie') ?? '', /rytme_lang=en/);
  });

  it('refuses an over-large body with 413 before reading it', async () => {
    const res = await fetch(`${t.url}/language`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.status, 413);
  });
});

describe('protected metrics', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ METRICS_TOKEN: 'a-long-metrics-token-for-tests' });
  });
  after(() => t.close());

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    assert.equal((await fetch(`${t.url}/metrics`)).status, 401);
    assert.equal((await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status, 401);
    const ok = await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer a-long-metrics-token-for-tests' } });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /rytme_http_requests_total/);
  });
});
