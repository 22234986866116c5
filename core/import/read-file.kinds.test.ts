// The named bad-file kinds at the reader level (macro workbooks, zip bombs, row limits, old
// Excel), and the template: every language's template reads back with all headers recognised.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DEFAULT_LIMITS, readImportFile } from './read-file.ts';
import { buildImportTemplate } from './build-import-template.ts';
import { EMPLOYEE_FIELDS, fieldForHeader, suggestMapping } from './fields.ts';
import { parseUnitSheet } from './row.rules.ts';

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readImportFile: file kinds', () => {
  it('refuses a macro workbook by its content, whatever the name', async () => {
    const plain = await workbook((wb) => wb.addWorksheet('A').addRow(['Tilsettnummer']));
    const zip = await JSZip.loadAsync(plain);
    zip.file('xl/vbaProject.bin', Buffer.from('macro'));
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const result = await readImportFile(bytes);
    assert.deepEqual(result, { ok: false, problem: { key: 'import.file.macro' } });
  });

  it('refuses a zip bomb before inflating it', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', 'A'.repeat(5_000_000), { compression: 'DEFLATE' });
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    assert.ok(bytes.length < 100_000);
    const result = await readImportFile(bytes, { ...DEFAULT_LIMITS, maxUncompressedBytes: 1_000_000 });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.problem.key, 'import.file.tooLarge');
  });

  it('refuses too many rows in CSV and XLSX', async () => {
    const limits = { ...DEFAULT_LIMITS, maxRows: 5 };
    const csv = Buffer.from(['a;b', ...Array.from({ length: 6 }, (_, i) => `${i};x`)].join('\n'));
    const r1 = await readImportFile(csv, limits);
    assert.equal(!r1.ok && r1.problem.key, 'import.file.tooManyRows');
    const xlsx = await workbook((wb) => {
      const ws = wb.addWorksheet('A');
      ws.addRow(['a', 'b']);
      for (let i = 0; i < 6; i++) ws.addRow([i, 'x']);
    });
    const r2 = await readImportFile(xlsx, limits);
    assert.equal(!r2.ok && r2.problem.key, 'import.file.tooManyRows');
  });

  it('reads numbers, percents, dates and rich text from cells', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Employees');
      ws.addRow(['n', 'pct', 'date', 'rich']);
      const row = ws.addRow([100042, 0.8, new Date(Date.UTC(2021, 7, 1)), { richText: [{ text: 'Kari ' }, { text: 'Nordmann' }] }]);
      row.getCell(2).numFmt = '0%';
    });
    const result = await readImportFile(bytes);
    assert.ok(result.ok);
    if (result.ok) assert.deepEqual(result.employees.rows, [['100042', '80', '2021-08-01', 'Kari Nordmann']]);
  });
});

describe('import template', () => {
  for (const language of ['nn', 'nb', 'en'] as const) {
    it(`reads back the ${language} template: every header recognised, unit sheet found`, async () => {
      const xlsx = await buildImportTemplate({ language, format: 'xlsx' });
      const result = await readImportFile(xlsx.body);
      assert.ok(result.ok, JSON.stringify(result));
      if (!result.ok) return;
      assert.equal(result.employees.rows.length, 0);
      assert.deepEqual(Object.keys(suggestMapping(result.employees.headers, null)).sort(), [...EMPLOYEE_FIELDS].sort());
      assert.ok(result.units);
      assert.deepEqual(parseUnitSheet(result.units!).issues, []);
      assert.deepEqual(result.units!.headers.map((h) => fieldForHeader(h, 'unit')), ['unitCode', 'unitName', 'parentUnitCode', 'kind']);
      const csv = await buildImportTemplate({ language, format: 'csv' });
      const r = await readImportFile(csv.body);
      assert.ok(r.ok);
      if (r.ok) assert.equal(Object.keys(suggestMapping(r.employees.headers, null)).length, EMPLOYEE_FIELDS.length);
    });
  }
});
