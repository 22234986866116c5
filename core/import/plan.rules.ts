// The import plan (pure): compare validated rows with the tenant's current data and decide
// every write — unit creates/renames/moves with recomputed paths, person and employment
// creates/updates (only mapped columns count), and deactivations — plus the row issues that
// need the database to see (duplicates, unknown units and STYRK codes, cycles).
import { createHash, randomUUID } from 'node:crypto';
import { REQUIRED_FOR_NEW, type EmployeeField, type ImportMapping } from './fields.ts';
import type { EmployeeRow, RowIssue, UnitRow } from './row.rules.ts';
import type { EmploymentUpsert, PersonUpsert, UnitUpsert } from '../../db/repositories/import.repository.ts';

export interface DbUnit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  path: string;
  depth: number;
  version: number;
}

export interface DbEmployment {
  employmentId: string;
  employmentVersion: number;
  personId: string;
  personVersion: number;
  employeeNumber: string;
  unitId: string;
  positionTitle: string;
  ftePercent: number;
  styrk08: string | null;
  ksJobCode: string | null;
  occupationalGroup: string | null;
  startDate: string;
  endDate: string | null;
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  birthYear: number | null;
}

export interface DbState {
  units: DbUnit[];
  employments: DbEmployment[];
  /** Level-4 STYRK-08 codes; empty = reference data missing, codes are not checked. */
  styrkCodes: ReadonlySet<string>;
}

export interface UnitWrite extends UnitUpsert {
  isNew: boolean;
}

export interface PersonWrite extends PersonUpsert {
  isNew: boolean;
}

export interface EmploymentWrite extends EmploymentUpsert {
  isNew: boolean;
}

export interface EmployeeChange {
  row: number;
  employeeNumber: string;
  name: string;
  unitCode: string;
  /** Fields that change (updates only). */
  fields: string[];
}

export interface Deactivation {
  employmentId: string;
  personId: string;
  employeeNumber: string;
  name: string;
  unitCode: string;
}

export interface UnitChange {
  code: string;
  name: string;
  parentCode: string | null;
  fields: string[];
}

export interface ImportPlan {
  issues: RowIssue[];
  unitWrites: UnitWrite[];
  personWrites: PersonWrite[];
  employmentWrites: EmploymentWrite[];
  deactivations: Deactivation[];
  creates: EmployeeChange[];
  updates: EmployeeChange[];
  unitCreates: UnitChange[];
  unitUpdates: UnitChange[];
  unchanged: number;
  importDate: string;
}

export interface PlanOptions {
  mapping: ImportMapping;
  /** End active employments whose number is not in the file. */
  endMissing: boolean;
  /** YYYY-MM-DD; the end date for deactivated employments. */
  importDate: string;
  newId?: () => string;
}

const KIND_BY_DEPTH = ['kommune', 'sektor', 'eining', 'avdeling', 'team'] as const;

/** A digest of the rows an import compares with: a commit refuses when it differs from the preview's. */
export function fingerprint(state: DbState): string {
  const hash = createHash('sha256');
  const units = state.units.map((u) => `${u.id}:${u.version}`).sort();
  const emps = state.employments.map((e) => `${e.employmentId}:${e.employmentVersion}:${e.personVersion}`).sort();
  hash.update(units.join(','));
  hash.update('|');
  hash.update(emps.join(','));
  return hash.digest('hex');
}

export function buildPlan(rows: EmployeeRow[], unitRows: UnitRow[], state: DbState, options: PlanOptions): ImportPlan {
  const newId = options.newId ?? randomUUID;
  const header = (field: EmployeeField) => options.mapping[field] ?? field;
  const issues: RowIssue[] = [];

  // 1. Duplicate employee numbers: every later row is an error (the first stays for reference).
  const firstRow = new Map<string, number>();
  const duplicates = new Set<string>();
  for (const r of rows) {
    const first = firstRow.get(r.employeeNumber);
    if (first === undefined) firstRow.set(r.employeeNumber, r.row);
    else {
      duplicates.add(r.employeeNumber);
      issues.push({ row: r.row, column: header('employeeNumber'), key: 'import.row.duplicate', params: { number: r.employeeNumber, first } });
    }
  }

  // 2. Unit definitions from the unit sheet, then from employee rows; conflicting definitions are errors.
  const dbByCode = new Map(state.units.map((u) => [u.code, u]));
  const dbById = new Map(state.units.map((u) => [u.id, u]));
  const defs = new Map<string, UnitRow>();
  for (const u of unitRows) {
    const prev = defs.get(u.unitCode);
    if (!prev) {
      defs.set(u.unitCode, { ...u });
      continue;
    }
    if (u.sheet === 'units' && prev.sheet === 'units') {
      issues.push({ row: u.row, column: 'unitCode', sheet: 'units', key: 'import.row.unitDuplicate', params: { code: u.unitCode, first: prev.row } });
      continue;
    }
    const conflict = (u.unitName && prev.unitName && u.unitName !== prev.unitName) || (u.parentUnitCode && prev.parentUnitCode && u.parentUnitCode !== prev.parentUnitCode);
    if (conflict) {
      issues.push({ row: u.row, column: header(u.unitName && prev.unitName && u.unitName !== prev.unitName ? 'unitName' : 'parentUnitCode'), key: 'import.row.unitConflict', params: { code: u.unitCode, first: prev.row } });
      continue;
    }
    prev.unitName ??= u.unitName;
    prev.parentUnitCode ??= u.parentUnitCode;
  }

  // 3. The target tree: database units, changed or extended by the file.
  interface Target {
    id: string;
    code: string;
    name: string;
    kind: string | null;
    parentCode: string | null;
    isNew: boolean;
    row: number | null;
    sheet: 'units' | 'employees' | null;
  }
  const target = new Map<string, Target>();
  for (const u of state.units) {
    const parent = u.parentId ? dbById.get(u.parentId) : undefined;
    target.set(u.code, { id: u.id, code: u.code, name: u.name, kind: u.kind, parentCode: parent?.code ?? null, isNew: false, row: null, sheet: null });
  }
  for (const d of defs.values()) {
    const existing = target.get(d.unitCode);
    if (existing) {
      if (d.unitName) existing.name = d.unitName;
      if (d.kind) existing.kind = d.kind;
      if (d.parentUnitCode) existing.parentCode = d.parentUnitCode;
      else if (d.sheet === 'units') existing.parentCode = null;
      existing.row = d.row;
      existing.sheet = d.sheet;
    } else if (d.unitName) {
      target.set(d.unitCode, { id: newId(), code: d.unitCode, name: d.unitName, kind: d.kind, parentCode: d.parentUnitCode, isNew: true, row: d.row, sheet: d.sheet });
    }
  }
  let treeBroken = false;
  for (const t of target.values()) {
    if (t.parentCode && !target.has(t.parentCode)) {
      treeBroken = true;
      issues.push({ row: t.row ?? 0, column: t.sheet === 'units' ? 'parentUnitCode' : header('parentUnitCode'), ...(t.sheet === 'units' ? { sheet: 'units' as const } : {}), key: 'import.row.unknownParent', params: { code: t.parentCode } });
    }
  }
  const paths = new Map<string, { path: string; depth: number; parentId: string | null }>();
  if (!treeBroken) {
    for (const t of target.values()) {
      const chain: Target[] = [];
      const seen = new Set<string>();
      let cur: Target | undefined = t;
      let cycle = false;
      while (cur && !paths.has(cur.code)) {
        if (seen.has(cur.code)) {
          cycle = true;
          break;
        }
        seen.add(cur.code);
        chain.push(cur);
        cur = cur.parentCode ? target.get(cur.parentCode) : undefined;
      }
      if (cycle) {
        treeBroken = true;
        issues.push({ row: t.row ?? 0, column: t.sheet === 'units' ? 'parentUnitCode' : header('parentUnitCode'), ...(t.sheet === 'units' ? { sheet: 'units' as const } : {}), key: 'import.row.unitCycle', params: { code: t.code } });
        break;
      }
      for (let i = chain.length - 1; i >= 0; i--) {
        const c = chain[i]!;
        const parent = c.parentCode ? paths.get(c.parentCode) : undefined;
        const parentId = c.parentCode ? target.get(c.parentCode)!.id : null;
        paths.set(c.code, parent ? { path: `${parent.path}/${c.id}`, depth: parent.depth + 1, parentId } : { path: c.id, depth: 0, parentId: null });
      }
    }
  }
  const unitWrites: UnitWrite[] = [];
  const unitCreates: UnitChange[] = [];
  const unitUpdates: UnitChange[] = [];
  if (!treeBroken) {
    for (const t of target.values()) {
      const p = paths.get(t.code)!;
      const kind = t.kind ?? KIND_BY_DEPTH[Math.min(p.depth, KIND_BY_DEPTH.length - 1)]!;
      const write: UnitWrite = { id: t.id, parentId: p.parentId, code: t.code, name: t.name, kind, path: p.path, depth: p.depth, isNew: t.isNew };
      if (t.isNew) {
        unitWrites.push(write);
        unitCreates.push({ code: t.code, name: t.name, parentCode: t.parentCode, fields: [] });
        continue;
      }
      const db = dbById.get(t.id)!;
      const fields: string[] = [];
      if (db.name !== t.name) fields.push('unitName');
      if (db.kind !== kind) fields.push('kind');
      if (db.parentId !== p.parentId) fields.push('parentUnitCode');
      const pathChanged = db.path !== p.path || db.depth !== p.depth;
      if (fields.length || pathChanged) unitWrites.push(write);
      if (fields.length) unitUpdates.push({ code: t.code, name: t.name, parentCode: t.parentCode, fields });
    }
    unitWrites.sort((a, b) => a.depth - b.depth);
  }

  // 4. Employees.
  const dbByNumber = new Map(state.employments.map((e) => [e.employeeNumber, e]));
  const personWrites = new Map<string, PersonWrite>();
  const employmentWrites: EmploymentWrite[] = [];
  const creates: EmployeeChange[] = [];
  const updates: EmployeeChange[] = [];
  let unchanged = 0;
  for (const r of rows) {
    if (duplicates.has(r.employeeNumber)) continue;
    const unit = target.get(r.unitCode);
    let rowValid = true;
    if (!unit) {
      rowValid = false;
      issues.push({ row: r.row, column: header('unitCode'), key: 'import.row.unknownUnit', params: { code: r.unitCode } });
    }
    if (r.styrk08 && state.styrkCodes.size > 0 && !state.styrkCodes.has(r.styrk08)) {
      rowValid = false;
      issues.push({ row: r.row, column: header('styrk08'), key: 'import.row.unknownStyrk', params: { code: r.styrk08 } });
    }
    const existing = dbByNumber.get(r.employeeNumber);
    if (!existing) {
      for (const f of REQUIRED_FOR_NEW) {
        if (r[f as keyof EmployeeRow] === undefined || r[f as keyof EmployeeRow] === null) {
          rowValid = false;
          issues.push({ row: r.row, column: header(f), key: 'import.row.requiredForNew' });
        }
      }
    }
    if (!rowValid || !unit) continue;
    const name = `${r.givenName} ${r.familyName}`;
    if (!existing) {
      const personId = newId();
      personWrites.set(personId, { id: personId, givenName: r.givenName, familyName: r.familyName, email: r.email ?? null, phone: r.phone ?? null, birthYear: r.birthYear ?? null, isNew: true });
      employmentWrites.push({
        id: newId(),
        personId,
        unitId: unit.id,
        employeeNumber: r.employeeNumber,
        positionTitle: r.positionTitle!,
        ftePercent: r.ftePercent!,
        styrk08: r.styrk08 ?? null,
        ksJobCode: r.ksJobCode ?? null,
        occupationalGroup: r.occupationalGroup ?? null,
        startDate: r.startDate!,
        endDate: r.endDate ?? null,
        isNew: true,
      });
      creates.push({ row: r.row, employeeNumber: r.employeeNumber, name, unitCode: r.unitCode, fields: [] });
      continue;
    }
    const personFields: string[] = [];
    const employmentFields: string[] = [];
    const pick = <K extends keyof DbEmployment & keyof EmployeeRow>(key: K, changed: string[]): DbEmployment[K] => {
      const v = r[key];
      if (v === undefined || (v === null && (key === 'positionTitle' || key === 'ftePercent' || key === 'startDate'))) return existing[key];
      if ((v as unknown) !== existing[key]) changed.push(key);
      return v as unknown as DbEmployment[K];
    };
    const person: PersonWrite = {
      id: existing.personId,
      givenName: pick('givenName', personFields),
      familyName: pick('familyName', personFields),
      email: pick('email', personFields),
      phone: pick('phone', personFields),
      birthYear: pick('birthYear', personFields),
      isNew: false,
    };
    const employment: EmploymentWrite = {
      id: existing.employmentId,
      personId: existing.personId,
      unitId: unit.id,
      employeeNumber: existing.employeeNumber,
      positionTitle: pick('positionTitle', employmentFields),
      ftePercent: pick('ftePercent', employmentFields),
      styrk08: pick('styrk08', employmentFields),
      ksJobCode: pick('ksJobCode', employmentFields),
      occupationalGroup: pick('occupationalGroup', employmentFields),
      startDate: pick('startDate', employmentFields),
      endDate: pick('endDate', employmentFields),
      isNew: false,
    };
    if (unit.id !== existing.unitId) employmentFields.push('unitCode');
    if (personFields.length) personWrites.set(person.id, person);
    if (employmentFields.length) employmentWrites.push(employment);
    const fields = [...personFields, ...employmentFields];
    if (fields.length) updates.push({ row: r.row, employeeNumber: r.employeeNumber, name, unitCode: r.unitCode, fields });
    else unchanged++;
  }

  // 5. Deactivations: active employments whose number the file does not have.
  const deactivations: Deactivation[] = [];
  if (options.endMissing) {
    const inFile = new Set(rows.map((r) => r.employeeNumber));
    const unitCodeById = new Map(state.units.map((u) => [u.id, u.code]));
    for (const e of state.employments) {
      if (inFile.has(e.employeeNumber)) continue;
      if (e.endDate !== null && e.endDate <= options.importDate) continue;
      if (e.startDate > options.importDate) continue;
      deactivations.push({ employmentId: e.employmentId, personId: e.personId, employeeNumber: e.employeeNumber, name: `${e.givenName} ${e.familyName}`, unitCode: unitCodeById.get(e.unitId) ?? '' });
    }
  }

  issues.sort((a, b) => (a.sheet === b.sheet ? 0 : a.sheet === 'units' ? -1 : 1) || a.row - b.row);
  return {
    issues,
    unitWrites,
    personWrites: [...personWrites.values()],
    employmentWrites,
    deactivations,
    creates,
    updates,
    unitCreates,
    unitUpdates,
    unchanged,
    importDate: options.importDate,
  };
}
