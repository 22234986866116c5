// Save a draft plan as a whole: the text sections, the economic frame, the facts, and the three
// tables (action programme, 4-year sketch, evaluation areas), under the version that was read —
// a save on an older version is refused (STALE_VERSION) and changes nothing.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findCatalogueMeasures } from '../../db/repositories/competence-plan.repository.ts';
import { replaceUnitPlanRows, updateUnitPlan, type NewUnitPlanLine } from '../../db/repositories/unit-plan.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { staleVersion, validation } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseUnitPlanSave } from './unit-plan.rules.ts';
import { loadUnitPlanContext, requireDraft, requireVisiblePlan, unitResource } from './unit-plan-access.ts';

export interface SaveUnitPlanOptions {
  database: Database;
  actor: Actor;
  unitId: unknown;
  year: unknown;
  input: unknown;
  requestId?: string;
}

export async function saveUnitPlan({ database, actor, unitId, year, input, requestId }: SaveUnitPlanOptions): Promise<{ version: number }> {
  return database.withTenant(actor.tenantId, async (tx) => {
    const ctx = await loadUnitPlanContext(tx, unitId, year);
    const plan = requireVisiblePlan(actor, ctx);
    authorize(actor, 'unitPlan.write', unitResource(actor, ctx.unit.path));
    requireDraft(plan);
    const v = parseUnitPlanSave(input, ctx.cycle.year);
    const measureIds = v.actions.flatMap((a) => (a.catalogueMeasureId ? [a.catalogueMeasureId] : []));
    const found = await findCatalogueMeasures(tx, measureIds);
    if (found.length !== new Set(measureIds).size) throw validation([{ path: 'actions', key: 'unitPlan.errors.measureUnknown' }]);
    const saved = await updateUnitPlan(tx, plan.id, v.version, {
      developmentTrends: v.developmentTrends,
      budgetFrameNok: v.budgetFrameNok ?? null,
      competenceBudgetNok: v.competenceBudgetNok ?? null,
      economyNote: v.economyNote,
      serviceStandards: v.serviceStandards,
      headCount: v.headCount ?? null,
      fteHundredths: v.fte ?? null,
      factsNote: v.factsNote,
    });
    if (saved === null) throw staleVersion();
    const rows: NewUnitPlanLine[] = [
      ...v.actions.map((a, i) => ({ section: 'action', position: i, year: null, title: a.title, competence: a.competence, responsible: a.responsible, timing: a.timing, costNok: a.costNok ?? null, catalogueMeasureId: a.catalogueMeasureId ?? null })),
      ...[...v.outlook]
        .map((o, i) => ({ o, i }))
        .sort((a, b) => a.o.year - b.o.year || a.i - b.i)
        .map(({ o }, i) => ({ section: 'outlook', position: i, year: o.year, title: o.title, competence: o.competence, responsible: '', timing: '', costNok: o.costNok ?? null, catalogueMeasureId: null })),
      ...v.evaluations.map((e, i) => ({ section: 'evaluation', position: i, year: null, title: e.title, competence: e.competence, responsible: e.responsible, timing: '', costNok: null, catalogueMeasureId: null })),
    ];
    await replaceUnitPlanRows(tx, actor.tenantId, plan.id, rows);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'unitPlan.save', subjectType: 'unit_plan', subjectId: plan.id, requestId, details: { actions: v.actions.length, outlook: v.outlook.length, evaluations: v.evaluations.length } });
    return { version: saved };
  });
}
