// Row validation for imports (pure): turn a string table and a column mapping into typed rows
// and row-level issues (row number, column, message key). Every problem a row can have is
// reported — nothing throws — so the preview lists all of them at once.
//
// Formula injection: a cell starting with = + - @ (or tab/CR) in a free-text field (names,
// titles, unit names, groups) is refused, not escaped. Such values are never legitimate
// names, and refusing keeps them out of every later export (CSV/XLSX reports, HR systems)
// where a spreadsheet would execute them. Numeric fields parse as numbers (a leading '-'
// then fails range checks), and phone numbers may start with '+'.
import { z } from 'zod';
import { EMPLOYEE_FIELDS, REQUIRED_FIELDS, UNIT_FIELDS, UNIT_KINDS, fieldForHeader, type EmployeeField, type ImportMapping } from './fields.ts';
import type { Sheet } from './read-file.ts';

export interface RowIssue {
  /** Row number in the file (header = 1); 0 for file-level issues. */
  row: number;
  /** The file's column header (or the field name when the column is missing). */
  column: string;
  key: string;
  params?: Record<string, string | number>;
  /** 'units' when the issue is on the unit sheet. */
  sheet?: 'units';
}

export interface EmployeeRow {
  row: number;
  employeeNumber: string;
  unitCode: string;
  givenName: string;
  familyName: string;
  // undefined = column not mapped (existing value kept); null = empty cell
  email?: string | null;
  phone?: string | null;
  birthYear?: number | null;
  unitName?: string | null;
  parentUnitCode?: string | null;
  positionTitle?: string | null;
  ftePercent?: number | null;
  styrk08?: string | null;
  ksJobCode?: string | null;
  occupationalGroup?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export interface UnitRow {
  row: number;
  sheet: 'units' | 'employees';
  unitCode: string;
  unitName: string | null;
  parentUnitCode: string | null;
  kind: string | null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; key: string; params?: Record<string, string | number> };
const ok = <T,>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (key: string, params?: Record<string, string | number>): Parsed<never> => (params ? { ok: false, key, params } : { ok: false, key });

const FORMULA_START = /^[=+\-@\t\r]/;
const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._\-/ ]*$/u;
const ZEmail = z.email();

function text(max: number, options: { required?: boolean } = {}) {
  return (raw: string): Parsed<string | null> => {
    if (raw === '') return options.required ? bad('errors.field.required') : ok(null);
    if (FORMULA_START.test(raw)) return bad('import.row.formula');
    if (raw.length > max) return bad('errors.field.tooLong', { max });
    return ok(raw);
  };
}

function code(max: number, options: { required?: boolean } = {}) {
  return (raw: string): Parsed<string | null> => {
    if (raw === '') return options.required ? bad('errors.field.required') : ok(null);
    if (raw.length > max) return bad('errors.field.tooLong', { max });
    if (!CODE.test(raw)) return bad('import.row.badCode');
    return ok(raw);
  };
}

function email(raw: string): Parsed<string | null> {
  if (raw === '') return ok(null);
  if (raw.length > 254 || !ZEmail.safeParse(raw).success) return bad('errors.field.format.email');
  return ok(raw.toLowerCase());
}

function phone(raw: string): Parsed<string | null> {
  if (raw === '') return ok(null);
  if (!/^\+?[0-9][0-9 ()-]{2,30}$/.test(raw)) return bad('import.row.badPhone');
  return ok(raw);
}

function number(raw: string): number | null {
  const cleaned = raw.replace(/\s|%/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function birthYear(raw: string, thisYear: number): Parsed<number | null> {
  if (raw === '') return ok(null);
  const n = number(raw);
  if (n === null || !Number.isInteger(n)) return bad('import.row.badYear');
  if (n < 1900 || n > thisYear) return bad('import.row.yearRange', { min: 1900, max: thisYear });
  return ok(n);
}

function fte(raw: string): Parsed<number | null> {
  if (raw === '') return ok(null);
  const n = number(raw);
  if (n === null) return bad('import.row.badNumber');
  if (n <= 0 || n > 100) return bad('import.row.fteRange');
  return ok(Math.round(n * 100) / 100);
}

function styrk(raw: string): Parsed<string | null> {
  if (raw === '') return ok(null);
  if (!/^\d{4}$/.test(raw)) return bad('import.row.badStyrk');
  return ok(raw);
}

/** YYYY-MM-DD, or DD.MM.YYYY as Norwegian HR exports often write it. */
export function parseDate(raw: string): string | null {
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(raw);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  if (y < 1900 || y > 2200) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function dateField(raw: string): Parsed<string | null> {
  if (raw === '') return ok(null);
  const v = parseDate(raw);
  return v ? ok(v) : bad('errors.field.format.date');
}

function parserFor(field: EmployeeField, thisYear: number): (raw: string) => Parsed<unknown> {
  switch (field) {
    case 'employeeNumber':
      return code(50, { required: true });
    case 'unitCode':
      return code(50, { required: true });
    case 'parentUnitCode':
      return code(50);
    case 'givenName':
    case 'familyName':
      return text(200, { required: true });
    case 'unitName':
    case 'positionTitle':
    case 'occupationalGroup':
      return text(200);
    case 'ksJobCode':
      return code(20);
    case 'email':
      return email;
    case 'phone':
      return phone;
    case 'birthYear':
      return (raw) => birthYear(raw, thisYear);
    case 'ftePercent':
      return fte;
    case 'styrk08':
      return styrk;
    case 'startDate':
    case 'endDate':
      return dateField;
  }
}

export interface ParseRowsResult {
  rows: EmployeeRow[];
  units: UnitRow[];
  issues: RowIssue[];
  /** File-level problems (missing required columns); rows are not parsed when there are any. */
  missingColumns: EmployeeField[];
}

/** Which mapped headers exist in the file; a mapping naming absent headers is ignored for those fields. */
export function effectiveMapping(headers: readonly string[], mapping: ImportMapping): ImportMapping {
  const present = new Set(headers);
  const result: ImportMapping = {};
  for (const field of EMPLOYEE_FIELDS) {
    const h = mapping[field];
    if (h && present.has(h)) result[field] = h;
  }
  return result;
}

export function parseEmployeeRows(sheet: Sheet, mappingInput: ImportMapping, options: { thisYear: number }): ParseRowsResult {
  const mapping = effectiveMapping(sheet.headers, mappingInput);
  const missingColumns = REQUIRED_FIELDS.filter((f) => !mapping[f]);
  if (missingColumns.length) return { rows: [], units: [], issues: [], missingColumns };
  const columns = EMPLOYEE_FIELDS.flatMap((field) => {
    const header = mapping[field];
    return header ? [{ field, header, index: sheet.headers.indexOf(header), parse: parserFor(field, options.thisYear) }] : [];
  });
  const rows: EmployeeRow[] = [];
  const units: UnitRow[] = [];
  const issues: RowIssue[] = [];
  for (let i = 0; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!;
    const rowNumber = sheet.rowNumbers[i]!;
    const out: Record<string, unknown> = { row: rowNumber };
    let valid = true;
    for (const c of columns) {
      const parsed = c.parse(cells[c.index] ?? '');
      if (parsed.ok) out[c.field] = parsed.value;
      else {
        valid = false;
        issues.push({ row: rowNumber, column: c.header, key: parsed.key, ...(parsed.params ? { params: parsed.params } : {}) });
      }
    }
    const row = out as unknown as EmployeeRow;
    if (valid && row.startDate && row.endDate && row.endDate < row.startDate) {
      valid = false;
      issues.push({ row: rowNumber, column: mapping.endDate!, key: 'import.row.endBeforeStart' });
    }
    if (!valid) continue;
    rows.push(row);
    if (row.unitName || row.parentUnitCode) {
      units.push({ row: rowNumber, sheet: 'employees', unitCode: row.unitCode, unitName: row.unitName ?? null, parentUnitCode: row.parentUnitCode ?? null, kind: null });
    }
  }
  return { rows, units, issues, missingColumns: [] };
}

/** The unit sheet: columns are recognised by header (all three languages), not mapped. */
export function parseUnitSheet(sheet: Sheet): { units: UnitRow[]; issues: RowIssue[] } {
  const index: Partial<Record<(typeof UNIT_FIELDS)[number], number>> = {};
  sheet.headers.forEach((h, i) => {
    const f = fieldForHeader(h, 'unit') as (typeof UNIT_FIELDS)[number] | undefined;
    if (f && index[f] === undefined) index[f] = i;
  });
  const issues: RowIssue[] = [];
  for (const f of ['unitCode', 'unitName'] as const) {
    if (index[f] === undefined) issues.push({ row: 1, column: f, key: 'import.row.unitSheetMissing', sheet: 'units', params: { column: f } });
  }
  if (issues.length) return { units: [], issues };
  const units: UnitRow[] = [];
  const header = (f: (typeof UNIT_FIELDS)[number]) => sheet.headers[index[f]!] ?? f;
  for (let i = 0; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!;
    const row = sheet.rowNumbers[i]!;
    const get = (f: (typeof UNIT_FIELDS)[number]) => (index[f] === undefined ? '' : (cells[index[f]!] ?? ''));
    const c = code(50, { required: true })(get('unitCode'));
    const n = text(200, { required: true })(get('unitName'));
    const p = code(50)(get('parentUnitCode'));
    const kindRaw = get('kind').toLowerCase();
    let valid = true;
    for (const [f, r] of [['unitCode', c], ['unitName', n], ['parentUnitCode', p]] as const) {
      if (!r.ok) {
        valid = false;
        issues.push({ row, column: header(f), key: r.key, sheet: 'units', ...(r.params ? { params: r.params } : {}) });
      }
    }
    if (kindRaw && !(UNIT_KINDS as readonly string[]).includes(kindRaw)) {
      valid = false;
      issues.push({ row, column: header('kind'), key: 'import.row.badKind', sheet: 'units', params: { kinds: UNIT_KINDS.join(', ') } });
    }
    if (!valid || !c.ok || !n.ok || !p.ok) continue;
    units.push({ row, sheet: 'units', unitCode: c.value!, unitName: n.value, parentUnitCode: p.value, kind: kindRaw || null });
  }
  return { units, issues };
}
