// The authorization matrix: every route of app/routes.ts and every API endpoint × every role ×
// a target in the actor's own unit / another unit / another tenant, asserting allow or deny.
// The expectations are written out by hand from docs/access.md (not computed from the policy
// code), so a route that forgets to ask the policy, or asks the wrong question, fails here.
// A new route without an entry in MATRIX fails the coverage test.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import routes from '../../app/routes.ts';
import { competencePlans, importRuns, regions, rosterPeriods, unitPlans, wheelCycles } from '../../db/schema/index.ts';
import { DEFAULT_RULES, DEFAULT_SHIFT_TYPES, defaultStaffing } from '../../core/roster/roster.rules.ts';
import { createApiToken } from '../../core/api-tokens/create-api-token.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { createRegionMilestone } from '../../core/annual-wheel/create-region-milestone.ts';
import { createStrategicPlan } from '../../core/strategic-plan/create-strategic-plan.ts';
import type { Role } from '../../core/shared/actor.ts';
import { Client, signInAs, startTestApp, type TestApp } from '../support/server.ts';
import { createAccount, createPerson, createPublishedMeasure, createTenant, createUnit, makeLeader } from '../support/factories.ts';

type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', 'employee', 'unit_leader', 'coordinator', 'executive', 'union_rep', 'mentor', 'tenant_admin', 'platform_admin'];
/** own: in the unit the employee works in and the leader leads; other: a sibling unit; foreign: another tenant. */
type Target = 'own' | 'other' | 'foreign';

/** allow = 2xx (or a redirect that is not to /login); deny = 403/404; login = redirect to /login (pages) or 401 (API); open = anything but 5xx/403. */
type Outcome = 'allow' | 'deny' | 'login' | 'open';
type Rule = (who: Who, target: Target) => Outcome;

const signedIn = (who: Who) => who !== 'anonymous';
const anyone: Rule = () => 'open';
const everyMember: Rule = (who, target) => (!signedIn(who) ? 'login' : target === 'foreign' ? 'deny' : 'allow');
const only =
  (...roles: Who[]): Rule =>
  (who, target) =>
    !signedIn(who) ? 'login' : target === 'foreign' ? 'deny' : roles.includes(who) ? 'allow' : 'deny';
// Person data: the employee is the person in the own unit; the leader leads the own unit.
const personRead: Rule = (who, target) => {
  if (!signedIn(who)) return 'login';
  if (target === 'foreign') return 'deny';
  if (['coordinator', 'executive', 'tenant_admin'].includes(who)) return 'allow';
  if (target === 'own' && (who === 'employee' || who === 'unit_leader')) return 'allow';
  return 'deny';
};
const personWrite: Rule = (who, target) => {
  if (!signedIn(who)) return 'login';
  if (target === 'foreign') return 'deny';
  if (['coordinator', 'tenant_admin'].includes(who)) return 'allow';
  if (target === 'own' && who === 'unit_leader') return 'allow';
  return 'deny';
};
// Roster: the unit's own leader manages; union reps read submitted rosters tenant-wide; employees
// enter their own wishes in their own unit (the leader in the fixture is employed there too).
const rosterManage: Rule = (who, target) => (!signedIn(who) ? 'login' : target === 'own' && who === 'unit_leader' ? 'allow' : 'deny');
const rosterRead: Rule = (who, target) => {
  if (!signedIn(who)) return 'login';
  if (target === 'foreign') return 'deny';
  if (who === 'union_rep') return 'allow';
  return target === 'own' && who === 'unit_leader' ? 'allow' : 'deny';
};
const rosterWish: Rule = (who, target) => (!signedIn(who) ? 'login' : target === 'own' && (who === 'employee' || who === 'unit_leader') ? 'allow' : 'deny');
const personExport: Rule = (who, target) => (!signedIn(who) ? 'login' : target === 'own' && who === 'employee' ? 'allow' : 'deny');
// Competence plan: the own target is a published plan (every member reads it), the other a draft
// (coordinators, executives, union reps for drøfting, tenant admins).
const competencePlanRead: Rule = (who, target) => {
  if (!signedIn(who)) return 'login';
  if (target === 'foreign') return 'deny';
  if (target === 'own') return 'allow';
  return ['coordinator', 'executive', 'union_rep', 'tenant_admin'].includes(who) ? 'allow' : 'deny';
};
// A unit's checklist: tenant-wide readers any unit, the leader only the unit they lead.
const checklistRead: Rule = (who, target) => {
  if (!signedIn(who)) return 'login';
  if (target === 'foreign') return 'deny';
  if (['coordinator', 'executive', 'tenant_admin'].includes(who)) return 'allow';
  return target === 'own' && who === 'unit_leader' ? 'allow' : 'deny';
};
// A unit's action and development plan: the own unit's plan is a draft (its leader, coordinators,
// executives and tenant admins read it), the other unit's is approved (every member reads it).
// The page itself answers every member (without the plan when they may not see it); the
// downloads are refused.
const unitPlanRead: Rule = (who, target) => {
  if (!signedIn(who)) return 'login';
  if (target === 'foreign') return 'deny';
  if (target === 'other') return 'allow';
  return ['coordinator', 'executive', 'tenant_admin', 'unit_leader'].includes(who) ? 'allow' : 'deny';
};
/** API endpoints answer like pages, except that 'login' means 401 problem+json (classified the same way). */
const api = (rule: Rule): Rule => rule;

interface Entry {
  /** Path with :params; the test fills them per target. */
  rule: Rule;
  /** Query string to add. */
  query?: string;
  /** The page redirects the allowed actor on purpose (e.g. /me → profile). */
  redirects?: boolean;
  /** POST-only endpoints are exercised with an empty JSON body (and the CSRF header when signed in). */
  method?: 'POST';
}

const MATRIX: Record<string, Entry> = {
  '/': { rule: anyone },
  language: { rule: anyone, redirects: true },
  logout: { rule: anyone, redirects: true },
  login: { rule: anyone },
  'password/forgot': { rule: anyone },
  'password/reset/:token': { rule: anyone },
  'auth/oidc/start': { rule: anyone },
  'auth/oidc/callback': { rule: anyone },
  account: { rule: (who) => (signedIn(who) ? 'allow' : 'login') },
  'admin/accounts': { rule: only('tenant_admin') },
  'admin/accounts/new': { rule: only('tenant_admin') },
  'admin/accounts/:accountId': { rule: only('tenant_admin') },
  'admin/settings': { rule: only('tenant_admin') },
  'admin/outbox': { rule: only('tenant_admin') },
  org: { rule: everyMember },
  'org/units/new': { rule: only('coordinator', 'tenant_admin') },
  'org/units/:unitId': { rule: everyMember },
  'org/units/:unitId/edit': { rule: only('coordinator', 'tenant_admin') },
  people: { rule: everyMember },
  'people/:personId': { rule: personRead },
  'people/:personId/edit': { rule: personWrite },
  'people/:personId/export': { rule: personExport },
  me: { rule: (who) => (signedIn(who) ? 'allow' : 'login'), redirects: true },
  admin: { rule: only('coordinator', 'tenant_admin') },
  'admin/audit': { rule: only('tenant_admin') },
  'admin/audit/export': { rule: only('tenant_admin') },
  'admin/import': { rule: only('coordinator', 'tenant_admin') },
  'admin/import/template/:format': { rule: only('coordinator', 'tenant_admin') },
  'admin/import/:runId': { rule: only('coordinator', 'tenant_admin') },
  platform: { rule: (who) => (!signedIn(who) ? 'login' : who === 'platform_admin' ? 'allow' : 'deny') },
  'platform/tenants/new': { rule: (who) => (!signedIn(who) ? 'login' : who === 'platform_admin' ? 'allow' : 'deny') },
  'admin/api-tokens': { rule: only('tenant_admin') },
  // Annual wheel: everyone in the municipality reads it; coordinators and tenant admins configure it.
  wheel: { rule: everyMember },
  'wheel/milestones': { rule: everyMember },
  'wheel/milestones/new': { rule: only('coordinator', 'tenant_admin') },
  'wheel/milestones/:milestoneId': { rule: everyMember },
  'wheel/milestones/:milestoneId/edit': { rule: only('coordinator', 'tenant_admin') },
  'wheel/board': { rule: everyMember },
  // The region's shared wheel: every member reads it; coordinators of a member municipality edit
  // it (not tenant admins); another region's milestone is not found (foreign = another region's).
  'wheel/region': { rule: everyMember },
  'wheel/region/new': { rule: only('coordinator') },
  'wheel/region/:regionMilestoneId/edit': { rule: only('coordinator') },
  'wheel/templates': { rule: only('coordinator', 'tenant_admin') },
  'wheel/notifications': { rule: everyMember },
  'wheel/log': { rule: only('coordinator', 'tenant_admin') },
  // Maturity: results and the measured stage for tenant-wide readers and union representatives;
  // the checklist for tenant-wide readers (all units) and unit leaders (their own units);
  // everyone may open the survey page (answering needs an invitation); coordinators run it.
  maturity: { rule: only('coordinator', 'executive', 'tenant_admin', 'union_rep') },
  'maturity/checklist': { rule: only('coordinator', 'executive', 'tenant_admin', 'unit_leader') },
  'maturity/checklist/:unitId': { rule: checklistRead },
  'maturity/survey': { rule: everyMember },
  'maturity/survey/admin': { rule: only('coordinator', 'tenant_admin') },
  'maturity/survey/results': { rule: only('coordinator', 'executive', 'tenant_admin', 'union_rep') },
  // Needs mapping: everyone reads the start page, areas, offers, a unit's basis and form page
  // (the form's content depends on its status, tested in mapping-usecases); the overview is for
  // tenant-wide readers; the edit page only for the unit's leader (who is sent on to start the form).
  mapping: { rule: everyMember },
  'mapping/overview': { rule: only('coordinator', 'executive', 'tenant_admin') },
  dashboard: { rule: only('coordinator', 'executive', 'tenant_admin') },
  'mapping/areas': { rule: everyMember },
  'mapping/offers': { rule: everyMember },
  'mapping/units/:unitId': { rule: everyMember },
  'mapping/units/:unitId/edit': { rule: (who, target) => (!signedIn(who) ? 'login' : target === 'own' && who === 'unit_leader' ? 'allow' : 'deny'), redirects: true },
  'mapping/units/:unitId/basis': { rule: everyMember },
  // Catalogue: everyone reads it; coordinators run it; leaders approve and evaluate; the
  // attendance list is the organiser's, coordinators' and leaders' (their own units' people);
  // only an attendee may give feedback (the employee attended the own-target measure).
  catalogue: { rule: everyMember },
  'catalogue/providers': { rule: everyMember },
  'catalogue/approvals': { rule: only('unit_leader') },
  'catalogue/evaluations': { rule: only('unit_leader') },
  'catalogue/measures/new': { rule: only('coordinator', 'tenant_admin') },
  'catalogue/measures/:measureId': { rule: everyMember },
  'catalogue/measures/:measureId/edit': { rule: only('coordinator', 'tenant_admin') },
  'catalogue/measures/:measureId/attendance': { rule: only('coordinator', 'tenant_admin', 'unit_leader') },
  'catalogue/measures/:measureId/feedback': { rule: (who, target) => (!signedIn(who) ? 'login' : who === 'employee' && target === 'own' ? 'allow' : 'deny') },
  // The calendar feed: the secret link is the credential; a wrong link is 404 for everyone.
  'wheel/feed/:token': { rule: anyone },
  roster: { rule: everyMember },
  'roster/rules': { rule: everyMember },
  'roster/units/:unitId/new': { rule: rosterManage },
  'roster/periods/:periodId': { rule: rosterRead },
  'roster/periods/:periodId/setup': { rule: rosterManage },
  'roster/periods/:periodId/grid': { rule: rosterRead },
  'roster/periods/:periodId/wishes': { rule: rosterWish },
  // A submitted roster is not published yet: past the policy, the download answers 409.
  'roster/periods/:periodId/ics': { rule: rosterWish },
  'roster/periods/:periodId/pdf': { rule: rosterWish },
  // The fixture periods have no roster yet: past the policy, the spreadsheet answers 409.
  'roster/periods/:periodId/xlsx': { rule: rosterRead },
  // Strategic plan: coordinators and tenant admins edit; executives and union reps read (step 5 = the analysis).
  'strategic-plans': { rule: only('coordinator', 'executive', 'union_rep', 'tenant_admin') },
  'strategic-plans/:planId': { rule: only('coordinator', 'executive', 'union_rep', 'tenant_admin') },
  'strategic-plans/:planId/steps/:step': { rule: only('coordinator', 'executive', 'union_rep', 'tenant_admin') },
  'strategic-plans/:planId/print': { rule: only('coordinator', 'executive', 'union_rep', 'tenant_admin') },
  'competence-plans': { rule: everyMember },
  'competence-plans/:competencePlanId': { rule: competencePlanRead },
  'competence-plans/:competencePlanId/pdf': { rule: competencePlanRead },
  'competence-plans/:competencePlanId/xlsx': { rule: competencePlanRead },
  'unit-plans': { rule: everyMember },
  'unit-plans/:unitId': { rule: everyMember, redirects: true },
  'unit-plans/:unitId/:year': { rule: everyMember },
  'unit-plans/:unitId/:year/pdf': { rule: unitPlanRead },
  'unit-plans/:unitId/:year/xlsx': { rule: unitPlanRead },
  'api/v1/openapi.json': { rule: anyone },
  'api/v1/me': { rule: api((who) => (signedIn(who) ? 'allow' : 'login')) },
  'api/v1/units': { rule: api(everyMember) },
  'api/v1/units/:unitId': { rule: api(everyMember) },
  'api/v1/units/:unitId/members': { rule: api(everyMember) },
  // Listing people is tenant-wide (integrations, HR); leaders see their people on unit pages.
  'api/v1/persons': { rule: api(only('coordinator', 'executive', 'tenant_admin')) },
  'api/v1/persons/:personId': { rule: api(personRead) },
  'api/v1/imports': { rule: api(only('coordinator', 'tenant_admin')) },
  'api/v1/imports/:runId': { rule: api(only('coordinator', 'tenant_admin')) },
  'api/v1/imports/:runId/preview': { rule: api(only('coordinator', 'tenant_admin')), method: 'POST' },
  'api/v1/imports/:runId/commit': { rule: api(only('coordinator', 'tenant_admin')), method: 'POST' },
  'api/v1/occupations': { rule: api((who) => (signedIn(who) ? 'allow' : 'login')) },
  'api/*': { rule: anyone },
  '*': { rule: anyone },
};

function routePaths(): string[] {
  const out: string[] = [];
  const walk = (list: Array<{ path?: string; index?: boolean; children?: unknown[] }>) => {
    for (const r of list) {
      out.push(r.index ? '/' : (r.path ?? ''));
      if (r.children) walk(r.children as never);
    }
  };
  walk(routes as never);
  return out;
}

interface Fixture {
  tenantA: string;
  ids: Record<Target, { unitId: string; personId: string; accountId: string; runId: string; milestoneId: string; periodId: string; planId: string; measureId: string; competencePlanId: string; regionMilestoneId: string }>;
  clients: Map<Who, Client>;
}

function classify(status: number, location: string | null): 'allow' | 'deny' | 'login' | 'error' {
  if (status >= 500) return 'error';
  if (status === 401 || (status >= 300 && status < 400 && location?.includes('/login'))) return 'login';
  if (status === 403 || status === 404) return 'deny';
  if (status < 400) return 'allow';
  return 'allow'; // 4xx other than 401/403/404 (e.g. 400/405/422): the actor got past authorization
}

describe('authorization matrix', () => {
  let t: TestApp;
  const fx: Fixture = { tenantA: '', ids: {} as Fixture['ids'], clients: new Map() };

  before(async () => {
    t = await startTestApp();
    const db = t.db.database;
    // A and B are in different regions (the regional wheel's foreign target is the other region's milestone).
    const [regionA, regionB] = await db.withPlatform((tx) => tx.insert(regions).values([{ name: 'Region A' }, { name: 'Region B' }]).returning());
    const a = await createTenant(db, { regionId: regionA!.id });
    const b = await createTenant(db, { regionId: regionB!.id });
    fx.tenantA = a.id;
    const rootA = await createUnit(db, a.id);
    const ownUnit = await createUnit(db, a.id, { parent: rootA, name: 'Eigen eining' });
    const otherUnit = await createUnit(db, a.id, { parent: rootA, name: 'Anna eining' });
    const rootB = await createUnit(db, b.id);
    const e = await createPerson(db, a.id, { unitId: ownUnit.id });
    const l = await createPerson(db, a.id, { unitId: ownUnit.id });
    await makeLeader(db, a.id, ownUnit.id, l.person.id);
    const f = await createPerson(db, a.id, { unitId: otherUnit.id });
    const g = await createPerson(db, b.id, { unitId: rootB.id });
    const accountOf = new Map<Who, string>();
    accountOf.set('employee', (await createAccount(db, a.id, { personId: e.person.id })).id);
    accountOf.set('unit_leader', (await createAccount(db, a.id, { personId: l.person.id })).id);
    for (const role of ['coordinator', 'executive', 'union_rep', 'mentor', 'tenant_admin', 'platform_admin'] as const) {
      accountOf.set(role, (await createAccount(db, a.id, { roles: [role] })).id);
    }
    const otherAccount = (await createAccount(db, a.id, { personId: f.person.id })).id;
    const foreignAccount = (await createAccount(db, b.id, { personId: g.person.id })).id;
    const run = async (tenantId: string) => {
      const [row] = await db.withTenant(tenantId, (tx) =>
        tx.insert(importRuns).values({ tenantId, createdBy: accountOf.get('tenant_admin')!, fileName: 'x.csv', fileType: 'csv', file: Buffer.from('a;b\n1;2\n'), status: 'uploaded' }).returning(),
      );
      return row!.id;
    };
    const milestone = async (tenantId: string, unitId: string) =>
      (
        await createMilestone({
          database: db,
          actor: { kind: 'system', tenantId, purpose: 'test' },
          year: 2027,
          language: 'nn',
          input: { title: 'Kartlegging', deadline: '2026-11-01', ownerRole: 'unit_leader', concerns: 'mapping_form', target: 'units', targetUnitIds: [unitId], reminderOffsets: '14', overdueEveryDays: '7', escalateAfterDays: '' },
        })
      ).id;
    const regionMilestone = async (tenantId: string) =>
      (
        await createRegionMilestone({
          database: db,
          actor: { kind: 'system', tenantId, purpose: 'test' },
          language: 'nn',
          input: { year: '2027', title: 'Regional frist', deadline: '2027-02-01', ownerRole: 'coordinator', concerns: 'other', target: 'none', reminderOffsets: '14', overdueEveryDays: '0', escalateAfterDays: '' },
        })
      ).id;
    const period = async (tenantId: string, unitId: string) => {
      const [row] = await db.withTenant(tenantId, (tx) =>
        tx
          .insert(rosterPeriods)
          .values({ tenantId, unitId, name: 'Turnus', startDate: '2030-03-04', weeks: 2, wishDeadline: '2030-02-01', status: 'submitted', rules: { ...DEFAULT_RULES }, shiftTypes: DEFAULT_SHIFT_TYPES, staffing: defaultStaffing(), unavailability: {} })
          .returning(),
      );
      return row!.id;
    };
    const plan = async (tenantId: string, scopeUnitId: string) =>
      (await createStrategicPlan({ database: db, actor: { kind: 'system', tenantId, purpose: 'test' }, input: { title: 'Strategisk plan', startYear: 2027, scopeUnitId } })).id;
    // A competence plan per target: published in A (own), a draft in A (other), published in B (foreign).
    const competencePlan = async (tenantId: string, year: number, status: 'draft' | 'published') =>
      db.withTenant(tenantId, async (tx) => {
        const [cycle] = await tx.insert(wheelCycles).values({ tenantId, year, title: `Årshjul ${year}` }).returning();
        const [row] = await tx.insert(competencePlans).values({ tenantId, cycleId: cycle!.id, title: `Kompetanseplan ${year}`, status }).returning();
        return row!.id;
      });
    const competencePlanIds = { own: await competencePlan(a.id, 2040, 'published'), other: await competencePlan(a.id, 2041, 'draft'), foreign: await competencePlan(b.id, 2040, 'published') };
    // Unit plans of 2040 (the cycles made above): a draft for the own unit, approved for the other unit and in B.
    const unitPlan = async (tenantId: string, unitId: string, status: 'draft' | 'approved') =>
      db.withTenant(tenantId, async (tx) => {
        const [cycle] = await tx.select().from(wheelCycles).where(eq(wheelCycles.year, 2040));
        await tx.insert(unitPlans).values({ tenantId, unitId, cycleId: cycle!.id, status });
      });
    await unitPlan(a.id, ownUnit.id, 'draft');
    await unitPlan(a.id, otherUnit.id, 'approved');
    await unitPlan(b.id, rootB.id, 'approved');
    fx.ids = {
      own: { unitId: ownUnit.id, personId: e.person.id, accountId: accountOf.get('employee')!, runId: await run(a.id), milestoneId: await milestone(a.id, ownUnit.id), periodId: await period(a.id, ownUnit.id), planId: await plan(a.id, ''), measureId: await createPublishedMeasure(db, a.id, { attendee: { personId: e.person.id, unitId: ownUnit.id } }), competencePlanId: competencePlanIds.own, regionMilestoneId: await regionMilestone(a.id) },
      other: { unitId: otherUnit.id, personId: f.person.id, accountId: otherAccount, runId: await run(a.id), milestoneId: await milestone(a.id, otherUnit.id), periodId: await period(a.id, otherUnit.id), planId: await plan(a.id, otherUnit.id), measureId: await createPublishedMeasure(db, a.id, { attendee: { personId: f.person.id, unitId: otherUnit.id } }), competencePlanId: competencePlanIds.other, regionMilestoneId: await regionMilestone(a.id) },
      foreign: { unitId: rootB.id, personId: g.person.id, accountId: foreignAccount, runId: await run(b.id), milestoneId: await milestone(b.id, rootB.id), periodId: await period(b.id, rootB.id), planId: await plan(b.id, ''), measureId: await createPublishedMeasure(db, b.id, { attendee: { personId: g.person.id, unitId: rootB.id } }), competencePlanId: competencePlanIds.foreign, regionMilestoneId: await regionMilestone(b.id) },
    };
    fx.clients.set('anonymous', new Client(t.url));
    for (const [who, accountId] of accountOf) fx.clients.set(who, await signInAs(t, a.id, accountId));
  });
  after(() => t.close());

  it('covers every route in app/routes.ts', () => {
    const missing = routePaths().filter((p) => !(p in MATRIX));
    assert.deepEqual(missing, [], 'routes without an entry in the authorization matrix');
  });

  // Thousands of requests: on a loaded 2-core machine this takes minutes, not the default's 3.
  it('allows and denies every route for every role and target as documented', { timeout: 900_000 }, async () => {
    const mismatches: string[] = [];
    for (const [pattern, entry] of Object.entries(MATRIX)) {
      const hasTarget = /:(unitId|personId|accountId|runId|milestoneId|periodId|planId|measureId|competencePlanId|regionMilestoneId)/.test(pattern);
      const targets: Target[] = hasTarget ? ['own', 'other', 'foreign'] : ['own'];
      for (const target of targets) {
        const ids = fx.ids[target];
        let path = pattern === '/' ? '/' : `/${pattern}`;
        path = path
          .replace(':unitId', ids.unitId)
          .replace(':personId', ids.personId)
          .replace(':accountId', ids.accountId)
          .replace(':runId', ids.runId)
          .replace(':regionMilestoneId', ids.regionMilestoneId)
          .replace(':milestoneId', ids.milestoneId)
          .replace(':periodId', ids.periodId)
          .replace(':competencePlanId', ids.competencePlanId)
          .replace(':planId', ids.planId)
          .replace(':year', '2040')
          .replace(':step', '5')
          .replace(':measureId', ids.measureId)
          .replace(':token', 'not-a-real-token')
          .replace(':format', 'csv')
          .replace('api/*', 'api/v1/not-here')
          .replace(/\/\*$/, '/not-here');
        for (const who of WHO) {
          const expected = entry.rule(who, target);
          const client = fx.clients.get(who)!;
          const headers: Record<string, string> = path.startsWith('/api/') ? { accept: 'application/json' } : {};
          const response =
            entry.method === 'POST'
              ? await client.fetch(path, { method: 'POST', body: '{}', headers: { ...headers, 'content-type': 'application/json', ...(client.csrf && who !== 'anonymous' ? { 'x-csrf-token': client.csrf } : {}) } })
              : await client.get(path, { headers });
          await response.arrayBuffer();
          const got = classify(response.status, response.headers.get('location'));
          const ok =
            expected === 'open'
              ? got !== 'error' && response.status !== 403
              : expected === got || (expected === 'allow' && entry.redirects && got === 'allow');
          if (!ok) mismatches.push(`${who.padEnd(14)} ${entry.method ?? 'GET'} ${pattern} [${target}] expected ${expected}, got ${response.status}${response.headers.get('location') ? ` → ${response.headers.get('location')}` : ''}`);
        }
      }
    }
    assert.deepEqual(mismatches, [], `authorization mismatches:\n${mismatches.join('\n')}`);
  });

  it('API tokens act within their scopes and their tenant', async () => {
    const db = t.db.database;
    const tenantA = fx.tenantA;
    const orgOnly = await createApiToken({ database: db, actor: { kind: 'system', tenantId: tenantA, purpose: 'test' }, input: { name: 'org', scopes: ['org:read'] } });
    const people = await createApiToken({ database: db, actor: { kind: 'system', tenantId: tenantA, purpose: 'test' }, input: { name: 'people', scopes: ['people:read'] } });
    const call = async (secret: string, path: string) => (await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${secret}`, accept: 'application/json' } })).status;
    const cases: Array<[string, string, number]> = [
      [orgOnly.secret, `/api/v1/units/${fx.ids.own.unitId}`, 200],
      [orgOnly.secret, `/api/v1/units/${fx.ids.foreign.unitId}`, 404],
      [orgOnly.secret, `/api/v1/persons/${fx.ids.own.personId}`, 403],
      [people.secret, `/api/v1/persons/${fx.ids.own.personId}`, 200],
      [people.secret, `/api/v1/persons/${fx.ids.other.personId}`, 200],
      [people.secret, `/api/v1/persons/${fx.ids.foreign.personId}`, 404],
      [people.secret, `/api/v1/imports`, 403],
      ['rytme_not-a-token', `/api/v1/units`, 401],
    ];
    const mismatches: string[] = [];
    for (const [secret, path, expected] of cases) {
      const got = await call(secret, path);
      if (got !== expected) mismatches.push(`${path} with ${secret === orgOnly.secret ? 'org:read' : secret === people.secret ? 'people:read' : 'bad'} token: expected ${expected}, got ${got}`);
    }
    assert.deepEqual(mismatches, []);
  });
});
