// Every page of the product in a real browser, in nynorsk, bokmål and English: it renders
// without console errors, has a title and one h1, its first Tab stop is the skip link, and axe
// finds no WCAG 2.1 A/AA violation. The list of pages is checked against app/routes.ts so a
// new page cannot be left out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import routes from '../../app/routes.ts';
import { importRuns } from '../../db/schema/index.ts';
import { startSession } from '../../core/auth/start-session.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createPerson, createPublishedMeasure, createTenant, createUnit, makeLeader } from '../support/factories.ts';

/** Route patterns that are not pages (resource routes, redirects, downloads, the API). */
const NOT_PAGES = new Set(['language', 'logout', 'me', 'auth/oidc/start', 'auth/oidc/callback', 'people/:personId/export', 'admin/import/template/:format', 'admin/audit/export', 'wheel/feed/:token', 'api/*', '*']);
const PUBLIC_PAGES = ['/', '/login', '/password/forgot', '/password/reset/not-a-real-token'];

function pagePatterns(): string[] {
  return (routes as Array<{ path?: string; index?: boolean }>)
    .map((r) => (r.index ? '/' : r.path ?? ''))
    .filter((p) => !NOT_PAGES.has(p) && !p.startsWith('api/'));
}

describe('every page (browser, axe)', () => {
  let t: TestApp;
  let browser: Browser;
  let signedIn: BrowserContext;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    const tenant = await createTenant(db, { name: 'Fjordvik kommune' });
    const root = await createUnit(db, tenant.id, { name: 'Fjordvik kommune', kind: 'kommune' });
    const unit = await createUnit(db, tenant.id, { parent: root, name: 'Fjordheimen', kind: 'eining' });
    const me = await createPerson(db, tenant.id, { unitId: unit.id, givenName: 'Ingrid', familyName: 'Leiar' });
    await makeLeader(db, tenant.id, unit.id, me.person.id);
    const colleague = await createPerson(db, tenant.id, { unitId: unit.id, givenName: 'Kari', familyName: 'Kollega' });
    const account = await createAccount(db, tenant.id, { personId: me.person.id, roles: ['tenant_admin', 'coordinator', 'platform_admin'], displayName: 'Ingrid Leiar' });
    const [run] = await db.withTenant(tenant.id, (tx) =>
      tx.insert(importRuns).values({ tenantId: tenant.id, createdBy: account.id, fileName: 'hr.csv', fileType: 'csv', file: Buffer.from('x'), status: 'uploaded', summary: { headers: ['Tilsettnummer'], rowCount: 1 } }).returning(),
    );
    const milestone = await createMilestone({
      database: db,
      actor: { kind: 'system', tenantId: tenant.id, purpose: 'test' },
      year: new Date().getFullYear(),
      language: 'nn',
      input: { title: 'Kartleggingsskjema levert', deadline: `${new Date().getFullYear()}-11-01`, ownerRole: 'unit_leader', concerns: 'mapping_form', target: 'kind:eining', reminderOffsets: '14, 3, 0', overdueEveryDays: '7', escalateAfterDays: '14' },
    });
    // A finished measure the signed-in leader attended, so the feedback form is open to them.
    const measureId = await createPublishedMeasure(db, tenant.id, { title: 'Rettleiing i praksis', attendee: { personId: me.person.id, unitId: unit.id } });
    Object.assign(ids, { unitId: unit.id, personId: colleague.person.id, accountId: account.id, runId: run!.id, milestoneId: milestone.id, measureId });
    const session = await db.withPlatform((tx) => startSession(tx, { tenantId: tenant.id, accountId: account.id, now: new Date(), absoluteMinutes: 120 }));
    signedIn = await browser.newContext({ baseURL: t.url, locale: 'nn-NO' });
    await signedIn.addCookies([{ name: 'rytme_session', value: session.token, url: t.url }]);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function check(context: BrowserContext, path: string, language: string) {
    const page = await context.newPage();
    const problems = watchPage(page);
    const response = await page.goto(path);
    await page.waitForLoadState('networkidle');
    const status = response?.status() ?? 0;
    assert.ok(status === 200, `${path} (${language}) answered ${status}`);
    assert.ok((await page.title()).length > 0, `${path} has a title`);
    assert.equal(await page.locator('h1').count(), 1, `${path} has exactly one h1`);
    assert.equal(await page.getAttribute('html', 'lang'), language);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main', `${path}: first Tab stop is the skip link`);
    await expectAccessible(page, `${path} (${language})`);
    assert.deepEqual(problems, [], `${path}: console errors`);
    await page.close();
  }

  it('signed-in pages pass in nynorsk', async () => {
    const paths = pagePatterns()
      .filter((p) => !PUBLIC_PAGES.includes(p === '/' ? '/' : `/${p}`) || p === '/')
      .map((p) => (p === '/' ? '/' : `/${p}`).replace(':unitId', ids.unitId!).replace(':personId', ids.personId!).replace(':accountId', ids.accountId!).replace(':runId', ids.runId!).replace(':milestoneId', ids.milestoneId!).replace(':measureId', ids.measureId!).replace(':token', 'x'));
    assert.ok(paths.length >= 20, `pages found: ${paths.length}`);
    for (const path of paths) {
      if (path === '/login' || path.startsWith('/password/')) continue; // signed-in users are sent on; checked anonymously below
      await check(signedIn, path, 'nn');
    }
  });

  it('public pages pass anonymously in all three languages', async () => {
    for (const [locale, language] of [['nn-NO', 'nn'], ['nb-NO', 'nb'], ['en-GB', 'en']] as const) {
      const context = await browser.newContext({ baseURL: t.url, locale });
      for (const path of PUBLIC_PAGES) await check(context, path, language);
      await context.close();
    }
  });

  it('key signed-in pages pass in bokmål and English', async () => {
    for (const language of ['nb', 'en'] as const) {
      await signedIn.addCookies([{ name: 'rytme_lang', value: language, url: t.url }]);
      for (const path of ['/org', `/org/units/${ids.unitId}`, `/people/${ids.personId}`, '/admin', '/admin/import', '/wheel', `/wheel/milestones/${ids.milestoneId}`, '/wheel/board', '/catalogue?year=2025&half=spring', `/catalogue/measures/${ids.measureId}`, '/catalogue/providers']) await check(signedIn, path, language);
    }
    await signedIn.addCookies([{ name: 'rytme_lang', value: 'nn', url: t.url }]);
  });
});
