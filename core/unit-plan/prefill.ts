// Filling a unit's plan from the data the municipality already holds: the facts (head count and
// FTE of the unit's subtree, from the org data), and action and sketch rows from the unit's
// mapping form of the year and from the catalogue measures of that year aimed at the unit.
// Shared by create-unit-plan and prefill-unit-plan; runs inside their unit of work.
import type { Tx } from '../../db/client.ts';
import { listUnitsWithCounts } from '../../db/repositories/org-unit.repository.ts';
import { appendUnitPlanRows, listCatalogueMeasuresForUnit, listUnitNeedsOfCycle, listUnitPlanRows } from '../../db/repositories/unit-plan.repository.ts';
import { translate, type Language } from '../../locales/index.ts';
import { prefillRows } from './unit-plan.rules.ts';

export interface PrefillResult {
  headCount: number;
  fteHundredths: number;
  added: number;
}

/** Facts of the unit's subtree now (active employments). */
export async function unitFacts(tx: Tx, unit: { id: string; path: string }): Promise<{ headCount: number; fteHundredths: number }> {
  const rows = await listUnitsWithCounts(tx, { withinPath: unit.path });
  const own = rows.find((r) => r.id === unit.id);
  // fte_percent sums to FTE × 100, which is the hundredths we store.
  return { headCount: own?.headCount ?? 0, fteHundredths: Math.round(own?.fteSum ?? 0) };
}

/** Append the rows the data suggests (skipping those already there); the caller updates the facts and bumps the version. */
export async function appendPrefillRows(tx: Tx, values: { tenantId: string; planId: string; unitId: string; cycleId: string; year: number; language: Language }): Promise<number> {
  const t = (key: string, params?: Record<string, string | number>) => translate(values.language, key, params);
  // One after the other: a transaction is one connection.
  const needs = await listUnitNeedsOfCycle(tx, values.cycleId, values.unitId);
  const measures = await listCatalogueMeasuresForUnit(tx, { unitId: values.unitId, cycleId: values.cycleId, year: values.year });
  const existing = await listUnitPlanRows(tx, values.planId);
  const rows = prefillRows({ planYear: values.year, needs, measures, existing }, { people: (n) => t('unitPlan.prefill.people', { count: n }), needTitle: (area) => t('unitPlan.prefill.needTitle', { area }) });
  const next = new Map<string, number>();
  for (const r of existing) next.set(r.section, Math.max(next.get(r.section) ?? 0, r.position + 1));
  await appendUnitPlanRows(
    tx,
    values.tenantId,
    values.planId,
    rows.map((r) => {
      const position = next.get(r.section) ?? 0;
      next.set(r.section, position + 1);
      return { ...r, position };
    }),
  );
  return rows.length;
}
