// Unit-plan use cases against the real database: a leader starts the plan of their unit prefilled
// from the org data, the unit's mapping form and the catalogue measures aimed at it; fills and
// hands it in; the executive approves it. Leaders edit only their own units (and those below),
// employees see only approved plans, a stale save is refused and changes nothing, writes are
// audited, and RLS keeps every row to its tenant. Exports read back in the chosen language.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AppError } from '../../core/shared/app-error.ts';
import type { AccountActor } from '../../core/shared/actor.ts';
import { applyWheelTemplate } from '../../core/annual-wheel/apply-wheel-template.ts';
import { createCompetenceArea } from '../../core/mapping/create-competence-area.ts';
import { startMappingForm } from '../../core/mapping/start-mapping-form.ts';
import { submitMappingForm } from '../../core/mapping/submit-mapping-form.ts';
import { createUnitPlan } from '../../core/unit-plan/create-unit-plan.ts';
import { saveUnitPlan } from '../../core/unit-plan/save-unit-plan.ts';
import { prefillUnitPlan } from '../../core/unit-plan/prefill-unit-plan.ts';
import { moveUnitPlan } from '../../core/unit-plan/move-unit-plan.ts';
import { getUnitPlan } from '../../core/unit-plan/get-unit-plan.ts';
import { listUnitPlans } from '../../core/unit-plan/list-unit-plans.ts';
import { exportUnitPlanPdf } from '../../core/unit-plan/export-unit-plan-pdf.ts';
import { exportUnitPlanXlsx } from '../../core/unit-plan/export-unit-plan-xlsx.ts';
import { queryRows } from '../../db/client.ts';
import { auditLog, measures, unitPlanRows, unitPlans } from '../../db/schema/index.ts';
import { readPdfText } from '../support/pdf-text.ts';
import { createTestDatabase, dbErrorMessage, type TestDatabase } from '../support/db.ts';
import { actorFor, addEmploymentFor, createAccount, createPerson, createPublishedMeasure, createTenant, createUnit, makeLeader } from '../support/factories.ts';

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

const YEAR = 2027;

describe('unit plan use cases', () => {
  let t: TestDatabase;
  let tenantId: string;
  let coordinator: AccountActor;
  let executive: AccountActor;
  let homeLeader: AccountActor;
  let sectorLeader: AccountActor;
  let schoolLeader: AccountActor;
  let employee: AccountActor;
  let foreignCoordinator: AccountActor;
  let units: { sector: string; home: string; dept: string; school: string };
  let measureId: string;

  before(async () => {
    t = await createTestDatabase();
    const db = t.database;
    tenantId = (await createTenant(db)).id;
    const root = await createUnit(db, tenantId, { name: 'Flora kommune', kind: 'kommune' });
    const sector = await createUnit(db, tenantId, { parent: root, name: 'Helse og omsorg', kind: 'sektor' });
    const home = await createUnit(db, tenantId, { parent: sector, name: 'Havreneset omsorgssenter', kind: 'eining' });
    const dept = await createUnit(db, tenantId, { parent: home, name: 'Avdeling 2', kind: 'avdeling' });
    const school = await createUnit(db, tenantId, { parent: root, name: 'Krokane skule', kind: 'eining' });
    units = { sector: sector.id, home: home.id, dept: dept.id, school: school.id };
    const leaderOf = async (unitId: string) => {
      const p = await createPerson(db, tenantId, { unitId, ftePercent: 100 });
      await makeLeader(db, tenantId, unitId, p.person.id);
      return actorFor(db, tenantId, await createAccount(db, tenantId, { personId: p.person.id }));
    };
    homeLeader = await leaderOf(home.id);
    sectorLeader = await leaderOf(sector.id);
    schoolLeader = await leaderOf(school.id);
    // The home's subtree: its leader (100 %), two in the department (80 % and 50 %).
    const worker = await createPerson(db, tenantId, { unitId: dept.id, ftePercent: 80 });
    await addEmploymentFor(db, tenantId, (await createPerson(db, tenantId, { unitId: dept.id, ftePercent: 50 })).person.id, { unitId: school.id, ftePercent: 20 });
    employee = await actorFor(db, tenantId, await createAccount(db, tenantId, { personId: worker.person.id }));
    coordinator = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['coordinator'] }));
    executive = await actorFor(db, tenantId, await createAccount(db, tenantId, { roles: ['executive'], displayName: 'Rita Rådmann' }));
    await applyWheelTemplate({ database: db, actor: coordinator, input: { template: 'gloppen', year: YEAR }, language: 'nn' });
    const care = (await createCompetenceArea({ database: db, actor: coordinator, input: { name: 'Demens og eldre' } })).id;
    const digital = (await createCompetenceArea({ database: db, actor: coordinator, input: { name: 'Velferdsteknologi' } })).id;
    const { formId } = await startMappingForm({ database: db, actor: homeLeader, unitId: home.id, input: { year: YEAR } });
    const need = (over: Record<string, unknown>) => ({ term: 'short', competenceAreaId: care, description: '', whyText: '', peopleCount: '1', measureTypes: ['peer_guidance'], priority: '1', costNok: '0', substituteCostNok: '0', ...over });
    await submitMappingForm({
      database: db,
      actor: homeLeader,
      formId,
      input: { version: '1', discussionDate: '2026-10-01', participantsText: 'Personalmøte', needs: [need({ peopleCount: '14', costNok: '30000', substituteCostNok: '45000' }), need({ term: 'long', competenceAreaId: digital, description: 'Sensorteknologi i alle avdelingar', peopleCount: '20' })] },
      now: new Date('2026-10-20T10:00:00Z'),
    });
    // A measure of the year's catalogue aimed at the home, and one aimed elsewhere.
    measureId = await createPublishedMeasure(db, tenantId, { title: 'Demensomsorgens ABC', startDate: `${YEAR}-02-01`, endDate: `${YEAR}-06-01` });
    const elsewhere = await createPublishedMeasure(db, tenantId, { title: 'Lesekurs for lærarar', startDate: `${YEAR}-03-01`, endDate: null });
    await db.withTenant(tenantId, async (tx) => {
      await tx.update(measures).set({ targetUnitIds: [home.id] }).where(eq(measures.id, measureId));
      await tx.update(measures).set({ targetUnitIds: [school.id] }).where(eq(measures.id, elsewhere));
    });
    const other = await createTenant(db);
    await createUnit(db, other.id, { kind: 'kommune' });
    foreignCoordinator = await actorFor(db, other.id, await createAccount(db, other.id, { roles: ['coordinator'] }));
  });
  after(() => t.close());

  it('starts a plan prefilled with the facts, the mapping needs and the catalogue measures of the unit', async () => {
    const created = await createUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR), language: 'nn' });
    assert.equal(created.prefilled, 3);
    const view = await getUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR) });
    assert.equal(view.plan?.status, 'draft');
    // Leader 100 % + 80 % + 50 % in the department (the 20 % at the school is not the home's).
    assert.equal(view.plan?.headCount, 3);
    assert.equal(view.plan?.fteHundredths, 230);
    assert.deepEqual(
      view.actions.map((a) => [a.title, a.costNok, a.catalogueMeasureId]),
      [
        ['Demensomsorgens ABC', null, measureId],
        ['Kompetansebehov: Demens og eldre', 75_000, null],
      ],
    );
    assert.equal(view.actions[1]!.competence, 'Demens og eldre (14 personar)');
    assert.deepEqual(view.outlook.map((o) => [o.year, o.title]), [[YEAR + 1, 'Sensorteknologi i alle avdelingar']]);
    assert.deepEqual(view.outlookByYear.map((y) => y.items.length), [0, 1, 0, 0]);
    assert.deepEqual(view.can, { create: false, edit: true, submit: true, approve: false, sendBack: false, reopen: false, export: true });
    await rejects(createUnitPlan({ database: t.database, actor: coordinator, unitId: units.home, year: String(YEAR), language: 'nn' }), 'CONFLICT', 'unitPlan.errors.planExists');
    // Prefilling again adds nothing that is already there.
    const again = await prefillUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR), language: 'nn', input: { version: String(created.version) } });
    assert.equal(again.added, 0);
  });

  it('lets a leader edit only their own units and those below them', async () => {
    // The school's leader may not start or edit the home's plan, nor see its draft.
    await rejects(createUnitPlan({ database: t.database, actor: schoolLeader, unitId: units.dept, year: String(YEAR), language: 'nn' }), 'FORBIDDEN');
    const view = await getUnitPlan({ database: t.database, actor: schoolLeader, unitId: units.home, year: String(YEAR) });
    assert.equal(view.plan, null);
    assert.equal(view.can.create, false);
    await rejects(saveUnitPlan({ database: t.database, actor: schoolLeader, unitId: units.home, year: String(YEAR), input: { version: '1', actions: [] } }), 'NOT_FOUND');
    // The sector's leader leads the home's parent: may start the department's plan.
    await createUnitPlan({ database: t.database, actor: sectorLeader, unitId: units.dept, year: String(YEAR), language: 'en' });
    const list = await listUnitPlans({ database: t.database, actor: homeLeader, year: String(YEAR) });
    assert.deepEqual(list.entries.map((e) => [e.unitId, e.status]), [[units.home, 'draft'], [units.dept, 'draft']]);
    const schoolList = await listUnitPlans({ database: t.database, actor: schoolLeader, year: String(YEAR) });
    assert.deepEqual(schoolList.entries.map((e) => [e.unitId, e.status, e.canCreate]), [[units.school, null, true]]);
  });

  it('saves the sections and tables; refuses bad input and a stale version, changing nothing', async () => {
    const before = await getUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR) });
    const version = before.plan!.version;
    const input = {
      version: String(version),
      developmentTrends: 'Fleire eldre med demens; rekruttering av sjukepleiarar er vanskeleg.',
      budgetFrameNok: '48 500 000',
      competenceBudgetNok: '350 000',
      economyNote: '',
      serviceStandards: 'Alle bebuarar har primærkontakt.',
      headCount: '3',
      fte: '2,3',
      factsNote: '32 plassar.',
      actions: [
        { title: 'Demensomsorgens ABC', competence: 'Demens og eldre', responsible: 'Fagutviklar', timing: 'Vår', costNok: '60 000', catalogueMeasureId: measureId },
        { title: '', competence: '', responsible: '', timing: '', costNok: '', catalogueMeasureId: '' },
        { title: 'Kollegarettleiing i alle avdelingar', competence: 'Rettleiing', responsible: 'Einingsleiar', timing: 'Heile året', costNok: '15000', catalogueMeasureId: '' },
      ],
      outlook: [
        { year: String(YEAR + 2), title: 'Velferdsteknologi', competence: 'Sensorar', costNok: '80000' },
        { year: String(YEAR), title: 'Demens', competence: '', costNok: '' },
      ],
      evaluations: [{ title: 'Brukartilfredsheit', competence: 'Brukarundersøking kvart år', responsible: 'Einingsleiar' }],
    };
    await rejects(saveUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR), input: { ...input, actions: [input.actions[0], { title: 'X', costNok: 'mykje' }] } }), 'VALIDATION', 'unitPlan.errors.amount');
    await rejects(saveUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR), input: { ...input, outlook: [{ year: String(YEAR + 4), title: 'For seint' }] } }), 'VALIDATION', 'unitPlan.errors.outlookYear');
    const saved = await saveUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR), input });
    assert.equal(saved.version, version + 1);
    // A second editor still on the old version is refused, and the first save stands.
    const stale = await rejects(saveUnitPlan({ database: t.database, actor: coordinator, unitId: units.home, year: String(YEAR), input: { ...input, developmentTrends: 'Overskrive' } }), 'STALE_VERSION');
    assert.equal(stale.messageKey, 'errors.code.STALE_VERSION');
    const view = await getUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR) });
    assert.equal(view.plan!.developmentTrends, input.developmentTrends);
    assert.equal(view.plan!.budgetFrameNok, 48_500_000);
    assert.equal(view.plan!.fteHundredths, 230);
    assert.deepEqual(view.actions.map((a) => a.title), ['Demensomsorgens ABC', 'Kollegarettleiing i alle avdelingar']);
    assert.equal(view.actionCostNok, 75_000);
    // The sketch is kept in year order.
    assert.deepEqual(view.outlook.map((o) => o.year), [YEAR, YEAR + 2]);
    assert.deepEqual(view.outlookByYear.map((y) => y.costNok), [0, 0, 80_000, 0]);
    assert.equal(view.evaluations[0]!.competence, 'Brukarundersøking kvart år');
    const audit = await t.database.withTenant(tenantId, (tx) => tx.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.subjectType, 'unit_plan'), eq(auditLog.subjectId, view.plan!.id))));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['unitPlan.create', 'unitPlan.prefill', 'unitPlan.save']);
  });

  it('shows drafts to the unit, coordinators and executives; employees only once approved', async () => {
    const employeeView = await getUnitPlan({ database: t.database, actor: employee, unitId: units.home, year: String(YEAR) });
    assert.equal(employeeView.plan, null);
    assert.deepEqual(employeeView.actions, []);
    await rejects(exportUnitPlanPdf({ database: t.database, actor: employee, unitId: units.home, year: String(YEAR), language: 'nn' }), 'NOT_FOUND');
    assert.deepEqual((await listUnitPlans({ database: t.database, actor: employee, year: String(YEAR) })).entries, []);
    const execView = await getUnitPlan({ database: t.database, actor: executive, unitId: units.home, year: String(YEAR) });
    assert.equal(execView.plan?.status, 'draft');
    assert.equal(execView.can.edit, false);
    // The executive cannot approve a draft; the leader hands it in; the leader cannot approve it.
    await rejects(moveUnitPlan({ database: t.database, actor: executive, unitId: units.home, year: String(YEAR), input: { version: String(execView.plan!.version), to: 'approved' } }), 'CONFLICT', 'unitPlan.errors.wrongStatus');
    const submitted = await moveUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR), input: { version: String(execView.plan!.version), to: 'submitted' } });
    await rejects(moveUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR), input: { version: String(submitted.version), to: 'approved' } }), 'FORBIDDEN');
    await rejects(saveUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR), input: { version: String(submitted.version) } }), 'CONFLICT', 'unitPlan.errors.notDraft');
    // Sent back with a comment, handed in again, approved.
    const returned = await moveUnitPlan({ database: t.database, actor: executive, unitId: units.home, year: String(YEAR), input: { version: String(submitted.version), to: 'draft', comment: 'Legg til kostnad for vikarar.' } });
    assert.equal((await getUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR) })).plan?.returnComment, 'Legg til kostnad for vikarar.');
    const again = await moveUnitPlan({ database: t.database, actor: homeLeader, unitId: units.home, year: String(YEAR), input: { version: String(returned.version), to: 'submitted' } });
    await moveUnitPlan({ database: t.database, actor: executive, unitId: units.home, year: String(YEAR), input: { version: String(again.version), to: 'approved' }, now: new Date('2027-01-10T09:00:00Z') });
    const approved = await getUnitPlan({ database: t.database, actor: employee, unitId: units.home, year: String(YEAR) });
    assert.equal(approved.plan?.status, 'approved');
    assert.equal(approved.plan?.approvedByName, 'Rita Rådmann');
    assert.equal(approved.plan?.returnComment, null);
    assert.equal(approved.actions.length, 2);
    assert.deepEqual(approved.can, { create: false, edit: false, submit: false, approve: false, sendBack: false, reopen: false, export: true });
    assert.deepEqual((await listUnitPlans({ database: t.database, actor: employee, year: String(YEAR) })).entries.map((e) => [e.unitId, e.status]), [[units.home, 'approved']]);
    const audit = await t.database.withTenant(tenantId, (tx) => tx.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.subjectType, 'unit_plan'), eq(auditLog.subjectId, approved.plan!.id))));
    assert.deepEqual(audit.map((a) => a.action).filter((a) => a !== 'unitPlan.create' && a !== 'unitPlan.prefill' && a !== 'unitPlan.save').sort(), ['unitPlan.approve', 'unitPlan.return', 'unitPlan.submit', 'unitPlan.submit']);
  });

  it('exports the approved plan as a PDF and a spreadsheet in the chosen language', async () => {
    const pdf = await exportUnitPlanPdf({ database: t.database, actor: employee, unitId: units.home, year: String(YEAR), language: 'nn' });
    assert.equal(pdf.fileName, `handlingsplan-havreneset-omsorgssenter-${YEAR}.pdf`);
    const text = readPdfText(pdf.body).all;
    for (const s of ['Handlings- og utviklingsplan 2027 – Havreneset omsorgssenter', 'Godkjend av Rita Rådmann', 'Utviklingstrekk', 'Fleire eldre med demens', 'Område for årleg vurdering', 'Kollegarettleiing i alle avdelingar', '75 000 kr', 'Årsverk: 2,3']) {
      assert.ok(text.replace(/\u00a0/g, ' ').includes(s), `PDF has "${s}"`);
    }
    const en = readPdfText((await exportUnitPlanPdf({ database: t.database, actor: employee, unitId: units.home, year: String(YEAR), language: 'en' })).body).all;
    assert.ok(en.includes('Action and development plan 2027'));
    assert.ok(en.includes('Areas for yearly evaluation'));
    const xlsx = await exportUnitPlanXlsx({ database: t.database, actor: coordinator, unitId: units.home, year: String(YEAR), language: 'nb' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Plan', 'Handlingsprogram', 'Fire år', 'Årlig vurdering']);
    const actions = wb.getWorksheet('Handlingsprogram')!;
    assert.equal(actions.getRow(1).getCell(1).value, 'Tiltak eller mål');
    assert.equal(actions.getRow(2).getCell(5).value, 60_000);
    assert.equal(actions.getRow(4).getCell(5).value, 75_000);
    const outlook = wb.getWorksheet('Fire år')!;
    const sums = [] as Array<[unknown, unknown]>;
    outlook.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number' && row.getCell(2).value !== null && typeof row.getCell(2).value === 'number') sums.push([row.getCell(1).value, row.getCell(4).value]);
    });
    assert.deepEqual(sums, [[YEAR, 0], [YEAR + 1, 0], [YEAR + 2, 80_000], [YEAR + 3, 0]]);
  });

  it('reopens an approved plan for changes (coordinator), and refuses years without a wheel', async () => {
    const view = await getUnitPlan({ database: t.database, actor: coordinator, unitId: units.home, year: String(YEAR) });
    assert.equal(view.can.reopen, true);
    await moveUnitPlan({ database: t.database, actor: coordinator, unitId: units.home, year: String(YEAR), input: { version: String(view.plan!.version), to: 'draft' } });
    const reopened = await getUnitPlan({ database: t.database, actor: employee, unitId: units.home, year: String(YEAR) });
    assert.equal(reopened.plan, null, 'a reopened plan is a draft again, hidden from employees');
    await rejects(getUnitPlan({ database: t.database, actor: coordinator, unitId: units.home, year: '2031' }), 'NOT_FOUND');
    await rejects(getUnitPlan({ database: t.database, actor: coordinator, unitId: 'not-a-uuid', year: String(YEAR) }), 'NOT_FOUND');
  });

  it('keeps plans and rows to their tenant (RLS)', async () => {
    // The other municipality sees none of the rows and cannot reach the unit.
    await rejects(getUnitPlan({ database: t.database, actor: foreignCoordinator, unitId: units.home, year: String(YEAR) }), 'NOT_FOUND');
    const seen = await t.database.withTenant(foreignCoordinator.tenantId, async (tx) => [
      ...(await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from unit_plans`)),
      ...(await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from unit_plan_rows`)),
    ]);
    assert.deepEqual(seen.map((r) => r.n), [0, 0]);
    const own = await t.database.withTenant(tenantId, async (tx) => (await tx.select({ id: unitPlans.id }).from(unitPlans)).length);
    assert.equal(own, 2);
    const [plan] = await t.database.withTenant(tenantId, (tx) => tx.select({ id: unitPlans.id }).from(unitPlans).limit(1));
    const message = await dbErrorMessage(t.database.withTenant(foreignCoordinator.tenantId, (tx) => tx.insert(unitPlanRows).values({ tenantId, planId: plan!.id, section: 'action', position: 9, title: 'Innbrot' })));
    assert.match(message, /row-level security/);
  });
});
