// Needs mapping in a real browser: a unit leader opens the unit's form, starts it, fills in the
// joint discussion and a need, meets a validation message, hands it in; the coordinator sees it
// on the overview and sends it back with a comment; the leader sees the comment. Axe on every
// page visited (start page, form, edit page, overview, competence areas, unit basis, offers).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startSession } from '../../core/auth/start-session.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { createCompetenceArea } from '../../core/mapping/create-competence-area.ts';
import { addBasisEntry } from '../../core/mapping/add-basis-entry.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('needs mapping (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let leader: Page;
  let coordinator: Page;
  let problems: string[];
  let unitId: string;
  const year = new Date().getFullYear() + 1;

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    const tenantId = (await createTenant(db, { name: 'Gloppen kommune' })).id;
    const root = await createUnit(db, tenantId, { name: 'Gloppen kommune', kind: 'kommune' });
    const care = await createUnit(db, tenantId, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    const home = await createUnit(db, tenantId, { parent: care, name: 'Gloppen omsorgssenter', kind: 'eining' });
    unitId = home.id;
    const me = await createPerson(db, tenantId, { unitId: home.id, givenName: 'Liv', familyName: 'Leiar' });
    await createPerson(db, tenantId, { unitId: home.id, givenName: 'Nina', familyName: 'Sjukepleiar' });
    await makeLeader(db, tenantId, home.id, me.person.id);
    const leaderAccount = await createAccount(db, tenantId, { personId: me.person.id, displayName: 'Liv Leiar' });
    const hr = await createAccount(db, tenantId, { roles: ['coordinator'], displayName: 'Hallvard HR' });
    const hrActor = await actorFor(db, tenantId, hr);
    await applyWheelTemplate({ database: db, actor: hrActor, input: { template: 'gloppen', year }, language: 'nn' });
    await createCompetenceArea({ database: db, actor: hrActor, input: { name: 'Demens og eldre' } });
    await createCompetenceArea({ database: db, actor: hrActor, input: { name: 'Digital kompetanse' } });
    await addBasisEntry({ database: db, actor: hrActor, unitId: home.id, input: { kind: 'user_survey', text: 'Pårørande saknar informasjon' } });
    const pageFor = async (accountId: string) => {
      const session = await db.withPlatform((tx) => startSession(tx, { tenantId, accountId, now: new Date(), absoluteMinutes: 60 }));
      const context = await browser.newContext({ baseURL: t.url, locale: 'nn-NO' });
      await context.addCookies([{ name: 'rytme_session', value: session.token, url: t.url }]);
      return context.newPage();
    };
    leader = await pageFor(leaderAccount.id);
    coordinator = await pageFor(hr.id);
    problems = [...watchPage(leader)];
    const more = watchPage(coordinator);
    // Both pages report into one list.
    problems = new Proxy(problems, { get: (target, prop) => (prop === 'length' ? target.length + more.length : Reflect.get([...target, ...more], prop)) });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lets a leader fill in and hand in the form, and the coordinator send it back with a comment', async () => {
    await leader.goto('/mapping');
    await leader.locator('h1', { hasText: 'Kartlegging av kompetansebehov' }).waitFor();
    await expectAccessible(leader, '/mapping');
    await leader.getByRole('link', { name: 'Opne skjemaet for Gloppen omsorgssenter' }).click();
    await leader.locator('h1', { hasText: 'Kartleggingsskjema – Gloppen omsorgssenter' }).waitFor();
    await leader.getByText(`Eininga har ikkje starta skjemaet for ${year} enno.`).waitFor();
    await expectAccessible(leader, 'form not started');

    await leader.getByRole('button', { name: 'Start eit tomt skjema' }).click();
    await leader.locator('h1', { hasText: 'Fyll ut – Gloppen omsorgssenter' }).waitFor();
    await leader.getByRole('status').filter({ hasText: 'Skjemaet er starta.' }).waitFor();
    await expectAccessible(leader, 'edit page');

    // Hand in without the joint discussion: refused with messages linked to the fields.
    await leader.getByRole('button', { name: 'Lagre og lever' }).click();
    const summary = leader.getByTestId('error-summary');
    await summary.waitFor();
    assert.match((await summary.textContent()) ?? '', /Skriv datoen for den felles drøftinga/);
    assert.equal(await summary.getByRole('link').first().getAttribute('href'), '#mapping-discussionDate');
    await expectAccessible(leader, 'edit page with errors');

    await leader.getByLabel('Dato for drøftinga').fill('2026-10-10');
    await leader.getByLabel('Kven var med (namn eller roller)').fill('Personalmøtet, tillitsvald');
    await leader.getByRole('checkbox', { name: 'Nina Sjukepleiar' }).check();
    const need = leader.getByRole('group', { name: 'Behov 1', exact: true });
    await need.getByLabel('Kompetanseområde').selectOption({ label: 'Demens og eldre' });
    await need.getByLabel('Kva treng de?').fill('Miljøbehandling ved demens');
    await need.getByLabel('Knytt til').selectOption({ label: 'Funn i brukarundersøking: Pårørande saknar informasjon' });
    await need.getByLabel('Kor mange').fill('8');
    await need.getByRole('checkbox', { name: 'Kollegarettleiing' }).check();
    await need.getByRole('checkbox', { name: 'Eksternt kurs' }).check();
    await need.getByLabel('Prioritet').selectOption('1');
    await need.getByLabel('Kostnad (kr)').fill('15 000');
    await need.getByLabel('Vikarutgifter (kr)').fill('40000');
    await leader.getByRole('button', { name: 'Lagre og lever' }).click();

    await leader.getByRole('status').filter({ hasText: 'Skjemaet er levert. Takk!' }).waitFor();
    assert.match((await leader.locator('.facts').first().textContent()) ?? '', /Levert/);
    const row = leader.getByRole('row', { name: /Demens og eldre/ }).first();
    assert.match((await row.textContent()) ?? '', /Miljøbehandling ved demens.*Pårørande saknar informasjon.*8.*Kollegarettleiing, Eksternt kurs.*Høg.*15\s000.*40\s000/);
    assert.match((await leader.locator('.mix').first().textContent()) ?? '', /50 % læring i arbeidet/);
    assert.equal(await leader.getByRole('link', { name: 'Fyll ut skjemaet' }).count(), 0);
    await expectAccessible(leader, 'submitted form');

    // The coordinator: overview with the chart, then the form, sent back with a comment.
    await coordinator.goto(`/mapping/overview?year=${year}`);
    await coordinator.locator('h1', { hasText: `Oversikt over kartleggingsskjema ${year}` }).waitFor();
    const chart = coordinator.locator('svg.overview-chart');
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.equal(await chart.locator('title').textContent(), 'Skjema per sektor etter status');
    assert.match((await coordinator.getByRole('row', { name: /Helse og omsorg/ }).first().textContent()) ?? '', /Helse og omsorg0100/);
    await expectAccessible(coordinator, '/mapping/overview');
    await coordinator.getByRole('link', { name: 'Gloppen omsorgssenter' }).click();
    await coordinator.locator('h1', { hasText: 'Kartleggingsskjema – Gloppen omsorgssenter' }).waitFor();
    await expectAccessible(coordinator, 'form as coordinator');
    await coordinator.getByLabel('Kommentar til eininga').fill('Kan de prøve hospitering i staden for kurs?');
    await coordinator.getByRole('button', { name: 'Send tilbake' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Skjemaet er sendt tilbake til eininga.' }).waitFor();
    assert.match((await coordinator.locator('.facts').first().textContent()) ?? '', /Sendt tilbake/);

    // The leader sees the comment and may edit again.
    await leader.goto(`/mapping/units/${unitId}?year=${year}`);
    await leader.getByText('Kan de prøve hospitering i staden for kurs?').waitFor();
    await leader.getByRole('link', { name: 'Fyll ut skjemaet' }).click();
    await leader.locator('h1', { hasText: 'Fyll ut – Gloppen omsorgssenter' }).waitFor();
    assert.equal(await leader.getByRole('group', { name: 'Behov 1', exact: true }).getByLabel('Kva treng de?').inputValue(), 'Miljøbehandling ved demens');
    await expectAccessible(leader, 'edit page of a returned form');
    // Refused saves answer 422 on purpose; nothing else may be logged.
    assert.deepEqual([...problems].filter((p) => !/status of 422/.test(String(p))), []);
  });

  it('shows the competence areas, the unit basis and the offers, each accessible', async () => {
    await coordinator.goto('/mapping/areas');
    await coordinator.locator('h1', { hasText: 'Kompetanseområde' }).waitFor();
    assert.match((await coordinator.getByRole('row', { name: /Demens og eldre/ }).textContent()) ?? '', /I bruk.*1/);
    await expectAccessible(coordinator, '/mapping/areas');
    await coordinator.goto(`/mapping/units/${unitId}/basis`);
    await coordinator.locator('h1', { hasText: 'Grunnlag for behova – Gloppen omsorgssenter' }).waitFor();
    await coordinator.getByLabel('Tekst', { exact: true }).fill('Færre fall');
    await coordinator.getByRole('button', { name: 'Legg til' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Lagra.' }).waitFor();
    assert.equal(await coordinator.getByLabel('Endre: Færre fall').inputValue(), 'Færre fall');
    await expectAccessible(coordinator, 'unit basis');
    await leader.goto(`/mapping/offers?unit=${unitId}`);
    await leader.locator('h1', { hasText: 'Tilbod frå einingane' }).waitFor();
    await leader.getByLabel('Tema eller tittel').fill('Forflytting');
    await leader.getByLabel('Instruktør').selectOption({ label: 'Nina Sjukepleiar' });
    await leader.getByRole('button', { name: 'Registrer' }).click();
    await leader.getByRole('status').filter({ hasText: 'Lagra.' }).waitFor();
    assert.match((await leader.getByRole('row', { name: /Forflytting/ }).textContent()) ?? '', /Intern instruktør.*Gloppen omsorgssenter.*Nina Sjukepleiar/);
    await expectAccessible(leader, '/mapping/offers');
  });
});
