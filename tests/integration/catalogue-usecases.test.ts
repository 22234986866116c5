// Catalogue use cases against the real database: providers and measures, status transitions,
// publishing, enrolment with approval, capacity and the waiting list (also under parallel
// enrolments), cancellation promoting the waiting list, attendance, feedback (attendees only),
// year-end evaluations feeding provider ratings, the roll-over read, access and tenant isolation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { auditLog, competenceAreas, enrolments, mappingForms, mappingNeeds, notifications, wheelCycles } from '../../db/schema/index.ts';
import { createProvider } from '../../core/catalogue/create-provider.ts';
import { listProviders } from '../../core/catalogue/list-providers.ts';
import { createMeasure } from '../../core/catalogue/create-measure.ts';
import { updateMeasure } from '../../core/catalogue/update-measure.ts';
import { setMeasureStatus } from '../../core/catalogue/set-measure-status.ts';
import { publishCatalogue } from '../../core/catalogue/publish-catalogue.ts';
import { getCatalogue } from '../../core/catalogue/get-catalogue.ts';
import { getMeasure } from '../../core/catalogue/get-measure.ts';
import { saveOrderingChecklist } from '../../core/catalogue/save-ordering-checklist.ts';
import { enrolInMeasure } from '../../core/catalogue/enrol-in-measure.ts';
import { cancelEnrolment } from '../../core/catalogue/cancel-enrolment.ts';
import { decideEnrolment } from '../../core/catalogue/decide-enrolment.ts';
import { listEnrolmentApprovals } from '../../core/catalogue/list-enrolment-approvals.ts';
import { getAttendance } from '../../core/catalogue/get-attendance.ts';
import { recordAttendance } from '../../core/catalogue/record-attendance.ts';
import { giveFeedback } from '../../core/catalogue/give-feedback.ts';
import { getFeedbackForm } from '../../core/catalogue/get-feedback-form.ts';
import { saveYearEvaluation } from '../../core/catalogue/save-year-evaluation.ts';
import { getYearEvaluation } from '../../core/catalogue/get-year-evaluation.ts';
import { recordReportBack } from '../../core/catalogue/record-report-back.ts';
import { listEvaluationsForUnit } from '../../core/catalogue/list-evaluations-for-unit.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

async function rejects(promise: Promise<unknown>, code: string, key?: string): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (key) assert.ok(error.issues.some((i) => i.key === key) || error.messageKey === key, `expected ${key}, got ${JSON.stringify(error.issues)} ${error.messageKey}`);
    return error;
  }
  assert.fail(`expected ${code}`);
}

const BEFORE = new Date('2027-02-01T09:00:00Z');
const AFTER = new Date('2027-03-10T09:00:00Z');
const at = (minute: number) => new Date(Date.UTC(2027, 1, 1, 9, minute));

describe('catalogue use cases', () => {
  let t: TestDatabase;
  let tenantId: string;
  let unitA: { id: string; path: string; depth: number };
  let coordinator: AccountActor;
  let leaderA: AccountActor;
  let leaderB: AccountActor;
  let staff: AccountActor[] = [];
  let inB: AccountActor;
  let foreignCoordinator: AccountActor;
  let providerId: string;
  let areaId: string;
  const measureInput = (over: Record<string, unknown> = {}) => ({
    type: 'external_course',
    title: 'Lindrande behandling',
    description: 'Kurs for sjukepleiarar',
    providerId,
    startDate: '2027-03-01',
    endDate: '2027-03-02',
    place: 'Høgskulen, Førde',
    capacity: '2',
    costNok: '3500',
    substituteCostNok: '6000',
    competenceAreaId: areaId,
    targetGroups: 'Sjukepleiar, Helsefagarbeidar',
    ...over,
  });

  async function published(over: Record<string, unknown> = {}) {
    const { id } = await createMeasure({ database: t.database, actor: coordinator, input: measureInput(over) });
    await setMeasureStatus({ database: t.database, actor: coordinator, measureId: id, input: { status: 'published', version: 1 } });
    return id;
  }

  before(async () => {
    t = await createTestDatabase();
    const db = t.database;
    tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    unitA = await createUnit(db, tenantId, { parent: root, name: 'Fjordheimen' });
    const unitB = await createUnit(db, tenantId, { parent: root, name: 'Sentrum skule' });
    const la = await createPerson(db, tenantId, { unitId: unitA.id });
    await makeLeader(db, tenantId, unitA.id, la.person.id);
    const lb = await createPerson(db, tenantId, { unitId: unitB.id });
    await makeLeader(db, tenantId, unitB.id, lb.person.id);
    coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'] }));
    leaderA = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: la.person.id }));
    leaderB = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: lb.person.id }));
    staff = [];
    for (let i = 0; i < 10; i += 1) {
      const p = await createPerson(db, tenantId, { unitId: unitA.id, givenName: `Tilsett${i}` });
      staff.push(await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: p.person.id })));
    }
    const pb = await createPerson(db, tenantId, { unitId: unitB.id });
    inB = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: pb.person.id }));
    const [area] = await db.withTenant(tenantId, (tx) => tx.insert(competenceAreas).values({ tenantId, name: 'Palliasjon' }).returning());
    areaId = area!.id;
    const other = await createTenant(db);
    await createUnit(db, other.id, { kind: 'kommune' });
    foreignCoordinator = await actorFor(db, other.id, await createAccount(db, other.id, { roles: ['coordinator'] }));
    providerId = (await createProvider({ database: db, actor: coordinator, input: { name: 'Høgskulen på Vestlandet', kind: 'university_college', contact: 'etter@hvl.no' } })).id;
  });
  after(() => t.close());

  it('keeps providers and measures to coordinators, and validates', async () => {
    await rejects(createProvider({ database: t.database, actor: staff[0]!, input: { name: 'X', kind: 'private' } }), 'FORBIDDEN');
    await rejects(createProvider({ database: t.database, actor: coordinator, input: { name: 'høgskulen på vestlandet', kind: 'private' } }), 'CONFLICT', 'catalogue.errors.providerExists');
    await rejects(createMeasure({ database: t.database, actor: leaderA, input: measureInput() }), 'FORBIDDEN');
    await rejects(createMeasure({ database: t.database, actor: coordinator, input: measureInput({ endDate: '2027-01-01' }) }), 'VALIDATION', 'catalogue.errors.endBeforeStart');
    await rejects(createMeasure({ database: t.database, actor: coordinator, input: measureInput({ providerId: '00000000-0000-4000-8000-000000000000' }) }), 'VALIDATION', 'catalogue.errors.providerMissing');
    await rejects(createMeasure({ database: t.database, actor: coordinator, input: measureInput({ targetUnitIds: ['00000000-0000-4000-8000-000000000000'] }) }), 'VALIDATION', 'catalogue.errors.unitMissing');
    await rejects(createMeasure({ database: t.database, actor: coordinator, input: measureInput({ needIds: ['00000000-0000-4000-8000-000000000000'] }) }), 'VALIDATION', 'catalogue.errors.needMissing');
  });

  it('moves a measure draft → published → closed only, and hides drafts and unpublished catalogues from employees', async () => {
    const { id } = await createMeasure({ database: t.database, actor: coordinator, input: measureInput({ title: 'Utkast', startDate: '2027-09-01', endDate: null }) });
    await rejects(getMeasure({ database: t.database, actor: staff[0]!, measureId: id }), 'NOT_FOUND');
    await rejects(setMeasureStatus({ database: t.database, actor: coordinator, measureId: id, input: { status: 'closed', version: 1 } }), 'CONFLICT', 'catalogue.errors.transition');
    await setMeasureStatus({ database: t.database, actor: coordinator, measureId: id, input: { status: 'published', version: 1 } });
    await rejects(setMeasureStatus({ database: t.database, actor: coordinator, measureId: id, input: { status: 'draft', version: 2 } }), 'CONFLICT', 'catalogue.errors.transition');
    await rejects(setMeasureStatus({ database: t.database, actor: coordinator, measureId: id, input: { status: 'closed', version: 1 } }), 'STALE_VERSION');
    // Published measure, but the autumn catalogue is not published yet.
    await rejects(getMeasure({ database: t.database, actor: staff[0]!, measureId: id }), 'NOT_FOUND');
    const before = await getCatalogue({ database: t.database, actor: staff[0]!, query: { year: '2027', half: 'autumn' } });
    assert.equal(before.measures.length, 0);
    await publishCatalogue({ database: t.database, actor: coordinator, input: { year: 2027, half: 'autumn', version: 1 } });
    await rejects(publishCatalogue({ database: t.database, actor: coordinator, input: { year: 2027, half: 'autumn', version: 2 } }), 'CONFLICT', 'catalogue.errors.alreadyPublished');
    const afterPublish = await getCatalogue({ database: t.database, actor: staff[0]!, query: { year: '2027', half: 'autumn' } });
    assert.deepEqual(afterPublish.measures.map((m) => m.title), ['Utkast']);
    await rejects(getMeasure({ database: t.database, actor: foreignCoordinator, measureId: id }), 'NOT_FOUND');
  });

  it('enrols with a place or on the waiting list, leaders approve their own units only, and a cancellation moves the first waiting up', async () => {
    await publishCatalogue({ database: t.database, actor: coordinator, input: { year: 2027, half: 'spring', version: 1 } });
    const measureId = await published();
    const [a, b, c, d] = staff as [AccountActor, AccountActor, AccountActor, AccountActor];
    assert.equal((await enrolInMeasure({ database: t.database, actor: a, measureId, now: at(1) })).status, 'requested');
    assert.equal((await enrolInMeasure({ database: t.database, actor: b, measureId, now: at(2) })).status, 'requested');
    const cEnrol = await enrolInMeasure({ database: t.database, actor: c, measureId, now: at(3) });
    assert.equal(cEnrol.status, 'waiting');
    assert.equal((await enrolInMeasure({ database: t.database, actor: d, measureId, now: at(4) })).status, 'waiting');
    await rejects(enrolInMeasure({ database: t.database, actor: a, measureId, now: at(5) }), 'CONFLICT', 'catalogue.errors.alreadyEnrolled');
    assert.equal((await getMeasure({ database: t.database, actor: d, measureId, now: BEFORE })).mine?.position, 2);

    // The leader of unit A was told; approvals list shows the two requests.
    const approvals = await listEnrolmentApprovals({ database: t.database, actor: leaderA });
    const pending = approvals.pending.filter((p) => p.measureId === measureId);
    assert.equal(pending.length, 2);
    const aRow = pending.find((p) => p.personName.startsWith('Tilsett0'))!;
    await rejects(decideEnrolment({ database: t.database, actor: leaderB, input: { enrolmentId: aRow.id, decision: 'approve', version: aRow.version } }), 'FORBIDDEN');
    await rejects(decideEnrolment({ database: t.database, actor: a, input: { enrolmentId: aRow.id, decision: 'approve', version: aRow.version } }), 'FORBIDDEN');
    await rejects(listEnrolmentApprovals({ database: t.database, actor: a }), 'FORBIDDEN');
    assert.equal((await decideEnrolment({ database: t.database, actor: leaderA, input: { enrolmentId: aRow.id, decision: 'approve', version: aRow.version } })).status, 'approved');

    // Nobody may cancel another person's enrolment.
    const bMine = (await getMeasure({ database: t.database, actor: b, measureId, now: BEFORE })).mine!;
    await rejects(cancelEnrolment({ database: t.database, actor: c, enrolmentId: bMine.id }), 'FORBIDDEN');
    await rejects(cancelEnrolment({ database: t.database, actor: leaderA, enrolmentId: bMine.id }), 'FORBIDDEN');
    assert.deepEqual(await cancelEnrolment({ database: t.database, actor: b, enrolmentId: bMine.id }), { promoted: 1 });
    const cNow = (await getMeasure({ database: t.database, actor: c, measureId, now: BEFORE })).mine!;
    assert.equal(cNow.status, 'requested');
    assert.equal((await getMeasure({ database: t.database, actor: d, measureId, now: BEFORE })).mine?.position, 1);
    const cNotes = await t.database.withTenant(tenantId, (tx) => tx.select().from(notifications).where(and(eq(notifications.accountId, c.accountId), eq(notifications.kind, 'catalogue.promoted'))));
    assert.equal(cNotes.length, 1);
    assert.match(cNotes[0]!.title, /Lindrande behandling/);

    // A declined request frees the place for the next on the list.
    await decideEnrolment({ database: t.database, actor: leaderA, input: { enrolmentId: cNow.id, decision: 'decline', version: cNow.version } });
    assert.equal((await getMeasure({ database: t.database, actor: d, measureId, now: BEFORE })).mine?.status, 'requested');
    // Capacity cannot drop below the places taken (a approved, d requested).
    await rejects(updateMeasure({ database: t.database, actor: coordinator, measureId, input: { ...measureInput({ capacity: '1' }), version: 2 } }), 'VALIDATION', 'catalogue.errors.capacityBelowTaken');
  });

  it('never takes more places than the capacity under parallel enrolments', async () => {
    const measureId = await published({ title: 'Rettleiing i praksis', type: 'peer_guidance', capacity: '3' });
    const results = await Promise.allSettled(staff.map((actor) => enrolInMeasure({ database: t.database, actor, measureId })));
    assert.deepEqual(results.filter((r) => r.status === 'rejected'), []);
    const rows = await t.database.withTenant(tenantId, (tx) => tx.select().from(enrolments).where(eq(enrolments.measureId, measureId)));
    assert.equal(rows.length, staff.length);
    assert.equal(rows.filter((r) => r.status === 'requested').length, 3);
    assert.equal(rows.filter((r) => r.status === 'waiting').length, staff.length - 3);
    // Parallel cancellations of the three places promote exactly three from the waiting list.
    const holders = rows.filter((r) => r.status === 'requested');
    const byPerson = new Map(staff.map((s) => [s.personId, s]));
    await Promise.all(holders.map((h) => cancelEnrolment({ database: t.database, actor: byPerson.get(h.personId)!, enrolmentId: h.id })));
    const again = await t.database.withTenant(tenantId, (tx) => tx.select().from(enrolments).where(eq(enrolments.measureId, measureId)));
    assert.equal(again.filter((r) => r.status === 'requested').length, 3);
    assert.equal(again.filter((r) => r.status === 'waiting').length, staff.length - 6);

    // Cancelling the measure ends every live enrolment and tells each person.
    await setMeasureStatus({ database: t.database, actor: coordinator, measureId, input: { status: 'cancelled', version: 2 } });
    const ended = await t.database.withTenant(tenantId, (tx) => tx.select().from(enrolments).where(eq(enrolments.measureId, measureId)));
    assert.deepEqual([...new Set(ended.map((r) => r.status))], ['cancelled']);
    const told = await t.database.withTenant(tenantId, (tx) => tx.select().from(notifications).where(eq(notifications.kind, 'catalogue.measureCancelled')));
    assert.equal(told.length, staff.length - 3);
    assert.match(told[0]!.body, /Rettleiing i praksis/);
  });

  it('records attendance, takes feedback from attendees only, and feeds evaluations into ratings and the roll-over read', async () => {
    const measureId = await published({ title: 'Demensomsorg', capacity: '5' });
    const [a, b] = [staff[0]!, staff[1]!];
    await enrolInMeasure({ database: t.database, actor: a, measureId, now: at(10) });
    await enrolInMeasure({ database: t.database, actor: b, measureId, now: at(11) });
    for (const p of (await listEnrolmentApprovals({ database: t.database, actor: leaderA })).pending.filter((x) => x.measureId === measureId)) {
      await decideEnrolment({ database: t.database, actor: leaderA, input: { enrolmentId: p.id, decision: 'approve', version: p.version } });
    }
    // A leader does not approve their own place, nor see it among the approvals.
    const own = await enrolInMeasure({ database: t.database, actor: leaderA, measureId, now: at(12) });
    assert.equal(own.status, 'requested');
    assert.equal((await listEnrolmentApprovals({ database: t.database, actor: leaderA })).pending.some((p) => p.id === own.id), false);
    await rejects(decideEnrolment({ database: t.database, actor: leaderA, input: { enrolmentId: own.id, decision: 'approve', version: 1 } }), 'FORBIDDEN', 'catalogue.errors.ownEnrolment');
    await cancelEnrolment({ database: t.database, actor: leaderA, enrolmentId: own.id });
    await rejects(getAttendance({ database: t.database, actor: a, measureId }), 'FORBIDDEN');
    const leaderView = await getAttendance({ database: t.database, actor: leaderB, measureId });
    assert.equal(leaderView.rows.length, 0, 'a leader sees only their own units’ participants');
    const list = await getAttendance({ database: t.database, actor: coordinator, measureId });
    assert.equal(list.rows.length, 2);
    const rowA = list.rows.find((r) => r.personName.startsWith('Tilsett0'))!;
    const rowB = list.rows.find((r) => r.personName.startsWith('Tilsett1'))!;
    await rejects(recordAttendance({ database: t.database, actor: leaderB, measureId, input: { enrolmentId: rowA.id, attended: 'yes', version: rowA.version } }), 'FORBIDDEN');
    await recordAttendance({ database: t.database, actor: leaderA, measureId, input: { enrolmentId: rowA.id, attended: 'yes', version: rowA.version } });
    await recordAttendance({ database: t.database, actor: coordinator, measureId, input: { enrolmentId: rowB.id, attended: 'no', version: rowB.version } });

    const feedback = { learned: 'Korleis kartleggje smerte', usefulness: '5', sharing: 'Internundervisning på personalmøtet' };
    await rejects(giveFeedback({ database: t.database, actor: b, measureId, input: feedback, now: AFTER }), 'FORBIDDEN', 'catalogue.errors.notAttendee');
    await rejects(getFeedbackForm({ database: t.database, actor: staff[5]!, measureId, now: AFTER }), 'FORBIDDEN');
    await rejects(giveFeedback({ database: t.database, actor: a, measureId, input: feedback, now: BEFORE }), 'CONFLICT', 'catalogue.errors.notEnded');
    await rejects(giveFeedback({ database: t.database, actor: a, measureId, input: { ...feedback, usefulness: '9' }, now: AFTER }), 'VALIDATION');
    await giveFeedback({ database: t.database, actor: a, measureId, input: feedback, now: AFTER });
    await rejects(giveFeedback({ database: t.database, actor: a, measureId, input: feedback, now: AFTER }), 'CONFLICT', 'catalogue.errors.alreadyGiven');

    const year = await getYearEvaluation({ database: t.database, actor: leaderA, year: '2027' });
    const unit = year.units.find((u) => u.unit.id === unitA.id)!;
    assert.ok(unit.measures.some((m) => m.id === measureId));
    const attendee = unit.attendees.find((x) => x.measureTitle === 'Demensomsorg')!;
    await rejects(recordReportBack({ database: t.database, actor: leaderB, input: { enrolmentId: attendee.id, reportBackDate: '2027-03-20', reportBackHow: 'Personalmøte', version: attendee.version } }), 'FORBIDDEN');
    await recordReportBack({ database: t.database, actor: leaderA, input: { enrolmentId: attendee.id, reportBackDate: '2027-03-20', reportBackHow: 'Personalmøte', version: attendee.version } });
    await rejects(saveYearEvaluation({ database: t.database, actor: leaderB, input: { measureId, unitId: unitA.id, year: 2027, rating: 4, text: '', version: '' } }), 'FORBIDDEN');
    await saveYearEvaluation({ database: t.database, actor: leaderA, input: { measureId, unitId: unitA.id, year: 2027, rating: '4', text: 'Godt kurs, lite vikarbruk', version: '' } });
    await rejects(saveYearEvaluation({ database: t.database, actor: leaderA, input: { measureId, unitId: unitA.id, year: 2027, rating: '3', text: '', version: '' } }), 'STALE_VERSION');

    const providers = await listProviders({ database: t.database, actor: staff[3]! });
    const hvl = providers.providers.find((p) => p.id === providerId)!;
    assert.deepEqual(hvl.rating, { average: 4.5, count: 2 });
    assert.equal(hvl.feedbackCount, 1);
    assert.equal(hvl.evaluationCount, 1);

    await rejects(listEvaluationsForUnit({ database: t.database, actor: a, unitId: unitA.id, year: 2027 }), 'FORBIDDEN');
    const rollOver = await listEvaluationsForUnit({ database: t.database, actor: coordinator, unitId: unitA.id, year: 2027 });
    const entry = rollOver.find((r) => r.measureId === measureId)!;
    assert.deepEqual(entry.evaluation, { rating: 4, text: 'Godt kurs, lite vikarbruk' });
    assert.deepEqual(entry.usefulness, { average: 5, count: 1 });
    assert.deepEqual(entry.feedback, [{ learned: 'Korleis kartleggje smerte', usefulness: 5, sharing: 'Internundervisning på personalmøtet', reportBackDate: '2027-03-20', reportBackHow: 'Personalmøte' }]);
    const audited = await t.database.withTenant(tenantId, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'catalogue.feedback.give')));
    assert.equal(audited.length, 1);
  });

  it('links a measure to mapping needs and stores the ordering checklist with it, under its version', async () => {
    const needId = await t.database.withTenant(tenantId, async (tx) => {
      const [cycle] = await tx.insert(wheelCycles).values({ tenantId, year: 2027, title: 'Årshjulet 2027' }).returning();
      const [form] = await tx.insert(mappingForms).values({ tenantId, cycleId: cycle!.id, unitId: unitA.id }).returning();
      const [need] = await tx.insert(mappingNeeds).values({ tenantId, formId: form!.id, position: 1, term: 'short', year: 2027, competenceAreaId: areaId, description: 'Smertelindring', peopleCount: 6, priority: 1 }).returning();
      return need!.id;
    });
    const { id } = await createMeasure({ database: t.database, actor: coordinator, input: measureInput({ title: 'Innkjøpt kurs', needIds: [needId] }) });
    const linked = await getMeasure({ database: t.database, actor: coordinator, measureId: id });
    assert.deepEqual(linked.needs, [{ id: needId, description: 'Smertelindring', areaName: 'Palliasjon', unitName: 'Fjordheimen' }]);
    const checklist = { requirements: 'Dekkje behovet for palliasjon', price: { score: '4', note: 'Rimeleg' }, quality: { score: '5', note: '' }, time: { score: '', note: 'Ikkje avklart' }, decision: 'order', decisionNote: 'Vi bestiller', version: '1' };
    await rejects(saveOrderingChecklist({ database: t.database, actor: leaderA, measureId: id, input: checklist }), 'FORBIDDEN');
    assert.deepEqual(await saveOrderingChecklist({ database: t.database, actor: coordinator, measureId: id, input: checklist }), { version: 2 });
    await rejects(saveOrderingChecklist({ database: t.database, actor: coordinator, measureId: id, input: checklist }), 'STALE_VERSION');
    const m = await getMeasure({ database: t.database, actor: coordinator, measureId: id });
    assert.deepEqual(m.measure.ordering, { requirements: 'Dekkje behovet for palliasjon', price: { score: 4, note: 'Rimeleg' }, quality: { score: 5, note: '' }, time: { score: null, note: 'Ikkje avklart' }, decision: 'order', decisionNote: 'Vi bestiller' });
  });
});
