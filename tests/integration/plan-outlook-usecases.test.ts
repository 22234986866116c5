// The competence plan's 4-year outlook against the real database: mapping needs carry the year
// they are expected in (checked against the cycle; bad years change nothing), the roll-over moves
// them forward with the calendar, the plan adds them up per area and year, the coordinator
// records the plan's own amounts for years 2–4 under the plan's version, who may do and see
// what, and the outlook in the PDF and the spreadsheet.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { createCompetenceArea } from '../../core/mapping/create-competence-area.ts';
import { startMappingForm } from '../../core/mapping/start-mapping-form.ts';
import { saveMappingForm } from '../../core/mapping/save-mapping-form.ts';
import { submitMappingForm } from '../../core/mapping/submit-mapping-form.ts';
import { getMappingForm } from '../../core/mapping/get-mapping-form.ts';
import { getPlanAggregate } from '../../core/competence-plan/get-plan-aggregate.ts';
import { createCompetencePlan } from '../../core/competence-plan/create-competence-plan.ts';
import { addPlanItem } from '../../core/competence-plan/add-plan-item.ts';
import { savePlanOutlook } from '../../core/competence-plan/save-plan-outlook.ts';
import { moveCompetencePlan } from '../../core/competence-plan/move-competence-plan.ts';
import { getCompetencePlan } from '../../core/competence-plan/get-competence-plan.ts';
import { exportPlanPdf } from '../../core/competence-plan/export-plan-pdf.ts';
import { exportPlanXlsx } from '../../core/competence-plan/export-plan-xlsx.ts';
import { auditLog, competencePlanOutlook } from '../../db/schema/index.ts';
import { readPdfText } from '../support/pdf-text.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { actorFor, createAccount, createPerson, createTenant, createUnit, makeLeader } from '../support/factories.ts';

async function rejects(promise: Promise<unknown>, code: string, key?: string, path?: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (key) assert.ok(error.issues.some((i) => i.key === key && (path === undefined || i.path === path)) || error.messageKey === key, `expected ${key} at ${path}, got ${JSON.stringify(error.issues)} ${error.messageKey}`);
    return;
  }
  assert.fail(`expected ${code}`);
}

describe('the 4-year outlook', () => {
  let t: TestDatabase;
  let tenantId: string;
  let coordinator: AccountActor;
  let executive: AccountActor;
  let unionRep: AccountActor;
  let employee: AccountActor;
  let leaderA: AccountActor;
  let leaderB: AccountActor;
  let foreignCoordinator: AccountActor;
  let unitA: string;
  let unitB: string;
  let formA: string;
  let planId: string;
  let areas: { care: string; digital: string; lead: string };
  const autumn = new Date('2026-10-20T10:00:00Z');
  const need = (over: Record<string, unknown>) => ({ term: 'short', competenceAreaId: areas.care, description: '', whyText: '', peopleCount: '1', measureTypes: ['peer_guidance'], priority: '2', costNok: '0', substituteCostNok: '0', ...over });
  const content = (version: number | string, needs: Array<Record<string, unknown>>) => ({ version: String(version), discussionDate: '2026-10-01', participantsText: 'Personalmøte', needs: needs.map(need) });

  before(async () => {
    t = await createTestDatabase();
    const db = t.database;
    tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { name: 'Florø kommune', kind: 'kommune' });
    const health = await createUnit(db, tenantId, { parent: root, name: 'Helse', kind: 'sektor' });
    const a = await createUnit(db, tenantId, { parent: health, name: 'Eikefjord omsorgssenter', kind: 'eining' });
    const b = await createUnit(db, tenantId, { parent: health, name: 'Heimetenesta', kind: 'eining' });
    unitA = a.id;
    unitB = b.id;
    const pa = await createPerson(db, tenantId, { unitId: a.id });
    await makeLeader(db, tenantId, a.id, pa.person.id);
    leaderA = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: pa.person.id }));
    const pb = await createPerson(db, tenantId, { unitId: b.id });
    await makeLeader(db, tenantId, b.id, pb.person.id);
    leaderB = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: pb.person.id }));
    const worker = await createPerson(db, tenantId, { unitId: a.id });
    employee = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: worker.person.id }));
    coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'] }));
    executive = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['executive'] }));
    unionRep = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['union_rep'] }));
    const other = await createTenant(db);
    await createUnit(db, other.id, { kind: 'kommune' });
    foreignCoordinator = await actorFor(db, other.id, await createAccount(db, other.id, { roles: ['coordinator'] }));
    await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year: 2027 }, language: 'nn' });
    await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year: 2028 }, language: 'nn' });
    areas = {
      care: (await createCompetenceArea({ database: db, actor: coordinator, input: { name: 'Demens' } })).id,
      digital: (await createCompetenceArea({ database: db, actor: coordinator, input: { name: 'Velferdsteknologi' } })).id,
      lead: (await createCompetenceArea({ database: db, actor: coordinator, input: { name: 'Leiing' } })).id,
    };
    formA = (await startMappingForm({ database: db, actor: leaderA, unitId: unitA, input: { year: 2027 } })).formId;
  });
  after(() => t.close());

  it('checks each need year against the cycle; a bad year changes nothing', async () => {
    const db = t.database;
    const saved = await saveMappingForm({ database: db, actor: leaderA, formId: formA, input: content(1, [{ peopleCount: '2' }]) });
    const before = await getMappingForm({ database: db, actor: leaderA, unitId: unitA, year: '2027' });
    await rejects(saveMappingForm({ database: db, actor: leaderA, formId: formA, input: content(saved.version, [{ peopleCount: '9' }, { term: 'long', year: '2031', peopleCount: '9' }]) }), 'VALIDATION', 'mapping.errors.yearOutOfRange', 'needs.1.year');
    await rejects(saveMappingForm({ database: db, actor: leaderA, formId: formA, input: content(saved.version, [{ term: 'long', year: '2027' }]) }), 'VALIDATION', 'mapping.errors.yearOutOfRange', 'needs.0.year');
    await rejects(saveMappingForm({ database: db, actor: leaderA, formId: formA, input: content(saved.version, [{ term: 'short', year: '2028' }]) }), 'VALIDATION', 'mapping.errors.shortTermYear', 'needs.0.year');
    await rejects(submitMappingForm({ database: db, actor: leaderA, formId: formA, input: content(saved.version, [{ term: 'long', year: 'seinare' }]), now: autumn }), 'VALIDATION', undefined);
    const after = await getMappingForm({ database: db, actor: leaderA, unitId: unitA, year: '2027' });
    assert.equal(after.form!.version, before.form!.version);
    assert.equal(after.form!.status, 'draft');
    assert.deepEqual(after.form!.needs.map((n) => [n.term, n.year, n.peopleCount]), [['short', 2027, 2]]);
  });

  it('hands in needs per year and adds them up per area and year for the outlook', async () => {
    const db = t.database;
    const current = await getMappingForm({ database: db, actor: leaderA, unitId: unitA, year: '2027' });
    await submitMappingForm({
      database: db,
      actor: leaderA,
      formId: formA,
      input: content(current.form!.version, [
        { peopleCount: '5', costNok: '10000', substituteCostNok: '5000' },
        { term: 'long', year: '2029', peopleCount: '3', costNok: '30000' },
        // no year: a long-term need defaults to next year
        { term: 'long', year: '', competenceAreaId: areas.digital, peopleCount: '2', costNok: '8000' },
      ]),
      now: autumn,
    });
    const formB = (await startMappingForm({ database: db, actor: leaderB, unitId: unitB, input: { year: 2027 } })).formId;
    await submitMappingForm({ database: db, actor: leaderB, formId: formB, input: content(1, [{ term: 'long', year: '2030', competenceAreaId: areas.digital, peopleCount: '4', costNok: '20000' }]), now: autumn });
    const shown = await getMappingForm({ database: db, actor: leaderA, unitId: unitA, year: '2027' });
    assert.deepEqual(shown.form!.needs.map((n) => [n.term, n.year]), [['short', 2027], ['long', 2029], ['long', 2028]]);

    const view = await getPlanAggregate({ database: db, actor: coordinator, year: '2027' });
    const outlook = view.outlook!;
    assert.deepEqual(outlook.years, [2027, 2028, 2029, 2030]);
    assert.deepEqual(outlook.areas.map((a) => a.areaName), ['Demens', 'Velferdsteknologi']);
    assert.deepEqual(outlook.areas[0]!.cells.map((c) => [c.needPeople, c.needNok]), [[5, 15_000], [0, 0], [3, 30_000], [0, 0]]);
    assert.deepEqual(outlook.areas[1]!.cells.map((c) => [c.needPeople, c.needNok]), [[0, 0], [2, 8_000], [0, 0], [4, 20_000]]);
    assert.deepEqual(outlook.totals.map((c) => c.needNok), [15_000, 8_000, 30_000, 20_000]);
  });

  it('rolls the needs over into next year: what has come due is short-term now, the rest keeps its year', async () => {
    const db = t.database;
    const rolled = await startMappingForm({ database: db, actor: leaderA, unitId: unitA, input: { year: 2028, rollOver: true } });
    assert.equal(rolled.carriedOver, 3);
    const next = await getMappingForm({ database: db, actor: leaderA, unitId: unitA, year: '2028' });
    assert.deepEqual(next.form!.needs.map((n) => [n.term, n.year, n.carriedOver]), [['short', 2028, true], ['long', 2029, true], ['short', 2028, true]]);
    // The rolled-over form saves as it is: every year is valid for the new cycle.
    const saved = await saveMappingForm({ database: db, actor: leaderA, formId: next.form!.id, input: { ...content(next.form!.version, []), needs: next.form!.needs.map((n) => ({ ...need({}), term: n.term, year: String(n.year), competenceAreaId: n.competenceAreaId, peopleCount: String(n.peopleCount), carriedOver: 'true' })) } });
    assert.ok(saved.version > next.form!.version);
  });

  it('records the plan’s own outlook under the plan’s version; bad input and stale edits change nothing', async () => {
    const db = t.database;
    planId = (await createCompetencePlan({ database: db, actor: coordinator, input: { year: 2027, title: 'Kompetanseplan 2027', budgetFrameNok: '100000' } })).id;
    const item = await addPlanItem({ database: db, actor: coordinator, planId, input: { planVersion: '1', competenceAreaId: areas.care, measureTypes: ['peer_guidance'], peopleCount: '4', plannedCostNok: '40000', priority: '1', note: '' } });
    const entries = [
      { competenceAreaId: areas.care, year: '2028', plannedCostNok: '50 000', peopleCount: '' },
      { competenceAreaId: areas.digital, year: '2030', plannedCostNok: '15000', peopleCount: '3' },
      { competenceAreaId: areas.lead, year: '2029', plannedCostNok: '', peopleCount: '' },
    ];
    const version = item.planVersion;
    const stored = () => db.withTenant(tenantId, (tx) => tx.select().from(competencePlanOutlook).where(eq(competencePlanOutlook.planId, planId)));

    // Who may: the coordinator (and tenant administrators); nobody else.
    for (const actor of [executive, unionRep, leaderA, employee]) await rejects(savePlanOutlook({ database: db, actor, planId, input: { planVersion: String(version), entries } }), 'FORBIDDEN');
    await rejects(savePlanOutlook({ database: db, actor: foreignCoordinator, planId, input: { planVersion: String(version), entries } }), 'NOT_FOUND');
    // Bad input: a year outside the three after the plan year, an unknown area, a negative amount; nothing saved, version unchanged.
    await rejects(savePlanOutlook({ database: db, actor: coordinator, planId, input: { planVersion: String(version), entries: [...entries, { competenceAreaId: areas.care, year: '2027', plannedCostNok: '1', peopleCount: '' }] } }), 'VALIDATION', 'competencePlan.errors.outlookYear', 'entries.3.year');
    await rejects(savePlanOutlook({ database: db, actor: coordinator, planId, input: { planVersion: String(version), entries: [{ competenceAreaId: '00000000-0000-4000-8000-000000000099', year: '2028', plannedCostNok: '1', peopleCount: '' }] } }), 'VALIDATION', 'competencePlan.errors.areaUnknown', 'entries.0.competenceAreaId');
    await rejects(savePlanOutlook({ database: db, actor: coordinator, planId, input: { planVersion: String(version), entries: [{ ...entries[0]!, plannedCostNok: '-1' }] } }), 'VALIDATION', undefined);
    await rejects(savePlanOutlook({ database: db, actor: coordinator, planId, input: { planVersion: String(version), entries: [{ ...entries[0]!, plannedCostNok: '', peopleCount: '2' }] } }), 'VALIDATION', 'competencePlan.errors.outlookAmountRequired', 'entries.0.plannedCostNok');
    assert.equal((await stored()).length, 0);
    assert.equal((await getCompetencePlan({ database: db, actor: coordinator, planId })).plan.version, version);

    const saved = await savePlanOutlook({ database: db, actor: coordinator, planId, input: { planVersion: String(version), entries } });
    assert.equal(saved.entries, 2);
    assert.equal(saved.planVersion, version + 1);
    // A second save on the version read before is refused and leaves the first one as it was.
    await rejects(savePlanOutlook({ database: db, actor: coordinator, planId, input: { planVersion: String(version), entries: [] } }), 'STALE_VERSION');
    assert.deepEqual((await stored()).map((r) => [r.year, r.plannedCostNok, r.peopleCount]).sort(), [[2028, 50_000, null], [2030, 15_000, 3]]);
    const audited = await db.withTenant(tenantId, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, 'competencePlan.outlook.save')));
    assert.equal(audited.length, 1);

    // The plan: year 1 from the items, years 2–4 from the recorded outlook, the units' needs alongside.
    for (const reader of [coordinator, executive, unionRep]) {
      const { outlook } = await getCompetencePlan({ database: db, actor: reader, planId });
      assert.equal(outlook.withNeeds, true);
      const care = outlook.areas.find((a) => a.areaId === areas.care)!;
      assert.deepEqual(care.cells.map((c) => [c.needNok, c.plannedNok, c.plannedPeople]), [[15_000, 40_000, 4], [0, 50_000, null], [30_000, null, null], [0, null, null]]);
      assert.deepEqual(outlook.totals.map((c) => c.plannedNok), [40_000, 50_000, null, 15_000]);
    }
    // Leaders and employees do not see a draft at all.
    await rejects(getCompetencePlan({ database: db, actor: employee, planId }), 'NOT_FOUND');
  });

  it('freezes the outlook with the plan, shows the published outlook to everyone without the needs, and exports it', async () => {
    const db = t.database;
    const { plan } = await getCompetencePlan({ database: db, actor: coordinator, planId });
    const approved = await moveCompetencePlan({ database: db, actor: executive, planId: plan.id, input: { version: String(plan.version), to: 'approved' } });
    await rejects(savePlanOutlook({ database: db, actor: coordinator, planId: plan.id, input: { planVersion: String(approved.version), entries: [] } }), 'CONFLICT', 'competencePlan.errors.notDraft');
    await moveCompetencePlan({ database: db, actor: coordinator, planId: plan.id, input: { version: String(approved.version), to: 'published' } });
    const published = await getCompetencePlan({ database: db, actor: employee, planId: plan.id });
    assert.equal(published.outlook.withNeeds, false);
    assert.ok(published.outlook.areas.every((a) => a.cells.every((c) => c.needNok === null)));
    assert.deepEqual(published.outlook.totals.map((c) => c.plannedNok), [40_000, 50_000, null, 15_000]);

    // PDF: the coordinator's has needs and planned per year; the employee's (English) only planned.
    const pdf = readPdfText((await exportPlanPdf({ database: db, actor: coordinator, planId: plan.id, language: 'nn' })).body);
    assert.ok(pdf.all.includes('4-årsplan'));
    assert.ok(pdf.all.includes('2030 (År 4)'));
    assert.match(pdf.all, /Behov, kr/);
    assert.match(pdf.all, /50[\s\u00a0]000 kr/);
    assert.ok(pdf.all.includes('ikkje bestemt'));
    const pdfEn = readPdfText((await exportPlanPdf({ database: db, actor: employee, planId: plan.id, language: 'en' })).body);
    assert.ok(pdfEn.all.includes('Four-year outlook'));
    assert.ok(pdfEn.all.includes('not decided'));
    assert.ok(!pdfEn.all.includes('Needs, NOK'));

    // XLSX: the "4-årsplan" sheet, one row per area and year, numbers as numbers, empty = not decided.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportPlanXlsx({ database: db, actor: coordinator, planId: plan.id, language: 'nb' })).body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('4-årsplan')!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['Kompetanseområde', 'År', 'Behov, personer', 'Behov, kr', 'Planlagt, personer', 'Planlagt, kr']);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(`${String(row.getCell(1).value)}:${String(row.getCell(2).value)}`, [1, 2, 3, 4, 5, 6].map((c) => row.getCell(c).value));
    });
    assert.deepEqual(rows.get('Demens:2027'), ['Demens', 2027, 5, 15_000, 4, 40_000]);
    assert.deepEqual(rows.get('Demens:2029')!.slice(0, 4), ['Demens', 2029, 3, 30_000]);
    assert.equal(rows.get('Demens:2029')![5], null);
    assert.deepEqual(rows.get('Velferdsteknologi:2030'), ['Velferdsteknologi', 2030, 4, 20_000, 3, 15_000]);
    assert.deepEqual(rows.get('Sum:2028'), ['Sum', 2028, 2, 8_000, null, 50_000]);
    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await exportPlanXlsx({ database: db, actor: employee, planId: plan.id, language: 'en' })).body as unknown as ArrayBuffer);
    assert.deepEqual(en.worksheets.map((w) => w.name), ['Measures', 'Four-year outlook']);
    assert.deepEqual((en.getWorksheet('Four-year outlook')!.getRow(1).values as unknown[]).slice(1), ['Competence area', 'Year', 'Planned, people', 'Planned, NOK']);
  });
});
