// Pure rules of the coordinator's and executive's dashboard: totals of the units asked for a
// mapping form, the measure-type mix, evaluation coverage per measure class, and one trend point
// per cycle year. No I/O; the use case (get-dashboard.ts) feeds them.
import { isMeasureType, MEASURE_CLASS, MEASURE_TYPES, type MeasureClass, type MeasureType } from '../shared/measure-types.ts';
import type { TLateness, TOverviewCategory } from '../mapping/mapping.rules.ts';
import type { IndicatorValue } from '../maturity/maturity.rules.ts';

/** A share with its parts; `share` is 0..1. */
export interface Share {
  numerator: number;
  denominator: number;
  share: number;
}

export function shareOf(numerator: number, denominator: number): Share | null {
  return denominator > 0 ? { numerator, denominator, share: numerator / denominator } : null;
}

/** A measured indicator as a share, or null when it is not measured. */
export function indicatorAsShare(value: IndicatorValue): Share | null {
  return value.status === 'measured' ? shareOf(value.numerator, value.denominator) : null;
}

export interface SubmissionTotals {
  /** Units asked for a form (targets of the cycle's mapping_form milestones, or with a form anyway). */
  asked: number;
  /** Submitted or approved. */
  handedIn: number;
  approved: number;
  /** Not handed in and past the deadline. */
  overdue: number;
  /** Handed in, but after the deadline. */
  handedInLate: number;
}

export function submissionTotals(units: ReadonlyArray<{ category: TOverviewCategory; lateness: TLateness }>): SubmissionTotals {
  const out: SubmissionTotals = { asked: units.length, handedIn: 0, approved: 0, overdue: 0, handedInLate: 0 };
  for (const u of units) {
    if (u.category === 'approved' || u.category === 'submitted') out.handedIn += 1;
    if (u.category === 'approved') out.approved += 1;
    if (u.category === 'late') out.overdue += 1;
    if (u.lateness === 'submitted_late') out.handedInLate += 1;
  }
  return out;
}

export interface TypeMix {
  /** Every measure type with its count, in the catalogue's order; types with none are left out. */
  byType: Array<{ type: MeasureType; measureClass: MeasureClass; count: number }>;
  course: number;
  work: number;
  total: number;
}

/** The mix of measure types (courses vs learning at work) over a year's measures; unknown type codes are left out. */
export function typeMix(measures: ReadonlyArray<{ type: string }>): TypeMix {
  const counts = new Map<MeasureType, number>();
  for (const m of measures) if (isMeasureType(m.type)) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  const byType = MEASURE_TYPES.filter((t) => counts.has(t)).map((t) => ({ type: t, measureClass: MEASURE_CLASS[t], count: counts.get(t)! }));
  const course = byType.filter((x) => x.measureClass === 'course').reduce((s, x) => s + x.count, 0);
  const work = byType.filter((x) => x.measureClass === 'work').reduce((s, x) => s + x.count, 0);
  return { byType, course, work, total: course + work };
}

export interface CoverageRow {
  measureClass: MeasureClass;
  /** Measures that have ended (end date before today). */
  ended: number;
  evaluated: number;
}

export interface EvaluationCoverage {
  rows: CoverageRow[];
  total: { ended: number; evaluated: number };
  /** Measures of the year not ended yet (no end date, or ending today or later). */
  notEnded: number;
}

/**
 * Evaluation coverage per measure class: of the measures that have ended (end date before
 * today), how many have a leader's year-end evaluation or participant feedback. The same rule as
 * the maturity indicator `measuresEvaluated`.
 */
export function evaluationCoverage(measures: ReadonlyArray<{ type: string; endDate: string | null; evaluated: boolean }>, today: string): EvaluationCoverage {
  const rows: CoverageRow[] = [
    { measureClass: 'course', ended: 0, evaluated: 0 },
    { measureClass: 'work', ended: 0, evaluated: 0 },
  ];
  let notEnded = 0;
  for (const m of measures) {
    if (!isMeasureType(m.type)) continue;
    if (m.endDate === null || m.endDate >= today) {
      notEnded += 1;
      continue;
    }
    const row = rows.find((r) => r.measureClass === MEASURE_CLASS[m.type as MeasureType])!;
    row.ended += 1;
    if (m.evaluated) row.evaluated += 1;
  }
  return { rows, total: { ended: rows[0]!.ended + rows[1]!.ended, evaluated: rows[0]!.evaluated + rows[1]!.evaluated }, notEnded };
}

export interface TrendPoint {
  year: number;
  /** Share of target units marked done on time (null: no deadline passed). */
  onTime: Share | null;
  /** Needs on the cycle's handed-in forms. */
  needs: number;
  /** Share of the year's ended measures that are evaluated (null: none ended). */
  evaluated: Share | null;
}

/** One trend point from the year's indicators: on time, needs linked to goals (its denominator is the number of handed-in needs), measures evaluated. */
export function trendPoint(year: number, values: { onTime: IndicatorValue; needsLinked: IndicatorValue; evaluated: IndicatorValue }): TrendPoint {
  return {
    year,
    onTime: indicatorAsShare(values.onTime),
    needs: values.needsLinked.status === 'measured' ? values.needsLinked.denominator : 0,
    evaluated: indicatorAsShare(values.evaluated),
  };
}

/** The trend's years: the cycle years up to and including the shown year, oldest first, at most `limit`. */
export function trendYears(cycleYears: readonly number[], shownYear: number, limit = 6): number[] {
  return [...new Set(cycleYears)]
    .filter((y) => y <= shownYear)
    .sort((a, b) => a - b)
    .slice(-limit);
}
