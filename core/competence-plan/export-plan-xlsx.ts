// The municipal competence plan as a spreadsheet (XLSX), ready to paste into the economy plan:
// one sheet with the prioritised items (numbers as numbers, cumulative cost, within the frame
// or not), the 4-year outlook per area and year, and for readers the units' needs by area, by
// sector and by unit.
import ExcelJS from 'exceljs';
import type { Database } from '../../db/client.ts';
import { aggregateCostByUnit } from '../../db/repositories/competence-plan.repository.ts';
import { translate, type Language } from '../../locales/index.ts';
import type { Actor } from '../shared/actor.ts';
import { getCompetencePlan } from './get-competence-plan.ts';
import { planDocument } from './plan-document.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportPlanXlsx({ database, actor, planId, language }: { database: Database; actor: Actor; planId: unknown; language: Language }): Promise<{ fileName: string; body: Buffer }> {
  const view = await getCompetencePlan({ database, actor, planId });
  const doc = planDocument(view, language);
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rytme';
  const items = wb.addWorksheet(t('competencePlan.xlsx.sheetItems'));
  items.addRow([doc.title]).font = { bold: true, size: 14 };
  items.addRow([doc.facts.join(' · ')]);
  items.addRow([]);
  items.addRow([...doc.items.header, t('competencePlan.xlsx.withinFrame'), t('competencePlan.xlsx.note')]).font = { bold: true };
  for (const i of doc.itemNumbers) items.addRow([t(`competencePlan.priority.${i.priority}`), i.area, i.measures, i.people, i.cost, i.cumulative, i.within ? t('competencePlan.xlsx.yes') : t('competencePlan.xlsx.no'), i.note]);
  items.addRow([t('competencePlan.items.total'), '', '', doc.itemNumbers.reduce((s, i) => s + i.people, 0), doc.itemNumbers.reduce((s, i) => s + i.cost, 0)]).font = { bold: true };
  if (view.plan.budgetFrameNok !== null) items.addRow([t('competencePlan.xlsx.frame'), '', '', '', view.plan.budgetFrameNok]);
  for (const col of [5, 6]) items.getColumn(col).numFmt = '#,##0';
  items.columns.forEach((c, i) => (c.width = [12, 30, 36, 10, 14, 14, 12, 40][i] ?? 12));
  // The 4-year outlook, one row per area and year (numbers as numbers; an empty planned cell = not decided), then the totals per year.
  const outlook = wb.addWorksheet(t('competencePlan.xlsx.sheetOutlook'));
  const withNeeds = view.outlook.withNeeds;
  outlook.addRow([t('competencePlan.outlook.area'), t('competencePlan.outlook.year'), ...(withNeeds ? [t('competencePlan.outlook.needsPeople'), t('competencePlan.outlook.needsCost')] : []), t('competencePlan.outlook.plannedPeople'), t('competencePlan.outlook.plannedCost')]).font = { bold: true };
  const outlookRow = (name: string, c: (typeof view.outlook.totals)[number]) => [name, c.year, ...(withNeeds ? [c.needPeople ?? 0, c.needNok ?? 0] : []), c.plannedPeople, c.plannedNok];
  for (const a of view.outlook.areas) for (const c of a.cells) outlook.addRow(outlookRow(a.areaName, c));
  for (const c of view.outlook.totals) outlook.addRow(outlookRow(t('competencePlan.outlook.total'), c)).font = { bold: true };
  outlook.columns.forEach((c, i) => (c.width = i === 0 ? 32 : 16));
  for (const col of withNeeds ? [4, 6] : [4]) outlook.getColumn(col).numFmt = '#,##0';
  if (view.aggregate) {
    const needs = wb.addWorksheet(t('competencePlan.xlsx.sheetNeeds'));
    needs.addRow([t('competencePlan.needs.area'), t('competencePlan.needs.people'), t('competencePlan.needs.short'), t('competencePlan.needs.long'), t('competencePlan.needs.cost'), t('competencePlan.needs.substitute'), t('competencePlan.needs.total')]).font = { bold: true };
    for (const a of view.aggregate.areas) needs.addRow([a.areaName, a.total.people, a.short.people, a.long.people, a.total.costNok, a.total.substituteCostNok, a.total.totalNok]);
    needs.columns.forEach((c, i) => (c.width = i === 0 ? 32 : 14));
    const sectors = wb.addWorksheet(t('competencePlan.xlsx.sheetSectors'));
    sectors.addRow([t('competencePlan.needs.sector'), t('competencePlan.needs.people'), t('competencePlan.needs.cost'), t('competencePlan.needs.substitute'), t('competencePlan.needs.total')]).font = { bold: true };
    for (const s of view.aggregate.sectors) sectors.addRow([s.sectorName ?? t('competencePlan.needs.noSector'), s.people, s.costNok, s.substituteCostNok, s.totalNok]);
    sectors.columns.forEach((c, i) => (c.width = i === 0 ? 32 : 14));
    const perUnit = await database.withTenant(actor.tenantId, (tx) => aggregateCostByUnit(tx, view.plan.cycleId));
    const units = wb.addWorksheet(t('competencePlan.xlsx.sheetUnits'));
    units.addRow([t('competencePlan.needs.unit'), t('competencePlan.needs.sector'), t('competencePlan.needs.people'), t('competencePlan.needs.cost'), t('competencePlan.needs.substitute'), t('competencePlan.needs.total')]).font = { bold: true };
    for (const u of perUnit) units.addRow([u.unitName, u.sectorName ?? t('competencePlan.needs.noSector'), u.people, u.costNok, u.substituteCostNok, u.costNok + u.substituteCostNok]);
    units.columns.forEach((c, i) => (c.width = i < 2 ? 32 : 14));
  }
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${doc.fileBase}.xlsx`, body };
}
