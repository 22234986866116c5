// A whole competence year for a new municipality, in a real browser, each person signed in on
// their own: the platform administrator creates the municipality (its first administrator sets a
// password from the mail); the coordinator starts the year's wheel from the Gloppen template and
// sets the mapping deadline to today; one unit leader hands in the mapping form on time, the
// other is late and gets the reminder (the app's own pg-boss job, mailed through SMTP) while the
// on-time leader gets none; the late unit hands in; the coordinator aggregates the needs into the
// competence plan within the budget frame, the executive approves it and the PDF is downloaded;
// a measure is published in the catalogue, an employee enrols, the leader approves, attendance is
// recorded, the attendee gives feedback and the leader evaluates the year; next year's mapping
// form is rolled over and shows what the unit learned. axe on every page visited.
//
// The organisation itself (units, people, their accounts with a known password) is set up
// through the factories: loading staff is the import's own browser test (import.test.ts).
// The app has no clock to move, so dates are set relative to today: the mapping deadline is the
// reminder day of this moment, and "the measure has ended" is the coordinator moving its dates
// to yesterday on the measure's edit page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { tenants } from '../../db/schema/index.ts';
import { wheelRemindersJob } from '../../jobs/wheel.jobs.ts';
import { addDays, osloDate, reminderDay } from '../../core/annual-wheel/annual-wheel.rules.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { freePort } from '../support/oidc-provider.ts';
import { readPdfText } from '../support/pdf-text.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { TEST_PASSWORD, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

const WAIT = { timeout: 60_000 };

// Each step waits for what it needs (bounded); the whole year takes minutes on a loaded machine.
describe('a whole competence year for a new municipality (browser)', { timeout: 20 * 60_000 }, () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let browser: Browser;
  let platformSlug: string;
  const problems: string[][] = [];
  const now = new Date();
  const today = osloDate(now);
  const yesterday = addDays(today, -1);
  // The measure ends up starting yesterday; the cycle whose plans cover that year, and the next.
  const year = Number(yesterday.slice(0, 4));
  const next = year + 1;
  const slug = 'arvik';
  const people = {
    admin: 'anne.admin@arvik.kommune.no',
    coordinator: 'kari.koordinator@arvik.kommune.no',
    executive: 'kjell.direktor@arvik.kommune.no',
    careLeader: 'liv.leiar@arvik.kommune.no',
    schoolLeader: 'sigurd.rektor@arvik.kommune.no',
    employee: 'eva.eide@arvik.kommune.no',
  };
  const units: Record<'care' | 'school', string> = { care: '', school: '' };

  before(async () => {
    const port = await freePort();
    smtp = await startTestSmtp();
    t = await startTestApp({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, SMTP_URL: smtp.url, MAIL_FROM: 'Rytme <rytme@example.no>' });
    const db = t.db.database;
    const home = await createTenant(db, { name: 'Plattformdrift', slug: 'drift' });
    platformSlug = home.slug;
    await createAccount(db, home.id, { email: 'pia.plattform@drift.no', displayName: 'Pia Plattform', roles: ['platform_admin'] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  /** A fresh browser (own cookies) signed in through the login page. */
  async function signIn(tenantSlug: string, email: string, password = TEST_PASSWORD): Promise<Page> {
    const context = await browser.newContext({ baseURL: t.url, locale: 'nn-NO', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    problems.push(watchPage(page));
    await page.goto(`/login?tenant=${tenantSlug}`);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill(password);
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), WAIT);
    return page;
  }

  async function heading(page: Page, text: string | RegExp) {
    await page.locator('h1', { hasText: text }).waitFor(WAIT);
  }

  // The year's steps build on each other: once one fails, the later ones fail at once with a
  // pointer to it instead of each waiting out its timeouts.
  let failed: string | null = null;
  function step(name: string, fn: () => Promise<void>) {
    it(name, { timeout: 5 * 60_000 }, async () => {
      if (failed) throw new Error(`not run: the earlier step «${failed}» failed`);
      try {
        await fn();
      } catch (error) {
        failed = name;
        throw error;
      }
    });
  }

  const pages = {} as Record<'coordinator' | 'executive' | 'careLeader' | 'schoolLeader' | 'employee', Page>;

  step('a platform administrator creates the municipality and its first administrator sets a password', async () => {
    const p = await signIn(platformSlug, 'pia.plattform@drift.no');
    await p.goto('/platform');
    await heading(p, 'Plattform');
    await expectAccessible(p, '/platform');
    await p.getByRole('link', { name: 'Ny kommune' }).click();
    await heading(p, 'Ny kommune');
    await expectAccessible(p, '/platform/tenants/new');
    await p.getByLabel('Namn på kommunen').fill('Årvik kommune');
    await p.getByLabel('Adressenamn').fill(slug);
    await p.getByLabel('Kommunenummer').fill('4699');
    await p.getByRole('group', { name: 'Første administrator' }).getByLabel('Namn').fill('Anne Admin');
    await p.getByRole('group', { name: 'Første administrator' }).getByLabel('E-postadresse').fill(people.admin);
    await p.getByRole('button', { name: 'Opprett kommunen' }).click();
    await p.getByRole('status').filter({ hasText: 'Årvik kommune er oppretta.' }).waitFor(WAIT);
    assert.match((await p.getByRole('row', { name: /Årvik kommune/ }).textContent()) ?? '', /arvik.*4699/);
    await expectAccessible(p, '/platform after creating');

    // The first administrator's mail carries the link to choose a password.
    const mail = await smtp.waitFor((m) => m.to.includes(people.admin), 30_000);
    const link = /https?:\/\/\S+\/password\/reset\/\S+/.exec(mail.text)?.[0];
    assert.ok(link, mail.text);
    const context = await browser.newContext({ baseURL: t.url, locale: 'nn-NO' });
    const a = await context.newPage();
    problems.push(watchPage(a));
    await a.goto(link);
    await heading(a, 'Lag nytt passord');
    await expectAccessible(a, 'set password');
    await a.getByLabel('Nytt passord', { exact: true }).fill('eit langt passord for arvik');
    await a.getByLabel('Skriv passordet ein gong til').fill('eit langt passord for arvik');
    await a.getByRole('button', { name: 'Lagre passordet' }).click();
    await a.getByText('Passordet er lagra.').waitFor(WAIT);
    await context.close();
    const admin = await signIn(slug, people.admin, 'eit langt passord for arvik');
    await admin.goto('/admin/accounts');
    await heading(admin, 'Brukarkontoar');
    assert.match((await admin.getByRole('row', { name: /Anne Admin/ }).textContent()) ?? '', /anne\.admin@arvik\.kommune\.no/);
    await expectAccessible(admin, '/admin/accounts of the new municipality');
    await admin.context().close();

    // The organisation: two sectors, a care home and a school, their leaders, an employee, the
    // coordinator and the chief executive (the import has its own browser test).
    const db = t.db.database;
    const [tenant] = await db.withPlatform((tx) => tx.select().from(tenants).where(eq(tenants.slug, slug)));
    assert.ok(tenant);
    const root = await createUnit(db, tenant.id, { name: 'Årvik kommune', kind: 'kommune' });
    const health = await createUnit(db, tenant.id, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    const schools = await createUnit(db, tenant.id, { parent: root, name: 'Oppvekst', kind: 'sektor' });
    const care = await createUnit(db, tenant.id, { parent: health, name: 'Årvik omsorgssenter', kind: 'eining' });
    const school = await createUnit(db, tenant.id, { parent: schools, name: 'Årvik skule', kind: 'eining' });
    units.care = care.id;
    units.school = school.id;
    const person = async (unitId: string, givenName: string, familyName: string, email: string) => (await createPerson(db, tenant.id, { unitId, givenName, familyName, email })).person;
    const liv = await person(care.id, 'Liv', 'Leiar', people.careLeader);
    const sigurd = await person(school.id, 'Sigurd', 'Rektor', people.schoolLeader);
    const eva = await person(care.id, 'Eva', 'Eide', people.employee);
    await makeLeader(db, tenant.id, care.id, liv.id);
    await makeLeader(db, tenant.id, school.id, sigurd.id);
    await createAccount(db, tenant.id, { email: people.coordinator, displayName: 'Kari Koordinator', roles: ['coordinator'] });
    await createAccount(db, tenant.id, { email: people.executive, displayName: 'Kjell Direktør', roles: ['executive'] });
    await createAccount(db, tenant.id, { email: people.careLeader, displayName: 'Liv Leiar', personId: liv.id });
    await createAccount(db, tenant.id, { email: people.schoolLeader, displayName: 'Sigurd Rektor', personId: sigurd.id });
    await createAccount(db, tenant.id, { email: people.employee, displayName: 'Eva Eide', personId: eva.id });
    for (const who of ['coordinator', 'executive', 'careLeader', 'schoolLeader', 'employee'] as const) pages[who] = await signIn(slug, people[who]);
  });

  step('the coordinator starts the year from the Gloppen template with the mapping deadline today', async () => {
    const c = pages.coordinator;
    await c.goto(`/wheel?year=${year}`);
    await heading(c, `Årshjulet ${year}`);
    await expectAccessible(c, '/wheel without a cycle');
    await c.getByRole('link', { name: 'Lag årshjulet frå ein mal' }).click();
    await heading(c, 'Lag årshjulet frå ein mal');
    await expectAccessible(c, '/wheel/templates');
    await c.getByRole('radio', { name: 'Gloppen-modellen' }).check();
    await c.getByRole('button', { name: 'Lag årshjulet' }).click();
    await c.waitForURL(new RegExp(`/wheel\\?year=${year}$`), WAIT);
    await c.locator('svg.annual-wheel').waitFor(WAIT);
    await expectAccessible(c, `/wheel ${year}`);

    // The forms are due on the day whose reminders are due now (today from 07:00 Norwegian time,
    // else yesterday), and the roll-over comes after it: a handed-in form counts for the earliest
    // mapping-form milestone of the year (docs/mapping.md).
    const due = reminderDay(now);
    for (const [title, deadline] of [['Kartleggingsskjema levert', due], ['Kartleggingsskjema rullert', addDays(due, 60)]] as const) {
      await c.goto(`/wheel?year=${year}`);
      await c.getByRole('link', { name: title }).click();
      await heading(c, title);
      await expectAccessible(c, `milestone ${title}`);
      await c.getByRole('link', { name: 'Endre milepælen' }).click();
      await heading(c, `Endre «${title}»`);
      await expectAccessible(c, `edit milestone ${title}`);
      await c.getByLabel('Frist', { exact: true }).fill(deadline);
      await c.getByRole('button', { name: 'Lagre endringane' }).click();
      await c.waitForURL(/\/wheel\/milestones\/[^/]+\?saved=1$/, WAIT);
      await heading(c, title);
    }
    await expectAccessible(c, 'milestone saved');

    // The municipality's competence areas.
    await c.goto('/mapping/areas');
    await heading(c, 'Kompetanseområde');
    await expectAccessible(c, '/mapping/areas');
    for (const name of ['Demens og eldre', 'Digital kompetanse']) {
      const form = c.locator('form', { has: c.getByRole('button', { name: 'Legg til', exact: true }) });
      await form.getByLabel('Namn', { exact: true }).fill(name);
      await form.getByRole('button', { name: 'Legg til', exact: true }).click();
      await c.getByRole('row', { name: new RegExp(name) }).waitFor(WAIT);
    }
    await expectAccessible(c, '/mapping/areas with two areas');
  });

  /** A leader fills in and hands in the unit's mapping form from the mapping start page. */
  async function handIn(l: Page, unit: string, need: { area: string; what: string; people: string; measure: string; cost: string }) {
    await l.goto('/mapping');
    await heading(l, 'Kartlegging av kompetansebehov');
    await expectAccessible(l, `/mapping (${unit})`);
    await l.getByRole('link', { name: `Opne skjemaet for ${unit}` }).click();
    await heading(l, `Kartleggingsskjema – ${unit}`);
    await expectAccessible(l, `form not started (${unit})`);
    await l.getByRole('button', { name: 'Start eit tomt skjema' }).click();
    await heading(l, `Fyll ut – ${unit}`);
    await expectAccessible(l, `edit form (${unit})`);
    await l.getByLabel('Dato for drøftinga').fill(today);
    await l.getByLabel('Kven var med (namn eller roller)').fill('Personalmøtet og tillitsvald');
    const row = l.getByRole('group', { name: 'Behov 1', exact: true });
    await row.getByLabel('Kompetanseområde').selectOption({ label: need.area });
    await row.getByLabel('Kva treng de?').fill(need.what);
    await row.getByLabel('Kor mange').fill(need.people);
    await row.getByRole('checkbox', { name: need.measure }).check();
    await row.getByLabel('Prioritet').selectOption('1');
    await row.getByLabel('Kostnad (kr)').fill(need.cost);
    await l.getByRole('button', { name: 'Lagre og lever' }).click();
    await l.getByRole('status').filter({ hasText: 'Skjemaet er levert. Takk!' }).waitFor(WAIT);
    assert.match((await l.locator('.facts').first().textContent()) ?? '', /Levert/);
    await expectAccessible(l, `submitted form (${unit})`);
  }

  step('the care home hands in on time; the late school gets the reminder, the care home none', async () => {
    await handIn(pages.careLeader, 'Årvik omsorgssenter', { area: 'Demens og eldre', what: 'Miljøbehandling ved demens', people: '8', measure: 'Kollegarettleiing', cost: '40000' });

    // The reminder job runs the way the app runs it: the wheel.reminders job through pg-boss.
    const jobId = await t.app.services.jobs.send(wheelRemindersJob, {});
    assert.ok(jobId);
    // (The wheel is this year's, so the template's other milestones whose dates have passed are
    // reminded about too; what matters here is the mapping form's.)
    const aboutTheForm = (m: { text: string }) => m.text.includes('Kartleggingsskjema levert');
    const reminder = await smtp.waitFor((m) => m.to.includes(people.schoolLeader) && aboutTheForm(m), 60_000);
    assert.match(reminder.text, /Kartleggingsskjema levert – Årvik skule: Fristen er i dag|Kartleggingsskjema levert – Årvik skule: Fristen gjekk ut/);
    // Count only once the run has finished sending.
    for (let polls = 0; polls < 300; polls++) {
      const job = await t.app.services.jobs.boss.getJobById(wheelRemindersJob.id, jobId);
      assert.notEqual(job?.state, 'failed');
      if (job?.state === 'completed') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal((await t.app.services.jobs.boss.getJobById(wheelRemindersJob.id, jobId))?.state, 'completed');
    assert.deepEqual(smtp.messages.filter((m) => m.to.includes(people.careLeader) && aboutTheForm(m)), [], 'the unit that handed in gets no reminder about the form');

    // The late leader sees it in Rytme too; the coordinator sees it in the log.
    const s = pages.schoolLeader;
    await s.goto('/wheel/notifications');
    await heading(s, 'Varsla mine');
    assert.match((await s.locator('main').textContent()) ?? '', /Kartleggingsskjema levert.*Årvik skule/s);
    await expectAccessible(s, '/wheel/notifications (late leader)');
    const l = pages.careLeader;
    await l.goto('/wheel/notifications');
    await heading(l, 'Varsla mine');
    assert.doesNotMatch((await l.locator('main').textContent()) ?? '', /Kartleggingsskjema levert/);
    await expectAccessible(l, '/wheel/notifications (on-time leader)');
    const c = pages.coordinator;
    await c.goto(`/wheel/log?year=${year}`);
    await heading(c, 'Utsende påminningar');
    assert.match((await c.getByRole('row', { name: /Sigurd Rektor/ }).filter({ hasText: 'Kartleggingsskjema levert' }).first().textContent()) ?? '', /Årvik skule/);
    assert.equal(await c.getByRole('row', { name: /Liv Leiar/ }).filter({ hasText: 'Kartleggingsskjema levert' }).count(), 0);
    await expectAccessible(c, '/wheel/log');

    await handIn(s, 'Årvik skule', { area: 'Digital kompetanse', what: 'Digitale læringsressursar', people: '12', measure: 'E-læring', cost: '30000' });
    await c.goto(`/wheel/board?year=${year}`);
    await heading(c, `Status per eining ${year}`);
    assert.match((await c.getByRole('row', { name: /Årvik skule/ }).textContent()) ?? '', /Ferdig/);
    assert.match((await c.getByRole('row', { name: /Årvik omsorgssenter/ }).textContent()) ?? '', /Ferdig/);
    await expectAccessible(c, '/wheel/board');
  });

  step('the coordinator plans within the frame, the executive approves and the PDF is downloaded', async () => {
    const c = pages.coordinator;
    await c.goto('/competence-plans');
    await heading(c, 'Kompetanseplanar');
    await expectAccessible(c, '/competence-plans');
    await c.getByLabel('År (årshjul)').selectOption(String(year));
    await c.getByLabel('Tittel').fill(`Kompetanseplan for Årvik ${year}`);
    await c.getByLabel('Budsjettramme i kroner').fill('50 000');
    await c.getByRole('button', { name: 'Start planen' }).click();
    await heading(c, `Kompetanseplan for Årvik ${year}`);
    const needs = c.getByRole('table', { name: 'Behov frå einingane' });
    assert.match((await needs.getByRole('row', { name: /Demens og eldre/ }).textContent()) ?? '', /Helse og omsorg/);
    assert.match((await needs.getByRole('row', { name: /Digital kompetanse/ }).textContent()) ?? '', /Oppvekst/);
    await expectAccessible(c, 'the new plan');

    const addItem = async (n: number, area: string, measure: string, cost: string, priority: string) => {
      const form = c.locator('form', { has: c.locator('input[name="intent"][value="addItem"]') });
      await form.getByLabel('Kompetanseområde').selectOption({ label: area });
      await form.getByRole('checkbox', { name: measure }).check();
      await form.getByLabel('Personar').fill('8');
      await form.getByLabel('Planlagd kostnad').fill(cost);
      await form.getByLabel('Prioritet').selectOption({ label: priority });
      await form.getByRole('button', { name: 'Legg til tiltaket' }).click();
      await c.locator('details.cplan-edit').nth(n - 1).waitFor({ state: 'attached', ...WAIT });
    };
    await addItem(1, 'Digital kompetanse', 'E-læring', '30000', 'Middels');
    await addItem(2, 'Demens og eldre', 'Kollegarettleiing', '40000', 'Høg');
    const rows = c.getByRole('table', { name: 'Tiltak i prioritert rekkjefølgje' }).locator('tbody tr');
    await rows.nth(2).waitFor(WAIT);
    assert.match((await rows.nth(0).textContent()) ?? '', /Demens og eldre/);
    assert.match((await rows.nth(1).textContent()) ?? '', /Digital kompetanse.*70\s000 kr \(over ramma\)/);
    assert.match((await rows.nth(2).textContent()) ?? '', /Over ramma med 20\s000 kr/);
    await expectAccessible(c, 'the plan with items');

    const e = pages.executive;
    await e.goto('/competence-plans');
    await heading(e, 'Kompetanseplanar');
    await expectAccessible(e, '/competence-plans (executive)');
    await e.getByRole('link', { name: `Kompetanseplan for Årvik ${year}` }).click();
    await heading(e, `Kompetanseplan for Årvik ${year}`);
    await expectAccessible(e, 'the plan (executive)');
    await e.getByRole('button', { name: 'Godkjenn planen' }).click();
    await e.getByText('Godkjend av Kjell Direktør').waitFor(WAIT);
    await expectAccessible(e, 'the approved plan');
    const [download] = await Promise.all([e.waitForEvent('download', WAIT), e.getByRole('link', { name: 'Last ned planen som PDF' }).click()]);
    assert.equal(download.suggestedFilename(), `kompetanseplan-${year}.pdf`);
    const bytes = await readFile((await download.path())!);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const pdf = readPdfText(bytes);
    assert.ok(pdf.pages[0]!.includes(`Kompetanseplan for Årvik ${year}`), pdf.pages[0]!.join(' | '));
    assert.match(pdf.all, /Godkjend av Kjell Direktør/);
  });

  let measureId = '';
  step('a measure is published, an employee enrols, the leader approves and attendance is recorded', async () => {
    const c = pages.coordinator;
    await c.goto('/catalogue/measures/new');
    await heading(c, 'Nytt tiltak');
    await expectAccessible(c, 'new measure');
    await c.getByLabel('Type tiltak').selectOption('peer_guidance');
    await c.getByLabel('Namn på tiltaket').fill('Kollegarettleiing i demensomsorg');
    await c.getByLabel('Startdato').fill(today);
    await c.getByLabel('Sluttdato').fill(today);
    await c.getByLabel('Stad', { exact: false }).first().fill('Årvik omsorgssenter');
    await c.getByLabel('Tal på plassar').fill('4');
    await c.getByRole('button', { name: 'Lag tiltaket' }).click();
    await heading(c, 'Kollegarettleiing i demensomsorg');
    await c.getByRole('status').filter({ hasText: 'Tiltaket er lagra.' }).waitFor(WAIT);
    measureId = new URL(c.url()).pathname.split('/').pop()!;
    await expectAccessible(c, 'measure (draft)');
    await c.getByRole('button', { name: 'Publiser tiltaket' }).click();
    await c.getByRole('status').filter({ hasText: 'Statusen er endra.' }).waitFor(WAIT);
    await c.getByRole('link', { name: /^(våren|hausten) \d{4}$/ }).click();
    await heading(c, 'Tilbodskatalog for');
    await c.getByRole('button', { name: 'Publiser katalogen' }).click();
    await c.getByRole('status').filter({ hasText: 'Katalogen er publisert.' }).waitFor(WAIT);
    await expectAccessible(c, 'catalogue (coordinator)');

    const e = pages.employee;
    await e.goto('/catalogue');
    await heading(e, 'Tilbodskatalog for');
    await expectAccessible(e, 'catalogue (employee)');
    await e.getByRole('link', { name: 'Kollegarettleiing i demensomsorg' }).click();
    await heading(e, 'Kollegarettleiing i demensomsorg');
    await e.getByRole('button', { name: 'Meld meg på' }).click();
    await e.getByRole('status').filter({ hasText: 'Du er påmeld. Leiaren din må godkjenne plassen.' }).waitFor(WAIT);
    await expectAccessible(e, 'measure after enrolling');

    const l = pages.careLeader;
    await l.goto('/catalogue/approvals');
    await heading(l, 'Godkjenning av påmeldingar');
    await expectAccessible(l, 'approvals');
    await l.getByRole('button', { name: 'Godkjenn: Eva Eide, Kollegarettleiing i demensomsorg' }).click();
    await l.getByRole('status').filter({ hasText: 'Plassen er godkjend.' }).waitFor(WAIT);
    await expectAccessible(l, 'approvals after approving');

    await c.goto(`/catalogue/measures/${measureId}/attendance`);
    await heading(c, 'Deltakarliste');
    await expectAccessible(c, 'attendance');
    await c.getByRole('button', { name: 'Deltok: Eva Eide' }).click();
    await c.getByRole('status').filter({ hasText: 'Oppmøtet er lagra.' }).waitFor(WAIT);
    // The message can show before the list has been read again: wait for the row to say so.
    await c.getByRole('row', { name: /Eva Eide/ }).filter({ hasText: /Årvik omsorgssenter\s*Ja/ }).waitFor(WAIT);
    assert.match((await c.getByRole('row', { name: /Eva Eide/ }).textContent()) ?? '', /Årvik omsorgssenter\s*Ja/);
  });

  step('once the measure has ended, the attendee gives feedback and the leader evaluates the year', async () => {
    // The measure ran yesterday: the coordinator moves its dates on the edit page.
    const c = pages.coordinator;
    await c.goto(`/catalogue/measures/${measureId}`);
    await heading(c, 'Kollegarettleiing i demensomsorg');
    await c.getByRole('link', { name: 'Endre tiltaket' }).click();
    await heading(c, 'Endre tiltak');
    await expectAccessible(c, 'edit measure');
    await c.getByLabel('Startdato').fill(yesterday);
    await c.getByLabel('Sluttdato').fill(yesterday);
    await c.getByRole('button', { name: 'Lagre', exact: true }).click();
    await c.getByRole('status').filter({ hasText: 'Tiltaket er lagra.' }).waitFor(WAIT);

    const e = pages.employee;
    await e.goto(`/catalogue/measures/${measureId}`);
    await e.getByRole('link', { name: 'Gi tilbakemelding' }).click();
    await heading(e, 'Tilbakemelding');
    await expectAccessible(e, 'feedback form');
    await e.getByLabel('Kva lærte du?').fill('Korleis vi rettleier kvarandre etter vakt');
    await e.getByRole('radio', { name: '5 – svært mykje' }).check();
    await e.getByLabel('Korleis vil du dele det du lærte med kollegane dine?').fill('Eit kvarter på personalmøtet');
    await e.getByRole('button', { name: 'Send tilbakemeldinga' }).click();
    await e.getByRole('status').filter({ hasText: 'Takk for tilbakemeldinga.' }).waitFor(WAIT);
    await expectAccessible(e, 'measure after feedback');

    const l = pages.careLeader;
    // From the catalogue's tabs; the page opens on this year (yesterday's year, bar New Year's Day).
    await l.goto('/catalogue');
    await l.getByRole('link', { name: 'Årsevaluering', exact: true }).click();
    await heading(l, 'Årsevaluering');
    if (year !== Number(today.slice(0, 4))) await l.getByRole('link', { name: `År ${year}` }).click();
    await heading(l, `Årsevaluering ${year}`);
    await expectAccessible(l, 'year-end evaluation');
    const form = l.getByRole('form', { name: 'Kollegarettleiing i demensomsorg' });
    await form.getByLabel('Kor godt svara tiltaket på behovet?').selectOption('4');
    await form.getByLabel('Kva fungerte, og kva bør bli annleis?').fill('Godt opplegg; treng fast tid i turnusen');
    await form.getByRole('button', { name: 'Lagre vurderinga' }).click();
    await l.getByRole('status').filter({ hasText: 'Lagra.' }).waitFor(WAIT);
    await expectAccessible(l, 'year-end evaluation saved');
  });

  step('next year the care home rolls its form over and sees what last year taught it', async () => {
    const c = pages.coordinator;
    await c.goto(`/wheel?year=${next}`);
    await heading(c, `Årshjulet ${next}`);
    await c.getByRole('link', { name: 'Lag årshjulet frå ein mal' }).click();
    await heading(c, 'Lag årshjulet frå ein mal');
    await c.getByRole('radio', { name: 'Gloppen-modellen' }).check();
    await c.getByRole('button', { name: 'Lag årshjulet' }).click();
    await c.waitForURL(new RegExp(`/wheel\\?year=${next}$`), WAIT);
    await c.locator('svg.annual-wheel').waitFor(WAIT);
    await expectAccessible(c, `/wheel ${next}`);

    const l = pages.careLeader;
    // The mapping start page now opens on next year's wheel.
    await l.goto('/mapping');
    await heading(l, 'Kartlegging av kompetansebehov');
    await l.getByRole('heading', { name: `Einingar du leier – Årshjul ${next}` }).waitFor(WAIT);
    await expectAccessible(l, `/mapping ${next}`);
    await l.getByRole('link', { name: 'Opne skjemaet for Årvik omsorgssenter' }).click();
    await heading(l, 'Kartleggingsskjema – Årvik omsorgssenter');
    await l.getByText(`Eininga har ikkje starta skjemaet for ${next} enno.`).waitFor(WAIT);
    await expectAccessible(l, `form ${next} not started`);
    await l.getByRole('button', { name: `Start med fjorårets skjema (${year})` }).click();
    await heading(l, 'Fyll ut – Årvik omsorgssenter');
    await expectAccessible(l, `edit form ${next}`);
    await l.goto(`/mapping/units/${units.care}?year=${next}`);
    await heading(l, 'Kartleggingsskjema – Årvik omsorgssenter');
    await l.getByText('Skjemaet byggjer på skjemaet frå året før.').waitFor(WAIT);
    const learned = l.getByTestId('last-year-evaluations');
    assert.match((await learned.getByRole('heading', { level: 2 }).textContent()) ?? '', new RegExp(`Kva eininga lærte av tiltaka i ${year}`));
    const text = (await learned.textContent()) ?? '';
    assert.match(text, /Kollegarettleiing i demensomsorg/);
    assert.match(text, /Leiaren si vurdering: 4 av 5/);
    assert.match(text, /Godt opplegg; treng fast tid i turnusen/);
    assert.match(text, /Nytte for deltakarane: 5 av 5 \(1 svar\)/);
    assert.match(text, /Korleis vi rettleier kvarandre etter vakt/);
    assert.doesNotMatch(text, /Eva Eide/, 'participants are not named');
    await expectAccessible(l, `form ${next} with last year's evaluations`);
    // Refused forms answer 4xx on purpose; nothing else may be logged in any browser.
    assert.deepEqual(problems.flat(), []);
  });
});
