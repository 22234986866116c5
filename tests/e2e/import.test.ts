// HR import in a real browser: sign in (session cookie), upload a CSV through the form, match
// the columns, see the preview, commit, see the result — with axe on every page, and the
// client-side size check on an oversized file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchBrowser, newPage, watchPage } from '../support/browser.ts';
import { startTestApp, signInAs, type TestApp } from '../support/server.ts';
import { createAccount, createTenant } from '../support/factories.ts';
import { SESSION_COOKIE } from '../../app/server/cookies.ts';
import { toCsv } from '../fixtures/import/generate.ts';

describe('HR import (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let token: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'rytme-import-e2e-'));
  before(async () => {
    t = await startTestApp({ UPLOAD_LIMIT_MB: '1' });
    browser = await launchBrowser();
    const tenant = await createTenant(t.db.database);
    const account = await createAccount(t.db.database, tenant.id, { roles: ['coordinator'] });
    token = (await signInAs(t, tenant.id, account.id)).cookies.get(SESSION_COOKIE)!;
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedInPage() {
    const page = await newPage(browser, t.url);
    await page.context().addCookies([{ name: SESSION_COOKIE, value: token, url: t.url }]);
    return page;
  }

  it('uploads, maps, previews, commits and shows the result', async () => {
    const page = await signedInPage();
    const problems = watchPage(page);
    await page.goto('/admin/import');
    assert.equal(await page.locator('h1').textContent(), 'Import frå HR-systemet');
    await expectAccessible(page, 'import start');

    // Own headers, as a real HR export would have them: "Org" is not a known name.
    const rows = [1, 2, 3, 4].map((n) => ({ employeeNumber: `B${n}`, givenName: 'Kari', familyName: `Brukartest${n}`, unitCode: 'K', unitName: 'Testkommune', positionTitle: 'Lærar', ftePercent: '80', startDate: '01.08.2021' }));
    const file = path.join(dir, 'hr-eksport.csv');
    writeFileSync(file, toCsv(rows, { headers: { unitCode: 'Org' }, fields: ['employeeNumber', 'givenName', 'familyName', 'unitCode', 'unitName', 'positionTitle', 'ftePercent', 'startDate'] }));
    await page.setInputFiles('#import-file', file);
    await page.getByRole('button', { name: 'Last opp' }).click();
    await page.getByRole('heading', { name: 'Kople kolonnane' }).waitFor();
    await expectAccessible(page, 'mapping');
    assert.equal(await page.locator('#map-mapping-unitCode').inputValue(), '');
    await page.selectOption('#map-mapping-unitCode', 'Org');
    await page.getByRole('button', { name: 'Lag førehandsvising' }).click();
    await page.getByRole('heading', { name: 'Førehandsvising' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('creates').textContent(), '4');
    assert.ok(await page.getByRole('cell', { name: 'Kari Brukartest3' }).isVisible());
    await expectAccessible(page, 'preview');

    await page.getByRole('button', { name: 'Importer no' }).click();
    await page.getByRole('heading', { name: 'Importen er fullført' }).waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'result');
    // the result survives a reload (state is in the database)
    await page.reload();
    await page.getByRole('heading', { name: 'Importen er fullført' }).waitFor();
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('explains an oversized file before sending it', async () => {
    const page = await signedInPage();
    await page.goto('/admin/import');
    const file = path.join(dir, 'stor.csv');
    writeFileSync(file, Buffer.alloc(2 * 1024 * 1024, 0x41));
    await page.setInputFiles('#import-file', file);
    await page.getByRole('button', { name: 'Last opp' }).click();
    await page.locator('#import-file-error').waitFor();
    assert.match((await page.locator('#import-file-error').textContent()) ?? '', /grensa er 1 MB/);
    await expectAccessible(page, 'size error');
    await page.context().close();
  });
});
