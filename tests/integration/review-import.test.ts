// Review findings on the HR import: an XLSX whose zip directory under-states the entry sizes
// must be refused by the inflate limit before the workbook is inflated into memory.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readImportFile } from '../../core/import/read-file.ts';

async function lyingXlsx(paddingBytes: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Tilsette').addRow(['Tilsettnummer', 'Fornamn']);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const name = Object.keys(zip.files).find((n) => /worksheets\/sheet1\.xml$/.test(n))!;
  const big = (await zip.file(name)!.async('string')).replace('<sheetData>', `<sheetData>${' '.repeat(paddingBytes)}`);
  zip.file(name, big);
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  // Claim 1000 bytes for the big entry in both the central directory and the local header.
  let patched = 0;
  for (let i = 0; i < out.length - 30; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x02014b50 && out.readUInt32LE(i + 24) === big.length) (out.writeUInt32LE(1000, i + 24), patched++);
    if (sig === 0x04034b50 && out.readUInt32LE(i + 22) === big.length) (out.writeUInt32LE(1000, i + 22), patched++);
  }
  assert.equal(patched, 2);
  return out;
}

describe('review: import file limits', () => {
  it('refuses an XLSX that inflates past the limit although its directory claims it is small', async () => {
    const file = await lyingXlsx(24 * 1024 * 1024);
    assert.ok(file.length < 100_000, 'the bomb itself is small');
    const result = await readImportFile(file, { maxBytes: 20 * 1024 * 1024, maxRows: 1000, maxUncompressedBytes: 4 * 1024 * 1024, maxCellLength: 2000 });
    assert.deepEqual(result, { ok: false, problem: { key: 'import.file.tooLarge', params: { limit: '4 MB' } } });
  });

  it('still reads an honest workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tilsette');
    ws.addRow(['Tilsettnummer', 'Fornamn']);
    ws.addRow(['1001', 'Kari']);
    const result = await readImportFile(Buffer.from(await wb.xlsx.writeBuffer()));
    assert.equal(result.ok, true);
    if (result.ok) assert.deepEqual(result.employees.rows, [['1001', 'Kari']]);
  });
});
