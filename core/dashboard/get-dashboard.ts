// The coordinator's and executive's dashboard for a cycle year: how the units' mapping forms
// stand (from the mapping overview: the wheel's mapping_form milestones and the forms' statuses),
// the year's measure-type mix and evaluation coverage (catalogue), trends across cycles (share on
// time from the wheel's unit statuses, number of needs, share of measures evaluated — the same
// sources as the maturity indicators), and the cost-vs-budget panel's seam.
import type { Database } from '../../db/client.ts';
import { findCycleByYear } from '../../db/repositories/wheel.repository.ts';
import { listMeasuresOfYearWithEvaluation } from '../../db/repositories/catalogue.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { authorize } from '../shared/policy.ts';
import { getMappingOverview, type OverviewSector, type OverviewUnit } from '../mapping/get-mapping-overview.ts';
import { countCategories, type TOverviewCategory } from '../mapping/mapping.rules.ts';
import { measureMappingOnTime, measureMeasuresEvaluated, measureNeedsLinkedToGoals } from '../maturity/indicators.ts';
import { readCostVsBudget, type CostVsBudgetPanel } from './cost-vs-budget.ts';
import { evaluationCoverage, submissionTotals, trendPoint, trendYears, typeMix, type EvaluationCoverage, type SubmissionTotals, type TrendPoint, type TypeMix } from './dashboard.rules.ts';

export interface GetDashboardOptions {
  database: Database;
  actor: Actor;
  /** A cycle year; default: the mapping's default cycle year. */
  year?: string | null;
  now?: Date;
}

export interface Dashboard {
  today: string;
  years: number[];
  /** The year shown: the cycle's, or the current year when the tenant has no cycle yet. */
  year: number;
  cycle: { id: string; year: number; title: string } | null;
  submissions: {
    sectors: OverviewSector[];
    counts: Record<TOverviewCategory, number>;
    totals: SubmissionTotals;
    /** Units not handed in and past the deadline, by deadline. */
    overdue: OverviewUnit[];
  };
  mix: TypeMix;
  coverage: EvaluationCoverage;
  trends: TrendPoint[];
  costVsBudget: CostVsBudgetPanel;
}

export async function getDashboard({ database, actor, year, now }: GetDashboardOptions): Promise<Dashboard> {
  authorize(actor, 'dashboard.read', { tenantId: actor.tenantId });
  // The mapping's own use case (its own transaction): units asked, form status, lateness.
  const overview = await getMappingOverview({ database, actor, year, now });
  const today = overview.today;
  const shownYear = overview.cycle?.year ?? Number(today.slice(0, 4));
  return database.withTenant(actor.tenantId, async (tx) => {
    const measures = await listMeasuresOfYearWithEvaluation(tx, shownYear);
    const trends: TrendPoint[] = [];
    for (const y of trendYears(overview.years, shownYear)) {
      const cycle = await findCycleByYear(tx, y);
      if (!cycle) continue;
      const context = { year: y, today };
      trends.push(trendPoint(y, { onTime: await measureMappingOnTime(tx, context), needsLinked: await measureNeedsLinkedToGoals(tx, context), evaluated: await measureMeasuresEvaluated(tx, context) }));
    }
    const units = overview.sectors.flatMap((s) => s.units);
    return {
      today,
      years: overview.years,
      year: shownYear,
      cycle: overview.cycle,
      submissions: {
        sectors: overview.sectors,
        counts: overview.cycle ? overview.counts : countCategories([]),
        totals: submissionTotals(units),
        overdue: units.filter((u) => u.category === 'late').sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? '') || a.unitName.localeCompare(b.unitName, 'nb')),
      },
      mix: typeMix(measures),
      coverage: evaluationCoverage(measures, today),
      trends,
      costVsBudget: await readCostVsBudget(tx, shownYear),
    };
  });
}
