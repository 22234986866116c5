// Competence-plan use cases against the real database: a cycle's handed-in mapping forms added
// up by competence area and sector (drafts left out), the measure mix, who may see the
// aggregate, and tenant isolation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { createCompetenceArea } from '../../core/mapping/create-competence-area.ts';
import { startMappingForm } from '../../core/mapping/start-mapping-form.ts';
import { saveMappingForm } from '../../core/mapping/save-mapping-form.ts';
import { submitMappingForm } from '../../core/mapping/submit-mapping-form.ts';
import { approveMappingForm } from '../../core/mapping/approve-mapping-form.ts';
import { getPlanAggregate } from '../../core/competence-plan/get-plan-aggregate.ts';
import { createCompetencePlan } from '../../core/competence-plan/create-competence-plan.ts';
import { updateCompetencePlan } from '../../core/competence-plan/update-competence-plan.ts';
import { addPlanItem } from '../../core/competence-plan/add-plan-item.ts';
import { updatePlanItem } from '../../core/competence-plan/update-plan-item.ts';
import { removePlanItem } from '../../core/competence-plan/remove-plan-item.ts';
import { moveCompetencePlan } from '../../core/competence-plan/move-competence-plan.ts';
import { getCompetencePlan } from '../../core/competence-plan/get-competence-plan.ts';
import { listCompetencePlans } from '../../core/competence-plan/list-competence-plans.ts';
import { exportPlanPdf } from '../../core/competence-plan/export-plan-pdf.ts';
import { exportPlanXlsx } from '../../core/competence-plan/export-plan-xlsx.ts';
import ExcelJS from 'exceljs';
import { readPdfText } from '../support/pdf-text.ts';
import { measurePlanLinkedToBudget } from '../../core/maturity/indicators.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

async function rejects(promise: Promise<unknown>, code: string, key?: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (key) assert.ok(error.issues.some((i) => i.key === key) || error.messageKey === key, `expected ${key}, got ${JSON.stringify(error.issues)} ${error.messageKey}`);
    return;
  }
  assert.fail(`expected ${code}`);
}

describe('competence plan use cases', () => {
  let t: TestDatabase;
  let coordinator: AccountActor;
  let executive: AccountActor;
  let unionRep: AccountActor;
  let employee: AccountActor;
  let leaders: AccountActor[];
  let foreignCoordinator: AccountActor;
  let sectors: { health: string; school: string };
  let areas: { care: string; digital: string };
  const autumn = new Date('2026-10-20T10:00:00Z');

  before(async () => {
    t = await createTestDatabase();
    const db = t.database;
    const tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { name: 'Fjordvik kommune', kind: 'kommune' });
    const health = await createUnit(db, tenantId, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    const school = await createUnit(db, tenantId, { parent: root, name: 'Oppvekst', kind: 'sektor' });
    sectors = { health: health.id, school: school.id };
    const home = await createUnit(db, tenantId, { parent: health, name: 'Fjordheimen', kind: 'eining' });
    const dept = await createUnit(db, tenantId, { parent: home, name: 'Avdeling 1', kind: 'avdeling' });
    const skule = await createUnit(db, tenantId, { parent: school, name: 'Sentrum skule', kind: 'eining' });
    const kinder = await createUnit(db, tenantId, { parent: school, name: 'Solsida barnehage', kind: 'eining' });
    leaders = [];
    for (const unit of [home, dept, skule, kinder]) {
      const p = await createPerson(db, tenantId, { unitId: unit.id });
      await makeLeader(db, tenantId, unit.id, p.person.id);
      leaders.push(await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: p.person.id })));
    }
    const worker = await createPerson(db, tenantId, { unitId: dept.id });
    employee = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: worker.person.id }));
    coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'] }));
    executive = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['executive'] }));
    unionRep = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['union_rep'] }));
    const other = await createTenant(db);
    await createUnit(db, other.id, { kind: 'kommune' });
    foreignCoordinator = await actorFor(db, other.id, await createAccount(db, other.id, { roles: ['coordinator'] }));
    await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year: 2027 }, language: 'nn' });
    areas = {
      care: (await createCompetenceArea({ database: db, actor: coordinator, input: { name: 'Demens og eldre' } })).id,
      digital: (await createCompetenceArea({ database: db, actor: coordinator, input: { name: 'Digital kompetanse' } })).id,
    };
    const need = (over: Record<string, unknown>) => ({ term: 'short', competenceAreaId: areas.care, description: '', whyText: '', peopleCount: '1', measureTypes: ['peer_guidance'], priority: '1', costNok: '0', substituteCostNok: '0', ...over });
    const hand = async (actor: AccountActor, unitId: string, needs: Array<Record<string, unknown>>, mode: 'submit' | 'approve' | 'draft') => {
      const { formId } = await startMappingForm({ database: db, actor, unitId, input: { year: 2027 } });
      const input = { version: '1', discussionDate: '2026-10-01', participantsText: 'Personalmøte', needs: needs.map(need) };
      if (mode === 'draft') return void (await saveMappingForm({ database: db, actor, formId, input }));
      const submitted = await submitMappingForm({ database: db, actor, formId, input, now: autumn });
      if (mode === 'approve') await approveMappingForm({ database: db, actor: coordinator, formId, input: { version: String(submitted.version) } });
    };
    // Helse: the home (approved) and its department (submitted); Oppvekst: the school (submitted), the kindergarten only a draft.
    await hand(leaders[0]!, home.id, [{ peopleCount: '10', costNok: '20000', substituteCostNok: '30000', measureTypes: ['peer_guidance', 'external_course'] }, { term: 'long', competenceAreaId: areas.digital, peopleCount: '4', costNok: '8000', priority: '2', measureTypes: ['e_learning'] }], 'approve');
    await hand(leaders[1]!, dept.id, [{ peopleCount: '6', costNok: '6000', substituteCostNok: '12000', priority: '3', measureTypes: ['job_shadowing'] }], 'submit');
    await hand(leaders[2]!, skule.id, [{ competenceAreaId: areas.digital, peopleCount: '20', costNok: '50000', substituteCostNok: '0', measureTypes: ['study_group'] }], 'submit');
    await hand(leaders[3]!, kinder.id, [{ competenceAreaId: areas.digital, peopleCount: '99', costNok: '999000' }], 'draft');
  });
  after(() => t.close());

  it('adds up the handed-in forms by competence area and sector, leaving drafts out', async () => {
    const view = await getPlanAggregate({ database: t.database, actor: coordinator, year: '2027' });
    assert.equal(view.cycle?.year, 2027);
    assert.equal(view.forms, 3);
    const { aggregate } = view;
    assert.deepEqual(aggregate.total, { needs: 4, units: 4, people: 40, costNok: 84_000, substituteCostNok: 42_000, totalNok: 126_000 });
    // Most costly first: care 68,000, digital 58,000.
    assert.deepEqual(aggregate.areas.map((a) => [a.areaName, a.total.totalNok]), [['Demens og eldre', 68_000], ['Digital kompetanse', 58_000]]);
    const care = aggregate.areas[0]!;
    assert.deepEqual(care.sectors.map((s) => [s.sectorId, s.people, s.units]), [[sectors.health, 16, 2]]);
    assert.equal(care.short.people, 16);
    assert.equal(care.long.people, 0);
    // People-weighted priority: (10·1 + 6·3) / 16.
    assert.equal(care.priority, 28 / 16);
    const digital = aggregate.areas[1]!;
    assert.deepEqual(digital.sectors.map((s) => [s.sectorName, s.totalNok]), [['Helse og omsorg', 8_000], ['Oppvekst', 50_000]]);
    assert.equal(digital.long.people, 4);
    assert.equal(digital.short.people, 20);
    // Sector sums over all areas.
    assert.deepEqual(aggregate.sectors.map((s) => [s.sectorName, s.totalNok, s.people]), [['Helse og omsorg', 76_000, 20], ['Oppvekst', 50_000, 20]]);
    // Mix: care has 5 (half of 10) in a course and 5 + 6 learning at work.
    assert.deepEqual({ course: care.mix.course, work: care.mix.work }, { course: 5, work: 11 });
    assert.deepEqual({ course: aggregate.mix.course, work: aggregate.mix.work }, { course: 9, work: 31 });
  });

  it('shows the aggregate to coordinators, executives and union reps only, within their own tenant', async () => {
    assert.equal((await getPlanAggregate({ database: t.database, actor: executive, year: '2027' })).forms, 3);
    assert.equal((await getPlanAggregate({ database: t.database, actor: unionRep, year: '2027' })).forms, 3);
    await rejects(getPlanAggregate({ database: t.database, actor: employee, year: '2027' }), 'FORBIDDEN');
    await rejects(getPlanAggregate({ database: t.database, actor: leaders[0]!, year: '2027' }), 'FORBIDDEN');
    // The other municipality has no cycle 2027, and sees none of these forms.
    await rejects(getPlanAggregate({ database: t.database, actor: foreignCoordinator, year: '2027' }), 'NOT_FOUND');
    const foreign = await getPlanAggregate({ database: t.database, actor: foreignCoordinator });
    assert.equal(foreign.cycle, null);
    assert.deepEqual(foreign.aggregate.areas, []);
  });

  it('refuses a year with no cycle', async () => {
    await rejects(getPlanAggregate({ database: t.database, actor: coordinator, year: '2031' }), 'NOT_FOUND');
  });

  it('turns needs into a plan within a budget frame, approves, publishes; employees see it only when published', async () => {
    const db = t.database;
    await rejects(createCompetencePlan({ database: db, actor: leaders[0]!, input: { year: 2027, title: 'Kompetanseplan 2027' } }), 'FORBIDDEN');
    await rejects(createCompetencePlan({ database: db, actor: coordinator, input: { year: 2031, title: 'X' } }), 'NOT_FOUND');
    await rejects(createCompetencePlan({ database: db, actor: coordinator, input: { year: 2027, title: ' ' } }), 'VALIDATION', 'errors.field.required');
    const { id: planId } = await createCompetencePlan({ database: db, actor: coordinator, input: { year: 2027, title: 'Kompetanseplan 2027', budgetFrameNok: '' } });
    await rejects(createCompetencePlan({ database: db, actor: coordinator, input: { year: 2027, title: 'Igjen' } }), 'CONFLICT', 'competencePlan.errors.planExists');
    await rejects(updateCompetencePlan({ database: db, actor: executive, planId, input: { version: '1', title: 'X', budgetFrameNok: '1' } }), 'FORBIDDEN');
    const framed = await updateCompetencePlan({ database: db, actor: coordinator, planId, input: { version: '1', title: 'Kompetanseplan 2027', budgetFrameNok: '100 000', summary: 'Demens først.' } });
    assert.equal(framed.version, 2);
    await rejects(updateCompetencePlan({ database: db, actor: coordinator, planId, input: { version: '1', title: 'Gammal', budgetFrameNok: '' } }), 'STALE_VERSION');

    const item = (over: Record<string, unknown>) => ({ competenceAreaId: areas.care, measureTypes: ['peer_guidance'], peopleCount: '10', plannedCostNok: '40000', priority: '1', note: '', ...over });
    await rejects(addPlanItem({ database: db, actor: coordinator, planId, input: { planVersion: '2', ...item({ measureTypes: [] }) } }), 'VALIDATION', 'competencePlan.errors.measureRequired');
    await rejects(addPlanItem({ database: db, actor: coordinator, planId, input: { planVersion: '2', ...item({ competenceAreaId: '00000000-0000-4000-8000-000000000000' }) } }), 'VALIDATION', 'competencePlan.errors.areaUnknown');
    await rejects(addPlanItem({ database: db, actor: coordinator, planId, input: { planVersion: '2', ...item({ catalogueMeasureIds: ['00000000-0000-4000-8000-000000000000'] }) } }), 'VALIDATION', 'competencePlan.errors.measureUnknown');
    const a = await addPlanItem({ database: db, actor: coordinator, planId, input: { planVersion: '2', ...item({ measureTypes: ['peer_guidance', 'external_course'] }) } });
    const b = await addPlanItem({ database: db, actor: coordinator, planId, input: { planVersion: String(a.planVersion), ...item({ competenceAreaId: areas.digital, measureTypes: ['e_learning'], plannedCostNok: '50000', priority: '2', peopleCount: '20' }) } });
    // A stale plan version is refused: someone else changed the plan in between.
    await rejects(addPlanItem({ database: db, actor: coordinator, planId, input: { planVersion: String(a.planVersion), ...item({}) } }), 'STALE_VERSION');
    const c = await addPlanItem({ database: db, actor: coordinator, planId, input: { planVersion: String(b.planVersion), ...item({ plannedCostNok: '30000', priority: '1', measureTypes: ['job_shadowing'] }) } });

    let view = await getCompetencePlan({ database: db, actor: coordinator, planId });
    // Priority 1 first (in the order added), then priority 2; the frame of 100,000 runs out at the third.
    assert.deepEqual(view.framed.items.map((i) => [i.id, i.cumulativeNok, i.withinFrame]), [[a.id, 40_000, true], [c.id, 70_000, true], [b.id, 120_000, false]]);
    assert.equal(view.framed.cutIndex, 2);
    assert.equal(view.framed.remainingNok, -20_000);
    assert.equal(view.aggregate?.total.totalNok, 126_000);
    assert.deepEqual({ course: view.mix.course, work: view.mix.work }, { course: 25, work: 15 });
    assert.equal(view.can.edit, true);

    // Lower the digital item and remove one: now everything fits.
    const bItem = view.framed.items.find((i) => i.id === b.id)!;
    const updated = await updatePlanItem({ database: db, actor: coordinator, planId, itemId: b.id, input: { planVersion: String(c.planVersion), version: String(bItem.version), position: String(bItem.position), ...item({ competenceAreaId: areas.digital, measureTypes: ['e_learning'], plannedCostNok: '25000', priority: '2', peopleCount: '20' }) } });
    await rejects(removePlanItem({ database: db, actor: coordinator, planId, itemId: c.id, input: { planVersion: String(updated.planVersion), version: '9' } }), 'STALE_VERSION');
    const removed = await removePlanItem({ database: db, actor: coordinator, planId, itemId: c.id, input: { planVersion: String(updated.planVersion), version: '1' } });
    view = await getCompetencePlan({ database: db, actor: coordinator, planId });
    assert.deepEqual(view.framed.items.map((i) => i.cumulativeNok), [40_000, 65_000]);
    assert.equal(view.framed.cutIndex, null);

    // Drafts: union reps read them (drøfting); employees and leaders do not.
    assert.equal((await getCompetencePlan({ database: db, actor: unionRep, planId })).plan.status, 'draft');
    assert.equal((await getCompetencePlan({ database: db, actor: unionRep, planId })).can.edit, false);
    await rejects(getCompetencePlan({ database: db, actor: employee, planId }), 'NOT_FOUND');
    await rejects(getCompetencePlan({ database: db, actor: leaders[0]!, planId }), 'NOT_FOUND');
    assert.deepEqual((await listCompetencePlans({ database: db, actor: employee })).plans, []);
    assert.deepEqual((await listCompetencePlans({ database: db, actor: unionRep })).plans.map((p) => p.status), ['draft']);

    // The maturity indicator waits for an approved plan.
    const indicator = () => db.withTenant(coordinator.tenantId, (tx) => measurePlanLinkedToBudget(tx, { year: 2027, today: '2026-12-01' }));
    assert.deepEqual(await indicator(), { key: 'planLinkedToBudget', status: 'not_measured', reason: 'nothing_yet' });

    // Approval by the executive, recorded with who and when; publishing is not theirs.
    await rejects(moveCompetencePlan({ database: db, actor: unionRep, planId, input: { version: String(removed.planVersion), to: 'approved' } }), 'FORBIDDEN');
    await rejects(moveCompetencePlan({ database: db, actor: coordinator, planId, input: { version: String(removed.planVersion), to: 'published' } }), 'CONFLICT', 'competencePlan.errors.wrongStatus');
    const at = new Date('2026-12-01T09:00:00Z');
    const approved = await moveCompetencePlan({ database: db, actor: executive, planId, input: { version: String(removed.planVersion), to: 'approved' }, now: at });
    view = await getCompetencePlan({ database: db, actor: coordinator, planId });
    assert.equal(view.plan.status, 'approved');
    assert.equal(view.plan.approvedAt?.toISOString(), at.toISOString());
    assert.equal(view.plan.approvedByAccountId, executive.accountId);
    assert.ok(view.plan.approvedByName);
    assert.equal(view.can.edit, false);
    await rejects(addPlanItem({ database: db, actor: coordinator, planId, input: { planVersion: String(approved.version), ...item({}) } }), 'CONFLICT', 'competencePlan.errors.notDraft');
    // Approved with a frame of 100,000 and both items (65,000) costed within it.
    assert.deepEqual(await indicator(), { key: 'planLinkedToBudget', status: 'measured', numerator: 2, denominator: 2 });
    await rejects(getCompetencePlan({ database: db, actor: employee, planId }), 'NOT_FOUND');
    await rejects(moveCompetencePlan({ database: db, actor: executive, planId, input: { version: String(approved.version), to: 'published' } }), 'FORBIDDEN');
    await moveCompetencePlan({ database: db, actor: coordinator, planId, input: { version: String(approved.version), to: 'published' } });

    // Published: employees see the plan, without the units' needs behind it.
    const seen = await getCompetencePlan({ database: db, actor: employee, planId });
    assert.equal(seen.plan.status, 'published');
    assert.equal(seen.aggregate, null);
    assert.equal(seen.framed.items.length, 2);
    assert.deepEqual(seen.can, { edit: false, approve: false, publish: false, reopen: false });
    assert.deepEqual((await listCompetencePlans({ database: db, actor: employee })).plans.map((p) => p.id), [planId]);
    // Another municipality's coordinator cannot see it.
    await rejects(getCompetencePlan({ database: db, actor: foreignCoordinator, planId }), 'NOT_FOUND');
    await rejects(exportPlanPdf({ database: db, actor: foreignCoordinator, planId, language: 'nn' }), 'NOT_FOUND');

    // The PDF, read back: the coordinator's has the units' needs on a page of its own; in nynorsk with Norwegian letters.
    const pdf = await exportPlanPdf({ database: db, actor: coordinator, planId, language: 'nn' });
    assert.equal(pdf.fileName, 'kompetanseplan-2027.pdf');
    const read = readPdfText(pdf.body);
    assert.equal(read.pageCount, 2);
    assert.ok(read.pages[0]!.includes('Kompetanseplan 2027'));
    assert.match(read.all, /Budsjettramme: 100[\s\u00a0]000 kr/);
    assert.match(read.all, /Demens først\./);
    assert.ok(read.pages[0]!.join(' ').includes('Kollegarettleiing, Eksternt kurs'));
    assert.ok(read.pages[1]!.includes('Behov frå einingane'));
    assert.ok(read.pages[1]!.includes('Oppvekst'));
    // The employee's copy, in English, leaves the needs out.
    const pdfEn = readPdfText((await exportPlanPdf({ database: db, actor: employee, planId, language: 'en' })).body);
    assert.equal(pdfEn.pageCount, 1);
    assert.ok(pdfEn.all.includes('Measures in order of priority'));
    assert.ok(!pdfEn.all.includes('Needs from the units'));

    // The spreadsheet, read back with exceljs: numbers as numbers, ready to paste.
    const xlsx = await exportPlanXlsx({ database: db, actor: coordinator, planId, language: 'nb' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Tiltak')!;
    assert.equal(sheet.getCell('A1').value, 'Kompetanseplan 2027');
    assert.equal(sheet.getCell('B4').value, 'Kompetanseområde');
    assert.deepEqual([sheet.getCell('A5').value, sheet.getCell('B5').value, sheet.getCell('E5').value, sheet.getCell('F5').value, sheet.getCell('G5').value], ['Høy', 'Demens og eldre', 40_000, 40_000, 'Ja']);
    assert.deepEqual([sheet.getCell('B6').value, sheet.getCell('E6').value, sheet.getCell('F6').value], ['Digital kompetanse', 25_000, 65_000]);
    assert.deepEqual([sheet.getCell('A7').value, sheet.getCell('E7').value], ['Sum', 65_000]);
    assert.deepEqual([sheet.getCell('A8').value, sheet.getCell('E8').value], ['Budsjettramme', 100_000]);
    const needs = wb.getWorksheet('Behov per område')!;
    assert.deepEqual([needs.getCell('A2').value, needs.getCell('G2').value], ['Demens og eldre', 68_000]);
    assert.equal(wb.getWorksheet('Behov per sektor')!.getCell('A3').value, 'Oppvekst');
    // Per unit, most costly first: the home (50,000 + 8,000), the school (50,000), the department (18,000); the draft is left out.
    const perUnit = wb.getWorksheet('Behov per enhet')!;
    assert.deepEqual([1, 2, 3, 4].map((r) => [perUnit.getCell(`A${r + 1}`).value, perUnit.getCell(`F${r + 1}`).value]), [['Fjordheimen', 58_000], ['Sentrum skule', 50_000], ['Avdeling 1', 18_000], [null, null]]);
    assert.equal(perUnit.getCell('B3').value, 'Oppvekst');
    // The employee's spreadsheet has the items and the planned 4-year outlook, not the units' needs.
    const wbEmployee = new ExcelJS.Workbook();
    await wbEmployee.xlsx.load((await exportPlanXlsx({ database: db, actor: employee, planId, language: 'nn' })).body as unknown as ArrayBuffer);
    assert.deepEqual(wbEmployee.worksheets.map((w) => w.name), ['Tiltak', '4-årsplan']);
  });
});
