// A unit's action and development plan as a spreadsheet (XLSX), ready to paste into the
// municipality's economy plan (økonomiplan og handlingsprogram): a sheet with the sections, one
// with the action programme (costs as numbers, with the total), one with the 4-year sketch (rows
// and the sum per year) and one with the evaluation areas. NOT_FOUND when the actor may not see it.
import ExcelJS from 'exceljs';
import type { Database } from '../../db/client.ts';
import { translate, type Language } from '../../locales/index.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { getUnitPlan } from './get-unit-plan.ts';
import { unitPlanDocument } from './unit-plan-document.ts';

export async function exportUnitPlanXlsx({ database, actor, unitId, year, language }: { database: Database; actor: Actor; unitId: unknown; year: unknown; language: Language }): Promise<{ fileName: string; body: Buffer }> {
  const view = await getUnitPlan({ database, actor, unitId, year });
  if (!view.plan) throw notFound();
  const doc = unitPlanDocument(view, language);
  const t = (key: string) => translate(language, key);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rytme';
  const plan = wb.addWorksheet(t('unitPlan.xlsx.sheetPlan'));
  plan.addRow([doc.title]).font = { bold: true, size: 14 };
  plan.addRow([doc.facts.join(' · ')]);
  plan.addRow([]);
  for (const s of doc.sections) {
    plan.addRow([s.heading]).font = { bold: true };
    const row = plan.addRow([s.text]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  plan.addRow([]);
  plan.addRow([t('unitPlan.xlsx.frame'), view.plan.budgetFrameNok]);
  plan.addRow([t('unitPlan.xlsx.competenceBudget'), view.plan.competenceBudgetNok]);
  plan.addRow([t('unitPlan.xlsx.headCount'), view.plan.headCount]);
  plan.addRow([t('unitPlan.xlsx.fte'), view.plan.fteHundredths === null ? null : view.plan.fteHundredths / 100]);
  plan.getColumn(1).width = 90;
  plan.getColumn(2).width = 16;
  plan.getColumn(2).numFmt = '#,##0.##';

  const actions = wb.addWorksheet(t('unitPlan.xlsx.sheetActions'));
  actions.addRow(doc.actions.header).font = { bold: true };
  for (const a of view.actions) actions.addRow([a.title, a.competence, a.responsible, a.timing, a.costNok]);
  actions.addRow([t('unitPlan.actions.total'), '', '', '', view.actionCostNok]).font = { bold: true };
  actions.getColumn(5).numFmt = '#,##0';
  actions.columns.forEach((c, i) => (c.width = [36, 44, 22, 18, 14][i] ?? 14));

  const outlook = wb.addWorksheet(t('unitPlan.xlsx.sheetOutlook'));
  outlook.addRow(doc.outlook.header).font = { bold: true };
  for (const o of view.outlook) outlook.addRow([o.year, o.title, o.competence, o.costNok]);
  outlook.addRow([]);
  outlook.addRow([t('unitPlan.outlook.year'), t('unitPlan.outlook.items'), '', t('unitPlan.outlook.cost')]).font = { bold: true };
  for (const y of view.outlookByYear) outlook.addRow([y.year, y.items.length, '', y.costNok]);
  outlook.getColumn(4).numFmt = '#,##0';
  outlook.columns.forEach((c, i) => (c.width = [10, 36, 44, 14][i] ?? 14));

  const evaluations = wb.addWorksheet(t('unitPlan.xlsx.sheetEvaluations'));
  evaluations.addRow(doc.evaluations.header).font = { bold: true };
  for (const e of view.evaluations) evaluations.addRow([e.title, e.competence, e.responsible]);
  evaluations.columns.forEach((c, i) => (c.width = [36, 50, 22][i] ?? 14));

  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${doc.fileBase}.xlsx`, body };
}
