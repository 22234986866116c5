// The catalogue in a real browser: a coordinator creates a measure and publishes it and the
// half-year's catalogue, an employee finds it (the mix bar drawn) and enrols, the unit's leader
// approves, the coordinator records attendance, and — once the measure has ended — the employee
// gives feedback, which shows in the provider's rating. Axe runs on every page visited.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { startSession } from '../../core/auth/start-session.ts';
import { createProvider } from '../../core/catalogue/create-provider.ts';
import { measures, outboxMails } from '../../db/schema/index.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('catalogue (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let tenantId: string;
  let employeeEmail: string;
  const pages: Record<'coordinator' | 'employee' | 'leader', Page> = {} as never;
  const problems: string[][] = [];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    tenantId = (await createTenant(db, { name: 'Gloppen kommune' })).id;
    const root = await createUnit(db, tenantId, { name: 'Gloppen kommune', kind: 'kommune' });
    const home = await createUnit(db, tenantId, { parent: root, name: 'Gloppen omsorgssenter' });
    const leader = await createPerson(db, tenantId, { unitId: home.id, givenName: 'Liv', familyName: 'Leiar' });
    await makeLeader(db, tenantId, home.id, leader.person.id);
    const employee = await createPerson(db, tenantId, { unitId: home.id, givenName: 'Eva', familyName: 'Eide' });
    const accounts = {
      coordinator: await createAccount(db, tenantId, { roles: ['coordinator'], displayName: 'Kari Koordinator' }),
      employee: await createAccount(db, tenantId, { personId: employee.person.id, displayName: 'Eva Eide' }),
      leader: await createAccount(db, tenantId, { personId: leader.person.id, displayName: 'Liv Leiar' }),
    };
    employeeEmail = accounts.employee.email;
    await createProvider({ database: db, actor: { kind: 'system', tenantId, purpose: 'test' }, input: { name: 'Høgskulen på Vestlandet', kind: 'university_college', contact: 'etter@hvl.no' } });
    for (const who of ['coordinator', 'employee', 'leader'] as const) {
      const session = await db.withPlatform((tx) => startSession(tx, { tenantId, accountId: accounts[who].id, now: new Date(), absoluteMinutes: 60 }));
      const context = await browser.newContext({ baseURL: t.url, locale: 'nn-NO' });
      await context.addCookies([{ name: 'rytme_session', value: session.token, url: t.url }]);
      pages[who] = await context.newPage();
      problems.push(watchPage(pages[who]));
    }
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('goes from a published measure to enrolment, approval, attendance and feedback', async () => {
    const c = pages.coordinator;
    await c.goto('/catalogue/measures/new');
    await c.locator('h1', { hasText: 'Nytt tiltak' }).waitFor();
    await expectAccessible(c, 'new measure');
    await c.getByLabel('Type tiltak').selectOption('peer_guidance');
    await c.getByLabel('Namn på tiltaket').fill('Kollegarettleiing i demensomsorg');
    await c.getByLabel('Tilbydar').selectOption({ label: 'Høgskulen på Vestlandet' });
    await c.getByLabel('Startdato').fill(today);
    await c.getByLabel('Sluttdato').fill(today);
    await c.getByLabel('Stad', { exact: false }).first().fill('Sandane');
    await c.getByLabel('Tal på plassar').fill('1');
    await c.getByLabel('Vikarmidlar per deltakar (kr)').fill('4500');
    await c.getByRole('button', { name: 'Lag tiltaket' }).click();
    await c.locator('h1', { hasText: 'Kollegarettleiing i demensomsorg' }).waitFor();
    await c.getByRole('status').filter({ hasText: 'Tiltaket er lagra.' }).waitFor();
    await expectAccessible(c, 'measure (draft)');
    const measureId = c.url().split('/').pop()!.split('?')[0]!;
    const publish = c.getByRole('button', { name: 'Publiser tiltaket' });
    await publish.focus();
    await c.keyboard.press('Enter');
    await c.getByRole('status').filter({ hasText: 'Statusen er endra.' }).waitFor();

    await c.getByRole('link', { name: /Tilbodskatalog for hausten|Tilbodskatalog for våren|våren|hausten/ }).first().click();
    await c.locator('h1', { hasText: 'Tilbodskatalog for' }).waitFor();
    await c.getByRole('button', { name: 'Publiser katalogen' }).click();
    await c.getByRole('status').filter({ hasText: 'Katalogen er publisert.' }).waitFor();
    await expectAccessible(c, 'catalogue (coordinator)');

    // The employee sees it in the catalogue with the mix bar, and enrols.
    const e = pages.employee;
    await e.goto('/catalogue');
    await e.locator('h1', { hasText: 'Tilbodskatalog for' }).waitFor();
    const svg = e.locator('svg.mix-bar__svg');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.match((await svg.locator('desc').textContent()) ?? '', /0 kurs og 1 tiltak med læring i arbeidet\. 100 %/);
    assert.match((await e.getByRole('row', { name: /Kollegarettleiing i demensomsorg/ }).textContent()) ?? '', /1 av 1 ledige.*vikarmidlar 4\s500 kr/);
    await expectAccessible(e, 'catalogue (employee)');
    await e.getByRole('link', { name: 'Kollegarettleiing i demensomsorg' }).click();
    await e.locator('h1', { hasText: 'Kollegarettleiing i demensomsorg' }).waitFor();
    await expectAccessible(e, 'measure (employee)');
    await e.getByRole('button', { name: 'Meld meg på' }).click();
    await e.getByRole('status').filter({ hasText: 'Du er påmeld. Leiaren din må godkjenne plassen.' }).waitFor();
    await e.getByText('Du har ein plass. Han ventar på godkjenning frå leiaren din.').waitFor();
    await expectAccessible(e, 'measure after enrolling');

    // The leader approves on the approvals page.
    const l = pages.leader;
    await l.goto('/catalogue/approvals');
    await l.locator('h1', { hasText: 'Godkjenning av påmeldingar' }).waitFor();
    await expectAccessible(l, 'approvals');
    await l.getByRole('button', { name: 'Godkjenn: Eva Eide, Kollegarettleiing i demensomsorg' }).click();
    await l.getByRole('status').filter({ hasText: 'Plassen er godkjend.' }).waitFor();
    await l.getByText(/Vikarmidlar for godkjende plassar: 4\s500 kr/).waitFor();
    assert.match((await l.getByRole('region', { name: 'Ventar på deg (0)' }).textContent()) ?? '', /Ingen påmeldingar ventar på godkjenning/);
    // The employee was told by mail (through the app's mailer; no SMTP here, so it is in the outbox).
    const mails = await t.db.database.withTenant(tenantId, (tx) => tx.select().from(outboxMails).where(eq(outboxMails.toAddress, employeeEmail)));
    assert.deepEqual(mails.map((m) => m.subject).sort(), ['Godkjend: Kollegarettleiing i demensomsorg', 'Påmeld: Kollegarettleiing i demensomsorg']);
    assert.ok(mails.every((m) => m.textBody.includes(`/catalogue/measures/${measureId}`)));
    await expectAccessible(l, 'approvals after approving');

    // The coordinator records attendance.
    await c.goto(`/catalogue/measures/${measureId}/attendance`);
    await c.locator('h1', { hasText: 'Deltakarliste' }).waitFor();
    await expectAccessible(c, 'attendance');
    await c.getByRole('button', { name: 'Deltok: Eva Eide' }).click();
    await c.getByRole('status').filter({ hasText: 'Oppmøtet er lagra.' }).waitFor();
    const attendedRow = c.getByRole('row', { name: /Eva Eide/ });
    await attendedRow.filter({ hasText: /Ikkje registrert/ }).waitFor({ state: 'detached' });
    assert.match((await attendedRow.textContent()) ?? '', /Gloppen omsorgssenter\s*Ja/);

    // Time passes: the measure has ended (its dates move into the past).
    await t.db.database.withTenant(tenantId, (tx) => tx.update(measures).set({ startDate: '2026-01-05', endDate: '2026-01-06' }).where(eq(measures.id, measureId)));
    await e.goto(`/catalogue/measures/${measureId}`);
    await e.getByRole('link', { name: 'Gi tilbakemelding' }).click();
    await e.locator('h1', { hasText: 'Tilbakemelding' }).waitFor();
    await expectAccessible(e, 'feedback form');
    await e.getByRole('button', { name: 'Send tilbakemeldinga' }).click();
    await e.getByTestId('error-summary').waitFor();
    await expectAccessible(e, 'feedback form with errors');
    await e.getByLabel('Kva lærte du?').fill('Korleis vi rettleier kvarandre etter vakt');
    await e.getByRole('radio', { name: '5 – svært mykje' }).check();
    await e.getByLabel('Korleis vil du dele det du lærte med kollegane dine?').fill('Eit kvarter på neste personalmøte');
    await e.getByRole('button', { name: 'Send tilbakemeldinga' }).click();
    await e.getByRole('status').filter({ hasText: 'Takk for tilbakemeldinga.' }).waitFor();
    await expectAccessible(e, 'measure after feedback');

    // The feedback counts in the provider's rating.
    await e.goto('/catalogue/providers');
    await e.locator('h1', { hasText: 'Tilbydarar' }).waitFor();
    assert.match((await e.getByRole('row', { name: /Høgskulen på Vestlandet/ }).textContent()) ?? '', /5,0 av 5 \(1 vurderingar: 1 frå deltakarar, 0 frå leiarar\)/);
    await expectAccessible(e, 'providers');

    // The leader's year-end evaluation lists the measure (it started in 2026).
    await l.goto('/catalogue/evaluations?year=2026');
    await l.locator('h1', { hasText: 'Årsevaluering 2026' }).waitFor();
    await l.getByRole('link', { name: 'Kollegarettleiing i demensomsorg' }).waitFor();
    await expectAccessible(l, 'year-end evaluation');
    // The refused feedback answered 422 on purpose; nothing else may be logged.
    assert.deepEqual(problems.flat().filter((p) => !/status of 422/.test(p)), []);
  });
});
