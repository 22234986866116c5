// Every page of the product in a real browser, in nynorsk, bokmål and English: it renders
// without console errors, has a title and one h1, its first Tab stop is the skip link, and axe
// finds no WCAG 2.1 A/AA violation. The list of pages is checked against app/routes.ts so a
// new page cannot be left out.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import routes from '../../app/routes.ts';
import { importRuns, regions, rosterPeriods, rosterWishes } from '../../db/schema/index.ts';
import { DEFAULT_RULES, DEFAULT_SHIFT_TYPES, defaultStaffing } from '../../core/roster/roster.rules.ts';
import { startSession } from '../../core/auth/start-session.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { createRegionMilestone } from '../../core/annual-wheel/create-region-milestone.ts';
import { createStrategicPlan } from '../../core/strategic-plan/create-strategic-plan.ts';
import { saveStaffingRequirement } from '../../core/strategic-plan/save-staffing-requirement.ts';
import { startMappingForm } from '../../core/mapping/start-mapping-form.ts';
import { createCompetenceArea } from '../../core/mapping/create-competence-area.ts';
import { createCompetencePlan } from '../../core/competence-plan/create-competence-plan.ts';
import { addPlanItem } from '../../core/competence-plan/add-plan-item.ts';
import { createUnitPlan } from '../../core/unit-plan/create-unit-plan.ts';
import { saveUnitPlan } from '../../core/unit-plan/save-unit-plan.ts';
import { expectAccessible, launchBrowser, watchPage } from '../support/browser.ts';
import { startTestApp, type TestApp } from '../support/server.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader, createPublishedMeasure } from '../support/factories.ts';

/** Route patterns that are not pages (resource routes, redirects, downloads, the API). */
const NOT_PAGES = new Set(['language', 'logout', 'me', 'auth/oidc/start', 'auth/oidc/callback', 'people/:personId/export', 'admin/import/template/:format', 'admin/audit/export', 'wheel/feed/:token', 'api/*', '*']);
const PUBLIC_PAGES = ['/', '/login', '/password/forgot', '/password/reset/not-a-real-token'];

/** The roster module's downloads (resource routes, not pages). */
const ROSTER_DOWNLOADS = new Set(['roster/periods/:periodId/ics', 'roster/periods/:periodId/pdf', 'roster/periods/:periodId/xlsx']);
/** The competence plan's downloads (resource routes, not pages). */
const PLAN_DOWNLOADS = new Set(['competence-plans/:competencePlanId/pdf', 'competence-plans/:competencePlanId/xlsx', 'unit-plans/:unitId/:year/pdf', 'unit-plans/:unitId/:year/xlsx']);

function pagePatterns(): string[] {
  return (routes as Array<{ path?: string; index?: boolean }>)
    .map((r) => (r.index ? '/' : r.path ?? ''))
    .filter((p) => !NOT_PAGES.has(p) && !ROSTER_DOWNLOADS.has(p) && !PLAN_DOWNLOADS.has(p) && !p.startsWith('api/'));
}

describe('every page (browser, axe)', () => {
  let t: TestApp;
  let browser: Browser;
  let signedIn: BrowserContext;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
    const db = t.db.database;
    // In a region, so the regional wheel's pages have something to show.
    const [region] = await db.withPlatform((tx) => tx.insert(regions).values({ name: 'Sunnfjord' }).returning());
    const tenant = await createTenant(db, { name: 'Fjordvik kommune', regionId: region!.id });
    const root = await createUnit(db, tenant.id, { name: 'Fjordvik kommune', kind: 'kommune' });
    const unit = await createUnit(db, tenant.id, { parent: root, name: 'Fjordheimen', kind: 'eining' });
    const me = await createPerson(db, tenant.id, { unitId: unit.id, givenName: 'Ingrid', familyName: 'Leiar' });
    await makeLeader(db, tenant.id, unit.id, me.person.id);
    const colleague = await createPerson(db, tenant.id, { unitId: unit.id, givenName: 'Kari', familyName: 'Kollega' });
    const account = await createAccount(db, tenant.id, { personId: me.person.id, roles: ['tenant_admin', 'coordinator', 'platform_admin'], displayName: 'Ingrid Leiar' });
    // A two-week roster period of the unit (Ingrid leads it and works there), with a few shifts and a wish.
    const [period] = await db.withTenant(tenant.id, (tx) =>
      tx
        .insert(rosterPeriods)
        .values({
          tenantId: tenant.id,
          unitId: unit.id,
          name: 'Vårturnus',
          startDate: '2030-03-04',
          weeks: 2,
          wishDeadline: '2030-02-01',
          rules: { ...DEFAULT_RULES },
          shiftTypes: DEFAULT_SHIFT_TYPES,
          staffing: defaultStaffing(),
          unavailability: { [colleague.person.id]: [3] },
          roster: { [me.person.id]: ['D', 'D', null, 'A', null, null, null, 'N', null, null, 'D', 'D', null, null], [colleague.person.id]: ['A', null, null, null, 'D', 'D', null, null, 'A', 'A', null, null, null, null] },
        })
        .returning(),
    );
    await db.withTenant(tenant.id, (tx) => tx.insert(rosterWishes).values({ tenantId: tenant.id, periodId: period!.id, personId: me.person.id, wishes: [{ day: 2, kind: 'dayoff', shift: null, weight: 4 }, { day: 3, kind: 'shift', shift: 'A', weight: 2 }] }));
    ids.periodId = period!.id;
    const [run] = await db.withTenant(tenant.id, (tx) =>
      tx.insert(importRuns).values({ tenantId: tenant.id, createdBy: account.id, fileName: 'hr.csv', fileType: 'csv', file: Buffer.from('x'), status: 'uploaded', summary: { headers: ['Tilsettnummer'], rowCount: 1 } }).returning(),
    );
    const milestone = await createMilestone({
      database: db,
      actor: { kind: 'system', tenantId: tenant.id, purpose: 'test' },
      year: new Date().getFullYear(),
      language: 'nn',
      input: { title: 'Kartleggingsskjema levert', deadline: `${new Date().getFullYear()}-11-01`, ownerRole: 'unit_leader', concerns: 'mapping_form', target: 'kind:eining', reminderOffsets: '14, 3, 0', overdueEveryDays: '7', escalateAfterDays: '14' },
    });
    const system = { kind: 'system' as const, tenantId: tenant.id, purpose: 'test' };
    const regionMilestone = await createRegionMilestone({
      database: db,
      actor: system,
      language: 'nn',
      input: { year: String(new Date().getFullYear()), title: 'Felles kompetanseplan', deadline: `${new Date().getFullYear()}-12-01`, ownerRole: 'coordinator', concerns: 'municipal_plan', target: 'none', reminderOffsets: '14', overdueEveryDays: '0', escalateAfterDays: '' },
    });
    ids.regionMilestoneId = regionMilestone.id;
    const plan = await createStrategicPlan({ database: db, actor: system, input: { title: 'Kompetanse og bemanning', startYear: new Date().getFullYear() + 1 } });
    await saveStaffingRequirement({ database: db, actor: system, planId: plan.id, input: { styrk08: '2223', basis: 'headcount', values: ['3', '3', '4', '4'] } });
    // The unit's mapping form is started, so its edit page renders (without one it sends the leader to start it).
    await startMappingForm({ database: db, actor: await actorFor(db, tenant.id, account), unitId: unit.id, input: { year: new Date().getFullYear() } });
    // A finished measure the signed-in leader attended, so the feedback form is open to them.
    const measureId = await createPublishedMeasure(db, tenant.id, { title: 'Rettleiing i praksis', attendee: { personId: me.person.id, unitId: unit.id } });
    // A draft competence plan of this year's cycle with two items, one beyond the budget frame.
    const area = await createCompetenceArea({ database: db, actor: system, input: { name: 'Demens og eldre' } });
    const competencePlan = await createCompetencePlan({ database: db, actor: system, input: { year: new Date().getFullYear(), title: 'Kompetanseplan', budgetFrameNok: '60000' } });
    const first = await addPlanItem({ database: db, actor: system, planId: competencePlan.id, input: { planVersion: '1', competenceAreaId: area.id, measureTypes: ['peer_guidance', 'external_course'], peopleCount: '12', plannedCostNok: '40000', priority: '1' } });
    await addPlanItem({ database: db, actor: system, planId: competencePlan.id, input: { planVersion: String(first.planVersion), competenceAreaId: area.id, measureTypes: ['e_learning'], peopleCount: '30', plannedCostNok: '35000', priority: '2' } });
    // The unit's action and development plan of this year, filled in (a draft: the form is shown).
    const unitPlan = await createUnitPlan({ database: db, actor: system, unitId: unit.id, year: String(new Date().getFullYear()), language: 'nn' });
    await saveUnitPlan({
      database: db,
      actor: system,
      unitId: unit.id,
      year: String(new Date().getFullYear()),
      input: {
        version: String(unitPlan.version),
        developmentTrends: 'Fleire eldre.',
        budgetFrameNok: '9000000',
        actions: [{ title: 'Kollegarettleiing', competence: 'Demens', responsible: 'Leiar', timing: 'Vår', costNok: '20000' }],
        outlook: [{ year: String(new Date().getFullYear() + 1), title: 'Velferdsteknologi', competence: '', costNok: '50000' }],
        evaluations: [{ title: 'Brukartilfredsheit', competence: 'Brukarundersøking', responsible: 'Leiar' }],
      },
    });
    Object.assign(ids, { unitId: unit.id, personId: colleague.person.id, accountId: account.id, runId: run!.id, milestoneId: milestone.id, planId: plan.id, measureId, competencePlanId: competencePlan.id });
    const session = await db.withPlatform((tx) => startSession(tx, { tenantId: tenant.id, accountId: account.id, now: new Date(), absoluteMinutes: 120 }));
    signedIn = await browser.newContext({ baseURL: t.url, locale: 'nn-NO' });
    await signedIn.addCookies([{ name: 'rytme_session', value: session.token, url: t.url }]);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function check(context: BrowserContext, path: string, language: string) {
    const page = await context.newPage();
    const problems = watchPage(page);
    const response = await page.goto(path);
    await page.waitForLoadState('networkidle');
    const status = response?.status() ?? 0;
    assert.ok(status === 200, `${path} (${language}) answered ${status}`);
    assert.ok((await page.title()).length > 0, `${path} has a title`);
    assert.equal(await page.locator('h1').count(), 1, `${path} has exactly one h1`);
    assert.equal(await page.getAttribute('html', 'lang'), language);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main', `${path}: first Tab stop is the skip link`);
    await expectAccessible(page, `${path} (${language})`);
    assert.deepEqual(problems, [], `${path}: console errors`);
    await page.close();
  }

  it('signed-in pages pass in nynorsk', async () => {
    const paths = pagePatterns()
      .filter((p) => !PUBLIC_PAGES.includes(p === '/' ? '/' : `/${p}`) || p === '/')
      .map((p) => (p === '/' ? '/' : `/${p}`).replace(':unitId', ids.unitId!).replace(':personId', ids.personId!).replace(':accountId', ids.accountId!).replace(':runId', ids.runId!).replace(':regionMilestoneId', ids.regionMilestoneId!).replace(':milestoneId', ids.milestoneId!).replace(':competencePlanId', ids.competencePlanId!).replace(':planId', ids.planId!).replace(':measureId', ids.measureId!).replace(':step', '5').replace(':token', 'x').replace(':year', String(new Date().getFullYear())));
    assert.ok(paths.length >= 20, `pages found: ${paths.length}`);
    for (const path of paths) {
      if (path === '/login' || path.startsWith('/password/')) continue; // signed-in users are sent on; checked anonymously below
      await check(signedIn, path.replace(':periodId', ids.periodId!), 'nn');
    }
  });

  it('public pages pass anonymously in all three languages', async () => {
    for (const [locale, language] of [['nn-NO', 'nn'], ['nb-NO', 'nb'], ['en-GB', 'en']] as const) {
      const context = await browser.newContext({ baseURL: t.url, locale });
      for (const path of PUBLIC_PAGES) await check(context, path, language);
      await context.close();
    }
  });

  it('key signed-in pages pass in bokmål and English', async () => {
    for (const language of ['nb', 'en'] as const) {
      await signedIn.addCookies([{ name: 'rytme_lang', value: language, url: t.url }]);
      for (const path of ['/org', `/org/units/${ids.unitId}`, `/people/${ids.personId}`, '/admin', '/admin/import', '/wheel', `/wheel/milestones/${ids.milestoneId}`, '/wheel/board', '/maturity', '/maturity/checklist', '/maturity/survey', '/strategic-plans', `/strategic-plans/${ids.planId}/steps/5`, '/mapping/overview', `/mapping/units/${ids.unitId}`, `/mapping/units/${ids.unitId}/edit`, '/catalogue?year=2025&half=spring', `/catalogue/measures/${ids.measureId}`, '/catalogue/providers', '/dashboard', '/competence-plans', `/competence-plans/${ids.competencePlanId}`, '/unit-plans', `/unit-plans/${ids.unitId}/${new Date().getFullYear()}`]) await check(signedIn, path, language);
    }
    await signedIn.addCookies([{ name: 'rytme_lang', value: 'nn', url: t.url }]);
  });

  it('roster pages pass in bokmål and English', async () => {
    for (const language of ['nb', 'en'] as const) {
      await signedIn.addCookies([{ name: 'rytme_lang', value: language, url: t.url }]);
      for (const path of ['/roster', '/roster/rules', `/roster/periods/${ids.periodId}`, `/roster/periods/${ids.periodId}/grid`, `/roster/periods/${ids.periodId}/setup`, `/roster/periods/${ids.periodId}/wishes`]) await check(signedIn, path, language);
    }
    await signedIn.addCookies([{ name: 'rytme_lang', value: 'nn', url: t.url }]);
  });
});
