// The maturity area in a real browser: the coordinator opens this year's survey and invites the
// leader group (by role) and the union representatives; three leaders answer (one by keyboard
// only), one union representative answers; the coordinator follows the counts, closes the round
// and sees the leader group's results while the union group stays hidden below the minimum;
// the maturity page draws the measured stage next to the self-image; the checklist is started
// from the seed and a unit filled in. axe runs on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startSession } from '../../core/auth/start-session.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('maturity (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let coordinator: Page;
  let problems: string[];
  const contexts: Record<string, BrowserContext> = {};
  const year = new Date().getFullYear();

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    const tenantId = (await createTenant(db, { name: 'Flora kommune' })).id;
    const root = await createUnit(db, tenantId, { name: 'Flora kommune', kind: 'kommune' });
    const school = await createUnit(db, tenantId, { parent: root, name: 'Florø skule', kind: 'eining' });
    await createUnit(db, tenantId, { parent: root, name: 'Flora omsorgssenter', kind: 'eining' });
    const me = await createPerson(db, tenantId, { unitId: school.id, givenName: 'Frida', familyName: 'Flora' });
    await makeLeader(db, tenantId, school.id, me.person.id);
    const accounts = {
      coordinator: await createAccount(db, tenantId, { personId: me.person.id, roles: ['coordinator'], displayName: 'Frida Flora' }),
      exec1: await createAccount(db, tenantId, { roles: ['executive'], displayName: 'Erik Rådmann' }),
      exec2: await createAccount(db, tenantId, { roles: ['executive'], displayName: 'Eva Kommunalsjef' }),
      union: await createAccount(db, tenantId, { roles: ['union_rep'], displayName: 'Tora Tillitsvald' }),
    };
    await createMilestone({
      database: db,
      actor: { kind: 'system', tenantId, purpose: 'test' },
      year,
      language: 'nn',
      input: { title: 'Kartleggingsskjema levert', deadline: `${year}-12-31`, ownerRole: 'unit_leader', concerns: 'mapping_form', target: 'kind:eining', reminderOffsets: '14', overdueEveryDays: '0', escalateAfterDays: '' },
    });
    for (const [key, account] of Object.entries(accounts)) {
      const session = await db.withPlatform((tx) => startSession(tx, { tenantId, accountId: account.id, now: new Date(), absoluteMinutes: 60 }));
      const context = await browser.newContext({ baseURL: t.url, locale: 'nn-NO' });
      await context.addCookies([{ name: 'rytme_session', value: session.token, url: t.url }]);
      contexts[key] = context;
    }
    coordinator = await contexts.coordinator!.newPage();
    problems = watchPage(coordinator);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function answer(who: string, choices: { priority: string; overview: 'Ja' | 'Nei' }, byKeyboard = false) {
    const page = await contexts[who]!.newPage();
    const pageProblems = watchPage(page);
    await page.goto('/maturity/survey');
    await page.locator('h1', { hasText: 'Sjølvvurdering av kompetansearbeidet' }).waitFor();
    await expectAccessible(page, `/maturity/survey (${who})`);
    const priority = page.getByRole('group', { name: 'I kva grad er kompetanseutvikling generelt eit satsingsfelt for kommunen?' });
    const overview = page.getByRole('group', { name: 'Gir systemet ein samla oversikt over formell kompetanse?' });
    if (byKeyboard) {
      // Tab reaches the group's checked radio ("Hopp over"); arrow keys choose within the group.
      await priority.getByRole('radio', { name: 'Hopp over' }).focus();
      for (let i = 0; i < Number(choices.priority); i += 1) await page.keyboard.press('ArrowRight');
      assert.equal(await priority.getByRole('radio', { name: choices.priority, exact: true }).isChecked(), true);
      await overview.getByRole('radio', { name: 'Hopp over' }).focus();
      await page.keyboard.press('ArrowRight');
      if (choices.overview === 'Nei') await page.keyboard.press('ArrowRight');
      assert.equal(await overview.getByRole('radio', { name: choices.overview }).isChecked(), true);
      await page.getByRole('button', { name: 'Send svaret' }).focus();
      await page.keyboard.press('Enter');
    } else {
      await priority.getByRole('radio', { name: choices.priority, exact: true }).check();
      await overview.getByRole('radio', { name: choices.overview }).check();
      await page.getByRole('button', { name: 'Send svaret' }).click();
    }
    await page.getByRole('status').filter({ hasText: 'Svaret ditt er lagra anonymt.' }).waitFor();
    await page.getByText('Du har svart på').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Send svaret' }).count(), 0, 'no second answer offered');
    await expectAccessible(page, `/maturity/survey after answering (${who})`);
    assert.deepEqual(pageProblems, [], `${who}: console errors`);
    await page.close();
  }

  it('opens a round, takes three anonymous answers and shows the leader group side by side', async () => {
    await coordinator.goto(`/maturity/survey/admin?year=${year}`);
    await coordinator.locator('h1', { hasText: `Styr undersøkinga ${year}` }).waitFor();
    await expectAccessible(coordinator, '/maturity/survey/admin without a round');
    await coordinator.getByRole('button', { name: 'Opne undersøkinga' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Undersøkinga er open.' }).waitFor();
    await coordinator.getByRole('heading', { name: `Sjølvvurdering ${year}` }).waitFor();

    await coordinator.getByLabel('Gruppe', { exact: true }).selectOption('leaders');
    await coordinator.getByRole('button', { name: 'Inviter' }).click();
    await coordinator.getByRole('status').filter({ hasText: '3 nye er inviterte.' }).waitFor();
    await coordinator.getByLabel('Gruppe', { exact: true }).selectOption('union');
    await coordinator.getByRole('button', { name: 'Inviter' }).click();
    await coordinator.getByRole('status').filter({ hasText: '1 nye er inviterte.' }).waitFor();
    assert.match((await coordinator.getByTestId('progress-leaders').textContent()) ?? '', /Leiargruppa\s*3\s*0/);
    await expectAccessible(coordinator, '/maturity/survey/admin with an open round');

    await answer('coordinator', { priority: '4', overview: 'Nei' }, true);
    await answer('exec1', { priority: '6', overview: 'Ja' });
    await answer('exec2', { priority: '8', overview: 'Ja' });
    await answer('union', { priority: '2', overview: 'Nei' });

    // While open: counts only, no results.
    await coordinator.goto(`/maturity/survey/admin?year=${year}`);
    assert.match((await coordinator.getByTestId('progress-leaders').textContent()) ?? '', /Leiargruppa\s*3\s*3/);
    assert.match((await coordinator.getByTestId('progress-union').textContent()) ?? '', /Tillitsvalde\s*1\s*1/);
    const pageText = (await coordinator.locator('main').textContent()) ?? '';
    for (const name of ['Erik Rådmann', 'Eva Kommunalsjef', 'Tora Tillitsvald'].map((n) => `${n} (`)) {
      assert.equal(pageText.split(name).length - 1, 1, `${name} appears only in the invite list, not next to the progress`);
    }
    await coordinator.goto(`/maturity/survey/results?year=${year}`);
    await coordinator.getByText('Undersøkinga er open. Resultata blir viste når ho er lukka.').waitFor();
    await expectAccessible(coordinator, '/maturity/survey/results while open');

    await coordinator.goto(`/maturity/survey/admin?year=${year}`);
    await coordinator.getByRole('button', { name: 'Lukk undersøkinga' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Undersøkinga er lukka.' }).waitFor();
    await coordinator.getByRole('link', { name: 'Sjå resultata' }).click();
    await coordinator.locator('h1', { hasText: `Resultat av sjølvvurderinga ${year}` }).waitFor();
    assert.match((await coordinator.getByTestId('group-leaders').textContent()) ?? '', /Leiargruppa: 3 svar/);
    assert.match((await coordinator.getByTestId('group-union').textContent()) ?? '', /For få svar \(under 3\)/);
    assert.match((await coordinator.getByTestId('row-municipalityPriority-leaders').textContent()) ?? '', /3\s*6,0\s*0 · 0 · 0 · 1 · 0 · 1 · 0 · 1 · 0 · 0/);
    assert.match((await coordinator.getByTestId('row-systemOverview-leaders').textContent()) ?? '', /3\s*2\s*1/);
    assert.match((await coordinator.getByTestId('row-municipalityPriority-union').textContent()) ?? '', /For få svar/);
    const chart = coordinator.locator('section', { has: coordinator.getByRole('heading', { name: 'I kva grad er kompetanseutvikling generelt eit satsingsfelt for kommunen?' }) }).locator('svg');
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.match((await chart.locator('title').textContent()) ?? '', /Svar per gruppe/);
    assert.ok(((await chart.locator('desc').textContent()) ?? '').length > 20);
    await expectAccessible(coordinator, '/maturity/survey/results closed');
  });

  it('draws the measured stage next to the self-image', async () => {
    await coordinator.goto(`/maturity?year=${year}`);
    await coordinator.locator('h1', { hasText: `Modenheit ${year}` }).waitFor();
    // The mapping-form deadline is at the end of the year: nothing measured yet, shown honestly.
    assert.match((await coordinator.getByTestId('measured-stage').textContent()) ?? '', /Ikkje målt enno/);
    assert.match((await coordinator.getByTestId('indicator-planLinkedToBudget').textContent()) ?? '', /Ikkje målt enno/);
    assert.match((await coordinator.getByTestId('self-leaders').textContent()) ?? '', /56\s%.*Snitt 6,0.*Systematisk/);
    assert.match((await coordinator.getByTestId('self-union').textContent()) ?? '', /Ikkje vist/);
    const svg = coordinator.locator('svg.maturity-chart').first();
    assert.equal(await svg.locator('title').textContent(), `Målt steg og sjølvbilete ${year}`);
    await expectAccessible(coordinator, '/maturity');
  });

  it('starts the checklist from the seed and lets the leader fill in their unit', async () => {
    await coordinator.goto(`/maturity/checklist?year=${year}`);
    await coordinator.locator('h1', { hasText: `Sjekkliste for kompetanseutvikling ${year}` }).waitFor();
    await expectAccessible(coordinator, '/maturity/checklist empty');
    await coordinator.getByRole('button', { name: 'Bruk sjekklista frå rapporten' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Sjekklista er oppretta.' }).waitFor();
    await coordinator.getByRole('link', { name: 'Fyll ut for Florø skule' }).click();
    await coordinator.locator('h1', { hasText: `Sjekkliste for Florø skule ${year}` }).waitFor();
    await expectAccessible(coordinator, '/maturity/checklist/:unitId');
    const groups = coordinator.locator('fieldset.maturity-question');
    const count = await groups.count();
    assert.equal(count, 12);
    for (let i = 0; i < count; i += 1) await groups.nth(i).getByRole('radio', { name: i < 8 ? 'Ja' : 'Delvis' }).check();
    await coordinator.getByRole('button', { name: 'Lagre sjekklista' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Sjekklista er lagra.' }).waitFor();
    await coordinator.getByRole('link', { name: 'Tilbake til sjekklista' }).click();
    await coordinator.getByTestId('submitted-of').filter({ hasText: '1 av 2 einingar har fylt ut sjekklista.' }).waitFor();
    assert.match((await coordinator.getByRole('row', { name: /Florø skule/ }).textContent()) ?? '', /8\s*4\s*0\s*0\s*83\s%/);
    assert.match((await coordinator.getByRole('row', { name: /Flora omsorgssenter/ }).textContent()) ?? '', /Ikkje fylt ut/);
    await expectAccessible(coordinator, '/maturity/checklist with a unit filled in');
    assert.deepEqual(problems, []);
  });
});
