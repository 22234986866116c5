// The annual wheel in a real browser: a coordinator who also leads a unit starts next year's
// wheel from the Gloppen template, reads the wheel and its list, marks the unit done on the
// milestone page and sees it on the status board, and meets a validation error on the
// milestone form — by keyboard, with axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startSession } from '../../core/auth/start-session.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('annual wheel (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const year = new Date().getFullYear() + 1;

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    const tenantId = (await createTenant(db, { name: 'Gloppen kommune' })).id;
    const root = await createUnit(db, tenantId, { name: 'Gloppen kommune', kind: 'kommune' });
    const school = await createUnit(db, tenantId, { parent: root, name: 'Sandane skule', kind: 'eining' });
    await createUnit(db, tenantId, { parent: root, name: 'Gloppen omsorgssenter', kind: 'eining' });
    const me = await createPerson(db, tenantId, { unitId: school.id, givenName: 'Guro', familyName: 'Gloppen' });
    await makeLeader(db, tenantId, school.id, me.person.id);
    const account = await createAccount(db, tenantId, { personId: me.person.id, roles: ['coordinator'], displayName: 'Guro Gloppen' });
    const session = await db.withPlatform((tx) => startSession(tx, { tenantId, accountId: account.id, now: new Date(), absoluteMinutes: 60 }));
    const context = await browser.newContext({ baseURL: t.url, locale: 'nn-NO' });
    await context.addCookies([{ name: 'rytme_session', value: session.token, url: t.url }]);
    page = await context.newPage();
    problems = watchPage(page);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('applies the Gloppen template, shows the wheel, marks a unit done and shows it on the board', async () => {
    await page.goto(`/wheel?year=${year}`);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('h1').textContent(), `Årshjulet ${year}`);
    await page.getByText(`Det finst ikkje noko årshjul for ${year} enno.`).waitFor();
    await expectAccessible(page, '/wheel without a cycle');

    await page.getByRole('link', { name: 'Lag årshjulet frå ein mal' }).click();
    await page.locator('h1', { hasText: 'Lag årshjulet frå ein mal' }).waitFor();
    await expectAccessible(page, '/wheel/templates');
    assert.equal(await page.getByRole('radio', { name: 'Gloppen-modellen' }).isChecked(), true);
    await page.getByRole('button', { name: 'Lag årshjulet' }).focus();
    await page.keyboard.press('Enter');

    await page.locator('h1', { hasText: `Årshjulet ${year}` }).waitFor();
    await page.waitForURL(new RegExp(`/wheel\\?year=${year}$`));
    const svg = page.locator('svg.annual-wheel');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.equal(await svg.locator('title').textContent(), `Årshjulet for ${year}`);
    assert.match((await svg.locator('desc').textContent()) ?? '', /fire|4 milepælar/);
    const items = page.locator('.wheel-marks li');
    assert.equal(await items.count(), 4);
    assert.match((await items.nth(0).textContent()) ?? '', new RegExp(`Kartleggingsskjema levert.*1\\. november ${year - 1}`));
    assert.match((await page.locator('.wheel-legend').textContent()) ?? '', /Ikkje starta.*I gang.*Ferdig.*Over fristen.*Heilagdag/);
    await expectAccessible(page, '/wheel with the Gloppen cycle');

    await page.getByRole('link', { name: 'Kartleggingsskjema rullert' }).click();
    await page.locator('h1', { hasText: 'Kartleggingsskjema rullert' }).waitFor();
    await expectAccessible(page, 'milestone page');
    // The leader may mark their own school; the care centre is not theirs to mark — but as a
    // coordinator they can mark both, so both rows have a form.
    const select = page.getByLabel('Status for Sandane skule');
    await select.focus();
    await select.selectOption('done');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Statusen er lagra.' }).waitFor();
    const row = page.getByRole('row', { name: /Sandane skule/ });
    await row.filter({ hasText: 'Guro Gloppen' }).waitFor();
    assert.match((await row.textContent()) ?? '', /Ferdig.*Guro Gloppen/);
    await expectAccessible(page, 'milestone page after saving');

    await page.getByRole('link', { name: 'Status per eining' }).click();
    await page.locator('h1', { hasText: `Status per eining ${year}` }).waitFor();
    const boardRow = page.getByRole('row', { name: /Sandane skule/ });
    assert.match((await boardRow.textContent()) ?? '', /Ferdig/);
    assert.match((await page.getByRole('row', { name: /Gloppen omsorgssenter/ }).textContent()) ?? '', /Ikkje starta/);
    await expectAccessible(page, '/wheel/board');

    await page.getByRole('link', { name: 'Milepælar', exact: true }).click();
    await page.locator('h1', { hasText: `Milepælar ${year}` }).waitFor();
    await expectAccessible(page, '/wheel/milestones');
    assert.deepEqual(problems, []);
  });

  it('refuses a milestone without a name with a message linked to the field', async () => {
    await page.goto(`/wheel/milestones/new?year=${year}`);
    await page.locator('h1', { hasText: `Ny milepæl i ${year}` }).waitFor();
    await expectAccessible(page, 'new milestone');
    await page.getByRole('button', { name: 'Lag milepælen' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    assert.match((await summary.textContent()) ?? '', /Feltet må fyllast ut/);
    // The summary links to the field it is about.
    assert.equal(await summary.getByRole('link').first().getAttribute('href'), '#milestone-title');
    await expectAccessible(page, 'new milestone with errors');
    await page.getByLabel('Namn på milepælen').fill('Brukarundersøking');
    await page.getByRole('button', { name: 'Lag milepælen' }).click();
    await page.locator('h1', { hasText: 'Brukarundersøking' }).waitFor();
    await expectAccessible(page, 'created milestone');
    // The refused save answers 422 on purpose; nothing else may be logged.
    assert.deepEqual(problems.filter((p) => !/status of 422/.test(p)), []);
  });
});
