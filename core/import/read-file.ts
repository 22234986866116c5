// Read an uploaded import file into plain string tables. Pure (no database) and total: every
// input, however broken, gives a structured result — a table or a translated problem — and
// never an exception. The type is decided by the bytes (magic numbers), never the file name.
//
//   XLSX (zip): macro workbooks and zip bombs are refused; formulas are refused (paste values);
//               dates become YYYY-MM-DD; percent-formatted numbers become percents.
//   CSV/text:   UTF-8 (with or without BOM) or UTF-16 with BOM. Anything that is not valid
//               UTF-8 is refused with "save as UTF-8": we never guess a legacy encoding.
//               Delimiter ; , or tab, sniffed from the header line.
import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import JSZip from 'jszip';
import { parse as parseCsv } from 'csv-parse/sync';
import { sheetRole } from './fields.ts';

export interface Sheet {
  name: string;
  headers: string[];
  rows: string[][];
  /** The row number in the file (header = 1) of each entry in `rows`. */
  rowNumbers: number[];
}

export interface FileProblem {
  key: string;
  params?: Record<string, string | number>;
}

export type ReadResult = { ok: true; kind: 'csv' | 'xlsx'; employees: Sheet; units: Sheet | null } | { ok: false; problem: FileProblem };

export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
  /** Sum of uncompressed sizes in an XLSX. */
  maxUncompressedBytes: number;
  maxCellLength: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 100 * 1024 * 1024, maxRows: 200_000, maxUncompressedBytes: 100 * 1024 * 1024, maxCellLength: 2000 };

const problem = (key: string, params?: Record<string, string | number>): ReadResult => ({ ok: false, problem: params ? { key, params } : { key } });

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

export async function readImportFile(input: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadResult> {
  try {
    const bytes = input instanceof Buffer ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (bytes.length === 0) return problem('import.file.empty');
    if (bytes.length > limits.maxBytes) return problem('import.file.tooLarge', { limit: `${Math.round(limits.maxBytes / 1024 / 1024)} MB` });
    if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return await readXlsx(bytes, limits);
    if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return problem('import.file.oldExcel');
    if (startsWith(bytes, [0x50, 0x4b])) return problem('import.file.wrongType');
    return readCsv(bytes, limits);
  } catch {
    // A reader library failed on input we did not foresee: still a clear, structured answer.
    return problem('import.file.unreadable');
  }
}

// ---------------------------------------------------------------- CSV

function decodeText(bytes: Buffer): { text: string } | { problem: ReadResult } {
  try {
    if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
    if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le', { fatal: true }).decode(bytes) };
    if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be', { fatal: true }).decode(bytes) };
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { problem: problem('import.file.encoding') };
  }
}

/** Control characters other than tab, CR, LF mean this is not a text table (an image, a PDF, a zip fragment). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control > 0 && control / sample.length > 0.001;
}

/** Pick the delimiter that splits the header line into the most fields (quotes respected). */
export function sniffDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 100_000; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c]++;
  }
  if (counts['\t'] >= counts[';'] && counts['\t'] >= counts[','] && counts['\t'] > 0) return '\t';
  return counts[';'] >= counts[','] ? ';' : ',';
}

function readCsv(bytes: Buffer, limits: ReadLimits): ReadResult {
  const decoded = decodeText(bytes);
  if ('problem' in decoded) return decoded.problem;
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (looksBinary(text)) return problem('import.file.wrongType');
  if (text.trim() === '') return problem('import.file.empty');
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: sniffDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: limits.maxCellLength * 64,
      to_line: limits.maxRows + 2,
    }) as string[][];
  } catch (error) {
    const line = typeof error === 'object' && error && 'lines' in error ? Number((error as { lines: unknown }).lines) : 0;
    return problem('import.file.csvBroken', { line: Number.isFinite(line) && line > 0 ? line : 1 });
  }
  return tableFromRecords('CSV', records, limits, 'csv');
}

function tableFromRecords(name: string, records: string[][], limits: ReadLimits, kind: 'csv' | 'xlsx'): ReadResult {
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return problem('import.file.empty');
  const sheet = toSheet(name, records, headerIndex, limits);
  if ('problem' in sheet) return sheet.problem;
  return { ok: true, kind, employees: sheet, units: null };
}

function toSheet(name: string, records: string[][], headerIndex: number, limits: ReadLimits): Sheet | { problem: ReadResult } {
  const headers = (records[headerIndex] ?? []).map((h) => h.trim());
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  if (headers.length === 0) return { problem: problem('import.file.noHeader') };
  const seen = new Set<string>();
  for (const h of headers) {
    if (h === '') continue;
    if (seen.has(h)) return { problem: problem('import.file.duplicateHeader', { header: h.slice(0, 80) }) };
    seen.add(h);
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const record = records[i]!;
    if (!record.some((c) => c.trim() !== '')) continue;
    if (rows.length >= limits.maxRows) return { problem: problem('import.file.tooManyRows', { max: limits.maxRows }) };
    rows.push(headers.map((_, c) => (record[c] ?? '').trim()));
    rowNumbers.push(i + 1);
  }
  return { name, headers, rows, rowNumbers };
}

// ---------------------------------------------------------------- XLSX

async function readXlsx(bytes: Buffer, limits: ReadLimits): Promise<ReadResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return problem('import.file.wrongType');
  }
  const names = Object.keys(zip.files);
  if (names.some((n) => /vbaProject\.bin$/i.test(n))) return problem('import.file.macro');
  const contentTypes = zip.file('[Content_Types].xml');
  if (!contentTypes || !names.some((n) => /^xl\/workbook\.xml$/i.test(n))) return problem('import.file.wrongType');
  const types = await contentTypes.async('string');
  if (/macroEnabled/i.test(types)) return problem('import.file.macro');
  // Zip-bomb guard: the central directory's declared sizes, before anything is inflated.
  let total = 0;
  for (const n of names) {
    const size = (zip.files[n] as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    total += size;
  }
  if (total > limits.maxUncompressedBytes) return problem('import.file.tooLarge', { limit: `${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB` });
  // The declared sizes can lie (a crafted zip claims 1 kB and inflates to gigabytes), so also
  // inflate every entry as a stream, keeping nothing, and stop as soon as the limit is passed.
  const inflated = await inflatedWithin(zip, limits.maxUncompressedBytes);
  if (inflated === 'tooLarge') return problem('import.file.tooLarge', { limit: `${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB` });
  if (inflated === 'broken') return problem('import.file.unreadable');

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return problem('import.file.unreadable');
  }
  const worksheets = workbook.worksheets.filter((w) => w.state !== 'veryHidden');
  if (worksheets.length === 0) return problem('import.file.empty');
  const employeesWs = worksheets.find((w) => sheetRole(w.name) === 'employees') ?? worksheets.find((w) => sheetRole(w.name) === null) ?? null;
  const unitsWs = worksheets.find((w) => sheetRole(w.name) === 'units') ?? null;
  if (!employeesWs) return problem('import.file.noEmployeeSheet');

  const employees = sheetFromWorksheet(employeesWs, limits);
  if ('problem' in employees) return employees.problem;
  let units: Sheet | null = null;
  if (unitsWs) {
    const u = sheetFromWorksheet(unitsWs, limits);
    if ('problem' in u) return u.problem;
    units = u;
  }
  return { ok: true, kind: 'xlsx', employees, units };
}

async function inflatedWithin(zip: JSZip, limit: number): Promise<'ok' | 'tooLarge' | 'broken'> {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const outcome = await new Promise<'ok' | 'tooLarge' | 'broken'>((resolve) => {
      const stream = entry.nodeStream('nodebuffer') as Readable;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          resolve('tooLarge');
          stream.destroy();
        }
      });
      stream.on('error', () => resolve('broken'));
      stream.on('end', () => resolve('ok'));
    });
    if (outcome !== 'ok') return outcome;
  }
  return 'ok';
}

function sheetFromWorksheet(ws: ExcelJS.Worksheet, limits: ReadLimits): Sheet | { problem: ReadResult } {
  if (ws.rowCount > limits.maxRows + 1) return { problem: problem('import.file.tooManyRows', { max: limits.maxRows }) };
  const records: string[][] = [];
  let failure: ReadResult | null = null;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (failure) return;
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (failure) return;
      const v = cell.value;
      if (cell.formula || (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v))) {
        failure = problem('import.file.formula', { sheet: ws.name, cell: cell.address });
        return;
      }
      values[col - 1] = cellText(cell);
    });
    records[rowNumber - 1] = Array.from(values, (x) => x ?? '');
  });
  if (failure) return { problem: failure };
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { problem: problem('import.file.empty') };
  return toSheet(ws.name, records, headerIndex, limits);
}

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'number') {
    if (typeof cell.numFmt === 'string' && cell.numFmt.includes('%')) return String(Math.round(v * 100 * 100) / 100);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return `#${String(v.error)}`;
  }
  return String(v);
}
