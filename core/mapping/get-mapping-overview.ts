// The coordinator's overview of a cycle: every unit the cycle's mapping forms are asked of, with
// its form's status (approved, submitted, draft, late, missing) grouped by sector, the counts per
// sector for the chart, and the sums (cost, substitute cost, measure mix) of the handed-in forms.
import type { Database } from '../../db/client.ts';
import { listFormsOfCycle, listNeeds } from '../../db/repositories/mapping.repository.ts';
import { findCycleByYear, listCycleYears, listMilestonesOfCycle, listUnitsForTargets } from '../../db/repositories/wheel.repository.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { isMeasureType } from '../shared/measure-types.ts';
import { osloDate, targetUnits } from '../annual-wheel/annual-wheel.rules.ts';
import { countCategories, defaultCycleYear, isPublished, lateness, overviewCategory, pickFormMilestone, summariseNeeds, type FormSummary, type TFormStatus, type TLateness, type TNeedTerm, type TOverviewCategory } from './mapping.rules.ts';
import { today as todayOf } from './mapping-context.ts';

export interface GetMappingOverviewOptions {
  database: Database;
  actor: Actor;
  year?: string | null;
  now?: Date;
}

export interface OverviewUnit {
  unitId: string;
  unitName: string;
  deadline: string | null;
  status: TFormStatus | 'missing';
  category: TOverviewCategory;
  lateness: TLateness;
  needs: number;
  totalNok: number;
}

export interface OverviewSector {
  sectorId: string | null;
  sectorName: string | null;
  units: OverviewUnit[];
  counts: Record<TOverviewCategory, number>;
}

export interface MappingOverview {
  today: string;
  years: number[];
  cycle: { id: string; year: number; title: string } | null;
  sectors: OverviewSector[];
  counts: Record<TOverviewCategory, number>;
  /** Sums over the handed-in (submitted and approved) forms. */
  handedIn: FormSummary;
}

export async function getMappingOverview({ database, actor, year, now }: GetMappingOverviewOptions): Promise<MappingOverview> {
  authorize(actor, 'mapping.overview', { tenantId: actor.tenantId });
  const today = todayOf(now);
  return database.withTenant(actor.tenantId, async (tx) => {
    const years = await listCycleYears(tx);
    const requested = year ? Number(year) : defaultCycleYear(years, today);
    const cycle = requested !== null && Number.isInteger(requested) ? await findCycleByYear(tx, requested) : null;
    if (year && !cycle) throw notFound();
    if (!cycle) return { today, years, cycle: null, sectors: [], counts: countCategories([]), handedIn: summariseNeeds([]) };
    const milestones = await listMilestonesOfCycle(tx, cycle.id);
    const units = await listUnitsForTargets(tx);
    const forms = await listFormsOfCycle(tx, cycle.id);
    const mappingMilestones = milestones.filter((m) => m.concerns === 'mapping_form');
    // The units asked for a form: the targets of the cycle's mapping_form milestones, plus any unit that has a form anyway.
    const formByUnit = new Map(forms.map((f) => [f.unitId, f]));
    const asked = new Set(mappingMilestones.flatMap((m) => targetUnits(m, units).units.map((u) => u.id)));
    for (const f of forms) asked.add(f.unitId);
    const needs = await listNeeds(tx, forms.filter((f) => isPublished(f.status as TFormStatus)).map((f) => f.id));
    const figures = needs.map((n) => ({ ...n, term: n.term as TNeedTerm, measureTypes: n.measureTypes.filter(isMeasureType) }));
    const byId = new Map(units.map((u) => [u.id, u]));
    const sectors = new Map<string, OverviewSector>();
    for (const unit of units.filter((u) => asked.has(u.id))) {
      const sectorId = unit.path.split('/')[1] ?? null;
      const sector = sectorId && sectorId !== unit.id ? byId.get(sectorId) : undefined;
      const key = sector?.id ?? '-';
      const group = sectors.get(key) ?? { sectorId: sector?.id ?? null, sectorName: sector?.name ?? null, units: [], counts: countCategories([]) };
      const form = formByUnit.get(unit.id);
      const status = (form?.status ?? 'missing') as TFormStatus | 'missing';
      const milestone = pickFormMilestone(mappingMilestones, (m) => targetUnits(m, units).units.some((u) => u.id === unit.id));
      const deadline = milestone?.deadline ?? null;
      const own = form ? figures.filter((n) => n.formId === form.id) : [];
      const category = overviewCategory(deadline, status, today);
      group.units.push({
        unitId: unit.id,
        unitName: unit.name,
        deadline,
        status,
        category,
        lateness: lateness(deadline, status, form?.submittedAt ? osloDate(form.submittedAt) : null, today),
        needs: own.length,
        totalNok: summariseNeeds(own).total.totalNok,
      });
      group.counts[category] += 1;
      sectors.set(key, group);
    }
    const list = [...sectors.values()].sort((a, b) => (a.sectorName ?? '\uffff').localeCompare(b.sectorName ?? '\uffff', 'nb'));
    for (const s of list) s.units.sort((a, b) => a.unitName.localeCompare(b.unitName, 'nb'));
    return {
      today,
      years,
      cycle: { id: cycle.id, year: cycle.year, title: cycle.title },
      sectors: list,
      counts: countCategories(list.flatMap((s) => s.units.map((u) => u.category))),
      handedIn: summariseNeeds(figures),
    };
  });
}
