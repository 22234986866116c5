// What a unit learned from last year's measures, for the next mapping form (rullering): the
// leader's year-end evaluations (rating + text) and the attendees' feedback (what was learned,
// usefulness, how it is shared, the report-back), without names. The mapping roll-over calls this.
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findUnitRow, listEvaluationsOfUnit, listFeedbackOfUnit, listMeasuresUsedByUnit } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type Actor } from '../shared/actor.ts';
import { notFound } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { aggregateRating, parseCatalogueInput, type Rating } from './catalogue.rules.ts';

export interface ListEvaluationsForUnitOptions {
  database: Database;
  actor: Actor;
  unitId: string;
  year: unknown;
  requestId?: string;
}

export interface UnitMeasureEvaluation {
  measureId: string;
  title: string;
  type: string;
  providerName: string | null;
  /** The leader's year-end evaluation, if given. */
  evaluation: { rating: number; text: string } | null;
  /** Attendees' usefulness scores. */
  usefulness: Rating;
  feedback: Array<{ learned: string; usefulness: number; sharing: string; reportBackDate: string | null; reportBackHow: string | null }>;
}

export async function listEvaluationsForUnit({ database, actor, unitId, year: rawYear, requestId }: ListEvaluationsForUnitOptions): Promise<UnitMeasureEvaluation[]> {
  if (!z.uuid().safeParse(unitId).success) throw notFound();
  const { year } = parseCatalogueInput(z.object({ year: z.coerce.number().int().min(2000).max(2100) }), { year: rawYear });
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await findUnitRow(tx, unitId);
    if (!unit) throw notFound();
    authorize(actor, 'catalogue.evaluations.read', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    const used = await listMeasuresUsedByUnit(tx, unitId, year);
    const evaluations = await listEvaluationsOfUnit(tx, unitId, year);
    const feedback = await listFeedbackOfUnit(tx, unitId, year);
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.evaluations.read', subjectType: 'org_unit', subjectId: unitId, requestId, details: { year } });
    return used.map((m) => {
      const e = evaluations.find((x) => x.measureId === m.id);
      const fb = feedback.filter((f) => f.measureId === m.id);
      return {
        measureId: m.id,
        title: m.title,
        type: m.type,
        providerName: m.providerName,
        evaluation: e ? { rating: e.rating, text: e.text } : null,
        usefulness: aggregateRating(fb.map((f) => f.usefulness)),
        feedback: fb.map(({ measureId: _m, ...rest }) => rest),
      };
    });
  });
}
