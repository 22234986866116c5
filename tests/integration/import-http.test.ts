// The import flow through the real HTTP server and pg-boss jobs: upload a CSV (multipart with
// CSRF), map columns, the preview job runs, the run page shows the status after a reload,
// commit, result; a 100 MB upload gets a translated 413 page; template downloads.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startTestApp, signInAs, type TestApp, type Client } from '../support/server.ts';
import { createAccount, createTenant } from '../support/factories.ts';
import { toCsv } from '../fixtures/import/generate.ts';

describe('import over HTTP', () => {
  let t: TestApp;
  let client: Client;
  before(async () => {
    t = await startTestApp();
    const tenant = await createTenant(t.db.database);
    const account = await createAccount(t.db.database, tenant.id, { roles: ['tenant_admin'] });
    client = await signInAs(t, tenant.id, account.id);
  });
  after(async () => {
    await t?.close();
  });

  async function waitForStatus(path: string, text: string) {
    for (let i = 0; i < 80; i++) {
      const html = await (await client.get(path)).text();
      if (html.includes(text)) return html;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`timed out waiting for ${text}`);
  }

  it('uploads, previews, commits and shows the result', async () => {
    const rows = [1, 2, 3].map((n) => ({ employeeNumber: `H${n}`, givenName: 'Kari', familyName: `Nordmann${n}`, unitCode: 'K', unitName: 'Testkommune', positionTitle: 'Lærar', ftePercent: '100', startDate: '2020-01-01' }));
    const form = new FormData();
    form.set('_csrf', client.csrf!);
    form.set('file', new Blob([new Uint8Array(toCsv(rows))], { type: 'text/csv' }), 'hr.csv');
    const upload = await client.fetch('/admin/import', { method: 'POST', body: form });
    assert.equal(upload.status, 302);
    const runPath = upload.headers.get('location')!;
    assert.match(runPath, /^\/admin\/import\/[0-9a-f-]{36}$/);
    const mappingPage = await (await client.get(runPath)).text();
    assert.ok(mappingPage.includes('Kople kolonnane'));
    const fields: Record<string, string> = { intent: 'preview', mappingVersion: '', endMissing: '1', 'map.employeeNumber': 'Tilsettnummer', 'map.givenName': 'Førenamn', 'map.familyName': 'Etternamn', 'map.unitCode': 'Einingskode', 'map.unitName': 'Einingsnamn', 'map.positionTitle': 'Stillingstittel', 'map.ftePercent': 'Stillingsprosent', 'map.startDate': 'Startdato' };
    const mapped = await client.postForm(runPath, fields);
    assert.equal(mapped.status, 302);
    const preview = await waitForStatus(runPath, 'Klar til import');
    assert.ok(preview.includes('Nordmann2'));
    const committed = await client.postForm(runPath, { intent: 'commit' });
    assert.equal(committed.status, 302);
    const done = await waitForStatus(runPath, 'Importen er fullført');
    assert.ok(done.includes('3 nye'));
    const list = await (await client.get('/admin/import')).text();
    assert.ok(list.includes('hr.csv'));
  });

  it('shows a translated error for a broken encoding and a 413 page for 100 MB', async () => {
    const form = new FormData();
    form.set('_csrf', client.csrf!);
    form.set('file', new Blob([new Uint8Array([0x61, 0x3b, 0x62, 0x0a, 0xff, 0xfe, 0x41])]), 'bad.csv');
    const bad = await client.fetch('/admin/import', { method: 'POST', body: form });
    assert.equal(bad.status, 422);
    assert.ok((await bad.text()).includes('CSV UTF-8'));
    const url = new URL('/admin/import', t.url);
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(100 * 1024 * 1024), cookie: client.cookieHeader() } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write('--x\r\n');
    });
    assert.equal(status.status, 413);
    assert.ok(status.body.includes('20 MB'));
  });

  it('serves the template as XLSX and CSV', async () => {
    const x = await client.get('/admin/import/template/xlsx?lang=en');
    assert.equal(x.status, 200);
    assert.equal(Buffer.from(await x.arrayBuffer()).subarray(0, 2).toString(), 'PK');
    const c = await client.get('/admin/import/template/csv?lang=nb');
    assert.ok((await c.text()).includes('Ansattnummer;Fornavn'));
  });
});
