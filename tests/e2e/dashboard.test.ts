// The dashboard in a real browser: a coordinator reaches it from the header, sees the units'
// mapping forms (one handed in, one overdue), the measure-type mix, evaluation coverage and the
// trend small multiples as SVG charts with titles and tables with the same figures, and the
// cost-vs-budget panel without a plan for the year; moves to another year by keyboard; an
// employee has no header entry and is refused the page. axe runs on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { startSession } from '../../core/auth/start-session.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { startMappingForm } from '../../core/mapping/start-mapping-form.ts';
import { submitMappingForm } from '../../core/mapping/submit-mapping-form.ts';
import { saveYearEvaluation } from '../../core/catalogue/save-year-evaluation.ts';
import { competenceAreas } from '../../db/schema/index.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { actorFor, createAccount, createPerson, createPublishedMeasure, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('dashboard (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: Record<string, BrowserContext> = {};
  // The cycle for next year: its form deadline (1 November this year) may or may not have passed;
  // the one for this year (deadline last November) has, so a unit without a form is overdue.
  const year = new Date().getFullYear();

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    const tenantId = (await createTenant(db, { name: 'Flora kommune' })).id;
    const root = await createUnit(db, tenantId, { name: 'Flora kommune', kind: 'kommune' });
    const school = await createUnit(db, tenantId, { parent: root, name: 'Florø skule', kind: 'eining' });
    await createUnit(db, tenantId, { parent: root, name: 'Flora omsorgssenter', kind: 'eining' });
    const leader = await createPerson(db, tenantId, { unitId: school.id, givenName: 'Lars', familyName: 'Leiar' });
    await makeLeader(db, tenantId, school.id, leader.person.id);
    const staff = await createPerson(db, tenantId, { unitId: school.id, givenName: 'Siv', familyName: 'Tilsett' });
    const coordinatorAccount = await createAccount(db, tenantId, { roles: ['coordinator'], displayName: 'Frida Flora' });
    const employeeAccount = await createAccount(db, tenantId, { personId: staff.person.id, displayName: 'Siv Tilsett' });
    const leaderActor = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: leader.person.id }));
    const coordinator = await actorFor(db, tenantId, coordinatorAccount);
    for (const y of [year - 1, year]) await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year: y }, language: 'nn' });
    const [area] = await db.withTenant(tenantId, (tx) => tx.insert(competenceAreas).values({ tenantId, name: 'Lesing' }).returning());
    const { formId } = await startMappingForm({ database: db, actor: leaderActor, unitId: school.id, input: { year } });
    const need = { term: 'short', competenceAreaId: area!.id, peopleCount: '4', priority: '1', measureTypes: ['peer_guidance'], whyText: 'Betre lesing' };
    await submitMappingForm({ database: db, actor: leaderActor, formId, input: { version: '1', discussionDate: `${year - 1}-10-01`, participantsText: 'Alle', needs: [need, need] }, now: new Date(`${year - 1}-10-10T10:00:00Z`) });
    const course = await createPublishedMeasure(db, tenantId, { type: 'external_course', startDate: `${year}-01-10`, endDate: `${year}-01-11`, attendee: { personId: staff.person.id, unitId: school.id } });
    await createPublishedMeasure(db, tenantId, { type: 'peer_guidance', startDate: `${year}-01-12`, endDate: `${year}-01-13` });
    await createPublishedMeasure(db, tenantId, { type: 'study_group', startDate: `${year}-01-14`, endDate: `${year}-01-15` });
    await saveYearEvaluation({ database: db, actor: leaderActor, input: { measureId: course, unitId: school.id, year, rating: '5', text: 'Svært nyttig', version: '' } });
    for (const [key, account] of Object.entries({ coordinator: coordinatorAccount, employee: employeeAccount })) {
      const session = await db.withPlatform((tx) => startSession(tx, { tenantId, accountId: account.id, now: new Date(), absoluteMinutes: 60 }));
      const context = await browser.newContext({ baseURL: t.url, locale: 'nn-NO' });
      await context.addCookies([{ name: 'rytme_session', value: session.token, url: t.url }]);
      contexts[key] = context;
    }
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the coordinator the figures as charts with tables, and moves between years by keyboard', async () => {
    const page = await contexts.coordinator!.newPage();
    const problems = watchPage(page);
    await page.goto('/');
    await page.getByRole('link', { name: 'Oversikt', exact: true }).click();
    await page.locator('h1', { hasText: `Oversikt ${year}` }).waitFor();
    await page.goto(`/dashboard?year=${year}`);
    await page.locator('h1', { hasText: `Oversikt ${year}` }).waitFor();
    await expectAccessible(page, '/dashboard');
    const totals = await page.getByTestId('submission-totals').innerText();
    assert.match(totals, /Einingar som skal levere: 2/);
    assert.match(totals, /Levert: 1/);
    assert.match(totals, /På etterskot: 1/);
    assert.match(await page.getByTestId('overdue-units').innerText(), /Flora omsorgssenter/);
    // Every unit's status behind a disclosure, opened by keyboard.
    assert.equal(await page.getByTestId('unit-submissions').isVisible(), false);
    await page.locator('summary', { hasText: 'Alle 2 einingane med status' }).focus();
    await page.keyboard.press('Enter');
    const perUnit = await page.getByTestId('unit-submissions').innerText();
    assert.match(perUnit, /Florø skule\s+Utan sektor\s+Levert/);
    assert.match(perUnit, /Flora omsorgssenter\s+Utan sektor\s+For seint/);
    await expectAccessible(page, '/dashboard with the unit table open');
    // Charts carry a title; each has a table with the same figures.
    for (const title of [`Tiltak etter type i ${year}`, `Evaluerte tiltak per slag i ${year}`, 'Levert innan fristen per år', 'Behov i leverte skjema per år', 'Evaluerte tiltak per år']) {
      assert.equal(await page.locator('svg[role="img"] title', { hasText: title }).count(), 1, title);
    }
    const mix = await page.getByTestId('mix-table').innerText();
    assert.match(mix, /Eksternt kurs\s+Kurs og opplæring\s+1/);
    assert.match(mix, /Kollegarettleiing\s+Læring i arbeidet\s+1/);
    assert.match(await page.getByTestId('coverage-table').innerText(), /I alt\s+3\s+1\s+33\s?%/);
    assert.match(await page.getByTestId('trends-table').innerText(), new RegExp(`${year}\\s+\\S.*\\s+2\\s+33\\s?% \\(1 / 3\\)`));
    assert.match(await page.getByTestId('cost-vs-budget').innerText(), new RegExp(`Det finst ingen kompetanseplan med budsjett for ${year}`));
    // Keyboard: focus the other year's link and follow it with Enter.
    await page.getByRole('link', { name: `Vis ${year - 1}` }).focus();
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: `Oversikt ${year - 1}` }).waitFor();
    await expectAccessible(page, `/dashboard?year=${year - 1}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('gives an employee no header entry and refuses the page', async () => {
    const page = await contexts.employee!.newPage();
    await page.goto('/');
    assert.equal(await page.getByRole('link', { name: 'Oversikt', exact: true }).count(), 0);
    const response = await page.goto('/dashboard');
    assert.equal(response?.status(), 403);
    await page.close();
  });
});
