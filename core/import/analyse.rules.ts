// Read a stored import file and validate its rows with a mapping (pure): the shared first half
// of preview and commit. File-level problems come back as a single issue.
import type { ImportMapping } from './fields.ts';
import { cachedRead, readImportFileCached } from './read-cache.ts';
import { parseEmployeeRows, parseUnitSheet, type EmployeeRow, type RowIssue, type UnitRow } from './row.rules.ts';

export interface Analysis {
  rows: EmployeeRow[];
  units: UnitRow[];
  issues: RowIssue[];
  rowCount: number;
  /** A file-level problem (unreadable, missing columns): nothing else is meaningful. */
  fileProblem: RowIssue | null;
}

/** `file` is the stored file, loaded only when this process has not parsed it already (by `hash`). */
export async function analyseFile(file: { hash: string | undefined; load: () => Promise<Uint8Array> }, mapping: ImportMapping, thisYear: number): Promise<Analysis> {
  const read = (file.hash ? cachedRead(file.hash) : null) ?? (await readImportFileCached(await file.load()));
  if (!read.ok) return { rows: [], units: [], issues: [], rowCount: 0, fileProblem: { row: 0, column: '', key: read.problem.key, ...(read.problem.params ? { params: read.problem.params } : {}) } };
  const parsed = parseEmployeeRows(read.employees, mapping, { thisYear });
  if (parsed.missingColumns.length) {
    return { rows: [], units: [], issues: [], rowCount: read.employees.rows.length, fileProblem: { row: 0, column: '', key: 'import.file.missingColumns', params: { columns: parsed.missingColumns.join(', ') } } };
  }
  const unitSheet = read.units ? parseUnitSheet(read.units) : { units: [], issues: [] };
  return {
    rows: parsed.rows,
    units: [...unitSheet.units, ...parsed.units],
    issues: [...unitSheet.issues, ...parsed.issues],
    rowCount: read.employees.rows.length,
    fileProblem: null,
  };
}
