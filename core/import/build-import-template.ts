// The downloadable import template in nynorsk, bokmål or English: XLSX with an employee sheet
// (header row), a unit sheet and an explanation sheet describing every column, or a CSV with
// the header row (UTF-8 with BOM, semicolon — what Excel in Norway opens directly).
import ExcelJS from 'exceljs';
import { translate, type Language } from '../../locales/index.ts';
import { EMPLOYEE_FIELDS, REQUIRED_FIELDS, UNIT_FIELDS, UNIT_KINDS } from './fields.ts';

export interface BuildImportTemplateOptions {
  language: Language;
  format: 'xlsx' | 'csv';
}

export interface ImportTemplate {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const csvCell = (v: string) => (/[";\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function buildImportTemplate(options: BuildImportTemplateOptions): Promise<ImportTemplate> {
  const t = (key: string, params?: Record<string, string | number>) => translate(options.language, key, params);
  const headers = EMPLOYEE_FIELDS.map((f) => t(`import.field.${f}`));
  const base = t('import.template.fileName');
  if (options.format === 'csv') {
    const body = Buffer.from(`\uFEFF${headers.map(csvCell).join(';')}\r\n`, 'utf8');
    return { fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rytme';
  const employees = wb.addWorksheet(t('import.sheet.employees'));
  employees.addRow(headers).font = { bold: true };
  employees.columns.forEach((c) => (c.width = 20));
  employees.views = [{ state: 'frozen', ySplit: 1 }];
  // Codes and numbers stay text so leading zeros survive.
  for (const f of ['employeeNumber', 'unitCode', 'parentUnitCode', 'styrk08', 'ksJobCode'] as const) employees.getColumn(EMPLOYEE_FIELDS.indexOf(f) + 1).numFmt = '@';

  const units = wb.addWorksheet(t('import.sheet.units'));
  units.addRow(UNIT_FIELDS.map((f) => t(`import.field.${f}`))).font = { bold: true };
  units.columns.forEach((c) => (c.width = 24));
  units.getColumn(1).numFmt = '@';
  units.getColumn(3).numFmt = '@';

  const help = wb.addWorksheet(t('import.sheet.explanation'));
  help.addRow([t('import.template.column'), t('import.template.required'), t('import.template.description')]).font = { bold: true };
  help.columns = [{ width: 28 }, { width: 14 }, { width: 100 }];
  help.addRow([t('import.sheet.employees')]).font = { italic: true };
  for (const f of EMPLOYEE_FIELDS) help.addRow([t(`import.field.${f}`), REQUIRED_FIELDS.includes(f) ? t('import.template.yes') : '', t(`import.fieldHelp.${f}`)]);
  help.addRow([]);
  help.addRow([t('import.sheet.units')]).font = { italic: true };
  for (const f of UNIT_FIELDS) help.addRow([t(`import.field.${f}`), f === 'unitCode' || f === 'unitName' ? t('import.template.yes') : '', t(`import.unitHelp.${f}`, { kinds: UNIT_KINDS.join(', ') })]);
  help.addRow([]);
  help.addRow([t('import.template.rules')]);
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body };
}
