// The unit's roster as a spreadsheet (XLSX) for its leaders and union representatives: one
// sheet with employees × days (shift codes), hours per employee and staffing per shift and
// day; one with the shift types; one with the rules and every broken rule and warning.
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findPeriod } from '../../db/repositories/roster.repository.ts';
import { translate, type Language } from '../../locales/index.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { AppError, AppErrorCode, notFound } from '../shared/app-error.ts';
import { authorize, can } from '../shared/policy.ts';
import { loadContext, periodGrid, periodResource, periodStatus } from './roster-period.ts';
import { dateOfDay, formatMinutes, validateRoster, weekdayOf } from './roster.rules.ts';

export interface ExportRosterXlsxOptions {
  database: Database;
  actor: Actor;
  periodId: string;
  language: Language;
  requestId?: string;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportRosterXlsx({ database, actor, periodId, language, requestId }: ExportRosterXlsxOptions): Promise<{ fileName: string; body: Buffer }> {
  if (!z.uuid().safeParse(periodId).success) throw notFound();
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const loaded = await database.withTenant(actor.tenantId, async (tx) => {
    const period = await findPeriod(tx, periodId);
    if (!period) throw notFound();
    const resource = periodResource(actor, period);
    authorize(actor, 'roster.read', resource);
    if (!can(actor, 'roster.manage', resource) && periodStatus(period) === 'draft') throw notFound();
    if (!period.roster) throw new AppError(AppErrorCode.CONFLICT, { messageKey: 'roster.errors.noRoster' });
    const { ctx } = await loadContext(tx, period);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'roster.export.xlsx', subjectType: 'roster_period', subjectId: periodId, requestId, details: { employees: ctx.employees.length } });
    return { period, ctx, grid: periodGrid(period, ctx) };
  });
  const { period, ctx, grid } = loaded;
  const length = new Map(ctx.shiftTypes.map((s) => [s.code, s.lengthMinutes]));
  const dates = Array.from({ length: ctx.days }, (_, d) => dateOfDay(ctx.startDate, d));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rytme';
  const sheet = wb.addWorksheet(t('roster.xlsx.sheetRoster'));
  sheet.addRow([t('roster.grid.employee'), t('roster.setup.fte'), ...dates.map((d) => `${t(`roster.weekday.${weekdayOf(d)}`)} ${d}`), t('roster.xlsx.totalHours')]).font = { bold: true };
  for (const e of ctx.employees) {
    const row = grid[e.personId]!;
    const minutes = row.reduce((sum, c) => sum + (c ? (length.get(c) ?? 0) : 0), 0);
    sheet.addRow([e.name, e.ftePercent / 100, ...row.map((c) => c ?? ''), formatMinutes(minutes)]);
  }
  sheet.addRow([]);
  for (const s of ctx.shiftTypes) {
    sheet.addRow([t('roster.xlsx.staffed', { code: s.code }), '', ...dates.map((_, d) => ctx.employees.filter((e) => grid[e.personId]![d] === s.code).length)]).font = { italic: true };
  }
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).numFmt = '0%';
  for (let c = 3; c < 3 + ctx.days; c++) sheet.getColumn(c).width = 6;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];

  const shifts = wb.addWorksheet(t('roster.xlsx.sheetShifts'));
  shifts.addRow([t('roster.setup.code'), t('roster.setup.shiftName'), t('roster.setup.start'), t('roster.setup.hours')]).font = { bold: true };
  for (const s of ctx.shiftTypes) shifts.addRow([s.code, s.name, s.start, formatMinutes(s.lengthMinutes)]);
  shifts.columns.forEach((c) => (c.width = 16));

  const rules = wb.addWorksheet(t('roster.xlsx.sheetRules'));
  rules.getColumn(1).width = 60;
  rules.getColumn(2).width = 16;
  rules.addRow([t('roster.ruleSets.ofPeriod')]).font = { bold: true };
  for (const [key, value] of Object.entries(ctx.rules)) rules.addRow([t(`roster.ruleSets.fields.${key}`), key.endsWith('Minutes') ? t('roster.ruleSets.hours', { hours: formatMinutes(value) }) : value]);
  rules.addRow([]);
  rules.addRow([t('roster.issues.title')]).font = { bold: true };
  const issues = validateRoster(ctx, grid);
  if (issues.length === 0) rules.addRow([t('roster.issues.noneHard')]);
  for (const i of issues) rules.addRow([t(i.key, i.params), t(`roster.xlsx.severity.${i.severity}`)]);
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `turnus-${period.startDate}.xlsx`, body };
}
