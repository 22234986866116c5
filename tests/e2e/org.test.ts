// Organisation and people in a real browser: browse the tree by keyboard, open a unit and a
// profile, edit a person, meet validation errors and the stale-edit refusal; axe on each page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startSession } from '../../core/auth/start-session.ts';
import { updatePerson } from '../../core/people/update-person.ts';
import { buildActor } from '../../core/auth/build-actor.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createPerson, createTenant, createUnit } from '../support/factories.ts';

describe('organisation and people (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let tenantId: string;
  let coordinatorId: string;
  let colleagueId: string;

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    tenantId = (await createTenant(db, { name: 'Fjordvik kommune' })).id;
    const root = await createUnit(db, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    const health = await createUnit(db, tenantId, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    await createUnit(db, tenantId, { parent: root, name: 'Oppvekst', kind: 'sektor' });
    const home = await createUnit(db, tenantId, { parent: health, name: 'Fjordheimen', kind: 'eining' });
    const colleague = await createPerson(db, tenantId, { unitId: home.id, givenName: 'Kari', familyName: 'Kollega', positionTitle: 'Sjukepleiar' });
    colleagueId = colleague.person.id;
    await createPerson(db, tenantId, { unitId: home.id, givenName: 'Ola', familyName: 'Olsen', positionTitle: 'Helsefagarbeidar', styrk08: '5321' });
    const coordinator = await createAccount(db, tenantId, { roles: ['coordinator'], displayName: 'Hallvard HR' });
    coordinatorId = coordinator.id;
    const session = await db.withPlatform((tx) => startSession(tx, { tenantId, accountId: coordinator.id, now: new Date(), absoluteMinutes: 60 }));
    const context = await browser.newContext({ baseURL: t.url, locale: 'nn-NO' });
    await context.addCookies([{ name: 'rytme_session', value: session.token, url: t.url }]);
    page = await context.newPage();
    problems = watchPage(page);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  it('browses the tree by keyboard, opens a unit and a profile', async () => {
    await page.goto('/org');
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('h1').textContent(), 'Organisasjon');
    await expectAccessible(page, '/org');
    const toggle = page.getByRole('button', { name: 'Vis einingane under Helse og omsorg' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Skjul einingane under Helse og omsorg' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Skjul einingane under Helse og omsorg' }).getAttribute('aria-expanded'), 'true');
    await expectAccessible(page, '/org expanded');
    // Tab: the sector's own link, then the first unit under it.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Helse og omsorg');
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    assert.equal(await focused(), 'Fjordheimen');
    // Arrow keys as well: up to the sector, down to the unit below it, down again to the next sector.
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), 'Helse og omsorg');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'Oppvekst');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), 'Fjordheimen');
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Fjordheimen' }).waitFor();
    assert.match((await page.locator('.breadcrumbs').textContent()) ?? '', /Organisasjon.*Fjordvik kommune.*Helse og omsorg.*Fjordheimen/);
    assert.match((await page.locator('.members-table').textContent()) ?? '', /Kari Kollega.*Sjukepleiar.*100 %/);
    await expectAccessible(page, 'unit page');
    await page.getByRole('link', { name: 'Kari Kollega' }).click();
    await page.locator('h1', { hasText: 'Kari Kollega' }).waitFor();
    await expectAccessible(page, 'profile');
  });

  it('edits a person, shows validation errors, then refuses a stale edit', async () => {
    await page.getByRole('link', { name: 'Endre opplysningar' }).click();
    await page.locator('h1', { hasText: 'Endre opplysningar om Kari Kollega' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'edit person');

    // Invalid e-mail: the error summary appears, takes focus and links to the field.
    await page.getByLabel('E-post').fill('kari@');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    assert.match((await summary.textContent()) ?? '', /Skriv ei gyldig e-postadresse/);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-testid="error-summary"]') !== null), true, 'the summary has focus');
    assert.equal(await page.getByLabel('E-post').getAttribute('aria-invalid'), 'true');
    await expectAccessible(page, 'edit person with errors');

    // A valid save returns to the profile with a confirmation.
    await page.getByLabel('E-post').fill('kari.kollega@example.no');
    await page.getByLabel('Etternamn').fill('Kollega-Hansen');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.locator('h1', { hasText: 'Kari Kollega-Hansen' }).waitFor();
    assert.match((await page.getByRole('status').textContent()) ?? '', /Endringane er lagra/);

    // Open the form, then someone else saves first: our save is refused and nothing is lost silently.
    await page.goto(`/people/${colleagueId}/edit`);
    await page.waitForLoadState('networkidle');
    const actor = buildActor({ tenantId, accountId: coordinatorId, personId: null, assignedRoles: ['coordinator'], leaderUnitPaths: [], ownUnitPaths: [] });
    await updatePerson({ database: t.db.database, actor, personId: colleagueId, input: { givenName: 'Kari', familyName: 'Kollega-Berg', email: 'kari.kollega@example.no', version: 2 } });
    await page.getByLabel('Etternamn').fill('Kollega-Olsen');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    const stale = page.getByTestId('stale-message');
    await stale.waitFor();
    assert.match((await stale.textContent()) ?? '', /Nokon andre har lagra ei nyare utgåve/);
    assert.equal(await page.getByLabel('Etternamn').inputValue(), 'Kollega-Berg', 'the form now shows the saved value');
    await stale.locator('summary').click();
    assert.match((await stale.textContent()) ?? '', /Kollega-Olsen/, 'what the user tried is still visible');
    await expectAccessible(page, 'stale edit');
    // Refused submits answer 422/409 on purpose; anything else in the console is a fault.
    assert.deepEqual(problems.filter((p) => !/status of (422|409)/.test(p)), []);
  });
});
