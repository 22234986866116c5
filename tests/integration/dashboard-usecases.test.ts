// The dashboard against the real database, on factory-built data with numbers worked out by
// hand: three units asked for a mapping form per cycle (the Gloppen template targets every
// "eining"), forms handed in on time, late and not at all, measures of four types with and
// without evaluation, and trends over three cycles. Also who may open it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { sql } from 'drizzle-orm';
import { competenceAreas } from '../../db/schema/index.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { createCompetenceArea } from '../../core/mapping/create-competence-area.ts';
import { createCompetencePlan } from '../../core/competence-plan/create-competence-plan.ts';
import { addPlanItem } from '../../core/competence-plan/add-plan-item.ts';
import { addBasisEntry } from '../../core/mapping/add-basis-entry.ts';
import { startMappingForm } from '../../core/mapping/start-mapping-form.ts';
import { submitMappingForm } from '../../core/mapping/submit-mapping-form.ts';
import { approveMappingForm } from '../../core/mapping/approve-mapping-form.ts';
import { saveYearEvaluation } from '../../core/catalogue/save-year-evaluation.ts';
import { getDashboard } from '../../core/dashboard/get-dashboard.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createPublishedMeasure, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('dashboard use case', () => {
  let t: TestDatabase;
  let tenantId: string;
  const units: Record<'a' | 'b' | 'c', Awaited<ReturnType<typeof createUnit>>> = {} as never;
  const leaders: Record<'a' | 'b' | 'c', AccountActor> = {} as never;
  let coordinator: AccountActor;
  let executive: AccountActor;
  let admin: AccountActor;
  let employee: AccountActor;
  let areaId: string;
  /** Between the 2026 cycle's first form deadline (1 Nov 2025) and its roll-over deadline (1 Apr 2026). */
  const now = new Date('2026-02-01T10:00:00Z');
  const language = 'nn' as const;

  before(async () => {
    t = await createTestDatabase();
    const db = t.database;
    tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    const health = await createUnit(db, tenantId, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    const school = await createUnit(db, tenantId, { parent: root, name: 'Oppvekst', kind: 'sektor' });
    units.a = await createUnit(db, tenantId, { parent: health, name: 'Fjordheimen', kind: 'eining' });
    units.b = await createUnit(db, tenantId, { parent: health, name: 'Heimetenesta', kind: 'eining' });
    units.c = await createUnit(db, tenantId, { parent: school, name: 'Sentrum skule', kind: 'eining' });
    for (const k of ['a', 'b', 'c'] as const) {
      const p = await createPerson(db, tenantId, { unitId: units[k].id });
      await makeLeader(db, tenantId, units[k].id, p.person.id);
      leaders[k] = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: p.person.id }));
    }
    employee = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: (await createPerson(db, tenantId, { unitId: units.a.id })).person.id }));
    coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'] }));
    executive = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['executive'] }));
    admin = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['tenant_admin'] }));
    const [area] = await db.withTenant(tenantId, (tx) => tx.insert(competenceAreas).values({ tenantId, name: 'Demens' }).returning());
    areaId = area!.id;
    for (const year of [2025, 2026, 2027]) await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year }, language });
    const goal = (await addBasisEntry({ database: db, actor: leaders.a, unitId: units.a.id, input: { kind: 'goal', text: 'Færre fall' } })).id;
    const need = (basisEntryId = '') => ({ term: 'short', competenceAreaId: areaId, description: 'Demens', basisEntryId, whyText: basisEntryId ? '' : 'Nye bebuarar', peopleCount: '3', measureTypes: ['external_course'], priority: '1', costNok: '1000', substituteCostNok: '0' });
    async function hand(k: 'a' | 'b' | 'c', year: number, needs: ReturnType<typeof need>[], at: string) {
      const { formId } = await startMappingForm({ database: db, actor: leaders[k], unitId: units[k].id, input: { year } });
      await submitMappingForm({ database: db, actor: leaders[k], formId, input: { version: '1', discussionDate: at.slice(0, 10), participantsText: 'Personalmøte', needs }, now: new Date(at) });
      return formId;
    }
    // 2025 (due 1 Nov 2024): only A, on time, one need.
    await hand('a', 2025, [need()], '2024-10-20T10:00:00Z');
    // 2026 (due 1 Nov 2025): A on time with two needs (one tied to its goal), approved; B late with one; C nothing.
    const formA = await hand('a', 2026, [need(goal), need()], '2025-10-15T10:00:00Z');
    await approveMappingForm({ database: db, actor: coordinator, formId: formA, input: { version: '3' } });
    await hand('b', 2026, [need()], '2025-11-10T10:00:00Z');
    // The wheel stamps a unit's status with the real clock; put each stamp at its form's submission, as if the forms were handed in then.
    await db.withTenant(tenantId, (tx) => tx.execute(sql`update wheel_unit_statuses s set set_at = f.submitted_at from mapping_forms f where f.milestone_id = s.milestone_id and f.unit_id = s.unit_id`));
    // Measures starting in 2026: two courses and two kinds of learning at work.
    const attendee = { personId: leaders.a.personId!, unitId: units.a.id };
    const evaluated = await createPublishedMeasure(db, tenantId, { type: 'external_course', startDate: '2026-01-08', endDate: '2026-01-10', attendee });
    await createPublishedMeasure(db, tenantId, { type: 'study_group', startDate: '2026-01-12', endDate: '2026-01-20' });
    await createPublishedMeasure(db, tenantId, { type: 'e_learning', startDate: '2026-01-05', endDate: '2026-01-06' });
    await createPublishedMeasure(db, tenantId, { type: 'peer_guidance', startDate: '2026-03-01', endDate: '2026-03-02' }); // not ended on `now`
    await createPublishedMeasure(db, tenantId, { type: 'network', startDate: '2025-03-01', endDate: '2025-03-02' }); // 2025: ended, never evaluated
    await saveYearEvaluation({ database: db, actor: leaders.a, input: { measureId: evaluated, unitId: units.a.id, year: 2026, rating: '4', text: 'Nyttig', version: '' } });
  });
  after(() => t.close());

  it('counts submissions per unit and the overdue, the measure-type mix and evaluation coverage for the shown cycle', async () => {
    const d = await getDashboard({ database: t.database, actor: coordinator, year: '2026', now });
    assert.equal(d.year, 2026);
    assert.deepEqual(d.years, [2025, 2026, 2027]);
    assert.deepEqual(d.submissions.totals, { asked: 3, handedIn: 2, approved: 1, overdue: 1, handedInLate: 1 });
    assert.deepEqual(d.submissions.counts, { approved: 1, submitted: 1, draft: 0, late: 1, missing: 0 });
    assert.deepEqual(
      d.submissions.sectors.map((s) => [s.sectorName, s.units.map((u) => `${u.unitName}:${u.category}`)]),
      [
        ['Helse og omsorg', ['Fjordheimen:approved', 'Heimetenesta:submitted']],
        ['Oppvekst', ['Sentrum skule:late']],
      ],
    );
    assert.deepEqual(d.submissions.overdue.map((u) => [u.unitName, u.deadline]), [['Sentrum skule', '2025-11-01']]);

    assert.deepEqual(d.mix.byType.map((x) => [x.type, x.count]), [['external_course', 1], ['study_group', 1], ['peer_guidance', 1], ['e_learning', 1]]);
    assert.deepEqual([d.mix.course, d.mix.work, d.mix.total], [2, 2, 4]);
    assert.deepEqual(d.coverage.rows, [
      { measureClass: 'course', ended: 2, evaluated: 1 },
      { measureClass: 'work', ended: 1, evaluated: 0 },
    ]);
    assert.deepEqual(d.coverage.total, { ended: 3, evaluated: 1 });
    assert.equal(d.coverage.notEnded, 1);
    assert.deepEqual(d.costVsBudget, { status: 'no_plan', year: 2026 });
  });

  it("sets the year's planned cost against the competence plan's budget frame", async () => {
    const area = await createCompetenceArea({ database: t.database, actor: coordinator, input: { name: 'Budsjett og kostnad' } });
    const plan = await createCompetencePlan({ database: t.database, actor: coordinator, input: { year: 2025, title: 'Kompetanseplan 2025', budgetFrameNok: '60000' } });
    const first = await addPlanItem({ database: t.database, actor: coordinator, planId: plan.id, input: { planVersion: '1', competenceAreaId: area.id, measureTypes: ['peer_guidance'], peopleCount: '12', plannedCostNok: '40000', priority: '1' } });
    await addPlanItem({ database: t.database, actor: coordinator, planId: plan.id, input: { planVersion: String(first.planVersion), competenceAreaId: area.id, measureTypes: ['e_learning'], peopleCount: '30', plannedCostNok: '35000', priority: '2' } });
    const d = await getDashboard({ database: t.database, actor: coordinator, year: '2025', now });
    assert.deepEqual(d.costVsBudget, { status: 'ready', year: 2025, budgetNok: 60000, plannedNok: 75000 });
  });

  it('draws trends across cycles: share on time, number of needs, share of measures evaluated', async () => {
    const d = await getDashboard({ database: t.database, actor: executive, year: '2027', now });
    assert.deepEqual(
      d.trends.map((p) => [p.year, p.onTime && [p.onTime.numerator, p.onTime.denominator], p.needs, p.evaluated && [p.evaluated.numerator, p.evaluated.denominator]]),
      [
        // 2025: both mapping-form deadlines (1 Nov 2024, 1 Apr 2025) have passed for three units; A was done on time once.
        [2025, [1, 6], 1, [0, 1]],
        // 2026: only the 1 Nov 2025 deadline has passed; A on time, B late, C missing.
        [2026, [1, 3], 3, [1, 3]],
        // 2027: no deadline passed, no form, no measure.
        [2027, null, 0, null],
      ],
    );
    // The shown year limits the trend.
    assert.deepEqual((await getDashboard({ database: t.database, actor: admin, year: '2025', now })).trends.map((p) => p.year), [2025]);
  });

  it('is for coordinators, executives and tenant admins only, and a year without a cycle is not found', async () => {
    for (const actor of [leaders.a, employee]) {
      await assert.rejects(getDashboard({ database: t.database, actor, now }), (e: unknown) => AppError.is(e, 'FORBIDDEN'));
    }
    await assert.rejects(getDashboard({ database: t.database, actor: coordinator, year: '2031', now }), (e: unknown) => AppError.is(e, 'NOT_FOUND'));
  });
});
