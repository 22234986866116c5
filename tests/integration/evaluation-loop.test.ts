// Closing the loops against the real database: a measure is attended, the participant gives
// feedback and reports back, the leader evaluates it at year end — and next cycle's mapping form
// shows it beside last cycle's form, without participants' names. The same data makes the
// maturity page's "needs linked to goals" and "measures evaluated" indicators measured.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { AccountActor } from '../../core/shared/actor.ts';
import { auditLog, competenceAreas } from '../../db/schema/index.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { createMeasure } from '../../core/catalogue/create-measure.ts';
import { setMeasureStatus } from '../../core/catalogue/set-measure-status.ts';
import { publishCatalogue } from '../../core/catalogue/publish-catalogue.ts';
import { enrolInMeasure } from '../../core/catalogue/enrol-in-measure.ts';
import { listEnrolmentApprovals } from '../../core/catalogue/list-enrolment-approvals.ts';
import { decideEnrolment } from '../../core/catalogue/decide-enrolment.ts';
import { getAttendance } from '../../core/catalogue/get-attendance.ts';
import { recordAttendance } from '../../core/catalogue/record-attendance.ts';
import { giveFeedback } from '../../core/catalogue/give-feedback.ts';
import { getYearEvaluation } from '../../core/catalogue/get-year-evaluation.ts';
import { recordReportBack } from '../../core/catalogue/record-report-back.ts';
import { saveYearEvaluation } from '../../core/catalogue/save-year-evaluation.ts';
import { addBasisEntry } from '../../core/mapping/add-basis-entry.ts';
import { startMappingForm } from '../../core/mapping/start-mapping-form.ts';
import { submitMappingForm } from '../../core/mapping/submit-mapping-form.ts';
import { getMappingForm } from '../../core/mapping/get-mapping-form.ts';
import { getMaturity } from '../../core/maturity/get-maturity.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

describe('evaluations feed the next mapping, and the measured-stage indicators', () => {
  let t: TestDatabase;
  let tenantId: string;
  let unitA: Awaited<ReturnType<typeof createUnit>>;
  let coordinator: AccountActor;
  let executive: AccountActor;
  let leaderA: AccountActor;
  let staff: AccountActor[];
  let areaId: string;
  let goalId: string;
  let evaluatedId: string;
  const language = 'nn' as const;

  before(async () => {
    t = await createTestDatabase();
    const db = t.database;
    tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    const health = await createUnit(db, tenantId, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    unitA = await createUnit(db, tenantId, { parent: health, name: 'Fjordheimen', kind: 'eining' });
    const la = await createPerson(db, tenantId, { unitId: unitA.id, givenName: 'Liv', familyName: 'Leiar' });
    await makeLeader(db, tenantId, unitA.id, la.person.id);
    coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'] }));
    executive = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['executive'] }));
    leaderA = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: la.person.id }));
    staff = [];
    for (const givenName of ['Siri', 'Tor']) {
      const p = await createPerson(db, tenantId, { unitId: unitA.id, givenName, familyName: 'Tilsettsen' });
      staff.push(await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: p.person.id })));
    }
    const [area] = await db.withTenant(tenantId, (tx) => tx.insert(competenceAreas).values({ tenantId, name: 'Demens' }).returning());
    areaId = area!.id;
    // Forms for 2026 (due 1 Nov 2025) and 2027 (due 1 Nov 2026).
    await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year: 2026 }, language });
    await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year: 2027 }, language });
    goalId = (await addBasisEntry({ database: db, actor: leaderA, unitId: unitA.id, input: { kind: 'goal', text: 'Færre fall blant bebuarane' } })).id;
  });
  after(() => t.close());

  async function measure(title: string, startDate: string, endDate: string) {
    const { id } = await createMeasure({ database: t.database, actor: coordinator, input: { type: 'external_course', title, startDate, endDate, place: 'Kommunehuset', capacity: '5', costNok: '1000', substituteCostNok: '0', competenceAreaId: areaId } });
    await setMeasureStatus({ database: t.database, actor: coordinator, measureId: id, input: { status: 'published', version: 1 } });
    return id;
  }

  it('shows last year’s measures with usefulness, the year-end evaluation and report-backs on next cycle’s form, without names', async () => {
    const db = t.database;
    // 2026's cycle form: two needs, one tied to the unit's goal.
    const { formId } = await startMappingForm({ database: db, actor: leaderA, unitId: unitA.id, input: { year: 2026 } });
    const need = (over: Record<string, unknown>) => ({ term: 'short', competenceAreaId: areaId, description: 'Demensomsorg', basisEntryId: '', whyText: '', peopleCount: '4', measureTypes: ['external_course'], priority: '1', costNok: '4000', substituteCostNok: '0', ...over });
    await submitMappingForm({ database: db, actor: leaderA, formId, input: { version: '1', discussionDate: '2025-10-10', participantsText: 'Personalmøte', needs: [need({ basisEntryId: goalId }), need({ whyText: 'Nye bebuarar' })] }, now: new Date('2025-10-20T10:00:00Z') });

    // A measure in 2026: enrolled, approved, attended, feedback, report-back, year-end evaluation.
    evaluatedId = await measure('Demensomsorg i praksis', '2026-03-01', '2026-03-02');
    await measure('Lindrande behandling', '2026-04-01', '2026-04-02'); // ended, never evaluated
    await measure('Velferdsteknologi', '2026-12-20', '2026-12-21'); // not ended by the maturity date below
    await publishCatalogue({ database: db, actor: coordinator, input: { year: 2026, half: 'spring', version: 1 } });
    const [siri, tor] = [staff[0]!, staff[1]!];
    await enrolInMeasure({ database: db, actor: siri, measureId: evaluatedId, now: new Date('2026-02-01T09:00:00Z') });
    await enrolInMeasure({ database: db, actor: tor, measureId: evaluatedId, now: new Date('2026-02-01T09:01:00Z') });
    for (const p of (await listEnrolmentApprovals({ database: db, actor: leaderA })).pending.filter((x) => x.measureId === evaluatedId)) {
      await decideEnrolment({ database: db, actor: leaderA, input: { enrolmentId: p.id, decision: 'approve', version: p.version } });
    }
    for (const row of (await getAttendance({ database: db, actor: leaderA, measureId: evaluatedId })).rows) {
      await recordAttendance({ database: db, actor: leaderA, measureId: evaluatedId, input: { enrolmentId: row.id, attended: 'yes', version: row.version } });
    }
    const afterEnd = new Date('2026-03-10T09:00:00Z');
    await giveFeedback({ database: db, actor: siri, measureId: evaluatedId, input: { learned: 'Å møte uro med ro', usefulness: '5', sharing: 'Internundervisning' }, now: afterEnd });
    await giveFeedback({ database: db, actor: tor, measureId: evaluatedId, input: { learned: 'Miljøbehandling', usefulness: '4', sharing: 'Fagmøte' }, now: afterEnd });
    const year = await getYearEvaluation({ database: db, actor: leaderA, year: '2026' });
    const attendees = year.units.find((u) => u.unit.id === unitA.id)!.attendees.filter((a) => a.measureTitle === 'Demensomsorg i praksis');
    assert.equal(attendees.length, 2);
    await recordReportBack({ database: db, actor: leaderA, input: { enrolmentId: attendees[0]!.id, reportBackDate: '2026-03-20', reportBackHow: 'Personalmøte', version: attendees[0]!.version } });
    await saveYearEvaluation({ database: db, actor: leaderA, input: { measureId: evaluatedId, unitId: unitA.id, year: 2026, rating: '4', text: 'Godt tilpassa eininga', version: '' } });

    // Next cycle (2027): the leader maps needs and sees what 2026 taught the unit.
    const page = await getMappingForm({ database: db, actor: leaderA, unitId: unitA.id, year: '2027', now: new Date('2026-10-01T10:00:00Z'), requestId: 'loop-test' });
    assert.equal(page.canRollOver, true);
    assert.equal(page.previous?.year, 2026);
    assert.equal(page.lastYearEvaluations?.year, 2026);
    const measures = page.lastYearEvaluations!.measures;
    assert.deepEqual(measures.map((m) => m.title), ['Demensomsorg i praksis'], 'only measures the unit’s people attended');
    const m = measures[0]!;
    assert.deepEqual(m.evaluation, { rating: 4, text: 'Godt tilpassa eininga' });
    assert.deepEqual(m.usefulness, { average: 4.5, count: 2 });
    assert.deepEqual(
      m.feedback.map((f) => [f.usefulness, f.learned, f.reportBackHow]).sort((a, b) => Number(b[0]) - Number(a[0])),
      [
        [5, 'Å møte uro med ro', attendees[0]!.personName.startsWith('Siri') ? 'Personalmøte' : null],
        [4, 'Miljøbehandling', attendees[0]!.personName.startsWith('Tor') ? 'Personalmøte' : null],
      ],
    );
    const text = JSON.stringify(page.lastYearEvaluations);
    assert.ok(!text.includes('Siri') && !text.includes('Tor ') && !text.includes('Tilsettsen'), 'no participant names');
    // The read is audited with the request.
    const audited = await db.withTenant(tenantId, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'catalogue.evaluations.read')));
    assert.ok(audited.some((a) => a.subjectId === unitA.id && a.requestId === 'loop-test'));

    // An employee of the unit sees the form page but not the evaluations.
    const employeeView = await getMappingForm({ database: db, actor: siri, unitId: unitA.id, year: '2027', now: new Date('2026-10-01T10:00:00Z') });
    assert.equal(employeeView.lastYearEvaluations, null);
  });

  it('measures needs linked to goals and measures evaluated on the maturity page', async () => {
    const m = await getMaturity({ database: t.database, actor: executive, year: 2026, now: new Date('2026-12-10T10:00:00Z') });
    const linked = m.indicators.find((i) => i.key === 'needsLinkedToGoals')!;
    assert.equal(linked.status, 'measured');
    assert.deepEqual([linked.status === 'measured' && linked.numerator, linked.status === 'measured' && linked.denominator, linked.share], [1, 2, 0.5]);
    const evaluated = m.indicators.find((i) => i.key === 'measuresEvaluated')!;
    assert.equal(evaluated.status, 'measured');
    assert.deepEqual([evaluated.status === 'measured' && evaluated.numerator, evaluated.status === 'measured' && evaluated.denominator, evaluated.share], [1, 2, 0.5], 'two ended measures, one evaluated; the December one has not ended');
    assert.deepEqual(
      m.indicators.filter((i) => i.status === 'not_measured').map((i) => i.key),
      ['planLinkedToBudget'],
      'the 2026 form deadline has passed, so on-time is measured too',
    );
    // 2027: its form deadline (1 Nov 2026) has passed with no form, but there are no handed-in needs and no measures yet.
    const next = await getMaturity({ database: t.database, actor: executive, year: 2027, now: new Date('2026-12-10T10:00:00Z') });
    assert.deepEqual(next.indicators.filter((i) => i.status === 'not_measured').map((i) => i.key), ['needsLinkedToGoals', 'measuresEvaluated', 'planLinkedToBudget']);
  });
});
