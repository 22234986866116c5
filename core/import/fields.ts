// The import format: one row per employment (fields below), and optionally a sheet of units.
// Headers are recognised in nynorsk, bokmål and English (the template's headers), by the
// field's code name, and by a few common HR-system aliases; a stored tenant mapping wins.
// docs/import.md documents every column.
import { LANGUAGES, translate } from '../../locales/index.ts';

export const EMPLOYEE_FIELDS = [
  'employeeNumber',
  'givenName',
  'familyName',
  'email',
  'phone',
  'birthYear',
  'unitCode',
  'unitName',
  'parentUnitCode',
  'positionTitle',
  'ftePercent',
  'styrk08',
  'ksJobCode',
  'occupationalGroup',
  'startDate',
  'endDate',
] as const;
export type EmployeeField = (typeof EMPLOYEE_FIELDS)[number];

/** Columns every file must have (mapped). */
export const REQUIRED_FIELDS: readonly EmployeeField[] = ['employeeNumber', 'givenName', 'familyName', 'unitCode'];
/** Columns a new employment needs a value in (existing employments keep their value when unmapped). */
export const REQUIRED_FOR_NEW: readonly EmployeeField[] = ['positionTitle', 'ftePercent', 'startDate'];

export const UNIT_FIELDS = ['unitCode', 'unitName', 'parentUnitCode', 'kind'] as const;
export type UnitField = (typeof UNIT_FIELDS)[number];
export const UNIT_KINDS = ['kommune', 'sektor', 'eining', 'avdeling', 'team'] as const;

export type ImportMapping = Partial<Record<EmployeeField, string>>;

/** Extra header spellings seen in HR-system exports (compared after normalising). */
const ALIASES: Partial<Record<EmployeeField | UnitField, string[]>> = {
  employeeNumber: ['ansattnr', 'ansattnummer', 'tilsettnr', 'tilsettnummer', 'tilsetjingsnummer', 'employeeno', 'employeeid', 'empno', 'ressursnr', 'ressursnummer'],
  givenName: ['fornavn', 'fornamn', 'firstname', 'givenname'],
  familyName: ['etternavn', 'etternamn', 'lastname', 'surname', 'familyname'],
  email: ['epost', 'epostadresse', 'email', 'mail'],
  phone: ['telefon', 'mobil', 'mobiltelefon', 'phone', 'mobile'],
  birthYear: ['fodselsar', 'fødselsår', 'fodselsaar', 'birthyear'],
  unitCode: ['enhetskode', 'einingskode', 'enhetsnr', 'einingsnr', 'orgenhet', 'orgnr', 'unitcode', 'unitid', 'avdelingskode'],
  unitName: ['enhet', 'eining', 'enhetsnavn', 'einingsnamn', 'unitname', 'unit', 'avdeling'],
  parentUnitCode: ['overordnetenhet', 'overordnaeining', 'overordnetenhetskode', 'parentunitcode', 'parentunit', 'parent'],
  positionTitle: ['stilling', 'stillingstittel', 'stillingsnavn', 'stillingsnamn', 'title', 'jobtitle', 'positiontitle'],
  ftePercent: ['stillingsprosent', 'stillingsandel', 'prosent', 'fte', 'ftepercent'],
  styrk08: ['styrk', 'styrk08', 'styrkkode', 'yrkeskode'],
  ksJobCode: ['stillingskode', 'kskode', 'ksstillingskode', 'jobcode', 'ksjobcode'],
  occupationalGroup: ['yrkesgruppe', 'stillingsgruppe', 'occupationalgroup'],
  startDate: ['startdato', 'tiltredelse', 'tiltreding', 'fradato', 'startdate', 'from'],
  endDate: ['sluttdato', 'tildato', 'fratreden', 'fråtreding', 'enddate', 'to'],
  kind: ['type', 'nivå', 'niva', 'kind', 'level'],
};

/** Lower-case, fold diacritics and drop everything but letters and digits. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const recognised = new Map<string, Map<string, string>>();
function namesFor(kind: 'employee' | 'unit'): Map<string, string> {
  const cached = recognised.get(kind);
  if (cached) return cached;
  const fields: readonly string[] = kind === 'employee' ? EMPLOYEE_FIELDS : UNIT_FIELDS;
  const names = new Map<string, string>();
  for (const field of fields) {
    const spellings = [field, ...(ALIASES[field as EmployeeField] ?? []), ...LANGUAGES.map((l) => translate(l, `import.field.${field}`))];
    for (const s of spellings) {
      const n = normaliseHeader(s);
      if (n && !names.has(n)) names.set(n, field);
    }
  }
  recognised.set(kind, names);
  return names;
}

/** The field a header names, if we recognise it. */
export function fieldForHeader(header: string, kind: 'employee' | 'unit' = 'employee'): string | undefined {
  return namesFor(kind).get(normaliseHeader(header));
}

/**
 * Suggest a mapping for a file's headers: the remembered tenant mapping first (when the
 * header it names is in this file), then header-name recognition.
 */
export function suggestMapping(headers: readonly string[], remembered: ImportMapping | null): ImportMapping {
  const mapping: ImportMapping = {};
  const present = new Set(headers);
  const used = new Set<string>();
  for (const field of EMPLOYEE_FIELDS) {
    const header = remembered?.[field];
    if (header && present.has(header) && !used.has(header)) {
      mapping[field] = header;
      used.add(header);
    }
  }
  for (const header of headers) {
    if (used.has(header)) continue;
    const field = fieldForHeader(header) as EmployeeField | undefined;
    if (field && !mapping[field]) {
      mapping[field] = header;
      used.add(header);
    }
  }
  return mapping;
}

/** Sheet names (in every language) for the employee, unit and explanation sheets of the template. */
export function sheetRole(name: string): 'employees' | 'units' | 'explanation' | null {
  const n = normaliseHeader(name);
  for (const role of ['employees', 'units', 'explanation'] as const) {
    for (const l of LANGUAGES) if (normaliseHeader(translate(l, `import.sheet.${role}`)) === n) return role;
    if (n === role) return role;
  }
  return null;
}
