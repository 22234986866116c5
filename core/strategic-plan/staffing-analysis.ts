// The staffing analysis of a plan (KS step 5), computed from the organisation data: head count
// and FTE per occupation and unit, age structure, expected retirements per plan year, turnover
// over the last 12 months, and required vs expected per position type. The repositories
// aggregate in SQL; this module only combines the aggregated rows and applies the rules,
// including the suppression of groups smaller than 5 persons (docs/access.md).
import type { Tx } from '../../db/client.ts';
import { aggregateByOccupation, aggregateByUnit, aggregateCohorts, aggregateTotals, aggregateTurnover, type StaffingScope } from '../../db/repositories/staffing.repository.ts';
import {
  AGE_BANDS,
  ageBands,
  expectedRetirements,
  groupShown,
  planYears,
  projectStaffing,
  styrkGroups,
  suppressSmallCells,
  turnoverRate,
  type Cohort,
  type ProjectionYear,
  type TAgeBand,
  type TRequirementBasis,
} from './strategic-plan.rules.ts';

export interface AnalysisPlan {
  startYear: number;
  horizonYears: number;
  retirementAge: number;
  earlyRetirementPercent: number;
}

export interface RequirementInput {
  styrk08: string;
  year: number;
  basis: string;
  required: number;
}

export interface OccupationFigure {
  styrk08: string | null;
  name: string | null;
  persons: number;
  fte: number;
}

export interface MajorGroupFigure {
  code: string | null;
  name: string | null;
  persons: number;
  fte: number;
  occupations: OccupationFigure[];
}

export interface SuppressedRow {
  styrk08: string | null;
  name: string | null;
  persons: number;
  cells: Array<number | null>;
}

export interface TurnoverFigure {
  styrk08: string | null;
  name: string | null;
  personsStart: number;
  personsEnd: number;
  leavers: number;
  rate: number | null;
  leavingRate: number | null;
}

export interface ProjectionFigure {
  styrk08: string;
  name: string | null;
  basis: TRequirementBasis;
  current: number;
  /** False when the position type has fewer than 5 persons: expected and gap are not shown. */
  shown: boolean;
  years: ProjectionYear[];
}

export interface StaffingAnalysis {
  referenceDate: string;
  referenceYear: number;
  years: number[];
  assumption: { retirementAge: number; earlyRetirementPercent: number };
  totals: { persons: number; fte: number; missingBirthYear: number };
  majorGroups: MajorGroupFigure[];
  units: Array<{ unitId: string; name: string; persons: number; fte: number }>;
  ageBands: { keys: TAgeBand[]; total: Array<number | null>; byPositionType: SuppressedRow[]; hiddenGroups: number };
  retirements: { total: Array<number | null>; byPositionType: SuppressedRow[]; hiddenGroups: number };
  turnover: { total: TurnoverFigure; byPositionType: TurnoverFigure[]; hiddenGroups: number };
  projections: ProjectionFigure[];
}

const key = (code: string | null) => code ?? '';

/** Compute the analysis inside an open tenant transaction. */
export async function computeStaffingAnalysis(tx: Tx, scope: StaffingScope, plan: AnalysisPlan, requirements: readonly RequirementInput[] = []): Promise<StaffingAnalysis> {
  const occupationRows = await aggregateByOccupation(tx, scope);
  const units = await aggregateByUnit(tx, scope);
  const cohortRows = await aggregateCohorts(tx, scope);
  const totals = await aggregateTotals(tx, scope);
  const turnoverRows = await aggregateTurnover(tx, scope);

  const referenceYear = Number(scope.date.slice(0, 4));
  const years = planYears(plan.startYear, plan.horizonYears);
  const assumption = { retirementAge: plan.retirementAge, earlyRetirementPercent: plan.earlyRetirementPercent };
  const names = new Map(occupationRows.map((o) => [key(o.styrk08), o.name]));

  // Occupations rolled up to STYRK-08 major groups (1 digit).
  const majors = new Map<string, MajorGroupFigure>();
  for (const o of occupationRows) {
    const code = o.styrk08 ? styrkGroups(o.styrk08).major : null;
    const g = majors.get(key(code)) ?? { code, name: o.styrk08 ? o.majorName : null, persons: 0, fte: 0, occupations: [] };
    g.persons += o.persons;
    g.fte += o.fte;
    g.occupations.push({ styrk08: o.styrk08, name: o.name, persons: o.persons, fte: o.fte });
    majors.set(key(code), g);
  }
  const majorGroups = [...majors.values()].sort((a, b) => (a.code ?? '9z').localeCompare(b.code ?? '9z'));

  // Cohorts per position type (and all together).
  const cohorts = new Map<string, Cohort[]>();
  const allCohorts = new Map<number, Cohort>();
  for (const c of cohortRows) {
    const list = cohorts.get(key(c.styrk08)) ?? [];
    list.push({ birthYear: c.birthYear, persons: c.persons, fte: c.fte });
    cohorts.set(key(c.styrk08), list);
    const all = allCohorts.get(c.birthYear) ?? { birthYear: c.birthYear, persons: 0, fte: 0 };
    all.persons += c.persons;
    all.fte += c.fte;
    allCohorts.set(c.birthYear, all);
  }
  const personsOf = (list: readonly Cohort[]) => list.reduce((s, c) => s + c.persons, 0);
  const ordered = [...cohorts.entries()].sort((a, b) => personsOf(b[1]) - personsOf(a[1]));

  const ageRows: SuppressedRow[] = [];
  const retirementRows: SuppressedRow[] = [];
  let hiddenAge = 0;
  for (const [code, list] of ordered) {
    const persons = personsOf(list);
    if (!groupShown(persons)) {
      hiddenAge += 1;
      continue;
    }
    const styrk08 = code || null;
    ageRows.push({ styrk08, name: names.get(code) ?? null, persons, cells: suppressSmallCells(ageBands(list, referenceYear)) });
    retirementRows.push({ styrk08, name: names.get(code) ?? null, persons, cells: suppressSmallCells(expectedRetirements(list, years, assumption).map((r) => r.persons)) });
  }
  const everyone = [...allCohorts.values()];
  const totalRetirements = expectedRetirements(everyone, years, assumption);

  // Turnover.
  const turnoverFigure = (r: { styrk08: string | null; personsStart: number; personsEnd: number; leavers: number; leaversBelow62: number }): TurnoverFigure => ({
    styrk08: r.styrk08,
    name: names.get(key(r.styrk08)) ?? null,
    personsStart: r.personsStart,
    personsEnd: r.personsEnd,
    leavers: r.leavers,
    rate: turnoverRate(r.leavers, r.personsStart, r.personsEnd),
    leavingRate: turnoverRate(r.leaversBelow62, r.personsStart, r.personsEnd),
  });
  const sum = turnoverRows.reduce(
    (s, r) => ({ styrk08: null, personsStart: s.personsStart + r.personsStart, personsEnd: s.personsEnd + r.personsEnd, leavers: s.leavers + r.leavers, leaversBelow62: s.leaversBelow62 + r.leaversBelow62 }),
    { styrk08: null as string | null, personsStart: 0, personsEnd: 0, leavers: 0, leaversBelow62: 0 },
  );
  const turnoverShown = turnoverRows.filter((r) => groupShown(Math.max(r.personsStart, r.personsEnd)));
  const turnoverByType = new Map(turnoverRows.map((r) => [key(r.styrk08), turnoverFigure(r)]));

  // Required vs expected per position type that has requirements.
  const byType = new Map<string, { basis: TRequirementBasis; required: Map<number, number> }>();
  for (const r of requirements) {
    const entry = byType.get(r.styrk08) ?? { basis: r.basis === 'fte' ? 'fte' : 'headcount', required: new Map<number, number>() };
    entry.required.set(r.year, r.required);
    byType.set(r.styrk08, entry);
  }
  const occupationByCode = new Map(occupationRows.map((o) => [key(o.styrk08), o]));
  const projections: ProjectionFigure[] = [...byType.entries()].map(([styrk08, { basis, required }]) => {
    const occ = occupationByCode.get(styrk08);
    const current = basis === 'fte' ? (occ?.fte ?? 0) : (occ?.persons ?? 0);
    const retire = expectedRetirements(cohorts.get(styrk08) ?? [], years, assumption).map((r) => (basis === 'fte' ? r.fte : r.persons));
    const shown = groupShown(occ?.persons ?? 0);
    const projected = projectStaffing(current, retire, turnoverByType.get(styrk08)?.leavingRate ?? 0, years, required);
    return {
      styrk08,
      name: occ?.name ?? null,
      basis,
      current,
      shown,
      years: shown ? projected : projected.map((p) => ({ ...p, expected: 0, gap: null })),
    };
  });

  return {
    referenceDate: scope.date,
    referenceYear,
    years,
    assumption,
    totals,
    majorGroups,
    units,
    ageBands: { keys: AGE_BANDS.map((b) => b.key), total: suppressSmallCells(ageBands(everyone, referenceYear)), byPositionType: ageRows, hiddenGroups: hiddenAge },
    retirements: { total: suppressSmallCells(totalRetirements.map((r) => r.persons)), byPositionType: retirementRows, hiddenGroups: hiddenAge },
    turnover: { total: turnoverFigure(sum), byPositionType: turnoverShown.map(turnoverFigure).sort((a, b) => b.personsEnd - a.personsEnd), hiddenGroups: turnoverRows.length - turnoverShown.length },
    projections,
  };
}
