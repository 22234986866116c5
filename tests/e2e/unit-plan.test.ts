// The unit's action and development plan in a real browser: the unit's leader opens it from the
// unit page, starts it (prefilled with the facts and the need from the unit's mapping form),
// fills the sections and a row in each table, saves and hands it in; the executive approves it
// and downloads the PDF, which is read back. Axe on every page visited.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSession } from '../../core/auth/start-session.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { createCompetenceArea } from '../../core/mapping/create-competence-area.ts';
import { startMappingForm } from '../../core/mapping/start-mapping-form.ts';
import { submitMappingForm } from '../../core/mapping/submit-mapping-form.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { readPdfText } from '../support/pdf-text.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('unit action and development plan (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let leaderPage: Page;
  let executivePage: Page;
  let problems: string[];
  let execProblems: string[];
  let unitId: string;
  const year = new Date().getFullYear();

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    const tenantId = (await createTenant(db, { name: 'Flora kommune' })).id;
    const root = await createUnit(db, tenantId, { name: 'Flora kommune', kind: 'kommune' });
    const sector = await createUnit(db, tenantId, { parent: root, name: 'Oppvekst', kind: 'sektor' });
    const kinder = await createUnit(db, tenantId, { parent: sector, name: 'Havreneset barnehage', kind: 'eining' });
    unitId = kinder.id;
    const coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'] }));
    await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year }, language: 'nn' });
    const area = await createCompetenceArea({ database: db, actor: coordinator, input: { name: 'Språkutvikling' } });
    const p = await createPerson(db, tenantId, { unitId: kinder.id });
    await createPerson(db, tenantId, { unitId: kinder.id, ftePercent: 60 });
    await makeLeader(db, tenantId, kinder.id, p.person.id);
    const leaderAccount = await createAccount(db, tenantId, { personId: p.person.id, displayName: 'Lise Leiar' });
    const leader = await actorFor(db, tenantId, leaderAccount);
    const { formId } = await startMappingForm({ database: db, actor: leader, unitId: kinder.id, input: { year } });
    await submitMappingForm({
      database: db,
      actor: leader,
      formId,
      input: { version: '1', discussionDate: new Date().toISOString().slice(0, 10), participantsText: 'Personalmøte', needs: [{ term: 'short', competenceAreaId: area.id, description: 'Språkløyper for alle', whyText: '', peopleCount: '8', measureTypes: ['study_group'], priority: '1', costNok: '12000', substituteCostNok: '8000' }] },
    });
    const executiveAccount = await createAccount(db, tenantId, { roles: ['executive'], displayName: 'Rita Rådmann' });
    const signIn = async (accountId: string): Promise<BrowserContext> => {
      const session = await db.withPlatform((tx) => startSession(tx, { tenantId, accountId, now: new Date(), absoluteMinutes: 60 }));
      const context = await browser.newContext({ baseURL: t.url, locale: 'nn-NO', acceptDownloads: true });
      await context.addCookies([{ name: 'rytme_session', value: session.token, url: t.url }]);
      return context;
    };
    leaderPage = await (await signIn(leaderAccount.id)).newPage();
    executivePage = await (await signIn(executiveAccount.id)).newPage();
    problems = watchPage(leaderPage);
    execProblems = watchPage(executivePage);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the leader fills and hands in the plan; the executive approves it and downloads the PDF', async () => {
    const page = leaderPage;
    await page.goto(`/org/units/${unitId}`);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'the unit page');
    await page.getByRole('link', { name: 'Handlings- og utviklingsplan for eininga' }).click();
    await page.locator('h1', { hasText: `Handlings- og utviklingsplan ${year}` }).waitFor();
    assert.ok(page.url().endsWith(`/unit-plans/${unitId}/${year}`), page.url());
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'the plan, not started');

    // Start: the facts and the need from the mapping form are filled in.
    await page.getByRole('button', { name: 'Start planen' }).click();
    await page.getByText('Planen er starta og fylt ut med det som finst av data.').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('#uplan-headCount').inputValue(), '2');
    assert.equal(await page.locator('#uplan-fte').inputValue(), '1,6');
    assert.equal(await page.getByLabel('Tiltak eller mål, linje 1').inputValue(), 'Språkløyper for alle');
    assert.equal(await page.getByLabel('Kostnad, linje 1').first().inputValue(), '20000');
    await expectAccessible(page, 'the new draft');

    // Fill the sections and one row more in each table; a bad amount is refused first.
    await page.getByRole('textbox', { name: /^Utviklingstrekk/ }).fill('Fleire barn med anna morsmål enn norsk.');
    await page.getByLabel('Budsjettramme i kroner').fill('9 800 000');
    await page.getByRole('textbox', { name: /^Standardar for tenesta/ }).fill('Alle barn får eit språktilbod tilpassa seg.');
    await page.getByLabel('Tiltak eller mål, linje 2').fill('Rettleiing av nye assistentar');
    await page.getByLabel('Ansvarleg, linje 2').first().fill('Styrar');
    await page.getByLabel('Når, linje 2').fill('Haust');
    await page.getByLabel('Kostnad, linje 2').first().fill('mykje');
    await page.getByRole('button', { name: 'Lagre planen' }).click();
    await page.getByText('Skriv eit heilt tal kroner, til dømes 45 000.').first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'the refused save');
    // What was typed is still there; correct the amount and save.
    assert.equal(await page.getByRole('textbox', { name: /^Utviklingstrekk/ }).inputValue(), 'Fleire barn med anna morsmål enn norsk.');
    await page.getByLabel('Kostnad, linje 2').first().fill('5 000');
    await page.getByLabel('År, linje 1', { exact: true }).selectOption(String(year + 2));
    await page.getByLabel('Satsing, linje 1').fill('Realfag i barnehagen');
    await page.getByLabel('Kostnad, linje 1').nth(1).fill('40000');
    await page.getByLabel('Område, linje 1').fill('Foreldretilfredsheit');
    await page.getByLabel('Korleis det blir vurdert, linje 1').fill('Foreldreundersøkinga kvart år');
    await page.getByRole('button', { name: 'Lagre planen' }).click();
    await page.getByText('Planen er lagra.').waitFor();
    await page.waitForLoadState('networkidle');
    const actions = page.getByRole('table', { name: 'Handlingsprogram for året: tiltak og kompetanseutvikling' }).first();
    assert.match((await actions.textContent()) ?? '', /Sum tiltak\s*25\s000 kr/);
    const timeline = page.locator('.uplan-timeline svg');
    assert.equal(await timeline.getAttribute('role'), 'img');
    assert.match((await timeline.locator('desc').textContent()) ?? '', new RegExp(`${year + 2}: 1 satsingar, 40\\s000 kr\\.`));
    await expectAccessible(page, 'the saved draft');
    await page.getByRole('button', { name: 'Lever planen' }).click();
    await page.getByText('Statusen til planen er endra.').waitFor();
    assert.match((await page.locator('dl.cplan-facts').textContent()) ?? '', /Levert/);
    assert.equal(await page.getByRole('button', { name: 'Lagre planen' }).count(), 0);
    await expectAccessible(page, 'the submitted plan');

    // The executive finds it in the list and approves it.
    const exec = executivePage;
    await exec.goto(`/unit-plans?year=${year}`);
    await exec.waitForLoadState('networkidle');
    await expectAccessible(exec, 'the list of unit plans');
    const row = exec.getByRole('row', { name: /Havreneset barnehage/ });
    assert.match((await row.textContent()) ?? '', /Levert/);
    await row.getByRole('link', { name: 'Havreneset barnehage' }).click();
    await exec.locator('h1', { hasText: `Handlings- og utviklingsplan ${year}` }).waitFor();
    await exec.waitForLoadState('networkidle');
    await expectAccessible(exec, 'the submitted plan (executive)');
    await exec.getByRole('button', { name: 'Godkjenn planen' }).click();
    await exec.getByText('Godkjend av Rita Rådmann').waitFor();
    await exec.waitForLoadState('networkidle');
    await expectAccessible(exec, 'the approved plan');

    const [download] = await Promise.all([exec.waitForEvent('download'), exec.getByRole('link', { name: 'Last ned planen som PDF' }).click()]);
    assert.equal(download.suggestedFilename(), `handlingsplan-havreneset-barnehage-${year}.pdf`);
    const pdf = readPdfText(await readFile((await download.path())!));
    assert.ok(pdf.pages[0]!.join(' ').includes(`Handlings- og utviklingsplan ${year} – Havreneset barnehage`), 'the title on the first page');
    assert.match(pdf.all, /Godkjend av Rita Rådmann/);
    assert.match(pdf.all, /Rettleiing av nye assistentar/);
    assert.match(pdf.all, /Realfag i barnehagen/);
    assert.ok(pdf.all.includes('Område for årleg vurdering'), 'Norwegian letters come back as written');
    // The refused save answered 422 on purpose (exactly once); nothing else may be logged.
    assert.equal(problems.filter((p) => /status of 422/.test(p)).length, 1);
    assert.deepEqual([...problems, ...execProblems].filter((p) => !/status of 422/.test(p)), []);
  });
});
