// A leader's year-end evaluation of a measure their unit used: rating 1–5 and a text. One per
// (measure, unit, year), under its version. It feeds the provider's rating and next year's mapping.
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.repository.ts';
import { findUnitRow, listMeasuresUsedByUnit, saveEvaluation } from '../../db/repositories/catalogue.repository.ts';
import { actorLabel, type AccountActor } from '../shared/actor.ts';
import { notFound, staleVersion } from '../shared/app-error.ts';
import { authorize } from '../shared/policy.ts';
import { parseCatalogueInput, ZEvaluationSchema } from './catalogue.rules.ts';

export interface SaveYearEvaluationOptions {
  database: Database;
  actor: AccountActor;
  input: unknown;
  requestId?: string;
}

export async function saveYearEvaluation({ database, actor, input, requestId }: SaveYearEvaluationOptions): Promise<{ version: number }> {
  authorize(actor, 'catalogue.evaluate', { tenantId: actor.tenantId });
  const values = parseCatalogueInput(ZEvaluationSchema, input);
  return database.withTenant(actor.tenantId, async (tx) => {
    const unit = await findUnitRow(tx, values.unitId);
    if (!unit) throw notFound();
    authorize(actor, 'catalogue.evaluate', { tenantId: actor.tenantId, unitPaths: [unit.path] });
    if (!(await listMeasuresUsedByUnit(tx, unit.id, values.year)).some((m) => m.id === values.measureId)) throw notFound();
    const version = await saveEvaluation(tx, { tenantId: actor.tenantId, measureId: values.measureId, unitId: unit.id, year: values.year, rating: values.rating, text: values.text, accountId: actor.accountId, expectedVersion: values.version });
    if (version === null) throw staleVersion();
    await appendAudit(tx, { tenantId: actor.tenantId, actor: actorLabel(actor), action: 'catalogue.evaluation.save', subjectType: 'measure', subjectId: values.measureId, requestId, details: { unitId: unit.id, year: values.year } });
    return { version };
  });
}
