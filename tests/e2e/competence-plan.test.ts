// The municipal competence plan in a real browser: a coordinator starts next year's plan with a
// budget frame, sees the units' handed-in needs by competence area and sector, adds two
// prioritised items (the second beyond the frame), sees the waterfall with the frame line, sees
// the 4-year outlook and sets aside an amount for a later year,
// approves the plan and downloads it as a PDF, which is read back. By keyboard where it
// matters, with axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { startSession } from '../../core/auth/start-session.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { createCompetenceArea } from '../../core/mapping/create-competence-area.ts';
import { startMappingForm } from '../../core/mapping/start-mapping-form.ts';
import { submitMappingForm } from '../../core/mapping/submit-mapping-form.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { readPdfText } from '../support/pdf-text.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('competence plan (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const year = new Date().getFullYear() + 1;

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    const tenantId = (await createTenant(db, { name: 'Flora kommune' })).id;
    const root = await createUnit(db, tenantId, { name: 'Flora kommune', kind: 'kommune' });
    const health = await createUnit(db, tenantId, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    const school = await createUnit(db, tenantId, { parent: root, name: 'Oppvekst', kind: 'sektor' });
    const home = await createUnit(db, tenantId, { parent: health, name: 'Florø omsorgssenter', kind: 'eining' });
    const skule = await createUnit(db, tenantId, { parent: school, name: 'Florø barneskule', kind: 'eining' });
    const coordinatorAccount = await createAccount(db, tenantId, { roles: ['coordinator'], displayName: 'Kari Koordinator' });
    const coordinator = await actorFor(db, tenantId, coordinatorAccount);
    await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year }, language: 'nn' });
    const care = await createCompetenceArea({ database: db, actor: coordinator, input: { name: 'Demens og eldre' } });
    const digital = await createCompetenceArea({ database: db, actor: coordinator, input: { name: 'Digital kompetanse' } });
    const today = new Date().toISOString().slice(0, 10);
    const hand = async (unitId: string, needs: Array<Record<string, unknown>>) => {
      const p = await createPerson(db, tenantId, { unitId });
      await makeLeader(db, tenantId, unitId, p.person.id);
      const leader = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: p.person.id }));
      const { formId } = await startMappingForm({ database: db, actor: leader, unitId, input: { year } });
      await submitMappingForm({ database: db, actor: leader, formId, input: { version: '1', discussionDate: today, participantsText: 'Personalmøte', needs: needs.map((n) => ({ term: 'short', description: '', whyText: '', measureTypes: ['peer_guidance'], priority: '1', ...n })) } });
    };
    await hand(home.id, [{ competenceAreaId: care.id, peopleCount: '14', costNok: '30000', substituteCostNok: '45000' }]);
    await hand(skule.id, [{ competenceAreaId: digital.id, peopleCount: '25', costNok: '60000', substituteCostNok: '0', measureTypes: ['e_learning'], term: 'long', year: String(year + 2) }]);
    const session = await db.withPlatform((tx) => startSession(tx, { tenantId, accountId: coordinatorAccount.id, now: new Date(), absoluteMinutes: 60 }));
    const context = await browser.newContext({ baseURL: t.url, locale: 'nn-NO', acceptDownloads: true });
    await context.addCookies([{ name: 'rytme_session', value: session.token, url: t.url }]);
    page = await context.newPage();
    problems = watchPage(page);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('aggregates the needs, prioritises within the budget frame, approves and downloads the PDF', async () => {
    await page.goto('/competence-plans');
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('h1').textContent(), 'Kompetanseplanar');
    await expectAccessible(page, '/competence-plans');

    // Start the plan with a frame of 100,000 kr.
    await page.getByLabel('År (årshjul)').selectOption(String(year));
    await page.getByLabel('Tittel').fill(`Kompetanseplan ${year}`);
    await page.getByLabel('Budsjettramme i kroner').fill('100 000');
    await page.getByRole('button', { name: 'Start planen' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: `Kompetanseplan ${year}` }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'the new plan');

    // The units' needs, added up by area across the sectors.
    const needs = page.getByRole('table', { name: 'Behov frå einingane' });
    assert.match((await needs.getByRole('row', { name: /Demens og eldre/ }).textContent()) ?? '', /Helse og omsorg/);
    assert.match((await needs.getByRole('row', { name: /Digital kompetanse/ }).textContent()) ?? '', /Oppvekst/);
    const sectors = page.getByRole('table', { name: 'Kostnad per sektor' });
    assert.match((await sectors.getByRole('row', { name: /Helse og omsorg/ }).textContent()) ?? '', /75\s000 kr/);

    // Two items: dementia (high, 70,000) and digital (medium, 60,000); the second goes beyond the frame.
    const addItem = async (n: number, area: string, measure: string, cost: string, priority: string) => {
      const form = page.locator('form', { has: page.locator('input[name="intent"][value="addItem"]') });
      await form.getByLabel('Kompetanseområde').selectOption({ label: area });
      await form.getByRole('checkbox', { name: measure }).check();
      await form.getByLabel('Personar').fill('10');
      await form.getByLabel('Planlagd kostnad').fill(cost);
      await form.getByLabel('Prioritet').selectOption({ label: priority });
      await form.getByRole('button', { name: 'Legg til tiltaket' }).click();
      // Each item gets its own (closed) edit form once saved.
      await page.locator('details.cplan-edit').nth(n - 1).waitFor({ state: 'attached' });
      await page.waitForLoadState('networkidle');
    };
    await addItem(1, 'Digital kompetanse', 'E-læring', '60000', 'Middels');
    await addItem(2, 'Demens og eldre', 'Kollegarettleiing', '70000', 'Høg');
    const chart = page.locator('svg.cplan-chart');
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.equal(await chart.locator('title').textContent(), 'Samla kostnad mot budsjettramma');
    assert.match((await chart.locator('desc').textContent()) ?? '', /Ramma er brukt opp ved tiltak nummer 2\./);
    const items = page.getByRole('table', { name: 'Tiltak i prioritert rekkjefølgje' });
    const rows = items.locator('tbody tr');
    // High priority first, whatever order they were added in; the digital item is over the frame.
    assert.match((await rows.nth(0).textContent()) ?? '', /Demens og eldre/);
    assert.match((await rows.nth(1).textContent()) ?? '', /Digital kompetanse.*130\s000 kr \(over ramma\)/);
    assert.match((await rows.nth(2).textContent()) ?? '', /Over ramma med 30\s000 kr/);
    await expectAccessible(page, 'the plan with items');

    // The 4-year outlook: the school's long-term need is in its year (year 3); dementia has this year's item.
    const outlook = page.getByRole('table', { name: '4-årsplan: tala' });
    assert.match((await outlook.getByRole('row', { name: /Demens og eldre/ }).textContent()) ?? '', /75\s000 kr.*70\s000 kr/);
    assert.match((await outlook.getByRole('row', { name: /Digital kompetanse/ }).textContent()) ?? '', /60\s000 kr/);
    // The coordinator decides what the plan sets aside for it in that year.
    await page.getByLabel(`Digital kompetanse ${year + 2}: beløp (kr)`).fill('40 000');
    await page.getByRole('button', { name: 'Lagre 4-årsplanen' }).click();
    // (The URL already says saved=1 from the items: wait for the drawing to show the amount instead.)
    const small = page.locator('.cplan-outlook svg[role="img"]', { has: page.locator('title', { hasText: 'Digital kompetanse' }) });
    await small.locator('desc', { hasText: /Planlagt 40\s000 kr/ }).waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByLabel(`Digital kompetanse ${year + 2}: beløp (kr)`).inputValue(), '40000');
    assert.match((await small.locator('desc').textContent()) ?? '', new RegExp(`${year + 2}: Behov 60\\s000 kr, Planlagt 40\\s000 kr`));
    assert.match((await page.getByRole('table', { name: '4-årsplan: tala' }).getByRole('row', { name: /^Sum/ }).textContent()) ?? '', /40\s000 kr/);
    await expectAccessible(page, 'the plan with its 4-year outlook');

    // Approve: the status and who approved are shown; the editing forms are gone.
    await page.getByRole('button', { name: 'Godkjenn planen' }).click();
    await page.getByText('Godkjend av Kari Koordinator').waitFor();
    assert.equal(await page.locator('input[name="intent"][value="addItem"]').count(), 0);
    await expectAccessible(page, 'the approved plan');

    // Download the PDF and read it back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned planen som PDF' }).click()]);
    assert.equal(download.suggestedFilename(), `kompetanseplan-${year}.pdf`);
    const pdf = readPdfText(await readFile((await download.path())!));
    assert.ok(pdf.pageCount >= 2);
    assert.ok(pdf.pages[0]!.includes(`Kompetanseplan ${year}`));
    assert.match(pdf.all, /Godkjend av Kari Koordinator/);
    assert.match(pdf.all, /Her er budsjettramma brukt opp/);
    assert.ok(pdf.all.includes('Behov frå einingane'), 'Norwegian letters come back as written');
    assert.ok(pdf.all.includes('4-årsplan'));
    assert.match(pdf.all, /40\s000 kr/);
    assert.deepEqual(problems, []);
  });
});
