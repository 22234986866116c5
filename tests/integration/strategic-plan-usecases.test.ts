// Strategic plan use cases against the real database, on a factory-built organisation with
// known numbers: head count and FTE per occupation and unit, age bands and retirements with
// small groups suppressed, turnover (an internal move is not a leaver), required vs expected
// with the gap, steps and optimistic locking, measures on the annual wheel, access and audit.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { createStrategicPlan } from '../../core/strategic-plan/create-strategic-plan.ts';
import { getStaffingAnalysis } from '../../core/strategic-plan/get-staffing-analysis.ts';
import { saveStaffingRequirement } from '../../core/strategic-plan/save-staffing-requirement.ts';
import { savePlanStep } from '../../core/strategic-plan/save-plan-step.ts';
import { getStrategicPlan } from '../../core/strategic-plan/get-strategic-plan.ts';
import { updatePlanSettings } from '../../core/strategic-plan/update-plan-settings.ts';
import { addPlanGoal } from '../../core/strategic-plan/add-plan-goal.ts';
import { addPlanStrategy } from '../../core/strategic-plan/add-plan-strategy.ts';
import { addStrategyMeasure } from '../../core/strategic-plan/add-strategy-measure.ts';
import { getPlanStep } from '../../core/strategic-plan/get-plan-step.ts';
import { getPlanDocument } from '../../core/strategic-plan/get-plan-document.ts';
import { saveCompetenceAnalysis } from '../../core/strategic-plan/save-competence-analysis.ts';
import { saveCompetenceDefinition } from '../../core/strategic-plan/save-competence-definition.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { getWheelYear } from '../../core/annual-wheel/get-wheel-year.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, addEmploymentFor, createAccount, createPerson, createTenant, createUnit } from '../support/factories.ts';

async function rejects(promise: Promise<unknown>, code: string, key?: string): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (key) assert.ok(error.issues.some((i) => i.key === key), `expected ${key}, got ${JSON.stringify(error.issues)}`);
    return error;
  }
  assert.fail(`expected ${code}`);
}

const NOW = new Date('2026-06-15T10:00:00Z');

describe('strategic plan use cases', () => {
  let t: TestDatabase;
  let tenantId: string;
  let helse: Awaited<ReturnType<typeof createUnit>>;
  let oppvekst: Awaited<ReturnType<typeof createUnit>>;
  let coordinator: AccountActor;
  let unionRep: AccountActor;
  let executive: AccountActor;
  let employee: AccountActor;
  let foreignCoordinator: AccountActor;
  let planId: string;
  let scopedPlanId: string;

  before(async () => {
    t = await createTestDatabase({ reference: true });
    const db = t.database;
    tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    helse = await createUnit(db, tenantId, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    oppvekst = await createUnit(db, tenantId, { parent: root, name: 'Oppvekst', kind: 'sektor' });
    const heimen = await createUnit(db, tenantId, { parent: helse, name: 'Fjordheimen', kind: 'eining' });
    // Nurses (2223) in Fjordheimen: 6 born 1960, 5 born 1961, 6 born 1985 (50 %), 5 born 1995 = 22 persons, 19 FTE.
    const nurses: Array<[number, number, number]> = [[1960, 6, 100], [1961, 5, 100], [1985, 6, 50], [1995, 5, 100]];
    let mover: string | null = null;
    for (const [birthYear, n, ftePercent] of nurses) {
      for (let i = 0; i < n; i++) {
        const p = await createPerson(db, tenantId, { unitId: heimen.id, birthYear, ftePercent, styrk08: '2223' });
        mover ??= p.person.id;
      }
    }
    // One nurse moved from Oppvekst to Fjordheimen in January: the ended employment is no leaver.
    await addEmploymentFor(db, tenantId, mover!, { unitId: oppvekst.id, styrk08: '2223', startDate: '2018-01-01', endDate: '2026-01-31' });
    // A nurse who retired last September (66 then) — a leaver, but not below 62.
    await createPerson(db, tenantId, { unitId: heimen.id, birthYear: 1959, styrk08: '2223', endDate: '2025-09-01' });
    // Three health workers (5321) directly in Helse og omsorg: a group smaller than 5.
    for (let i = 0; i < 3; i++) await createPerson(db, tenantId, { unitId: helse.id, birthYear: 1990, styrk08: '5321', positionTitle: 'Helsefagarbeidar' });
    // Teachers (2341) in Oppvekst: 5 born 1970, one without a birth year, one who left in March (46 then).
    for (let i = 0; i < 5; i++) await createPerson(db, tenantId, { unitId: oppvekst.id, birthYear: 1970, styrk08: '2341', positionTitle: 'Lærar' });
    await createPerson(db, tenantId, { unitId: oppvekst.id, birthYear: null, styrk08: '2341', positionTitle: 'Lærar' });
    await createPerson(db, tenantId, { unitId: oppvekst.id, birthYear: 1980, styrk08: '2341', positionTitle: 'Lærar', endDate: '2026-03-01' });
    // An employment that ended long before the 12 months: counted nowhere.
    await createPerson(db, tenantId, { unitId: oppvekst.id, birthYear: 1975, styrk08: '2341', positionTitle: 'Lærar', startDate: '2015-01-01', endDate: '2024-01-01' });

    coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'] }));
    unionRep = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['union_rep'] }));
    executive = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['executive'] }));
    const e = await createPerson(db, tenantId, { unitId: oppvekst.id, birthYear: 1999, styrk08: '9999', endDate: '2026-06-01' });
    employee = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: e.person.id }));
    const other = await createTenant(db);
    await createUnit(db, other.id, { kind: 'kommune' });
    foreignCoordinator = await actorFor(db, other.id, await createAccount(db, other.id, { roles: ['coordinator'] }));

    planId = (await createStrategicPlan({ database: db, actor: coordinator, input: { title: 'Kompetanse og bemanning 2027–2030', startYear: '2027', horizonYears: '4', scopeUnitId: '' } })).id;
    scopedPlanId = (await createStrategicPlan({ database: db, actor: coordinator, input: { title: 'Oppvekst', startYear: '2027', scopeUnitId: oppvekst.id } })).id;
  });

  after(async () => {
    await t.close();
  });

  it('counts persons and FTE per occupation, major group and unit', async () => {
    const { analysis: a } = await getStaffingAnalysis({ database: t.database, actor: coordinator, planId, now: NOW });
    assert.equal(a.referenceDate, '2026-06-15');
    assert.deepEqual(a.years, [2027, 2028, 2029, 2030]);
    assert.deepEqual(a.totals, { persons: 31, fte: 28, missingBirthYear: 1 });
    const occ = new Map(a.majorGroups.flatMap((g) => g.occupations).map((o) => [o.styrk08, { persons: o.persons, fte: o.fte }]));
    assert.deepEqual(Object.fromEntries(occ), { '2223': { persons: 22, fte: 19 }, '2341': { persons: 6, fte: 6 }, '5321': { persons: 3, fte: 3 } });
    const major2 = a.majorGroups.find((g) => g.code === '2')!;
    assert.equal(major2.persons, 28);
    assert.match(major2.name ?? '', /akademiske/i);
    assert.ok(a.majorGroups.flatMap((g) => g.occupations).find((o) => o.styrk08 === '2223')!.name);
    assert.deepEqual(
      a.units.map((u) => [u.name, u.persons, u.fte]),
      [
        ['Helse og omsorg', 25, 22],
        ['Oppvekst', 6, 6],
      ],
    );
  });

  it('shows age bands and retirements only for groups of 5 or more, and hides small cells', async () => {
    const { analysis: a } = await getStaffingAnalysis({ database: t.database, actor: coordinator, planId, now: NOW });
    assert.deepEqual(a.ageBands.keys, ['under30', '30to39', '40to49', '50to59', '60to61', '62to66', '67plus']);
    const rows = Object.fromEntries(a.ageBands.byPositionType.map((r) => [r.styrk08, r.cells]));
    assert.deepEqual(rows, { '2223': [0, 5, 6, 0, 0, 11, 0], '2341': [0, 0, 0, 5, 0, 0, 0] });
    assert.equal(a.ageBands.hiddenGroups, 1, 'the 3 health workers are not shown');
    assert.deepEqual(a.ageBands.total, [0, 8, 6, 5, 0, 11, 0]);
    const ret = Object.fromEntries(a.retirements.byPositionType.map((r) => [r.styrk08, r.cells]));
    assert.deepEqual(ret, { '2223': [6, 5, 0, 0], '2341': [0, 0, 0, 0] });
    assert.deepEqual(a.retirements.total, [6, 5, 0, 0]);
  });

  it('moves retirements with the plan assumptions, and refuses a stale save', async () => {
    const plan = await getStrategicPlan({ database: t.database, actor: coordinator, planId });
    await updatePlanSettings({ database: t.database, actor: coordinator, planId, input: { version: plan.plan.version, title: plan.plan.title, status: 'draft', retirementAge: '66', earlyRetirementPercent: '0' } });
    const { analysis: a } = await getStaffingAnalysis({ database: t.database, actor: coordinator, planId, now: NOW });
    // At 66 both the 1960 and the 1961 cohorts have reached it before 2027: all 11 in the first year.
    assert.deepEqual(a.retirements.byPositionType.find((r) => r.styrk08 === '2223')!.cells, [11, 0, 0, 0]);
    const again = await getStrategicPlan({ database: t.database, actor: coordinator, planId });
    await updatePlanSettings({ database: t.database, actor: coordinator, planId, input: { version: again.plan.version, title: again.plan.title, status: 'draft', retirementAge: '67', earlyRetirementPercent: '0' } });
    await rejects(updatePlanSettings({ database: t.database, actor: coordinator, planId, input: { version: again.plan.version, title: 'x', status: 'draft', retirementAge: '67', earlyRetirementPercent: '0' } }), 'STALE_VERSION');
  });

  it('computes turnover over the last 12 months; an internal move is no leaver', async () => {
    const { analysis: a } = await getStaffingAnalysis({ database: t.database, actor: coordinator, planId, now: NOW });
    const by = Object.fromEntries(a.turnover.byPositionType.map((r) => [r.styrk08, r]));
    assert.deepEqual([by['2223']!.personsStart, by['2223']!.personsEnd, by['2223']!.leavers], [23, 22, 1]);
    assert.equal(by['2223']!.rate, 1 / 22.5);
    assert.equal(by['2223']!.leavingRate, 0, 'the leaver was 66: a retirement');
    assert.deepEqual([by['2341']!.personsStart, by['2341']!.personsEnd, by['2341']!.leavers], [7, 6, 1]);
    assert.equal(by['2341']!.leavingRate, 1 / 6.5);
    assert.equal(by['5321'], undefined, 'groups under 5 are not shown');
    assert.equal(a.turnover.hiddenGroups, 2, 'the health workers and the employee who left (9999, 1 person)');
    assert.equal(a.turnover.total.leavers, 3);
  });

  it('projects required vs expected per position type with the gap per year', async () => {
    await saveStaffingRequirement({ database: t.database, actor: coordinator, planId, input: { styrk08: '2223', basis: 'headcount', values: ['22', '22', '24', '24'] } });
    await saveStaffingRequirement({ database: t.database, actor: coordinator, planId, input: { styrk08: '5321', basis: 'fte', values: ['3', '', '3', '3'] } });
    await rejects(saveStaffingRequirement({ database: t.database, actor: coordinator, planId, input: { styrk08: '2223', basis: 'headcount', values: ['1', '2'] } }), 'VALIDATION');
    await rejects(saveStaffingRequirement({ database: t.database, actor: coordinator, planId, input: { styrk08: '22', basis: 'headcount', values: ['1', '2', '3', '4'] } }), 'VALIDATION', 'strategicPlan.errors.styrk');
    const { analysis: a } = await getStaffingAnalysis({ database: t.database, actor: coordinator, planId, now: NOW });
    const nurses = a.projections.find((p) => p.styrk08 === '2223')!;
    assert.equal(nurses.current, 22);
    assert.equal(nurses.shown, true);
    assert.deepEqual(nurses.years.map((y) => [y.year, y.required, y.expected, y.gap]), [
      [2027, 22, 16, 6],
      [2028, 22, 11, 11],
      [2029, 24, 11, 13],
      [2030, 24, 11, 13],
    ]);
    const hfa = a.projections.find((p) => p.styrk08 === '5321')!;
    assert.equal(hfa.basis, 'fte');
    assert.equal(hfa.shown, false);
    assert.deepEqual(hfa.years.map((y) => [y.required, y.gap]), [[3, null], [null, null], [3, null], [3, null]]);
  });

  it('limits a service-area plan to its subtree', async () => {
    const { analysis: a } = await getStaffingAnalysis({ database: t.database, actor: coordinator, planId: scopedPlanId, now: NOW });
    assert.equal(a.totals.persons, 6);
    assert.deepEqual(a.units.map((u) => [u.name, u.persons]), [['Oppvekst', 6]]);
    assert.deepEqual(a.majorGroups.flatMap((g) => g.occupations).map((o) => o.styrk08), ['2341']);
    // The nurse who moved out of Oppvekst in January left this scope: one person, below the group size.
    assert.equal(a.turnover.byPositionType.find((r) => r.styrk08 === '2223'), undefined);
    assert.equal(a.turnover.total.leavers, 3, 'the teacher, the employee and the nurse who moved out');
  });

  it('audits every read of the analysis', async () => {
    await getStaffingAnalysis({ database: t.database, actor: unionRep, planId, now: NOW, requestId: 'req-analysis-1' });
    await getPlanStep({ database: t.database, actor: executive, planId, step: '5', now: NOW, requestId: 'req-analysis-2' });
    await getPlanDocument({ database: t.database, actor: coordinator, planId, now: NOW, requestId: 'req-analysis-3' });
    const rows = await t.database.withTenant(tenantId, (tx) =>
      queryRows<{ actor: string; request_id: string; details: { purpose: string; persons: number } }>(tx, sql`select actor, request_id, details from audit_log where action = 'strategicPlan.analysis.read' and request_id like 'req-analysis-%' order by request_id`),
    );
    assert.deepEqual(rows.map((r) => [r.actor, r.details.purpose, r.details.persons]), [
      [unionRep.accountId, 'analysis', 31],
      [executive.accountId, 'step5', 31],
      [coordinator.accountId, 'print', 31],
    ]);
  });

  it('walks the steps: saving, marking done, progress and optimistic locking', async () => {
    await savePlanStep({ database: t.database, actor: coordinator, planId, step: '2', input: { version: '0', notes: 'Lagt fram for leiargruppa og tillitsvalde 3. mars.', participants: 'Kommunedirektør, Fagforbundet, Utdanningsforbundet', done: 'on' } });
    await rejects(savePlanStep({ database: t.database, actor: coordinator, planId, step: '2', input: { version: '0', notes: 'x', participants: '', done: false } }), 'STALE_VERSION');
    await rejects(savePlanStep({ database: t.database, actor: coordinator, planId, step: '8', input: { version: '0', notes: '', participants: '', done: false } }), 'NOT_FOUND');
    const overview = await getStrategicPlan({ database: t.database, actor: unionRep, planId });
    assert.deepEqual(overview.progress, { done: 1, total: 7, next: 1, percent: 14 });
    assert.equal(overview.canWrite, false);
    const step = await getPlanStep({ database: t.database, actor: unionRep, planId, step: '2' });
    assert.equal(step.work.participants, 'Kommunedirektør, Fagforbundet, Utdanningsforbundet');
    assert.equal(step.work.done, true);
    await savePlanStep({ database: t.database, actor: coordinator, planId, step: '2', input: { version: String(step.work.version), notes: step.work.notes, participants: step.work.participants, done: false } });
    assert.equal((await getStrategicPlan({ database: t.database, actor: coordinator, planId })).progress.done, 0);
  });

  it('keeps goals with their source document', async () => {
    await addPlanGoal({ database: t.database, actor: coordinator, planId, input: { source: 'municipal_plan', document: 'Kommuneplanen 2024–2036, samfunnsdelen', reference: 'kap. 4.2', text: 'Fleire skal bu heime lenger.' } });
    await rejects(addPlanGoal({ database: t.database, actor: coordinator, planId, input: { source: 'rumour', document: 'x', reference: '', text: 'y' } }), 'VALIDATION');
    const step = await getPlanStep({ database: t.database, actor: executive, planId, step: 3 });
    assert.deepEqual(step.goals.map((g) => [g.source, g.document, g.reference]), [['municipal_plan', 'Kommuneplanen 2024–2036, samfunnsdelen', 'kap. 4.2']]);
  });

  it('keeps the definition of competence (step 4) and the qualitative analysis (step 5), with optimistic locking', async () => {
    const before = await getStrategicPlan({ database: t.database, actor: coordinator, planId });
    await saveCompetenceDefinition({ database: t.database, actor: coordinator, planId, input: { version: before.plan.version, competenceDefinition: 'Kunnskap, ferdigheiter og haldningar.' } });
    await rejects(saveCompetenceAnalysis({ database: t.database, actor: coordinator, planId, input: { version: before.plan.version, competenceRequirements: 'x', competenceCapital: '', competenceNeeds: '' } }), 'STALE_VERSION');
    await saveCompetenceAnalysis({ database: t.database, actor: coordinator, planId, input: { version: before.plan.version + 1, competenceRequirements: 'Velferdsteknologi i heimetenestene.', competenceCapital: 'Få har opplæring.', competenceNeeds: 'Opplæring for 40 tilsette.' } });
    await rejects(saveCompetenceAnalysis({ database: t.database, actor: unionRep, planId, input: { version: before.plan.version + 2, competenceRequirements: '', competenceCapital: '', competenceNeeds: '' } }), 'FORBIDDEN');
    const doc = await getPlanDocument({ database: t.database, actor: unionRep, planId, now: NOW });
    assert.deepEqual([doc.plan.competenceDefinition, doc.plan.competenceRequirements, doc.plan.competenceCapital, doc.plan.competenceNeeds], ['Kunnskap, ferdigheiter og haldningar.', 'Velferdsteknologi i heimetenestene.', 'Få har opplæring.', 'Opplæring for 40 tilsette.']);
  });

  it('puts a strategy measure on the wheel of its year, and refuses when that year has no wheel', async () => {
    const { id: strategyId } = await addPlanStrategy({ database: t.database, actor: coordinator, planId, input: { kind: 'recruit', target: 'position_type', styrk08: '2223', generalCompetence: '', title: 'Rekruttere sjukepleiarar', description: '' } });
    await rejects(
      addStrategyMeasure({ database: t.database, actor: coordinator, planId, strategyId, language: 'nn', input: { title: 'Sommarjobb for sjukepleiestudentar', deadline: '2027-03-01' } }),
      'VALIDATION',
      'strategicPlan.errors.noCycle',
    );
    await createMilestone({ database: t.database, actor: coordinator, year: 2027, language: 'nn', input: { title: 'Kartlegging', description: '', deadline: '2026-11-01', ownerRole: 'coordinator', concerns: 'mapping_form', targetMode: 'none', targetKind: '', targetUnitIds: [], reminderOffsets: '14, 3, 0', overdueEveryDays: '7', escalateAfterDays: '' } });
    const { milestoneId } = await addStrategyMeasure({ database: t.database, actor: coordinator, planId, strategyId, language: 'nn', input: { title: 'Sommarjobb for sjukepleiestudentar', deadline: '2027-03-01' } });
    const wheel = await getWheelYear({ database: t.database, actor: employee, year: 2027, language: 'nn', now: NOW });
    const m = wheel.milestones.find((x) => x.id === milestoneId);
    assert.ok(m, 'the measure is a milestone of the 2027 wheel');
    assert.equal(m.title, 'Sommarjobb for sjukepleiestudentar');
    assert.equal(m.deadline, '2027-03-01');
    const step6 = await getPlanStep({ database: t.database, actor: coordinator, planId, step: 6 });
    assert.deepEqual(step6.strategies.map((s) => [s.kind, s.styrk08, s.measures.map((x) => [x.title, x.year])]), [['recruit', '2223', [['Sommarjobb for sjukepleiestudentar', 2027]]]]);
    await rejects(addPlanStrategy({ database: t.database, actor: coordinator, planId, input: { kind: 'develop', target: 'general', styrk08: '', generalCompetence: '', title: 'Digital', description: '' } }), 'VALIDATION', 'strategicPlan.errors.generalCompetence');
  });

  it('lets coordinators write, executives and union reps read, and nobody else in', async () => {
    await rejects(createStrategicPlan({ database: t.database, actor: unionRep, input: { title: 'x', startYear: 2027 } }), 'FORBIDDEN');
    await rejects(createStrategicPlan({ database: t.database, actor: executive, input: { title: 'x', startYear: 2027 } }), 'FORBIDDEN');
    await rejects(getStaffingAnalysis({ database: t.database, actor: employee, planId }), 'FORBIDDEN');
    await rejects(getStrategicPlan({ database: t.database, actor: foreignCoordinator, planId }), 'NOT_FOUND');
    await rejects(savePlanStep({ database: t.database, actor: foreignCoordinator, planId, step: 1, input: { version: 0, notes: '', participants: '', done: true } }), 'NOT_FOUND');
    await rejects(createStrategicPlan({ database: t.database, actor: coordinator, input: { title: 'x', startYear: 2027, scopeUnitId: '00000000-0000-4000-8000-000000000000' } }), 'VALIDATION', 'strategicPlan.errors.scopeMissing');
  });
});
