// Sign-in in a real browser: a failed and a successful local sign-in, the account pages, the
// administration pages, the password pages, and OpenID Connect sign-in through a real provider's
// login page. axe (WCAG 2.1 A/AA) on every page visited.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { tenants } from '../../db/schema/index.ts';
import { expectAccessible, launchBrowser, newPage, watchPage } from '../support/browser.ts';
import { TEST_PASSWORD, createAccount, createTenant } from '../support/factories.ts';
import { freePort, startTestIdp, type TestIdp } from '../support/oidc-provider.ts';
import { startTestApp, type TestApp } from '../support/server.ts';

describe('sign-in (browser)', () => {
  let t: TestApp;
  let idp: TestIdp;
  let browser: Browser;
  let tenant: { id: string; slug: string };
  let adminId: string;
  before(async () => {
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    idp = await startTestIdp({ redirectUris: [`${publicUrl}/auth/oidc/callback`], users: [{ sub: 'liv-sub', password: 'idp-pass', email: 'liv@e2evik.no', emailVerified: true }] });
    t = await startTestApp({ PORT: String(port), PUBLIC_URL: publicUrl });
    tenant = await createTenant(t.db.database, { name: 'E2evik kommune' });
    await t.db.database.withPlatform((tx) =>
      tx.update(tenants).set({ oidc: { kind: 'feide', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, displayName: 'Feide (test)' } }).where(eq(tenants.id, tenant.id)),
    );
    adminId = (await createAccount(t.db.database, tenant.id, { email: 'admin@e2evik.no', displayName: 'Astrid Admin', roles: ['tenant_admin'] })).id;
    await createAccount(t.db.database, tenant.id, { email: 'liv@e2evik.no', displayName: 'Liv Lærar', password: null });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await idp?.close();
  });

  it('signs in with password after a failed attempt, and visits the account and administration pages', async () => {
    const page = await newPage(browser, t.url);
    const problems = watchPage(page);
    await page.goto(`/login?tenant=${tenant.slug}&next=%2Faccount`);
    assert.equal(await page.title(), 'Logg inn – Rytme');
    await expectAccessible(page, 'login');

    await page.getByLabel('E-postadresse').fill('admin@e2evik.no');
    await page.getByLabel('Passord').fill('heilt-feil-passord');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.getByText('E-postadressa eller passordet er feil').waitFor();
    await expectAccessible(page, 'login with error');

    await page.getByLabel('Passord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.waitForURL(/\/account$/);
    await page.locator('h1', { hasText: 'Brukarkontoen min' }).waitFor();
    await expectAccessible(page, 'account');

    for (const [path, heading] of [
      ['/admin/accounts', 'Brukarkontoar'],
      [`/admin/accounts/${adminId}`, 'Astrid Admin'],
      ['/admin/accounts/new', 'Ny brukarkonto'],
      ['/admin/settings', 'Innstillingar for innlogging'],
      ['/admin/outbox', 'Utgåande e-post'],
    ] as const) {
      await page.goto(path);
      await page.locator('h1', { hasText: heading }).waitFor();
      await expectAccessible(page, path);
    }

    // A validation error on the create form is announced in the summary and next to the field.
    await page.goto('/admin/accounts/new');
    await page.getByRole('button', { name: 'Opprett kontoen' }).click();
    await page.getByText('Rett opp dette før du går vidare').waitFor();
    await expectAccessible(page, 'create account with errors');

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/\/login/);
    await expectAccessible(page, 'after sign-out');
    // The refused sign-in (401) and the invalid form (422) are answers, not faults.
    assert.deepEqual(
      problems.filter((p) => !/status of (401|422) /.test(p)),
      [],
    );
    await page.context().close();
  });

  it('offers the forgotten-password pages', async () => {
    const page = await newPage(browser, t.url);
    const problems = watchPage(page);
    await page.goto(`/password/forgot?tenant=${tenant.slug}`);
    await expectAccessible(page, 'forgot');
    await page.getByLabel('E-postadresse').fill('admin@e2evik.no');
    await page.getByRole('button', { name: 'Send lenkje' }).click();
    await page.getByText('Dersom adressa høyrer til ein brukar hos oss').waitFor();
    await expectAccessible(page, 'forgot sent');
    await page.goto('/password/reset/not-a-real-token-aaaaaaaaaaaaaaaaaaaaa');
    await page.getByText('Lenkja er ikkje gyldig').waitFor();
    await expectAccessible(page, 'reset invalid');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it("signs in through the municipality's OpenID Connect provider", async () => {
    const page = await newPage(browser, t.url);
    const problems = watchPage(page);
    await page.goto(`/login?tenant=${tenant.slug}`);
    await page.getByRole('link', { name: 'Logg inn med Feide (test)' }).click();
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await expectAccessible(page, 'identity provider login page');
    await page.getByLabel('Username').fill('liv-sub');
    await page.getByLabel('Password').fill('idp-pass');
    await page.getByRole('button', { name: 'Sign in at the test provider' }).click();
    await page.waitForURL((url) => url.href === `${t.url}/` || url.href.endsWith(':' + new URL(t.url).port + '/'));
    await page.locator('h1', { hasText: 'Velkomen til Rytme' }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /Liv Lærar/);
    await expectAccessible(page, 'home after OIDC sign-in');
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
