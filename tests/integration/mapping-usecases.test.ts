// Needs-mapping use cases against the real database: the vocabulary (create, propose, approve,
// rename, merge, archive), a unit's basis, the form from start to approval with the wheel
// status following it, optimistic locking, who may edit and read, lateness, roll-over from last
// cycle, the overview, offers, and tenant isolation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { getMilestone } from '../../core/annual-wheel/get-milestone.ts';
import { setUnitStatus } from '../../core/annual-wheel/set-unit-status.ts';
import { createMilestone } from '../../core/annual-wheel/create-milestone.ts';
import { listCompetenceAreas } from '../../core/mapping/list-competence-areas.ts';
import { createCompetenceArea } from '../../core/mapping/create-competence-area.ts';
import { proposeCompetenceArea } from '../../core/mapping/propose-competence-area.ts';
import { approveCompetenceArea } from '../../core/mapping/approve-competence-area.ts';
import { renameCompetenceArea } from '../../core/mapping/rename-competence-area.ts';
import { mergeCompetenceArea } from '../../core/mapping/merge-competence-area.ts';
import { archiveCompetenceArea } from '../../core/mapping/archive-competence-area.ts';
import { addBasisEntry } from '../../core/mapping/add-basis-entry.ts';
import { updateBasisEntry } from '../../core/mapping/update-basis-entry.ts';
import { getUnitBasis } from '../../core/mapping/get-unit-basis.ts';
import { startMappingForm } from '../../core/mapping/start-mapping-form.ts';
import { saveMappingForm } from '../../core/mapping/save-mapping-form.ts';
import { submitMappingForm } from '../../core/mapping/submit-mapping-form.ts';
import { returnMappingForm } from '../../core/mapping/return-mapping-form.ts';
import { approveMappingForm } from '../../core/mapping/approve-mapping-form.ts';
import { getMappingForm } from '../../core/mapping/get-mapping-form.ts';
import { getMappingOverview } from '../../core/mapping/get-mapping-overview.ts';
import { addUnitOffer } from '../../core/mapping/add-unit-offer.ts';
import { archiveUnitOffer } from '../../core/mapping/archive-unit-offer.ts';
import { listUnitOffers } from '../../core/mapping/list-unit-offers.ts';
import { seedCompetenceAreas, STARTING_COMPETENCE_AREAS } from '../../db/seed/competence-areas.ts';
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

describe('needs mapping use cases', () => {
  let t: TestDatabase;
  let tenantId: string;
  let unitA: Awaited<ReturnType<typeof createUnit>>;
  let unitB: Awaited<ReturnType<typeof createUnit>>;
  let deptA: Awaited<ReturnType<typeof createUnit>>;
  let coordinator: AccountActor;
  let executive: AccountActor;
  let leaderA: AccountActor;
  let leaderB: AccountActor;
  let employeeA: AccountActor;
  let employeeB: AccountActor;
  let foreignCoordinator: AccountActor;
  let nurseId: string;
  let areaId: string;
  let goalId: string;
  const language = 'nn' as const;
  const autumn = new Date('2026-10-20T10:00:00Z');

  before(async () => {
    t = await createTestDatabase();
    const db = t.database;
    tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    const health = await createUnit(db, tenantId, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    const school = await createUnit(db, tenantId, { parent: root, name: 'Oppvekst', kind: 'sektor' });
    unitA = await createUnit(db, tenantId, { parent: health, name: 'Fjordheimen', kind: 'eining' });
    unitB = await createUnit(db, tenantId, { parent: school, name: 'Sentrum skule', kind: 'eining' });
    deptA = await createUnit(db, tenantId, { parent: unitA, name: 'Avdeling 1', kind: 'avdeling' });
    const la = await createPerson(db, tenantId, { unitId: unitA.id, givenName: 'Liv', familyName: 'Leiar' });
    await makeLeader(db, tenantId, unitA.id, la.person.id);
    const lb = await createPerson(db, tenantId, { unitId: unitB.id });
    await makeLeader(db, tenantId, unitB.id, lb.person.id);
    const nurse = await createPerson(db, tenantId, { unitId: deptA.id, givenName: 'Nina', familyName: 'Sjukepleiar' });
    nurseId = nurse.person.id;
    const eb = await createPerson(db, tenantId, { unitId: unitB.id });
    coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'] }));
    executive = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['executive'] }));
    leaderA = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: la.person.id }));
    leaderB = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: lb.person.id }));
    employeeA = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: nurse.person.id }));
    employeeB = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: eb.person.id }));
    const other = await createTenant(db);
    await createUnit(db, other.id, { kind: 'kommune' });
    foreignCoordinator = await actorFor(db, other.id, await createAccount(db, other.id, { roles: ['coordinator'] }));
    // Two cycles from the Gloppen template: forms for 2026 (due 1 Nov 2025) and 2027 (due 1 Nov 2026).
    await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year: 2026 }, language });
    await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year: 2027 }, language });
  });
  after(() => t.close());

  it('seeds a starting vocabulary once, and lets coordinators keep it: create, rename, archive; leaders propose', async () => {
    assert.equal(await seedCompetenceAreas(t.database, tenantId), STARTING_COMPETENCE_AREAS.length);
    assert.equal(await seedCompetenceAreas(t.database, tenantId), 0);
    const list = await listCompetenceAreas({ database: t.database, actor: employeeA });
    assert.ok(list.areas.some((a) => a.name === 'Digital kompetanse' && a.status === 'active'));
    assert.equal(list.canManage, false);
    assert.equal(list.canPropose, false);

    await rejects(createCompetenceArea({ database: t.database, actor: leaderA, input: { name: 'Forflytting' } }), 'FORBIDDEN');
    await rejects(createCompetenceArea({ database: t.database, actor: coordinator, input: { name: ' ' } }), 'VALIDATION', 'errors.field.required');
    await rejects(createCompetenceArea({ database: t.database, actor: coordinator, input: { name: 'digital KOMPETANSE' } }), 'CONFLICT', 'mapping.errors.areaExists');
    const created = await createCompetenceArea({ database: t.database, actor: coordinator, input: { name: 'Forflyting' } });
    const renamed = await renameCompetenceArea({ database: t.database, actor: coordinator, areaId: created.id, input: { name: 'Forflytting', version: '1' } });
    assert.equal(renamed.version, 2);
    await rejects(renameCompetenceArea({ database: t.database, actor: coordinator, areaId: created.id, input: { name: 'Forflytting og ergonomi', version: '1' } }), 'STALE_VERSION');
    areaId = created.id;

    await rejects(proposeCompetenceArea({ database: t.database, actor: employeeA, input: { name: 'Velferdsteknologi' } }), 'FORBIDDEN');
    const proposed = await proposeCompetenceArea({ database: t.database, actor: leaderA, input: { name: 'Velferdsteknologi' } });
    const approved = await approveCompetenceArea({ database: t.database, actor: coordinator, areaId: proposed.id, input: { version: '1' } });
    assert.equal(approved.version, 2);
    await rejects(approveCompetenceArea({ database: t.database, actor: coordinator, areaId: proposed.id, input: { version: '2' } }), 'CONFLICT', 'mapping.errors.wrongStatus');

    const teknisk = (await listCompetenceAreas({ database: t.database, actor: coordinator })).areas.find((a) => a.name === 'Teknisk og eigedom')!;
    await archiveCompetenceArea({ database: t.database, actor: coordinator, areaId: teknisk.id, input: { version: teknisk.version } });
    assert.equal((await listCompetenceAreas({ database: t.database, actor: coordinator })).areas.find((a) => a.id === teknisk.id)?.status, 'archived');
  });

  it('keeps a unit basis editable by its leaders and coordinators only', async () => {
    await rejects(addBasisEntry({ database: t.database, actor: leaderB, unitId: unitA.id, input: { kind: 'goal', text: 'Færre fall' } }), 'FORBIDDEN');
    await rejects(addBasisEntry({ database: t.database, actor: employeeA, unitId: unitA.id, input: { kind: 'goal', text: 'Færre fall' } }), 'FORBIDDEN');
    await rejects(addBasisEntry({ database: t.database, actor: leaderA, unitId: unitA.id, input: { kind: 'wish', text: 'Færre fall' } }), 'VALIDATION');
    goalId = (await addBasisEntry({ database: t.database, actor: leaderA, unitId: unitA.id, input: { kind: 'goal', text: 'Færre fall blant bebuarane' } })).id;
    const survey = await addBasisEntry({ database: t.database, actor: coordinator, unitId: unitA.id, input: { kind: 'user_survey', text: 'Pårørande saknar informasjon' } });
    await updateBasisEntry({ database: t.database, actor: leaderA, entryId: survey.id, intent: 'update', input: { text: 'Pårørande saknar jamleg informasjon', version: '1' } });
    await rejects(updateBasisEntry({ database: t.database, actor: leaderA, entryId: survey.id, intent: 'archive', input: { version: '1' } }), 'STALE_VERSION');
    const basis = await getUnitBasis({ database: t.database, actor: employeeB, unitId: unitA.id });
    assert.equal(basis.canWrite, false);
    assert.deepEqual(basis.entries.map((e) => [e.kind, e.text]), [['goal', 'Færre fall blant bebuarane'], ['user_survey', 'Pårørande saknar jamleg informasjon']]);
  });

  it('fills a form from draft to approval; the wheel status follows; stale saves and other units are refused', async () => {
    const need = (over: Record<string, unknown> = {}) => ({ term: 'short', competenceAreaId: areaId, description: 'Trygg forflytting', basisEntryId: goalId, whyText: '', peopleCount: '6', measureTypes: ['peer_guidance', 'external_course'], priority: '1', costNok: '10000', substituteCostNok: '24000', carriedOver: '', ...over });
    await rejects(startMappingForm({ database: t.database, actor: leaderB, unitId: unitA.id, input: { year: 2027 } }), 'FORBIDDEN');
    await rejects(startMappingForm({ database: t.database, actor: coordinator, unitId: unitA.id, input: { year: 2027 } }), 'FORBIDDEN');
    await rejects(startMappingForm({ database: t.database, actor: leaderA, unitId: unitA.id, input: { year: 2027, rollOver: 'true' } }), 'CONFLICT', 'mapping.errors.nothingToRollOver');
    const { formId } = await startMappingForm({ database: t.database, actor: leaderA, unitId: unitA.id, input: { year: 2027 } });
    await rejects(startMappingForm({ database: t.database, actor: leaderA, unitId: unitA.id, input: { year: 2027 } }), 'CONFLICT', 'mapping.errors.formExists');

    const page = await getMappingForm({ database: t.database, actor: leaderA, unitId: unitA.id, year: '2027', now: autumn });
    assert.equal(page.form?.status, 'draft');
    assert.equal(page.milestone?.deadline, '2026-11-01');
    assert.equal(page.lateness, 'on_time');
    assert.equal(page.canEdit, true);
    // The persons of the unit and the units below it can be chosen as participants.
    assert.ok(page.choices?.persons.some((p) => p.id === nurseId));
    assert.ok(page.choices?.areas.some((a) => a.name === 'Velferdsteknologi'));
    assert.ok(!page.choices?.areas.some((a) => a.name === 'Teknisk og eigedom'), 'archived areas are not offered');

    // The wheel shows the unit as in progress, set by the form.
    const milestoneId = page.milestone!.id;
    const status = async () => (await getMilestone({ database: t.database, actor: coordinator, milestoneId })).milestone.units.find((u) => u.unitId === unitA.id)!;
    assert.deepEqual([(await status()).status, (await status()).source], ['in_progress', 'mapping_form']);

    const content = { version: '1', discussionDate: '2026-10-15', participantsText: 'Personalmøte, tillitsvald', participantPersonIds: [nurseId], needs: [need(), need({ term: 'long', description: 'Velferdsteknologi', basisEntryId: '', whyText: 'Nye sensorar i 2028', peopleCount: '20', measureTypes: ['project_work'], priority: '2', costNok: '', substituteCostNok: '5000' })] };
    await rejects(saveMappingForm({ database: t.database, actor: leaderB, formId, input: content }), 'FORBIDDEN');
    await rejects(saveMappingForm({ database: t.database, actor: coordinator, formId, input: content }), 'FORBIDDEN');
    await rejects(saveMappingForm({ database: t.database, actor: leaderA, formId, input: { ...content, needs: [need({ competenceAreaId: '00000000-0000-4000-8000-000000000000' })] } }), 'VALIDATION', 'mapping.errors.areaUnknown');
    const foreignPerson = (await createPerson(t.database, tenantId, { unitId: unitB.id })).person.id;
    await rejects(saveMappingForm({ database: t.database, actor: leaderA, formId, input: { ...content, participantPersonIds: [foreignPerson] } }), 'VALIDATION', 'mapping.errors.participantUnknown');
    const saved = await saveMappingForm({ database: t.database, actor: leaderA, formId, input: content });
    assert.equal(saved.version, 2);
    // Someone saved in between: the older version is refused and overwrites nothing.
    await rejects(saveMappingForm({ database: t.database, actor: leaderA, formId, input: { ...content, needs: [] } }), 'STALE_VERSION');
    assert.equal((await getMappingForm({ database: t.database, actor: leaderA, unitId: unitA.id, year: '2027', now: autumn })).form?.needs.length, 2);

    // Drafts are the unit's: other units' employees and leaders, and executives, see no content.
    for (const reader of [employeeB, leaderB, executive, employeeA]) {
      const seen = await getMappingForm({ database: t.database, actor: reader, unitId: unitA.id, year: '2027', now: autumn });
      assert.equal(seen.form, null);
      assert.equal(seen.formHidden, true);
    }
    assert.equal((await getMappingForm({ database: t.database, actor: coordinator, unitId: unitA.id, year: '2027', now: autumn })).form?.status, 'draft');

    await rejects(submitMappingForm({ database: t.database, actor: leaderA, formId, input: { ...content, version: '2', discussionDate: '' }, now: autumn }), 'VALIDATION', 'mapping.errors.discussionRequired');
    await submitMappingForm({ database: t.database, actor: leaderA, formId, input: { ...content, version: '2' }, now: autumn });
    assert.deepEqual([(await status()).status, (await status()).source], ['done', 'mapping_form']);
    await rejects(saveMappingForm({ database: t.database, actor: leaderA, formId, input: { ...content, version: '4' } }), 'CONFLICT', 'mapping.errors.notEditable');

    // Handed in: the unit's employees, executives and coordinators read it; another unit's employee too? No.
    const submitted = await getMappingForm({ database: t.database, actor: employeeA, unitId: unitA.id, year: '2027', now: autumn });
    assert.equal(submitted.form?.status, 'submitted');
    assert.equal(submitted.canEdit, false);
    assert.deepEqual(submitted.form?.summary.total, { costNok: 10_000, substituteCostNok: 29_000, totalNok: 39_000, needs: 2, people: 26 });
    assert.deepEqual(submitted.form?.participants.map((p) => p.name), ['Nina Sjukepleiar']);
    assert.equal(submitted.form?.needs[0]?.basisText, 'Færre fall blant bebuarane');
    assert.equal((await getMappingForm({ database: t.database, actor: executive, unitId: unitA.id, year: '2027', now: autumn })).form?.status, 'submitted');
    assert.equal((await getMappingForm({ database: t.database, actor: employeeB, unitId: unitA.id, year: '2027', now: autumn })).form, null);

    // The coordinator returns it with a comment; the unit is back in progress on the wheel.
    await rejects(returnMappingForm({ database: t.database, actor: leaderA, formId, input: { version: '4', comment: 'x' } }), 'FORBIDDEN');
    await rejects(returnMappingForm({ database: t.database, actor: coordinator, formId, input: { version: '4', comment: ' ' } }), 'VALIDATION', 'errors.field.required');
    await rejects(returnMappingForm({ database: t.database, actor: coordinator, formId, input: { version: '3', comment: 'Kva kostar vikarane?' } }), 'STALE_VERSION');
    await returnMappingForm({ database: t.database, actor: coordinator, formId, input: { version: '4', comment: 'Kva kostar vikarane?' } });
    const returned = await getMappingForm({ database: t.database, actor: leaderA, unitId: unitA.id, year: '2027', now: autumn });
    assert.equal(returned.form?.status, 'returned');
    assert.equal(returned.form?.returnComment, 'Kva kostar vikarane?');
    assert.equal(returned.canEdit, true);
    assert.equal((await status()).status, 'in_progress');
    await rejects(approveMappingForm({ database: t.database, actor: coordinator, formId, input: { version: '5' } }), 'CONFLICT', 'mapping.errors.wrongStatus');

    // Handed in again after the deadline: done, but recorded as late.
    const late = new Date('2026-11-03T10:00:00Z');
    await submitMappingForm({ database: t.database, actor: leaderA, formId, input: { ...content, version: '5' }, now: late });
    await approveMappingForm({ database: t.database, actor: coordinator, formId, input: { version: '7' } });
    const approved = await getMappingForm({ database: t.database, actor: leaderA, unitId: unitA.id, year: '2027', now: late });
    assert.equal(approved.form?.status, 'approved');
    assert.equal(approved.form?.returnComment, null);
    assert.equal(approved.lateness, 'submitted_late');
    assert.equal((await status()).status, 'done');
    const actions = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where subject_id = ${formId} order by id`);
    assert.deepEqual(actions.map((a) => a.action), ['mapping.form.start', 'mapping.form.save', 'mapping.form.submit', 'mapping.form.return', 'mapping.form.submit', 'mapping.form.approve']);
  });

  it('keeps a manual wheel mark and the form in step (the form re-reads the status version)', async () => {
    const { formId } = await startMappingForm({ database: t.database, actor: leaderB, unitId: unitB.id, input: { year: 2027 } });
    const page = await getMappingForm({ database: t.database, actor: leaderB, unitId: unitB.id, year: '2027', now: autumn });
    const milestoneId = page.milestone!.id;
    const row = (await getMilestone({ database: t.database, actor: coordinator, milestoneId })).milestone.units.find((u) => u.unitId === unitB.id)!;
    await setUnitStatus({ database: t.database, actor: coordinator, milestoneId, input: { unitId: unitB.id, status: 'not_started', version: String(row.version) } });
    const need = { term: 'short', competenceAreaId: areaId, peopleCount: '2', priority: '3', measureTypes: ['network'] };
    await submitMappingForm({ database: t.database, actor: leaderB, formId, input: { version: '1', discussionDate: '2026-10-01', participantsText: 'Alle', needs: [need] }, now: autumn });
    const after = (await getMilestone({ database: t.database, actor: coordinator, milestoneId })).milestone.units.find((u) => u.unitId === unitB.id)!;
    assert.deepEqual([after.status, after.source], ['done', 'mapping_form']);
  });

  it('counts a form for a mapping milestone added after it was started', async () => {
    // Cycle 2030 has only a plan milestone: a form started there has no deadline yet.
    await createMilestone({ database: t.database, actor: coordinator, year: 2030, language, input: { title: 'Plan', deadline: '2030-01-15', ownerRole: 'coordinator', concerns: 'municipal_plan', target: 'none', reminderOffsets: '', overdueEveryDays: '0', escalateAfterDays: '' } });
    const { formId } = await startMappingForm({ database: t.database, actor: leaderB, unitId: unitB.id, input: { year: 2030 } });
    assert.equal((await getMappingForm({ database: t.database, actor: leaderB, unitId: unitB.id, year: '2030', now: autumn })).lateness, 'no_deadline');
    const { id: milestoneId } = await createMilestone({ database: t.database, actor: coordinator, year: 2030, language, input: { title: 'Skjema', deadline: '2029-11-01', ownerRole: 'unit_leader', concerns: 'mapping_form', target: 'units', targetUnitIds: [unitB.id], reminderOffsets: '', overdueEveryDays: '0', escalateAfterDays: '' } });
    const need = { term: 'long', competenceAreaId: areaId, peopleCount: '1', priority: '2', measureTypes: [] };
    await submitMappingForm({ database: t.database, actor: leaderB, formId, input: { version: '1', discussionDate: '2026-10-01', participantsText: 'Alle', needs: [need] }, now: autumn });
    const row = (await getMilestone({ database: t.database, actor: coordinator, milestoneId })).milestone.units.find((u) => u.unitId === unitB.id)!;
    assert.deepEqual([row.status, row.source], ['done', 'mapping_form']);
    assert.equal((await getMappingForm({ database: t.database, actor: leaderB, unitId: unitB.id, year: '2030', now: autumn })).milestone?.id, milestoneId);
  });

  it('rolls last cycle’s form over as a draft with needs marked as carried over, following merged areas', async () => {
    // Next cycle: 2028. Merge the area used on the 2027 form into another first.
    await applyWheelTemplate({ database: t.database, actor: coordinator, input: { template: 'gloppen', year: 2028 }, language });
    const target = (await listCompetenceAreas({ database: t.database, actor: coordinator })).areas.find((a) => a.name === 'Helse, miljø og tryggleik')!;
    const merging = (await listCompetenceAreas({ database: t.database, actor: coordinator })).areas.find((a) => a.id === areaId)!;
    assert.equal(merging.needCount, 4, 'two needs of Fjordheimen, two of Sentrum skule (2027 and 2030)');
    await rejects(mergeCompetenceArea({ database: t.database, actor: coordinator, areaId, input: { intoId: areaId, version: merging.version } }), 'VALIDATION', 'mapping.errors.mergeSelf');
    const merged = await mergeCompetenceArea({ database: t.database, actor: coordinator, areaId, input: { intoId: target.id, version: merging.version } });
    assert.ok(merged.moved >= 2);
    assert.equal((await listCompetenceAreas({ database: t.database, actor: coordinator })).areas.some((a) => a.id === areaId), false);

    const before = await getMappingForm({ database: t.database, actor: leaderA, unitId: unitA.id, year: '2028', now: new Date('2027-09-01T10:00:00Z') });
    assert.equal(before.form, null);
    assert.equal(before.canRollOver, true);
    assert.equal(before.previous?.year, 2027);
    const { carriedOver } = await startMappingForm({ database: t.database, actor: leaderA, unitId: unitA.id, input: { year: '2028', rollOver: 'true' } });
    assert.equal(carriedOver, 2);
    const page = await getMappingForm({ database: t.database, actor: leaderA, unitId: unitA.id, year: '2028', now: new Date('2027-09-01T10:00:00Z') });
    assert.equal(page.form?.status, 'draft');
    assert.equal(page.form?.rolledOver, true);
    assert.equal(page.form?.discussionDate, null, 'the joint discussion is held again');
    assert.ok(page.form?.needs.every((n) => n.carriedOver && n.competenceAreaId === target.id));
    assert.deepEqual(page.form?.needs.map((n) => n.substituteCostNok), [24_000, 5_000]);
    // Last cycle's form stays as it was, read-only beside it.
    assert.equal(page.previous?.form.status, 'approved');
    assert.ok(page.previous?.form.needs.every((n) => !n.carriedOver));
    // After the deadline (1 Nov 2027) the draft is late.
    assert.equal((await getMappingForm({ database: t.database, actor: leaderA, unitId: unitA.id, year: '2028', now: new Date('2027-11-02T10:00:00Z') })).lateness, 'late');
  });

  it('gives coordinators and executives an overview of a cycle by sector; others are refused', async () => {
    await rejects(getMappingOverview({ database: t.database, actor: leaderA, year: '2027' }), 'FORBIDDEN');
    await rejects(getMappingOverview({ database: t.database, actor: employeeA, year: '2027' }), 'FORBIDDEN');
    const overview = await getMappingOverview({ database: t.database, actor: executive, year: '2027', now: new Date('2026-11-05T10:00:00Z') });
    assert.deepEqual(overview.sectors.map((s) => s.sectorName), ['Helse og omsorg', 'Oppvekst']);
    assert.deepEqual(overview.counts, { approved: 1, submitted: 1, draft: 0, late: 0, missing: 0 });
    assert.equal(overview.handedIn.total.needs, 3);
    const y2026 = await getMappingOverview({ database: t.database, actor: coordinator, year: '2026', now: new Date('2026-11-05T10:00:00Z') });
    assert.deepEqual(y2026.counts, { approved: 0, submitted: 0, draft: 0, late: 2, missing: 0 });
  });

  it('lists offers municipality-wide; units register their own instructors and programmes', async () => {
    await rejects(addUnitOffer({ database: t.database, actor: leaderB, unitId: unitA.id, input: { kind: 'programme', title: 'Forflyttingskurs' } }), 'FORBIDDEN');
    await rejects(addUnitOffer({ database: t.database, actor: leaderA, unitId: unitA.id, input: { kind: 'instructor', personId: (await createPerson(t.database, tenantId, { unitId: unitB.id })).person.id, title: 'Forflytting' } }), 'VALIDATION', 'mapping.errors.participantUnknown');
    await addUnitOffer({ database: t.database, actor: leaderA, unitId: unitA.id, input: { kind: 'instructor', personId: nurseId, title: 'Forflytting', competenceAreaId: '' } });
    const { id } = await addUnitOffer({ database: t.database, actor: leaderA, unitId: unitA.id, input: { kind: 'programme', title: 'Demensomsorgens ABC', description: 'Studiegruppe over eitt år', capacity: '12' } });
    const seen = await listUnitOffers({ database: t.database, actor: employeeB });
    assert.deepEqual(seen.offers.map((o) => [o.unitName, o.kind, o.personName, o.capacity]).sort(), [
      ['Fjordheimen', 'instructor', 'Nina Sjukepleiar', null],
      ['Fjordheimen', 'programme', null, 12],
    ]);
    assert.ok(seen.offers.every((o) => !o.canArchive));
    await rejects(archiveUnitOffer({ database: t.database, actor: employeeB, offerId: id, input: { version: '1' } }), 'FORBIDDEN');
    await archiveUnitOffer({ database: t.database, actor: coordinator, offerId: id, input: { version: '1' } });
    assert.equal((await listUnitOffers({ database: t.database, actor: employeeB })).offers.length, 1);
  });

  it('never crosses tenants', async () => {
    await rejects(getMappingForm({ database: t.database, actor: foreignCoordinator, unitId: unitA.id }), 'NOT_FOUND');
    await rejects(getUnitBasis({ database: t.database, actor: foreignCoordinator, unitId: unitA.id }), 'NOT_FOUND');
    assert.equal((await listCompetenceAreas({ database: t.database, actor: foreignCoordinator })).areas.length, 0);
    assert.equal((await listUnitOffers({ database: t.database, actor: foreignCoordinator })).offers.length, 0);
  });
});
