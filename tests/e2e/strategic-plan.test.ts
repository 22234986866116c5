// The strategic competence and staffing plan in a real browser: a coordinator creates a plan,
// works through step 2 (anchoring) and marks it done, sees the staffing analysis drawn in
// step 5 and enters what is required, adds a strategy in step 6 whose measure lands on the
// annual wheel, and opens the printable plan — with axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startSession } from '../../core/auth/start-session.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { ensureReferenceData } from '../../db/seed/reference.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createPerson, createTenant, createUnit } from '../support/factories.ts';

describe('strategic plan (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const year = new Date().getFullYear() + 1;

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    await ensureReferenceData(db);
    const tenantId = (await createTenant(db, { name: 'Fjordvik kommune' })).id;
    const root = await createUnit(db, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    const helse = await createUnit(db, tenantId, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    const heimen = await createUnit(db, tenantId, { parent: helse, name: 'Fjordheimen', kind: 'eining' });
    const thisYear = new Date().getFullYear();
    // 6 nurses who reach 67 in the plan's first year, 6 aged 30.
    for (let i = 0; i < 6; i++) await createPerson(db, tenantId, { unitId: heimen.id, birthYear: year - 67, styrk08: '2223' });
    for (let i = 0; i < 6; i++) await createPerson(db, tenantId, { unitId: heimen.id, birthYear: thisYear - 30, styrk08: '2223' });
    const account = await createAccount(db, tenantId, { roles: ['coordinator'], displayName: 'Siri Koordinator' });
    await createMilestone({
      database: db,
      actor: { kind: 'system', tenantId, purpose: 'test' },
      year,
      language: 'nn',
      input: { title: 'Kompetanseplanen er klar', deadline: `${year}-01-15`, ownerRole: 'coordinator', concerns: 'municipal_plan', target: 'none', reminderOffsets: '14', overdueEveryDays: '7', escalateAfterDays: '' },
    });
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

  it('creates a plan, walks a step, draws the analysis and puts a measure on the wheel', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Strategisk plan' }).click();
    await page.locator('h1', { hasText: 'Strategisk kompetanse- og bemanningsplan' }).waitFor();
    await page.getByText('Det finst ingen planar enno.').waitFor();
    await expectAccessible(page, '/strategic-plans');

    await page.getByLabel('Namn på planen').fill('Kompetanse og bemanning');
    assert.equal(await page.getByLabel('Første år').inputValue(), String(year));
    await page.getByRole('button', { name: 'Lag planen' }).click();
    await page.locator('h1', { hasText: 'Kompetanse og bemanning' }).waitFor();
    await page.getByText('0 av 7 steg er ferdige').first().waitFor();
    await expectAccessible(page, 'plan overview');

    // Step 2: anchoring, with the union representatives.
    await page.getByRole('link', { name: 'Steg 2: Forankring' }).click();
    await page.locator('h1', { hasText: 'Steg 2: Forankring' }).waitFor();
    await page.getByText('Kommunedirektøren og leiargruppa, politikarane og dei tillitsvalde.').waitFor();
    await expectAccessible(page, 'step 2');
    await page.getByLabel('Kven var med').fill('Kommunedirektør, hovudtillitsvalde');
    await page.getByLabel('Notat og avgjerder').fill('Lagt fram i leiarmøtet og drøfta med dei tillitsvalde.');
    await page.getByLabel('Steget er ferdig').check();
    await page.getByRole('button', { name: 'Lagre steget' }).click();
    await page.getByText('Lagra.').waitFor();
    await page.getByRole('navigation', { name: 'Stega i planen' }).getByRole('link', { name: /✓ 2\. Forankring \(Ferdig\)/ }).waitFor();
    await expectAccessible(page, 'step 2 saved');

    // Step 5: the analysis, drawn, and what is required.
    await page.getByRole('link', { name: /5\. Kompetanse- og bemanningsanalyse/ }).click();
    await page.locator('h1', { hasText: 'Steg 5' }).waitFor();
    const ageCharts = page.locator('[data-testid=age-charts] svg[role=img]');
    assert.equal(await ageCharts.count(), 2, 'all, and the nurses');
    assert.match((await ageCharts.nth(1).locator('title').textContent()) ?? '', /2223/);
    const retirement = page.locator('[data-testid=retirement-chart] svg[role=img]');
    assert.match((await retirement.locator('desc').textContent()) ?? '', new RegExp(`${year}: 6`));
    assert.match((await page.locator('[data-testid=retirement-table]').textContent()) ?? '', /Alle/);
    await expectAccessible(page, 'step 5');
    await page.getByLabel('Stillingsgruppe (STYRK-08)').selectOption('2223');
    for (let i = 0; i < 4; i++) await page.getByLabel(`Behov ${year + i}`).fill('12');
    await page.getByRole('button', { name: 'Lagre behovet' }).first().click();
    await page.getByText('Lagra.').waitFor();
    const projection = page.locator('[data-testid=projection-2223]');
    assert.match((await projection.locator('svg desc').textContent()) ?? '', /Behov: .*12/);
    // 12 now, 6 retire in the first year: 6 expected, a gap of 6.
    const firstYear = projection.getByRole('row', { name: new RegExp(`^${year}`) });
    assert.deepEqual(await firstYear.locator('td').allTextContents(), ['12', '6', '6']);
    await expectAccessible(page, 'step 5 with a requirement');
    await page.getByLabel('Kompetansebehov: kva som manglar').fill('Velferdsteknologi for alle i heimetenesta.');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText('Lagra.').waitFor();
    assert.equal(await page.getByLabel('Kompetansebehov: kva som manglar').inputValue(), 'Velferdsteknologi for alle i heimetenesta.');

    // Step 6: a strategy, and a measure that lands on the wheel.
    await page.getByRole('link', { name: /6\. Strategiar og tiltak/ }).click();
    await page.locator('h1', { hasText: 'Steg 6' }).waitFor();
    await page.getByText(`Årshjul finst for: ${year}.`).waitFor();
    await expectAccessible(page, 'step 6');
    await page.getByLabel('Strategi', { exact: true }).selectOption('recruit');
    await page.getByLabel('Stillingsgruppe (STYRK-08)').fill('2223');
    await page.getByLabel('Kva strategien går ut på').fill('Rekruttere sjukepleiarar');
    await page.getByRole('button', { name: 'Legg til strategi' }).click();
    const strategy = page.locator('[data-testid=strategy]', { hasText: 'Rekruttere: Rekruttere sjukepleiarar' });
    await strategy.waitFor();
    await strategy.getByLabel('Tiltaket').fill('Sommarjobb for sjukepleiestudentar');
    await strategy.getByLabel('Frist').fill(`${year}-03-01`);
    await strategy.getByRole('button', { name: 'Legg til tiltak i årshjulet' }).click();
    await strategy.getByRole('link', { name: 'Sommarjobb for sjukepleiestudentar' }).waitFor();
    await expectAccessible(page, 'step 6 with a measure');
    await strategy.getByRole('link', { name: 'Sommarjobb for sjukepleiestudentar' }).click();
    await page.locator('h1', { hasText: 'Sommarjobb for sjukepleiestudentar' }).waitFor();
    await expectAccessible(page, 'the measure on the wheel');
    await page.goto(`/wheel/milestones?year=${year}`);
    await page.getByRole('link', { name: 'Sommarjobb for sjukepleiestudentar' }).waitFor();

    await page.goto('/strategic-plans');
    await page.getByRole('link', { name: 'Kompetanse og bemanning' }).click();
    await page.getByRole('link', { name: 'Planen til utskrift' }).click();
    await page.locator('h1', { hasText: `Kompetanse og bemanning ${year}–${year + 3}` }).waitFor();
    assert.match((await page.locator('article.plan-print').textContent()) ?? '', /Velferdsteknologi for alle i heimetenesta\..*Rekruttere sjukepleiarar.*Sommarjobb for sjukepleiestudentar/s);
    await expectAccessible(page, 'printable plan');
    assert.deepEqual(problems, []);
  });
});
