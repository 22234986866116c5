// The regional wheel in a real browser: a coordinator in one member municipality adds a shared
// milestone on /wheel/region (the form offers no chosen units), sees it on the municipality's own wheel marked with the
// region's name and not editable there; a unit leader of another member municipality sees the
// same milestone on their own wheel with their own unit, not started. Axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { regions } from '../../db/schema/index.ts';
import { startSession } from '../../core/auth/start-session.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('regional wheel (browser)', () => {
  let t: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let coordinator: Page;
  let leaderB: Page;
  let problems: string[];
  const year = new Date().getFullYear() + 1;

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    const [region] = await db.withPlatform((tx) => tx.insert(regions).values({ name: 'Nordfjord' }).returning());
    const pageFor = async (tenantId: string, accountId: string) => {
      const session = await db.withPlatform((tx) => startSession(tx, { tenantId, accountId, now: new Date(), absoluteMinutes: 60 }));
      const context = await browser.newContext({ baseURL: t.url, locale: 'nn-NO' });
      contexts.push(context);
      await context.addCookies([{ name: 'rytme_session', value: session.token, url: t.url }]);
      return context.newPage();
    };
    const a = (await createTenant(db, { name: 'Gloppen kommune', regionId: region!.id })).id;
    const rootA = await createUnit(db, a, { name: 'Gloppen kommune', kind: 'kommune' });
    await createUnit(db, a, { parent: rootA, name: 'Sandane skule', kind: 'eining' });
    coordinator = await pageFor(a, (await createAccount(db, a, { roles: ['coordinator'], displayName: 'Guro Gloppen' })).id);
    const b = (await createTenant(db, { name: 'Stad kommune', regionId: region!.id })).id;
    const rootB = await createUnit(db, b, { name: 'Stad kommune', kind: 'kommune' });
    const school = await createUnit(db, b, { parent: rootB, name: 'Nordfjordeid skule', kind: 'eining' });
    const lb = await createPerson(db, b, { unitId: school.id, givenName: 'Siri', familyName: 'Stad' });
    await makeLeader(db, b, school.id, lb.person.id);
    leaderB = await pageFor(b, (await createAccount(db, b, { personId: lb.person.id, displayName: 'Siri Stad' })).id);
    problems = watchPage(coordinator);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  it('adds a shared milestone that every member municipality sees on its own wheel', async () => {
    await coordinator.goto(`/wheel/region?year=${year}`);
    await coordinator.locator('h1', { hasText: `Felles milepælar i Nordfjord ${year}` }).waitFor();
    await coordinator.getByText(`Regionen har ingen felles milepælar for ${year}.`).waitFor();
    await expectAccessible(coordinator, '/wheel/region empty');

    await coordinator.getByRole('link', { name: 'Ny regional milepæl' }).click();
    await coordinator.locator('h1', { hasText: `Ny regional milepæl for ${year}` }).waitFor();
    // Chosen units are not offered for a regional milestone.
    assert.equal(await coordinator.getByRole('radio', { name: 'Einingar eg vel sjølv' }).count(), 0);
    await expectAccessible(coordinator, '/wheel/region/new');
    await coordinator.getByLabel('Namn på milepælen').fill('Felles plan for vidareutdanning');
    await coordinator.getByLabel('Frist', { exact: true }).fill(`${year}-03-01`);
    await coordinator.getByRole('radio', { name: 'Alle einingar av typen «Eining»' }).check();
    await coordinator.getByRole('button', { name: 'Lag milepælen' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Den regionale milepælen er lagra.' }).waitFor();
    assert.match((await coordinator.getByRole('row', { name: /Felles plan for vidareutdanning/ }).textContent()) ?? '', /Alle einingar av typen «Eining».*Sist endra av kommunen din/);
    await expectAccessible(coordinator, '/wheel/region with a milestone');

    await coordinator.goto(`/wheel?year=${year}`);
    const item = coordinator.locator('.wheel-marks li', { hasText: 'Felles plan for vidareutdanning' });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /Regional: Nordfjord/);
    await expectAccessible(coordinator, '/wheel with a regional milestone');
    await item.getByRole('link', { name: 'Felles plan for vidareutdanning' }).click();
    await coordinator.locator('h1', { hasText: 'Felles plan for vidareutdanning' }).waitFor();
    await coordinator.getByText('Denne milepælen er felles for kommunane i Nordfjord.', { exact: false }).waitFor();
    // Changed only in the regional wheel: no edit button on the copy.
    assert.equal(await coordinator.getByRole('link', { name: 'Endre milepælen' }).count(), 0);
    assert.match((await coordinator.getByRole('row', { name: /Sandane skule/ }).textContent()) ?? '', /Ikkje starta/);
    await expectAccessible(coordinator, 'regional milestone page');

    const leaderProblems = watchPage(leaderB);
    await leaderB.goto(`/wheel/milestones?year=${year}`);
    const row = leaderB.getByRole('row', { name: /Felles plan for vidareutdanning/ });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Regional: Nordfjord/);
    await expectAccessible(leaderB, '/wheel/milestones in another member municipality');
    await row.getByRole('link', { name: 'Felles plan for vidareutdanning' }).click();
    await leaderB.locator('h1', { hasText: 'Felles plan for vidareutdanning' }).waitFor();
    // Their own unit, not the first municipality's.
    assert.equal(await leaderB.getByRole('row', { name: /Sandane skule/ }).count(), 0);
    assert.match((await leaderB.getByRole('row', { name: /Nordfjordeid skule/ }).textContent()) ?? '', /Ikkje starta/);
    await expectAccessible(leaderB, 'regional milestone page in another member municipality');
    assert.deepEqual(problems, []);
    assert.deepEqual(leaderProblems, []);
  });
});
